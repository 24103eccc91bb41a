import { Logger } from '@aws-lambda-powertools/logger';
import type { Tracer } from '@aws-lambda-powertools/tracer';
import type { Telemetry } from '../../../ports.ts';
import { sharedTracer } from './aws-client-tracing.ts';
import type { InvocationKeys } from './execution-log.ts';
import { ExecutionLog } from './execution-log.ts';
import { ExecutionMetrics } from './execution-metrics.ts';
import { ExecutionTrace } from './execution-trace.ts';
import type { LineSink } from './line-sink.ts';
import { stdoutSink } from './line-sink.ts';
import { SinkLogger } from './sink-logger.ts';
import type { TraceContext } from './trace-context.ts';
import { tracerContext } from './trace-context.ts';
import type { TelemetryReport } from './telemetry-report.ts';

export interface LambdaTelemetryOptions {
  /** CloudWatch metrics namespace; `Stepwise` by default. */
  readonly namespace?: string;
  /** Powertools `service` key; POWERTOOLS_SERVICE_NAME, else `stepwise`. */
  readonly serviceName?: string;
  /** Where log lines and EMF documents go; stdout by default. */
  readonly sink?: LineSink;
  /** A Logger of the caller's (its level, keys and output) instead of one on `sink`. */
  readonly logger?: Logger;
  /** The Tracer whose current segment subsegments hang from; the shared one by default. */
  readonly tracer?: Tracer;
  /** Replaces the Tracer lookup altogether (tests record subsegments with it). */
  readonly traceContext?: TraceContext;
  /** Milliseconds since the epoch, for EMF timestamps. */
  readonly clock?: () => number;
}

/**
 * Telemetry for the runtime in Lambda: Powertools JSON logs, X-Ray subsegments through Powertools
 * Tracer, and CloudWatch metrics as Embedded Metric Format lines.
 *
 * Metrics are buffered: call `flush()` once at the end of every invocation (after the last
 * message of a batch), or they are written only when the buffer fills.
 */
export class LambdaTelemetry implements Telemetry {
  readonly log: ExecutionLog;
  readonly trace: ExecutionTrace;
  readonly metrics: ExecutionMetrics;

  constructor(options: LambdaTelemetryOptions = {}) {
    const sink = options.sink ?? stdoutSink;
    const serviceName = options.serviceName ?? process.env.POWERTOOLS_SERVICE_NAME ?? 'stepwise';
    this.log = new ExecutionLog(options.logger ?? (options.sink ? new SinkLogger(sink, { serviceName }) : new Logger({ serviceName })));
    this.trace = new ExecutionTrace(options.traceContext ?? tracerContext(options.tracer ?? sharedTracer()));
    this.metrics = new ExecutionMetrics({
      sink,
      ...(options.namespace === undefined ? {} : { namespace: options.namespace }),
      ...(options.clock ? { clock: options.clock } : {}),
    });
  }

  transition(info: TelemetryReport<'transition'>): void {
    this.log.transition(info);
    this.trace.transition(info);
    this.metrics.transition(info);
  }

  executionStarted(info: TelemetryReport<'executionStarted'>): void {
    this.log.executionStarted(info);
    this.metrics.executionStarted(info);
  }

  executionEnded(info: TelemetryReport<'executionEnded'>): void {
    this.log.executionEnded(info);
    this.metrics.executionEnded(info);
  }

  taskEnded(info: TelemetryReport<'taskEnded'>): void {
    this.log.taskEnded(info);
    this.trace.taskEnded(info);
    this.metrics.taskEnded(info);
  }

  messageReceived(info: TelemetryReport<'messageReceived'>): void {
    this.log.messageReceived(info);
    this.metrics.messageReceived(info);
  }

  /** Keys for every log line of this invocation, e.g. `{ messageId }`; `flush()` drops them. */
  appendKeys(keys: InvocationKeys): void {
    this.log.appendKeys(keys);
  }

  /** Writes the buffered metrics and forgets the invocation's log keys. */
  flush(): void {
    this.metrics.flush();
    this.log.resetKeys();
  }
}
