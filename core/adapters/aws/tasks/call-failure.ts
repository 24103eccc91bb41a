/**
 * A failed SDK call, reduced to what AWS's error names and causes are made of. The JS SDK and the
 * Java SDKs Step Functions uses read the same service models, so the exception a JS client
 * raises identifies the Java exception AWS would report.
 */
import type { Constructor } from './sdk-modules.ts';

export type CallFailure = ServiceFailure | ClientFailure;

/** The service answered with an error. */
export interface ServiceFailure {
  readonly kind: 'service';
  /** Whether the service model names this error (then `name` is its shape name: `QueueDoesNotExist`). */
  readonly modeled: boolean;
  /** The model's shape name for modeled errors; the error code otherwise. */
  readonly name: string;
  /** The code on the wire (`AWS.SimpleQueueService.NonExistentQueue`, `NotFound`, `ValidationException`). */
  readonly code: string;
  readonly message: string;
  readonly statusCode: number;
  readonly requestId?: string;
  readonly extendedRequestId?: string;
  readonly attempts: number;
}

/** No answer: the connection failed, timed out, or the response could not be read. */
export interface ClientFailure {
  readonly kind: 'client';
  readonly message: string;
}

interface SdkErrorFields {
  readonly name?: unknown;
  readonly message?: unknown;
  readonly $fault?: unknown;
  readonly $metadata?: { readonly httpStatusCode?: unknown; readonly requestId?: unknown; readonly extendedRequestId?: unknown; readonly attempts?: unknown };
  readonly Code?: unknown;
  readonly __type?: unknown;
}

/** `serviceException`: the package's base exception class (`SQSServiceException`), which unmodeled errors are instances of. */
export function callFailureOf(thrown: unknown, serviceException: Constructor | undefined): CallFailure {
  const fields: SdkErrorFields = typeof thrown === 'object' && thrown !== null ? (thrown as SdkErrorFields) : {};
  const message = typeof fields.message === 'string' ? fields.message : String(thrown);
  const statusCode = fields.$metadata?.httpStatusCode;
  if (fields.$fault === undefined || typeof statusCode !== 'number') return { kind: 'client', message };
  const name = typeof fields.name === 'string' ? fields.name : 'UnknownError';
  const modeled =
    serviceException !== undefined && thrown instanceof serviceException && (thrown as object).constructor !== serviceException;
  const requestId = fields.$metadata?.requestId;
  const extendedRequestId = fields.$metadata?.extendedRequestId;
  const attempts = fields.$metadata?.attempts;
  return {
    kind: 'service',
    modeled,
    name,
    code: wireCode(fields) ?? name,
    message,
    statusCode,
    ...(typeof requestId === 'string' ? { requestId } : {}),
    ...(typeof extendedRequestId === 'string' ? { extendedRequestId } : {}),
    attempts: typeof attempts === 'number' ? attempts : 1,
  };
}

/**
 * Query-protocol services (and SQS, for compatibility) send a `Code`; JSON services a `__type`,
 * sometimes namespaced (`com.amazonaws.dynamodb.v20120810#ResourceNotFoundException`) or
 * suffixed with a URL after a colon.
 */
function wireCode(fields: SdkErrorFields): string | undefined {
  if (typeof fields.Code === 'string' && fields.Code !== '') return fields.Code;
  if (typeof fields.__type !== 'string' || fields.__type === '') return undefined;
  const local = fields.__type.slice(fields.__type.lastIndexOf('#') + 1);
  return local.split(':')[0];
}
