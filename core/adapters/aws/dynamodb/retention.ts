/**
 * How long the table keeps an execution, through DynamoDB's TTL on `expiresAt` (epoch seconds;
 * the deployment enables TTL on it, infra/spec/table.ts). AWS keeps a closed execution for 90
 * days, so the META item expires 90 days after the execution ends, and carries no expiry while it
 * runs. Every other item of an execution (step items, child results, task tokens, part items)
 * is written once and never updated (stamping them again at the end would cost a write each), so
 * it gets its expiry when written: 90 days after the execution's deadline when its state machine
 * sets TimeoutSeconds (the runtime ends it by then), else a year and 90 days after the write, a
 * year being AWS's longest execution.
 */
export const TTL_ATTRIBUTE = 'expiresAt';

const DAY_SECONDS = 24 * 60 * 60;
export const RETENTION_AFTER_END_SECONDS = 90 * DAY_SECONDS;
export const LONGEST_EXECUTION_SECONDS = 365 * DAY_SECONDS;

/** The expiry of an item written at `nowMs` that belongs to an execution ending by `deadlineMs`, if known. */
export function expiryOfWrite(nowMs: number, deadlineMs?: number): number {
  const latestEnd = deadlineMs === undefined ? nowMs + LONGEST_EXECUTION_SECONDS * 1000 : Math.max(nowMs, deadlineMs);
  return Math.ceil(latestEnd / 1000) + RETENTION_AFTER_END_SECONDS;
}

/** The expiry of an execution's META item once it has ended at `nowMs`. */
export function expiryAfterEnd(nowMs: number): number {
  return Math.ceil(nowMs / 1000) + RETENTION_AFTER_END_SECONDS;
}

/** The item, to be deleted after `expiresAt` (epoch seconds). */
export function withExpiry<T extends Record<string, unknown>>(item: T, expiresAt: number): T {
  return { ...item, [TTL_ATTRIBUTE]: expiresAt };
}
