/**
 * A one-time schedule's `at(yyyy-mm-ddThh:mm:ss)` expression, in UTC, for a time in ms.
 *
 * Scheduler fires at minute precision, so the expression names the start of the minute that
 * contains `fireAt`: never after it. A message that arrives before `fireAt` is put back on the
 * queue for the remainder (see earlyArrival); one that arrived late could not be made earlier.
 */
export function atExpression(fireAt: number): string {
  const minute = Math.floor(fireAt / 60_000) * 60_000;
  // toISOString is UTC: `yyyy-mm-ddThh:mm:ss.sssZ`; Scheduler wants it without ms and zone.
  return `at(${new Date(minute).toISOString().slice(0, 19)})`;
}
