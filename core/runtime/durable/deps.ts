import type { Clock, ExecutionStore, StateMachineStore, TaskInvoker, Telemetry, Timers, WorkQueue } from '../../ports.ts';
import type { MachineCache } from './machines.ts';

/** What the durable runtime works with: the ports, and compiled definitions. */
export interface RuntimeDeps {
  readonly store: ExecutionStore;
  readonly queue: WorkQueue;
  readonly timers: Timers;
  readonly tasks: TaskInvoker;
  readonly machines: MachineCache;
  readonly clock: Clock;
  /** Kept by the installation; task tokens derive from it so they cannot be forged. */
  readonly secret: string;
  readonly telemetry?: Telemetry;
  /** Told about work that runs beside the worker (task invocations), so drivers can wait for it. */
  readonly track?: (work: Promise<unknown>) => void;
  /** Run request-response Tasks inside the hop that schedules them (default true). */
  readonly inlineTasks?: boolean;
  /**
   * Where an Express execution started with StartExecution runs: beside the caller in this
   * process (the default), or in a worker that takes it from the queue, for processes that stop
   * once they have answered (Lambda). Workers then read its state machine from `stateMachines`.
   */
  readonly expressStarts?: 'in-process' | 'queue';
  readonly stateMachines?: StateMachineStore;
  /** AWS's quota; history beyond it fails the execution. */
  readonly maxHistoryEvents?: number;
}
