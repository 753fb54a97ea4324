import { householdsContract } from '@contracts/households.contract'
import { useFnQuery } from '@/hooks/use-fn-query'
import { PageState } from '@/components/PageState'
import { ChoiceGrid } from '../../components/ChoiceGrid'

export interface Picked {
  id: string
  name: string
}

/** Step 1: communities (a property company runs a handful; a keyword filter can come when it runs hundreds). */
export function CommunityStep({ onPick }: { onPick: (p: Picked) => void }) {
  const q = useFnQuery(householdsContract, 'listCommunities', {})
  const list = q.data?.communities ?? []
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()} empty={!!q.data && list.length === 0} emptyText='暂无可绑定的小区'>
      <ChoiceGrid columns={3} choices={list.map((c) => ({ key: c.id, label: c.name }))} onPick={(id) => onPick({ id, name: list.find((c) => c.id === id)!.name })} />
    </PageState>
  )
}

export function BuildingStep({ communityId, onPick }: { communityId: string; onPick: (p: Picked) => void }) {
  const q = useFnQuery(householdsContract, 'listBuildings', { communityId })
  const list = q.data?.buildings ?? []
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()} empty={!!q.data && list.length === 0} emptyText='该小区还没有录入楼栋'>
      <ChoiceGrid choices={list.map((b) => ({ key: b.id, label: b.name }))} onPick={(id) => onPick({ id, name: list.find((b) => b.id === id)!.name })} />
    </PageState>
  )
}

export function UnitStep({ buildingId, onPick }: { buildingId: string; onPick: (unit: string) => void }) {
  const q = useFnQuery(householdsContract, 'listUnits', { buildingId })
  const list = q.data?.units ?? []
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()} empty={!!q.data && list.length === 0} emptyText='该楼栋还没有录入房屋'>
      <ChoiceGrid columns={3} choices={list.map((u) => ({ key: u, label: u }))} onPick={onPick} />
    </PageState>
  )
}

export function RoomStep({ buildingId, unit, onPick }: { buildingId: string; unit: string; onPick: (p: Picked) => void }) {
  const q = useFnQuery(householdsContract, 'listRooms', { buildingId, unit })
  const list = q.data?.rooms ?? []
  return (
    <PageState loading={q.loading} error={q.error} hasData={!!q.data} onRetry={() => void q.reload()} empty={!!q.data && list.length === 0} emptyText='该单元还没有录入房屋'>
      <ChoiceGrid choices={list.map((r) => ({ key: r.householdId, label: r.room }))} onPick={(id) => onPick({ id, name: list.find((r) => r.householdId === id)!.room })} />
    </PageState>
  )
}
