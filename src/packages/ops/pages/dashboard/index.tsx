import { useState } from 'react'
import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { householdsContract } from '@contracts/households.contract'
import { opsContract } from '@contracts/ops.contract'
import type { OpsRow } from '@contracts/ops-dashboard.schemas'
import type { ActionOutput } from '@contracts/envelope'
import { callFn } from '@/services/call-fn'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { BarChart } from '@/components/figures/BarChart'
import { currentMonth, yuan } from '@/components/figures/figure-format'
import { MonthSwitcher } from '@/components/figures/MonthSwitcher'
import { OPS_FIELDS, ReportTable } from './ReportTable'
import { toastError } from '@/services/toast'
import { StatementsCard } from './StatementsCard'
import './index.scss'

type Exported = ActionOutput<typeof opsContract, 'opsExport'>

/** The community's month across areas, as the home board shows it: fees, repairs, group buying, funnel. */
function Summary({ row }: { row: OpsRow }) {
  const item = (label: string, value: string, key: string) => (
    <View className='ops-summary__item' key={key}>
      <Text className='ops-summary__value' data-summary={key}>
        {value}
      </Text>
      <Text className='ops-summary__label'>{label}</Text>
    </View>
  )
  const f = (key: string) => OPS_FIELDS.find((x) => x.key === key)!.show(row)
  // Tiles are a third of a 320 px screen: large sums in 万 (the table below keeps the exact amounts).
  const money = (fen: number) => (Math.abs(fen) >= 1_000_000 ? `¥${(fen / 1_000_000).toFixed(1)}万` : yuan(fen).replace(/\.\d\d$/, ''))
  return (
    <View className='card ops-summary' data-testid='community-figures'>
      <Text className='ops-summary__area'>物业缴费</Text>
      {item('收缴率', f('feeRatePct'), 'feeRatePct')}
      {item('本月实收', money(row.feePaidFen), 'feePaidFen')}
      {item('欠费', money(row.arrearsFen), 'arrearsFen')}
      <Text className='ops-summary__area'>报事报修</Text>
      {item('报修量', f('repairsFiled'), 'repairsFiled')}
      {item('按时率', f('onTimeRate'), 'onTimeRate')}
      {item('投诉', f('complaints'), 'complaints')}
      <Text className='ops-summary__area'>社区团购与住户</Text>
      {item('GMV', money(row.gmvFen), 'gmvFen')}
      {item('客单价', yuan(row.avgOrderFen), 'avgOrderFen')}
      {item('渗透率', f('penetration'), 'penetration')}
    </View>
  )
}

function ExportCsv({ communityId, month }: { communityId: string; month: string }) {
  const [busy, setBusy] = useState(false)
  const [file, setFile] = useState<Exported>()
  const run = async () => {
    setBusy(true)
    try {
      setFile(await callFn(opsContract, 'opsExport', { communityId, month }))
    } catch (e) {
      toastError(e)
    } finally {
      setBusy(false)
    }
  }
  const open = (f: Exported) => {
    // H5: the browser downloads it; WeChat: copy the link (CloudBase's temporary URL opens in any browser).
    if (process.env.TARO_ENV === 'h5') window.open(f.url, '_blank')
    else void Taro.setClipboardData({ data: f.url })
  }
  return (
    <>
      <Button size='small' fill='outline' disabled={busy} onClick={() => void run()} data-testid='export-csv'>
        {busy ? '导出中…' : '导出 CSV'}
      </Button>
      {file && (
        <View className='ops-export' data-testid='csv-file' data-url={file.url} data-file-id={file.fileId}>
          <Text className='ops-export__name'>{`${file.fileName}（${file.rows} 行，已存入云存储 exports/ops/）`}</Text>
          <Text className='ops-export__link' data-testid='csv-link' onClick={() => open(file)}>
            {process.env.TARO_ENV === 'h5' ? '下载 CSV ›' : '复制下载链接 ›'}
          </Text>
        </View>
      )}
    </>
  )
}

function Report({ communityId }: { communityId: string }) {
  const [month, setMonth] = useState(currentMonth())
  const q = useFnQuery(opsContract, 'opsDashboard', { communityId, month })
  usePullDownRefresh(() => void q.reload().finally(() => Taro.stopPullDownRefresh()))
  const community = q.data?.rows.find((r) => r.scope === 'community')
  const stewards = q.data?.rows.filter((r) => r.scope === 'steward') ?? []
  return (
    <>
      <MonthSwitcher month={month} onChange={setMonth} prefix={q.data ? `${q.data.communityName} ` : ''} />
      <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()}>
        {q.data && community && (
          <>
            <Summary row={community} />
            <View className='card'>
              <Text className='ops-card__title'>各管家 GMV</Text>
              <BarChart points={stewards.map((s) => ({ label: s.label, value: s.gmvFen, caption: s.gmvFen ? yuan(s.gmvFen).replace(/\.\d\d$/, '') : '0' }))} />
            </View>
            <View className='card'>
              <View className='ops-card__head'>
                <Text className='ops-card__title'>明细（小区 / 管家 / 网格）</Text>
                <ExportCsv communityId={communityId} month={month} />
              </View>
              <ReportTable rows={q.data.rows} />
              <Text className='ops-card__note'>
                管家行：归因到该管家的订单，其网格的缴费与报修；网格行：网格内住户的一切（无论归因给谁）。本月实收含往月账单与滞纳金；按时率不含已取消工单；投诉 = 任一项评分 ≤2 或返修。
              </Text>
            </View>
          </>
        )}
      </PageState>
      <StatementsCard communityId={communityId} />
    </>
  )
}

/** 运营看板 (ops, H5 first): fees, repairs, group buying and the funnel per community, steward, grid and month. */
export default function OpsDashboardPage() {
  const me = useFnQuery(householdsContract, 'me', {})
  const communityId = me.data?.roles.find((r) => r.role === 'ops')?.communityId
  return (
    <View className='dash-page ops-dash'>
      <PageState loading={me.loading} error={me.error} hasData={!!me.data} empty={!!me.data && !communityId} emptyText='仅物业运营人员可以查看' onRetry={() => void me.reload()}>
        {communityId && <Report communityId={communityId} />}
      </PageState>
    </View>
  )
}
