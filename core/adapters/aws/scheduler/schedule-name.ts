import { createHash } from 'node:crypto';

/**
 * The Scheduler schedule that holds a timer. Timer names are long and free-form; schedule names
 * are 1 to 64 characters of `[0-9a-zA-Z-_.]`, so the name is a hash of the timer's: the same
 * timer always maps to the same schedule, which is what makes scheduling it twice one timer.
 * 192 bits of SHA-256 keep collisions out of reach; the prefix tells the engine's schedules
 * apart in a shared group.
 */
export const SCHEDULE_NAME_PREFIX = 'stepwise-';

export function scheduleName(timerName: string): string {
  return SCHEDULE_NAME_PREFIX + createHash('sha256').update(timerName, 'utf8').digest('hex').slice(0, 48);
}
