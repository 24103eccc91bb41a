/**
 * API Gateway HTTP API events (payload format 2.0) in and out of the transport-agnostic
 * `handleRequest`, answering what `stepwise serve` answers (core/adapters/local/http-server.ts)
 * for the same request.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { MAX_BODY_BYTES } from '../../core/adapters/local/http-server.ts';
import { internalFailure } from '../../core/api/aws-errors.ts';
import type { ApiResponse } from '../../core/api/response.ts';
import { CONTENT_TYPE, errorResponse } from '../../core/api/response.ts';
import { bodyTooLarge, noOperationAt, ONLY_POST, type TransportRefusal } from '../../core/api/transport-refusals.ts';

/** A request for the Step Functions API, or the answer to one that is not. */
export type HttpApiRequest =
  | { readonly kind: 'api'; readonly target: string | undefined; readonly body: string }
  | { readonly kind: 'refused'; readonly response: APIGatewayProxyStructuredResultV2 };

export function apiRequestOf(event: APIGatewayProxyEventV2, maxBodyBytes: number = MAX_BODY_BYTES): HttpApiRequest {
  const requestId = event.requestContext.requestId;
  const path = pathOf(event);
  if (path !== '/') return refused(noOperationAt(path), requestId);
  if (event.requestContext.http.method !== 'POST') return refused(ONLY_POST, requestId);
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBodyBytes) return refused(bodyTooLarge(maxBodyBytes), requestId);
  return { kind: 'api', target: event.headers['x-amz-target'], body: bytes.toString('utf8') };
}

export function httpResponseOf(answer: ApiResponse): APIGatewayProxyStructuredResultV2 {
  return { statusCode: answer.status, headers: { ...answer.headers }, body: answer.body, isBase64Encoded: false };
}

/** What the caller gets when the function itself failed before the API could answer. */
export function internalFailureResponse(requestId: string): APIGatewayProxyStructuredResultV2 {
  return httpResponseOf(errorResponse(internalFailure(), requestId));
}

/**
 * The path within the API. On a named stage `rawPath` starts with the stage's name, which is
 * not part of the route; the `$default` stage has no such prefix.
 */
function pathOf(event: APIGatewayProxyEventV2): string {
  const stage = event.requestContext.stage;
  const rawPath = event.rawPath || '/';
  if (stage && stage !== '$default') {
    const prefix = `/${stage}`;
    if (rawPath === prefix) return '/';
    if (rawPath.startsWith(`${prefix}/`)) return rawPath.slice(prefix.length);
  }
  return rawPath;
}

function refused(refusal: TransportRefusal, requestId: string): { readonly kind: 'refused'; readonly response: APIGatewayProxyStructuredResultV2 } {
  return {
    kind: 'refused',
    response: {
      statusCode: refusal.status,
      headers: { 'content-type': CONTENT_TYPE, 'x-amzn-requestid': requestId, ...refusal.headers },
      body: JSON.stringify(refusal.body),
      isBase64Encoded: false,
    },
  };
}
