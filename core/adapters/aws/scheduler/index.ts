/** Timers on the work queue (up to 15 minutes) and EventBridge Scheduler one-time schedules. */
export { SchedulerTimers } from './scheduler-timers.ts';
export type { SchedulerTimersOptions } from './scheduler-timers.ts';
export { SchedulerRequestCounter } from './request-counter.ts';
export type { SchedulerRequestCounts } from './request-counter.ts';
export { scheduleName, SCHEDULE_NAME_PREFIX } from './schedule-name.ts';
export { atExpression } from './at-expression.ts';
export { MAX_INPUT_BYTES, QUEUE_DELAY_HORIZON_SECONDS } from './limits.ts';
