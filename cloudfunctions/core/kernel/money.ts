/**
 * Money is integer fen everywhere: stored, summed and compared as fen, turned into yuan text only for
 * people (cards, CSV exports, history notes).
 */
export type Fen = number

/** 12345 → "123.45". */
export function yuan(fen: Fen): string {
  return (fen / 100).toFixed(2)
}
