/**
 * The api function: the Step Functions API behind API Gateway (HTTP API, `POST /`, payload
 * format 2.0). StartSyncExecution runs its execution inside this invocation, so it returns only
 * once that has ended (see infra/README.md for the time limit); Express StartExecution is queued
 * for a worker.
 */
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { handleRequest } from '../../core/api/handle-request.ts';
import { readApiConfig } from '../config.ts';
import { logFailure } from '../log-failure.ts';
import { prepareRuntime } from '../runtime.ts';
import { apiRequestOf, httpResponseOf, internalFailureResponse } from './http-event.ts';

const { telemetry, runtime } = prepareRuntime(readApiConfig());

export async function handler(event: APIGatewayProxyEventV2, context: Context): Promise<APIGatewayProxyStructuredResultV2> {
  telemetry.appendKeys({ awsRequestId: context.awsRequestId });
  try {
    telemetry.appendKeys({ apiRequestId: event.requestContext.requestId });
    const request = apiRequestOf(event);
    if (request.kind === 'refused') return request.response;
    const { api, background } = await runtime();
    const answer = await handleRequest(request.target, request.body, api);
    for (const failure of await background.settle()) logFailure(telemetry.log.logger, 'Background work failed', failure);
    return httpResponseOf(answer);
  } catch (error) {
    // handleRequest never throws: this is the runtime failing to come up (the secret unreadable,
    // say), or an invocation that is not an HTTP API event at all.
    logFailure(telemetry.log.logger, 'Request failed', error);
    return internalFailureResponse(context.awsRequestId);
  } finally {
    telemetry.flush();
  }
}
