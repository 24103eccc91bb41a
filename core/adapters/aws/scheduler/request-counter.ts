/**
 * Counts the timers' Scheduler requests for cost reports. Scheduler bills each schedule's
 * invocation ($1 per million); a one-time schedule fires once, so `schedulesCreated` is the
 * number of billed invocations. Timers that went straight to the queue cost SQS requests instead,
 * counted by the queue.
 */
export interface SchedulerRequestCounts {
  /** CreateSchedule attempts, the SDK's retries included. */
  readonly createSchedule: number;
  /** CreateSchedule calls that made a schedule. */
  readonly schedulesCreated: number;
  /** CreateSchedule calls that found the schedule there already (the same timer scheduled again). */
  readonly scheduleConflicts: number;
  /** DeleteSchedule attempts. */
  readonly deleteSchedule: number;
  /** Timers due within 15 minutes, sent to the queue with DelaySeconds. */
  readonly timersQueued: number;
}

export class SchedulerRequestCounter {
  private counts: SchedulerRequestCounts = { createSchedule: 0, schedulesCreated: 0, scheduleConflicts: 0, deleteSchedule: 0, timersQueued: 0 };

  add(delta: Partial<SchedulerRequestCounts>): void {
    const next: { -readonly [K in keyof SchedulerRequestCounts]: number } = { ...this.counts };
    for (const field of Object.keys(next) as (keyof SchedulerRequestCounts)[]) next[field] += delta[field] ?? 0;
    this.counts = next;
  }

  snapshot(): SchedulerRequestCounts {
    return this.counts;
  }
}
