import { randomBytes } from 'node:crypto';
import type { Clock, ExecutionStore, TaskInvoker, Telemetry, Timers, WorkQueue } from '../../ports.ts';
import type { WorkMessage } from '../../runtime/records.ts';
import type { RuntimeDeps } from '../../runtime/durable/deps.ts';
import { DurableEngine } from '../../runtime/durable/engine.ts';
import { MachineCache } from '../../runtime/durable/machines.ts';
import { processMessage, type MessageOutcome } from '../../runtime/durable/worker.ts';
import { recoverExecution } from '../../runtime/durable/recovery.ts';
import { MemoryStore } from './memory-store.ts';

/**
 * The durable runtime with its queue, timers and clock in the caller's hands: messages are
 * processed one at a time, and when nothing else is left the clock jumps to the next timer.
 * Runs the conformance corpus through the durable path without waiting, and lets tests
 * duplicate, reorder or drop deliveries at the queue port.
 */
export class VirtualRuntime {
  readonly store: ExecutionStore;
  readonly clock: { now(): number; set(ms: number): void };
  readonly engine: DurableEngine;
  readonly deps: RuntimeDeps;
  readonly delivered: Array<{ message: WorkMessage; outcome: MessageOutcome }> = [];
  private readonly queue: WorkMessage[] = [];
  private readonly timers = new Map<string, { fireAt: number; message: WorkMessage }>();
  private readonly background = new Set<Promise<unknown>>();
  private needsRecovery = false;
  private readonly executionArns = new Set<string>();
  private readonly workers: number;

  constructor(options: {
    readonly tasks: TaskInvoker;
    readonly store?: ExecutionStore;
    readonly startTime?: number;
    /** Changes what the queue delivers (duplicates, order); default: each message once, in order. */
    readonly deliver?: (messages: readonly WorkMessage[]) => WorkMessage[];
    /** Crash injection: when it returns true for the n-th send, that send throws (the worker "dies"). */
    readonly failSend?: (n: number) => boolean;
    readonly maxHistoryEvents?: number;
    /** Whether request-response Tasks run inside the hop that schedules them (default true). */
    readonly inlineTasks?: boolean;
    /** Messages handled at once, as several workers would (default 1: one at a time, in order). */
    readonly workers?: number;
    readonly telemetry?: Telemetry;
  }) {
    this.workers = options.workers ?? 1;
    let now = options.startTime ?? Date.now();
    const clock = { now: () => now, set: (ms: number) => (now = Math.max(now, ms)) };
    this.clock = clock;
    this.store = options.store ?? new MemoryStore();
    const deliver = options.deliver ?? ((messages: readonly WorkMessage[]) => [...messages]);
    let sends = 0;
    const queue: WorkQueue = {
      send: async (messages) => {
        if (options.failSend?.(++sends)) throw new Error(`injected crash at send ${sends}`);
        for (const message of deliver(messages.map((m) => m.message))) this.queue.push(message);
      },
    };
    const timers: Timers = {
      schedule: async (timer) => {
        if (!this.timers.has(timer.name)) this.timers.set(timer.name, { fireAt: timer.fireAt, message: timer.message });
      },
      cancel: async (name) => {
        this.timers.delete(name);
      },
    };
    this.deps = {
      store: this.store,
      queue,
      timers,
      tasks: options.tasks,
      machines: new MachineCache(),
      clock: clock as Clock,
      secret: randomBytes(16).toString('hex'),
      ...(options.telemetry ? { telemetry: options.telemetry } : {}),
      track: (work) => {
        // Work that fails beside the worker (a task whose result could not be sent) is what
        // a process dying mid-task looks like: the restart's recovery picks it up.
        const tracked = work.catch(() => {
          this.needsRecovery = true;
        });
        this.background.add(tracked);
        void tracked.finally(() => this.background.delete(tracked));
      },
      ...(options.maxHistoryEvents === undefined ? {} : { maxHistoryEvents: options.maxHistoryEvents }),
      ...(options.inlineTasks === undefined ? {} : { inlineTasks: options.inlineTasks }),
    };
    const engine = new DurableEngine(this.deps);
    // Recovery needs to know the executions; stores list them per state machine, so remember them here.
    const start = engine.startExecution.bind(engine);
    engine.startExecution = async (request) => {
      const started = await start(request).catch((error: unknown) => {
        this.needsRecovery = true;
        throw error;
      });
      this.executionArns.add(started.record.executionArn);
      return started;
    };
    this.engine = engine;
  }

  /** Processes messages, task results and timers until nothing is left. */
  async runUntilIdle(limit = 1_000_000): Promise<void> {
    for (let handled = 0; handled < limit; ) {
      const batch = this.queue.splice(0, this.workers);
      if (batch.length > 0) {
        handled += batch.length;
        await Promise.all(batch.map((message) => this.handle(message)));
        continue;
      }
      handled++;
      if (this.background.size > 0) {
        await Promise.race(this.background);
        continue;
      }
      if (this.needsRecovery) {
        await this.recover();
        continue;
      }
      const next = this.nextTimer();
      if (!next) return;
      this.timers.delete(next[0]);
      this.clock.set(next[1].fireAt);
      this.queue.push(next[1].message);
    }
    throw new Error(`Still busy after ${limit} messages`);
  }

  private async handle(message: WorkMessage): Promise<void> {
    try {
      this.delivered.push({ message, outcome: await processMessage(message, this.deps) });
    } catch {
      // Not acknowledged: the queue delivers it again, as SQS does after the visibility timeout.
      this.queue.push(message);
    }
  }

  /** What a restarted process does first: re-send every running execution's unfinished work. */
  async recover(): Promise<void> {
    this.needsRecovery = false;
    const arns = this.store instanceof MemoryStore ? this.store.executionArns() : [...this.executionArns];
    for (const arn of arns) {
      try {
        await recoverExecution(arn, this.deps);
      } catch {
        this.needsRecovery = true;
      }
    }
  }

  /** Messages waiting, for tests that inspect or reorder the queue. */
  pending(): WorkMessage[] {
    return this.queue;
  }

  private nextTimer(): [string, { fireAt: number; message: WorkMessage }] | undefined {
    let best: [string, { fireAt: number; message: WorkMessage }] | undefined;
    for (const entry of this.timers) if (!best || entry[1].fireAt < best[1].fireAt) best = entry;
    return best;
  }
}
