import { useMemo } from 'react'
import Taro from '@tarojs/taro'
import { View } from '@tarojs/components'
import { qrRows } from './qr-rows'
import './qr-matrix.scss'

export interface QrMatrixProps {
  value: string
  /** Rough width in design px (375-wide canvas); rounded down to whole pixels per module. */
  size?: number
  /** Greyed out while a fresh code is on its way or the pass cannot be used. */
  dimmed?: boolean
}

const QUIET_MODULES = 2

/**
 * The QR drawn with plain Views, so the same component works on weapp and H5 without a canvas:
 * one View per row, one per run of equal modules, whole pixels per module so readers get crisp edges.
 */
export function QrMatrix({ value, size = 220, dimmed }: QrMatrixProps) {
  const rows = useMemo(() => qrRows(value), [value])
  const modules = rows.length
  const cell = Math.max(2, Math.floor(size / (modules + 2 * QUIET_MODULES)))
  const px = (n: number) => Taro.pxTransform(n)
  return (
    <View
      className={`qr-matrix${dimmed ? ' qr-matrix--dimmed' : ''}`}
      style={{ padding: px(cell * QUIET_MODULES), width: px(cell * modules), height: px(cell * modules) }}
      data-code={value}
      data-modules={modules}
    >
      {rows.map((runs, r) => (
        <View key={r} className='qr-matrix__row' style={{ height: px(cell) }}>
          {runs.map((run, i) => (
            <View key={i} className={run.dark ? 'qr-matrix__dark' : 'qr-matrix__light'} style={{ width: px(cell * run.length) }} />
          ))}
        </View>
      ))}
    </View>
  )
}

export default QrMatrix
