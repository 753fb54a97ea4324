/**
 * Minutes on site, from two instants. Instants, not wall-clock times, so an evening event that runs past
 * midnight in Shanghai (check-in 23:30, check-out 00:45) is 75 minutes, never negative or a day off.
 * Whole minutes, rounded down: a resident who stayed 59 s has not stayed a minute.
 */
export function dwellMinutes(checkInAt: Date, checkOutAt: Date): number {
  return Math.max(0, Math.floor((checkOutAt.getTime() - checkInAt.getTime()) / 60_000))
}
