import type { Tracer } from '@aws-lambda-powertools/tracer';

/** The part of an X-Ray subsegment the runtime's traces use. */
export interface TraceSubsegment {
  /** Seconds since the epoch. */
  start_time: number;
  addAnnotation(key: string, value: string | number | boolean): void;
  addErrorFlag(): void;
  /** Sets the end time; in Lambda this also sends the subsegment to the X-Ray daemon. */
  close(): void;
}

export interface TraceParent {
  addNewSubsegment(name: string): TraceSubsegment;
}

/** The segment new subsegments hang from, or undefined when this invocation is not traced. */
export type TraceContext = () => TraceParent | undefined;

/**
 * The current segment according to Powertools Tracer: the Lambda facade segment (or the
 * subsegment a handler opened) when active tracing sampled this invocation. Outside Lambda, or
 * unsampled, there is none, and nothing is built or sent.
 */
export function tracerContext(tracer: Tracer): TraceContext {
  return () => {
    if (!tracer.isTracingEnabled() || !tracer.isTraceSampled()) return undefined;
    return tracer.getSegment();
  };
}
