/** "11月23日 10:00" in the phone's zone: the resident reads the deadline as local time. */
export function formatExpiry(iso: string): string {
  const d = new Date(iso)
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${d.getMonth() + 1}月${d.getDate()}日 ${pad(d.getHours())}:${pad(d.getMinutes())}`
}
