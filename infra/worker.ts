/** The worker: the durable runtime, invoked by Lambda's poller with batches from the work queue. */
import type { EngineResources } from './function.ts';
import { stepwiseFunction } from './function.ts';
import { WORKER_EVENT_SOURCE } from './spec/functions.ts';

export interface Worker {
  readonly fn: sst.aws.Function;
  readonly eventSource: aws.lambda.EventSourceMapping;
}

export function createWorker(resources: EngineResources): Worker {
  const fn = stepwiseFunction('Worker', 'worker', resources);
  const eventSource = new aws.lambda.EventSourceMapping('WorkerQueueSource', {
    eventSourceArn: resources.queue.arn,
    functionName: fn.arn,
    batchSize: WORKER_EVENT_SOURCE.batchSize,
    maximumBatchingWindowInSeconds: WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds,
    functionResponseTypes: [...WORKER_EVENT_SOURCE.functionResponseTypes],
    scalingConfig: { maximumConcurrency: WORKER_EVENT_SOURCE.maximumConcurrency },
  });
  return { fn, eventSource };
}
