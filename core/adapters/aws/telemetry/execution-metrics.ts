import type { Telemetry } from '../../../ports.ts';
import { EmfBuffer } from './emf-buffer.ts';
import type { LineSink } from './line-sink.ts';
import { stateMachineNameOf } from './state-machine-arn.ts';
import type { TelemetryReport } from './telemetry-report.ts';

export interface ExecutionMetricsOptions {
  /** CloudWatch namespace; `Stepwise` by default. */
  readonly namespace?: string;
  readonly sink: LineSink;
  readonly clock?: () => number;
}

/** How an execution ended, as the metric that counts it. */
const ENDED: Readonly<Record<string, string>> = {
  SUCCEEDED: 'ExecutionsSucceeded',
  FAILED: 'ExecutionsFailed',
  TIMED_OUT: 'ExecutionsTimedOut',
  ABORTED: 'ExecutionsAborted',
};

/**
 * The runtime's reports as CloudWatch metrics, named as Step Functions names its own
 * (`ExecutionsStarted`, `ExecutionsFailed`, ...) and dimensioned by state machine name.
 * Nothing is written until `flush()`.
 */
export class ExecutionMetrics implements Telemetry {
  private readonly buffer: EmfBuffer;

  constructor(options: ExecutionMetricsOptions) {
    this.buffer = new EmfBuffer({ namespace: options.namespace ?? 'Stepwise', sink: options.sink, ...(options.clock ? { clock: options.clock } : {}) });
  }

  transition(info: TelemetryReport<'transition'>): void {
    this.buffer.count({ StateMachine: stateMachineNameOf(info.stateMachineArn), StateType: info.stateType || 'unknown' }, 'Transitions');
  }

  executionStarted(info: TelemetryReport<'executionStarted'>): void {
    this.buffer.count(byMachine(info.stateMachineArn), 'ExecutionsStarted');
  }

  executionEnded(info: TelemetryReport<'executionEnded'>): void {
    const dimensions = byMachine(info.stateMachineArn);
    const metric = ENDED[info.status];
    if (metric !== undefined) this.buffer.count(dimensions, metric);
    this.buffer.record(dimensions, 'ExecutionDuration', 'Milliseconds', info.durationMs);
  }

  taskEnded(info: TelemetryReport<'taskEnded'>): void {
    const dimensions = byMachine(info.executionArn);
    this.buffer.record(dimensions, 'TaskDuration', 'Milliseconds', info.durationMs);
    if (info.outcome === 'Failed' || info.outcome === 'TimedOut') this.buffer.count(dimensions, 'TaskFailures');
  }

  messageReceived(info: TelemetryReport<'messageReceived'>): void {
    this.buffer.record(byMachine(info.executionArn), 'QueueLag', 'Milliseconds', info.lagMs);
  }

  flush(): void {
    this.buffer.flush();
  }
}

function byMachine(arn: string): { readonly StateMachine: string } {
  return { StateMachine: stateMachineNameOf(arn) };
}
