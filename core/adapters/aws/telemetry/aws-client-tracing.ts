import { Tracer } from '@aws-lambda-powertools/tracer';

let shared: Tracer | undefined;

/**
 * The process's Tracer, made on first use. HTTP(S) patching is off: the engine's AWS calls go
 * through SDK clients captured below, and patching would record each of them twice.
 */
export function sharedTracer(): Tracer {
  shared ??= new Tracer({ serviceName: process.env.POWERTOOLS_SERVICE_NAME ?? 'stepwise', captureHTTPsRequests: false });
  return shared;
}

/**
 * Records an AWS SDK v3 client's calls as X-Ray subsegments (service, operation, request id,
 * throttles and errors). Returns the same client; outside Lambda it is returned untouched.
 */
export function captureAwsClient<Client>(client: Client, tracer: Tracer = sharedTracer()): Client {
  return tracer.captureAWSv3Client(client);
}
