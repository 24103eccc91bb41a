import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { startHttpServer } from '../../../core/adapters/local/http-server.ts';
import type { ApiContext } from '../../../core/api/context.ts';
import { okResponse } from '../../../core/api/response.ts';
import { apiRequestOf, httpResponseOf, internalFailureResponse } from '../../../functions/api/http-event.ts';
import { httpApiEvent } from '../../fixtures/functions/aws-events.ts';

function withStage(event: APIGatewayProxyEventV2, stage: string, rawPath: string): APIGatewayProxyEventV2 {
  return { ...event, rawPath, requestContext: { ...event.requestContext, stage } };
}

describe('functions/api: API Gateway HTTP API events', () => {
  it('takes the target from the lowercase header and the body as sent', () => {
    const body = '{"stateMachineArn":"arn:aws:states:us-east-1:111111111111:stateMachine:a"}';
    assert.deepEqual(apiRequestOf(httpApiEvent({ target: 'AWSStepFunctions.DescribeStateMachine', body })), {
      kind: 'api',
      target: 'AWSStepFunctions.DescribeStateMachine',
      body,
    });
  });

  it('decodes a base64 body as UTF-8', () => {
    const body = '{"name":"crème-brûlée 🍮"}';
    const request = apiRequestOf(httpApiEvent({ target: 'AWSStepFunctions.CreateStateMachine', body, base64: true }));
    assert.deepEqual(request, { kind: 'api', target: 'AWSStepFunctions.CreateStateMachine', body });
  });

  it('passes a missing target and body on for the API to refuse', () => {
    assert.deepEqual(apiRequestOf(httpApiEvent({})), { kind: 'api', target: undefined, body: '' });
  });

  it('answers other paths with the local server’s 404 body', async () => {
    const request = apiRequestOf(httpApiEvent({ path: '/2015-03-31/functions', target: 'AWSStepFunctions.ListStateMachines', body: '{}' }));
    assert.equal(request.kind, 'refused');
    const local = await startHttpServer({ port: 0, context: {} as ApiContext });
    try {
      const answer = await fetch(`${local.url}/2015-03-31/functions`, { method: 'POST', body: '{}' });
      assert.equal(request.response.statusCode, answer.status);
      assert.equal(request.response.body, await answer.text());
      assert.equal((request.response.headers ?? {})['content-type'], answer.headers.get('content-type'));
    } finally {
      await local.close();
    }
  });

  it('reads the path without a named stage’s prefix', () => {
    const event = httpApiEvent({ target: 'AWSStepFunctions.ListStateMachines', body: '{}' });
    assert.equal(apiRequestOf(withStage(event, 'prod', '/prod')).kind, 'api');
    assert.equal(apiRequestOf(withStage(event, 'prod', '/prod/')).kind, 'api');
    assert.equal(apiRequestOf(withStage(event, 'prod', '/prod/x')).kind, 'refused');
    assert.equal(apiRequestOf(withStage(event, '$default', '/prod')).kind, 'refused');
  });

  it('answers other methods 405 with Allow: POST', () => {
    const request = apiRequestOf(httpApiEvent({ method: 'GET' }));
    assert.equal(request.kind, 'refused');
    assert.equal(request.response.statusCode, 405);
    assert.equal((request.response.headers ?? {})['allow'], 'POST');
  });

  it('refuses a body over the limit, counted after base64 decoding', () => {
    const body = 'x'.repeat(100);
    assert.equal(apiRequestOf(httpApiEvent({ body, base64: true }), 100).kind, 'api');
    const request = apiRequestOf(httpApiEvent({ body: `${body}y`, base64: true }), 100);
    assert.equal(request.kind, 'refused');
    assert.equal(request.response.statusCode, 413);
    assert.equal(JSON.parse(request.response.body ?? '{}').__type, 'com.amazon.coral.service#RequestEntityTooLargeException');
  });

  it('answers with the API’s status, headers and body', () => {
    assert.deepEqual(httpResponseOf(okResponse({ stateMachines: [] }, 'req-1')), {
      statusCode: 200,
      headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': 'req-1' },
      body: '{"stateMachines":[]}',
      isBase64Encoded: false,
    });
  });

  it('answers AWS’s InternalFailure when the function itself fails', () => {
    const response = internalFailureResponse('req-2');
    assert.equal(response.statusCode, 500);
    assert.equal(JSON.parse(response.body ?? '{}').__type, 'com.amazon.coral.service#InternalFailure');
    assert.equal((response.headers ?? {})['x-amzn-requestid'], 'req-2');
  });
});
