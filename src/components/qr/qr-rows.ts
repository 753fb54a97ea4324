import qrcode from 'qrcode-generator'

/** A QR row as runs of equal modules: far fewer nodes than one View per module (≈ 40×40 for a pass). */
export interface QrRun {
  dark: boolean
  length: number
}

/** Byte mode, error correction M: a pass (≈ 83 base64url chars) fits a version 5–6 symbol. */
export function qrRows(value: string): QrRun[][] {
  const qr = qrcode(0, 'M')
  qr.addData(value, 'Byte')
  qr.make()
  const n = qr.getModuleCount()
  const rows: QrRun[][] = []
  for (let r = 0; r < n; r++) {
    const runs: QrRun[] = []
    for (let c = 0; c < n; c++) {
      const dark = qr.isDark(r, c)
      const last = runs[runs.length - 1]
      if (last && last.dark === dark) last.length += 1
      else runs.push({ dark, length: 1 })
    }
    rows.push(runs)
  }
  return rows
}
