/**
 * How long the table keeps an execution, through DynamoDB's TTL on `expiresAt` (epoch seconds;
 * the deployment enables TTL on it, infra/spec/table.ts). AWS keeps a closed execution for 90
 * days, so the META item expires 90 days after the execution ends, and carries no expiry while it
 * runs. Every other item of an execution (step items, child results, task tokens, part items)
 * expires a year and 90 days after it was written, a year being AWS's longest execution: such
 * items are written once and never updated, and stamping them again at the end would cost a
 * write each.
 */
export const TTL_ATTRIBUTE = 'expiresAt';

const DAY_SECONDS = 24 * 60 * 60;
export const RETENTION_AFTER_END_SECONDS = 90 * DAY_SECONDS;
export const LONGEST_EXECUTION_SECONDS = 365 * DAY_SECONDS;

/** The expiry of an item written at `nowMs` that belongs to an execution. */
export function expiryOfWrite(nowMs: number): number {
  return Math.ceil(nowMs / 1000) + LONGEST_EXECUTION_SECONDS + RETENTION_AFTER_END_SECONDS;
}

/** The expiry of an execution's META item once it has ended at `nowMs`. */
export function expiryAfterEnd(nowMs: number): number {
  return Math.ceil(nowMs / 1000) + RETENTION_AFTER_END_SECONDS;
}

/** The items, each with the expiry of a write at `nowMs`. */
export function expiring<T extends Record<string, unknown>>(items: readonly T[], nowMs: number): T[] {
  const expiresAt = expiryOfWrite(nowMs);
  return items.map((item) => ({ ...item, [TTL_ATTRIBUTE]: expiresAt }));
}
