import { CreateScheduleCommand, DeleteScheduleCommand } from '@aws-sdk/client-scheduler';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { Clock, Timers, WorkQueue } from '../../../ports.ts';
import type { WorkMessage } from '../../../runtime/records.ts';
import { bodyBytes, encodeWorkMessage } from '../sqs/work-message-body.ts';
import { atExpression } from './at-expression.ts';
import { MAX_INPUT_BYTES, QUEUE_DELAY_HORIZON_SECONDS } from './limits.ts';
import { SchedulerRequestCounter } from './request-counter.ts';
import type { SchedulerRequestCounts } from './request-counter.ts';
import { scheduleName } from './schedule-name.ts';

export interface SchedulerTimersOptions {
  /** The work queue; timers due within 15 minutes go there with DelaySeconds. */
  readonly queue: WorkQueue;
  readonly scheduler: SchedulerClient;
  /** The schedule group that holds the timers' schedules (it must exist). */
  readonly groupName: string;
  /** The work queue's ARN: the schedules' target. */
  readonly queueArn: string;
  /** The role Scheduler assumes to send to the queue (sqs:SendMessage on it). */
  readonly roleArn: string;
  readonly clock: Clock;
  /** Where Scheduler puts a timer's message it could not deliver after its retries. */
  readonly deadLetterQueueArn?: string;
  /** Told about a DeleteSchedule that failed for another reason than the schedule being gone. */
  readonly onCancelError?: (error: unknown, timerName: string) => void;
  /** Shared with other timers to total their requests; each has its own otherwise. */
  readonly counter?: SchedulerRequestCounter;
}

/**
 * Timers on the work queue and EventBridge Scheduler. A timer due within 15 minutes is the
 * message itself, delayed on the queue. A later one is a one-time `at()` schedule whose target
 * is the queue and whose Input is the message body; Scheduler deletes it once it has fired.
 * The message may reach a worker up to a minute early (Scheduler's precision): the worker puts
 * it back for the remainder (earlyArrival).
 */
export class SchedulerTimers implements Timers {
  private readonly counter: SchedulerRequestCounter;

  constructor(private readonly options: SchedulerTimersOptions) {
    this.counter = options.counter ?? new SchedulerRequestCounter();
  }

  async schedule(timer: { readonly name: string; readonly fireAt: number; readonly message: WorkMessage }): Promise<void> {
    const remainingSeconds = Math.max(0, Math.ceil((timer.fireAt - this.options.clock.now()) / 1000));
    if (remainingSeconds <= QUEUE_DELAY_HORIZON_SECONDS) {
      await this.options.queue.send([{ message: timer.message, delaySeconds: remainingSeconds }]);
      this.counter.add({ timersQueued: 1 });
      return;
    }
    const input = encodeWorkMessage(timer.message);
    const inputBytes = bodyBytes(input);
    if (inputBytes > MAX_INPUT_BYTES) {
      throw new RangeError(`timer message ${timer.message.key} is ${inputBytes} bytes: a Scheduler target's Input holds at most ${MAX_INPUT_BYTES}`);
    }
    const { groupName, queueArn, roleArn, deadLetterQueueArn } = this.options;
    const command = new CreateScheduleCommand({
      Name: scheduleName(timer.name),
      GroupName: groupName,
      ScheduleExpression: atExpression(timer.fireAt),
      ScheduleExpressionTimezone: 'UTC',
      FlexibleTimeWindow: { Mode: 'OFF' },
      ActionAfterCompletion: 'DELETE',
      Target: {
        Arn: queueArn,
        RoleArn: roleArn,
        Input: input,
        ...(deadLetterQueueArn === undefined ? {} : { DeadLetterConfig: { Arn: deadLetterQueueArn } }),
      },
    });
    try {
      const output = await this.options.scheduler.send(command);
      this.counter.add({ createSchedule: output.$metadata.attempts ?? 1, schedulesCreated: 1 });
    } catch (error) {
      this.counter.add({ createSchedule: attemptsOf(error) });
      // The schedule's name is derived from the timer's, so an existing one is this timer.
      if (errorName(error) === 'ConflictException') {
        this.counter.add({ scheduleConflicts: 1 });
        return;
      }
      throw error;
    }
  }

  /**
   * Deletes the timer's schedule, if it has one. Best effort, and never throws: a timer that
   * fires after all delivers a message for a sequence number its branch has moved past, which
   * the runtime ignores, so a failed delete costs one stray message, not a wrong result; failing
   * the caller's step over it would cost more. A timer that went to the queue cannot be
   * withdrawn and needs nothing.
   */
  async cancel(name: string): Promise<void> {
    try {
      const output = await this.options.scheduler.send(new DeleteScheduleCommand({ Name: scheduleName(name), GroupName: this.options.groupName }));
      this.counter.add({ deleteSchedule: output.$metadata.attempts ?? 1 });
    } catch (error) {
      this.counter.add({ deleteSchedule: attemptsOf(error) });
      if (errorName(error) === 'ResourceNotFoundException') return;
      this.options.onCancelError?.(error, name);
    }
  }

  /** What this instance's requests have cost so far. */
  requestCounts(): SchedulerRequestCounts {
    return this.counter.snapshot();
  }
}

function errorName(error: unknown): string | undefined {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : undefined;
}

function attemptsOf(error: unknown): number {
  const attempts = (error as { $metadata?: { attempts?: unknown } } | null)?.$metadata?.attempts;
  return typeof attempts === 'number' && attempts > 0 ? attempts : 1;
}
