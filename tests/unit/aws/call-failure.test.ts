/** What a thrown SDK error becomes: modeled or not, its wire code, its request id. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { QueueDoesNotExist, SQSServiceException } from '@aws-sdk/client-sqs';
import { NotFoundException, SNSServiceException } from '@aws-sdk/client-sns';
import { DynamoDBServiceException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { callFailureOf } from '../../../core/adapters/aws/tasks/call-failure.ts';

const metadata = { httpStatusCode: 400, requestId: 'req-1', attempts: 2 };

describe('callFailureOf', () => {
  it('a modeled exception: its shape name, the query-compatible code from the wire', () => {
    const thrown = Object.assign(new QueueDoesNotExist({ $metadata: metadata, message: 'The specified queue does not exist.' }), {
      Code: 'AWS.SimpleQueueService.NonExistentQueue',
    });
    assert.deepEqual(callFailureOf(thrown, SQSServiceException), {
      kind: 'service',
      modeled: true,
      name: 'QueueDoesNotExist',
      code: 'AWS.SimpleQueueService.NonExistentQueue',
      message: 'The specified queue does not exist.',
      statusCode: 400,
      requestId: 'req-1',
      attempts: 2,
    });
  });

  it('an error the model does not name is an instance of the base class itself', () => {
    const thrown = new SQSServiceException({ name: 'MissingParameter', $fault: 'client', $metadata: metadata, message: 'The request must contain the parameter MessageBody.' });
    const failure = callFailureOf(thrown, SQSServiceException);
    assert.equal(failure.kind, 'service');
    assert.equal(failure.kind === 'service' && failure.modeled, false);
    assert.equal(failure.kind === 'service' && failure.code, 'MissingParameter');
  });

  it('JSON protocols: the code after the namespace in __type', () => {
    const thrown = Object.assign(new ResourceNotFoundException({ $metadata: metadata, message: 'Requested resource not found' }), {
      __type: 'com.amazonaws.dynamodb.v20120810#ResourceNotFoundException',
    });
    const failure = callFailureOf(thrown, DynamoDBServiceException);
    assert.equal(failure.kind === 'service' && failure.code, 'ResourceNotFoundException');
    assert.equal(failure.kind === 'service' && failure.modeled, true);
  });

  it('query protocol: the Code element (SNS NotFound)', () => {
    const thrown = Object.assign(new NotFoundException({ $metadata: { httpStatusCode: 404 }, message: 'Topic does not exist' }), { Code: 'NotFound' });
    const failure = callFailureOf(thrown, SNSServiceException);
    assert.deepEqual(failure.kind === 'service' && [failure.name, failure.code, failure.statusCode, failure.requestId], ['NotFoundException', 'NotFound', 404, undefined]);
  });

  it('anything without an HTTP answer is a client failure', () => {
    assert.deepEqual(callFailureOf(new Error('connect ECONNREFUSED 127.0.0.1:1'), SQSServiceException), { kind: 'client', message: 'connect ECONNREFUSED 127.0.0.1:1' });
    assert.deepEqual(callFailureOf('boom', undefined), { kind: 'client', message: 'boom' });
  });
});
