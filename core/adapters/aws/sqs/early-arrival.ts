import type { WorkMessage } from '../../../runtime/records.ts';
import { MAX_DELAY_SECONDS } from './limits.ts';

/**
 * Whether a message reached a worker before it was due, and how long to put it back for.
 *
 * A timer's message carries `at` = its fireAt. It can arrive early for two reasons: Scheduler
 * fires at minute precision (the schedule is set at the minute containing fireAt, never after
 * it), and a wait longer than 15 minutes must be split, as SQS delays stop at 900 s. The worker
 * re-sends an early message with `DelaySeconds = delaySeconds` (same body, same key) and
 * acknowledges the original; a long remainder simply takes several hops.
 *
 * Other messages carry `at` = when their event happened, which is never ahead of the clock
 * beyond the tolerance, which absorbs clock differences between machines.
 */
export type Arrival = { readonly early: false } | { readonly early: true; readonly delaySeconds: number };

export const EARLY_TOLERANCE_MS = 1_000;

export function earlyArrival(message: Pick<WorkMessage, 'at'>, nowMs: number, toleranceMs: number = EARLY_TOLERANCE_MS): Arrival {
  const remainingMs = message.at - nowMs;
  if (!(remainingMs > toleranceMs)) return { early: false };
  // Rounded up: the re-delivered message must not be early again by a fraction of a second.
  return { early: true, delaySeconds: Math.min(MAX_DELAY_SECONDS, Math.ceil(remainingMs / 1000)) };
}
