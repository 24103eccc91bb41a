/** Telemetry in AWS: Powertools logs, X-Ray traces, CloudWatch metrics as Embedded Metric Format. */
export { LambdaTelemetry } from './lambda-telemetry.ts';
export type { LambdaTelemetryOptions } from './lambda-telemetry.ts';
export { ExecutionLog } from './execution-log.ts';
export type { InvocationKeys } from './execution-log.ts';
export { ExecutionTrace } from './execution-trace.ts';
export { ExecutionMetrics } from './execution-metrics.ts';
export type { ExecutionMetricsOptions } from './execution-metrics.ts';
export { EmfBuffer } from './emf-buffer.ts';
export { captureAwsClient, sharedTracer } from './aws-client-tracing.ts';
export { tracerContext } from './trace-context.ts';
export type { TraceContext, TraceParent, TraceSubsegment } from './trace-context.ts';
export { SinkLogger } from './sink-logger.ts';
export { stdoutSink } from './line-sink.ts';
export type { LineSink } from './line-sink.ts';
export { stateMachineArnOf, stateMachineNameOf } from './state-machine-arn.ts';
