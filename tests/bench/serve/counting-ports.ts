/**
 * Counting wrappers around the runtime's queue and timers: what the worker would ask of SQS
 * and EventBridge Scheduler in AWS. In-process the ports are free; these tallies are what the
 * bench prices.
 */
import type { Clock, Timers, WorkQueue } from '../../../core/ports.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';

/** SQS bills each 64 KB chunk of a payload as one request. */
export const SQS_CHUNK_BYTES = 64 * 1024;
/** Waits up to this long are SQS DelaySeconds; longer ones need an EventBridge Scheduler schedule. */
export const SQS_MAX_DELAY_MS = 15 * 60 * 1000;

export interface PortTally {
  /** Messages handed to the queue (each an SQS SendMessage, or an entry of a batch). */
  readonly messagesSent: number;
  /** Calls to send(): SQS requests if each call were one SendMessage(Batch). */
  readonly sendCalls: number;
  readonly delayedMessages: number;
  /**
   * Delayed messages whose step committed. The workflow has no timers, so these are the late
   * settles of joins whose designated child had not seen the join complete: each one delayed the
   * execution by the settle delay.
   */
  readonly delayedCommitted: number;
  /** 64 KB chunks over all messages sent. */
  readonly sentChunks: number;
  readonly largestMessageBytes: number;
  /** Messages the worker handled (each an SQS receive and delete). */
  readonly messagesHandled: number;
  /** Handler runs that threw (the queue redelivers them). */
  readonly handlerFailures: number;
  /** Wall time inside the handler, summed over messages. */
  readonly handlerMs: number;
  readonly timersScheduled: number;
  /** Timers due more than 15 minutes out: one Scheduler invocation each in AWS. */
  readonly timersBeyondSqsDelay: number;
  readonly timersCancelled: number;
}

const ZERO: PortTally = {
  messagesSent: 0,
  sendCalls: 0,
  delayedMessages: 0,
  delayedCommitted: 0,
  sentChunks: 0,
  largestMessageBytes: 0,
  messagesHandled: 0,
  handlerFailures: 0,
  handlerMs: 0,
  timersScheduled: 0,
  timersBeyondSqsDelay: 0,
  timersCancelled: 0,
};

export class PortCounts {
  private tally: { -readonly [K in keyof PortTally]: number } = { ...ZERO };
  private readonly delayedKeys = new Set<string>();

  snapshot(): PortTally {
    return { ...this.tally };
  }

  /** Wraps the worker's handler: counts each message received and the time spent on it. */
  handler<T>(handle: (message: WorkMessage) => Promise<T>): (message: WorkMessage) => Promise<T> {
    return async (message) => {
      const started = performance.now();
      this.tally.messagesHandled++;
      try {
        const outcome = await handle(message);
        if (outcome === 'committed' && this.delayedKeys.has(message.key)) this.tally.delayedCommitted++;
        return outcome;
      } catch (error) {
        this.tally.handlerFailures++;
        throw error;
      } finally {
        this.tally.handlerMs += performance.now() - started;
      }
    };
  }

  sent(messages: readonly { readonly message: WorkMessage; readonly delaySeconds?: number }[]): void {
    this.tally.sendCalls++;
    for (const { message, delaySeconds } of messages) {
      const bytes = Buffer.byteLength(JSON.stringify(message), 'utf8');
      this.tally.messagesSent++;
      if (delaySeconds && delaySeconds > 0) {
        this.tally.delayedMessages++;
        this.delayedKeys.add(message.key);
      }
      this.tally.sentChunks += Math.max(1, Math.ceil(bytes / SQS_CHUNK_BYTES));
      this.tally.largestMessageBytes = Math.max(this.tally.largestMessageBytes, bytes);
    }
  }

  scheduled(delayMs: number): void {
    this.tally.timersScheduled++;
    if (delayMs > SQS_MAX_DELAY_MS) this.tally.timersBeyondSqsDelay++;
  }

  cancelled(): void {
    this.tally.timersCancelled++;
  }
}

/** What happened between two snapshots (the largest message is the later snapshot's). */
export function portsBetween(before: PortTally, after: PortTally): PortTally {
  const out: Record<string, number> = {};
  for (const name of Object.keys(ZERO) as (keyof PortTally)[]) out[name] = name === 'largestMessageBytes' ? after[name] : after[name] - before[name];
  return out as unknown as PortTally;
}

export class CountingQueue implements WorkQueue {
  constructor(
    private readonly inner: WorkQueue,
    private readonly counts: PortCounts,
  ) {}

  send(messages: readonly { readonly message: WorkMessage; readonly delaySeconds?: number }[]): Promise<void> {
    this.counts.sent(messages);
    return this.inner.send(messages);
  }
}

export class CountingTimers implements Timers {
  constructor(
    private readonly inner: Timers,
    private readonly counts: PortCounts,
    private readonly clock: Clock,
  ) {}

  schedule(timer: { readonly name: string; readonly fireAt: number; readonly message: WorkMessage }): Promise<void> {
    this.counts.scheduled(timer.fireAt - this.clock.now());
    return this.inner.schedule(timer);
  }

  cancel(name: string): Promise<void> {
    this.counts.cancelled();
    return this.inner.cancel(name);
  }
}
