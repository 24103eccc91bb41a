/**
 * The built api, worker and event-start bundles, each in a process playing the Lambda runtime,
 * given events shaped as API Gateway, the SQS event source mapping and EventBridge send them;
 * DynamoDB Local holds the table, moto's server the queue, the secret and the schedule group.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DeleteMessageBatchCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SendMessageCommand, type Message } from '@aws-sdk/client-sqs';
import { PutParameterCommand, SSMClient } from '@aws-sdk/client-ssm';
import type { SQSBatchResponse } from 'aws-lambda';
import { decodeWorkMessage, encodeWorkMessage } from '../../../core/adapters/aws/sqs/index.ts';
import { initialSnapshot } from '../../../core/asl/interpreter/step.ts';
import { firstEventIdOf } from '../../../core/runtime/event-ids.ts';
import { ROOT_BRANCH, type WorkMessage } from '../../../core/runtime/records.ts';
import { canonicalJson } from '../../../functions/event-start/start-request.ts';
import { callApi, sendHttp } from '../../fixtures/functions/api-call.ts';
import { ACCOUNT, eventBridgeEvent, REGION, sqsEvent } from '../../fixtures/functions/aws-events.ts';
import { startDeployment, type Deployment } from '../../fixtures/functions/deployment.ts';
import { SqsEventSource } from '../../fixtures/functions/event-source.ts';
import { LambdaPool } from '../../fixtures/functions/lambda-host.ts';

const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/StepwiseExecutionRole`;
const ECHO_DETAIL = JSON.stringify({
  StartAt: 'Echo',
  States: { Echo: { Type: 'Pass', Parameters: { 'order.$': '$.detail.order', 'source.$': '$.source' }, End: true } },
});

let deployment: Deployment;
let api: LambdaPool;
let worker: LambdaPool;

before(async () => {
  deployment = await startDeployment();
  [api, worker] = await Promise.all([deployment.start('api', 1), deployment.start('worker', 1)]);
});

after(async () => {
  await deployment?.close();
});

async function createStateMachine(name: string, definition: string, type: 'STANDARD' | 'EXPRESS' = 'STANDARD'): Promise<string> {
  const created = await callApi(api, 'CreateStateMachine', { name, definition, roleArn: ROLE_ARN, type });
  return String(created['stateMachineArn']);
}

/** Receives until `count` messages came, or fails after `waitSeconds`. */
async function receive(count: number, waitSeconds = 20): Promise<Message[]> {
  const received: Message[] = [];
  const deadline = Date.now() + waitSeconds * 1000;
  while (received.length < count && Date.now() < deadline) {
    const { Messages } = await deployment.sqs.send(
      new ReceiveMessageCommand({ QueueUrl: deployment.queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 1, MessageSystemAttributeNames: ['All'] }),
    );
    received.push(...(Messages ?? []));
  }
  assert.equal(received.length, count, `expected ${count} message(s) on the queue`);
  return received;
}

async function deleteMessages(messages: readonly Message[]): Promise<void> {
  if (messages.length === 0) return;
  await deployment.sqs.send(
    new DeleteMessageBatchCommand({ QueueUrl: deployment.queueUrl, Entries: messages.map((message, index) => ({ Id: String(index), ReceiptHandle: message.ReceiptHandle! })) }),
  );
}

async function queueCounts(): Promise<{ visible: number; inFlight: number; delayed: number }> {
  const { Attributes = {} } = await deployment.sqs.send(
    new GetQueueAttributesCommand({
      QueueUrl: deployment.queueUrl,
      AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible', 'ApproximateNumberOfMessagesDelayed'],
    }),
  );
  return {
    visible: Number(Attributes['ApproximateNumberOfMessages']),
    inFlight: Number(Attributes['ApproximateNumberOfMessagesNotVisible']),
    delayed: Number(Attributes['ApproximateNumberOfMessagesDelayed']),
  };
}

async function invokeWorker(messages: readonly Message[]): Promise<SQSBatchResponse> {
  const invocation = await worker.invoke(sqsEvent(messages, deployment.queueArn));
  assert.ok(invocation.ok, invocation.ok ? '' : invocation.error.errorMessage);
  return invocation.result as SQSBatchResponse;
}

describe('api bundle (API Gateway HTTP API events)', () => {
  it('answers an unknown operation with AWS UnknownOperationException', async () => {
    const answer = await sendHttp(api, { target: 'AWSStepFunctions.LaunchRocket', body: '{}' });
    assert.equal(answer.statusCode, 400);
    assert.equal(answer.body['__type'], 'com.amazon.coral.service#UnknownOperationException');
    assert.equal(answer.headers['content-type'], 'application/x-amz-json-1.0');
    assert.match(answer.headers['x-amzn-requestid'] ?? '', /^[0-9a-f-]{36}$/);
  });

  it('reads a base64-encoded body', async () => {
    const definition = JSON.stringify({ StartAt: 'Done', States: { Done: { Type: 'Succeed' } } });
    const answer = await sendHttp(api, {
      target: 'AWSStepFunctions.CreateStateMachine',
      body: JSON.stringify({ name: 'from-base64', definition, roleArn: ROLE_ARN }),
      base64: true,
    });
    assert.equal(answer.statusCode, 200, JSON.stringify(answer.body));
    const described = await callApi(api, 'DescribeStateMachine', { stateMachineArn: answer.body['stateMachineArn'] });
    assert.equal(described['name'], 'from-base64');
    assert.equal(described['definition'], definition);
  });

  it('answers other paths 404 and other methods 405, as stepwise serve does', async () => {
    const missing = await sendHttp(api, { path: '/states', target: 'AWSStepFunctions.ListStateMachines', body: '{}' });
    assert.equal(missing.statusCode, 404);
    assert.deepEqual(missing.body, { __type: 'com.amazon.coral.service#UnknownOperationException', message: "No operation is served at '/states'" });
    const get = await sendHttp(api, { method: 'GET' });
    assert.equal(get.statusCode, 405);
    assert.equal(get.headers['allow'], 'POST');
  });

  it('answers AWS validation errors from the operation', async () => {
    const answer = await sendHttp(api, { target: 'AWSStepFunctions.DescribeExecution', body: JSON.stringify({ executionArn: 'not-an-arn' }) });
    assert.equal(answer.statusCode, 400);
    assert.equal(answer.body['__type'], 'com.amazonaws.swf.service.v2.model#InvalidArn');
  });
});

describe('cold starts', () => {
  it('fail with the name of a missing environment variable', async () => {
    const env = deployment.environment('worker');
    delete env['STEPWISE_TABLE_NAME'];
    await assert.rejects(LambdaPool.start(1, { bundle: deployment.bundles.worker, functionName: 'stepwise-worker', env, timeoutMs: 60_000 }), /STEPWISE_TABLE_NAME/);
  });

  it('answer InternalFailure while the secret cannot be read, and recover once it can', async () => {
    const secretParameter = '/stepwise/test/later-secret';
    const env: Record<string, string> = { ...deployment.environment('api'), STEPWISE_SECRET_PARAMETER: secretParameter };
    const pool = await LambdaPool.start(1, { bundle: deployment.bundles.api, functionName: 'stepwise-api', env, timeoutMs: 30_000 });
    try {
      const refused = await sendHttp(pool, { target: 'AWSStepFunctions.ListStateMachines', body: '{}' });
      assert.equal(refused.statusCode, 500);
      assert.equal(refused.body['__type'], 'com.amazon.coral.service#InternalFailure');
      assert.match(pool.logs(), /"message":"Request failed"/);
      const ssm = new SSMClient({ endpoint: env['AWS_ENDPOINT_URL_SSM'], region: REGION, credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
      await ssm.send(new PutParameterCommand({ Name: secretParameter, Type: 'SecureString', Value: 'a-later-secret' }));
      ssm.destroy();
      const answered = await sendHttp(pool, { target: 'AWSStepFunctions.ListStateMachines', body: '{}' });
      assert.equal(answered.statusCode, 200);
    } finally {
      await pool.close();
    }
  });
});

describe('worker bundle (SQS events)', () => {
  it('reports only the record whose processing throws; acknowledges an unreadable one; handles the rest', async () => {
    const stateMachineArn = await createStateMachine('worker-batch', ECHO_DETAIL);
    const input = JSON.stringify({ source: 'test', detail: { order: 1 } });
    const good = await Promise.all(
      ['first', 'second'].map(async (name) => String((await callApi(api, 'StartExecution', { stateMachineArn, name, input }))['executionArn'])),
    );
    // An execution whose stored definition cannot be compiled: every attempt at its message throws.
    const brokenArn = `arn:aws:states:${REGION}:${ACCOUNT}:execution:worker-batch:broken`;
    await deployment.store.createExecution(
      { executionArn: brokenArn, stateMachineArn, name: 'broken', type: 'STANDARD', status: 'RUNNING', input: '{}', startDate: Date.now(), definition: '{"StartAt":', roleArn: ROLE_ARN },
      { executionArn: brokenArn, branchId: ROOT_BRANCH, version: 0, snapshot: initialSnapshot('', 0), outbox: [], nextEventId: firstEventIdOf(ROOT_BRANCH) },
    );
    const poisoned: WorkMessage = { executionArn: brokenArn, branchId: ROOT_BRANCH, event: { type: 'Start', input: {} }, key: 'root#start', at: Date.now() };
    await deployment.sqs.send(new SendMessageCommand({ QueueUrl: deployment.queueUrl, MessageBody: encodeWorkMessage(poisoned) }));
    await deployment.sqs.send(new SendMessageCommand({ QueueUrl: deployment.queueUrl, MessageBody: '{"hello": "not a work message"}' }));

    const messages = await receive(4);
    const poisonedId = messages.find((message) => message.Body?.includes(brokenArn))?.MessageId;
    const response = await invokeWorker(messages);
    assert.deepEqual(response, { batchItemFailures: [{ itemIdentifier: poisonedId }] });
    await deleteMessages(messages.filter((message) => message.MessageId !== poisonedId));

    for (const executionArn of good) {
      const described = await callApi(api, 'DescribeExecution', { executionArn });
      assert.equal(described['status'], 'SUCCEEDED');
      assert.deepEqual(JSON.parse(String(described['output'])), { order: 1, source: 'test' });
    }
    assert.equal((await deployment.store.getExecution(brokenArn))?.status, 'RUNNING');
    assert.match(worker.logs(), /Work message discarded: it is not one this runtime can process/);
    assert.match(worker.logs(), /Work message failed; SQS will deliver it again/);
    // The reported record stays on the queue, in flight until its visibility timeout; nothing else is left.
    assert.deepEqual(await queueCounts(), { visible: 0, inFlight: 1, delayed: 0 });
    await deleteMessages(messages.filter((message) => message.MessageId === poisonedId));
  });

  it('puts a timer message that arrived early back on the queue for the rest of its delay', async () => {
    const early: WorkMessage = {
      executionArn: `arn:aws:states:${REGION}:${ACCOUNT}:execution:worker-batch:waiting`,
      branchId: ROOT_BRANCH,
      event: { type: 'TimerFired', seq: 3, timer: 'Wait' },
      key: 'timer:waiting|root|3|Wait',
      // Far enough ahead that the re-sent message is still delayed when the queue is looked at.
      at: Date.now() + 8_000,
    };
    await deployment.sqs.send(new SendMessageCommand({ QueueUrl: deployment.queueUrl, MessageBody: encodeWorkMessage(early) }));
    const [arrived] = await receive(1);
    assert.deepEqual(await invokeWorker([arrived!]), { batchItemFailures: [] });
    await deleteMessages([arrived!]);
    assert.equal((await queueCounts()).delayed, 1, 'the message was sent again with a delay');
    const [again] = await receive(1);
    const decoded = decodeWorkMessage(again!.Body ?? '');
    assert.ok(decoded.ok);
    assert.deepEqual(decoded.message, early);
    await deleteMessages([again!]);
  });
});

describe('event-start bundle (EventBridge events)', () => {
  it('starts one execution per event, with the event as its input, however often the event comes', async () => {
    const stateMachineArn = await createStateMachine('orders-from-events', ECHO_DETAIL);
    const eventStart = await deployment.start('event-start', 1, stateMachineArn);
    const event = eventBridgeEvent({ source: 'shop.orders', detailType: 'Order placed', detail: { order: 42 } });

    const first = await eventStart.invoke(event);
    const second = await eventStart.invoke(structuredClone(event));
    assert.ok(first.ok && second.ok, JSON.stringify([first, second]));
    const started = first.result as { executionArn: string; alreadyStarted: boolean };
    assert.equal(started.executionArn, `arn:aws:states:${REGION}:${ACCOUNT}:execution:orders-from-events:${event.id}`);
    assert.deepEqual(second.result, first.result, 'a redelivery while the execution runs is the same StartExecution');

    const source = new SqsEventSource({ sqs: deployment.sqs, queueUrl: deployment.queueUrl, queueArn: deployment.queueArn, invoke: (e) => worker.invoke(e), pollers: 1 });
    try {
      for (let status = 'RUNNING'; status === 'RUNNING'; ) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        status = String((await callApi(api, 'DescribeExecution', { executionArn: started.executionArn }))['status']);
      }
    } finally {
      await source.stop();
    }
    const described = await callApi(api, 'DescribeExecution', { executionArn: started.executionArn });
    assert.equal(described['status'], 'SUCCEEDED');
    assert.equal(described['input'], canonicalJson(event));
    assert.deepEqual(JSON.parse(String(described['output'])), { order: 42, source: 'shop.orders' });

    const late = await eventStart.invoke(event);
    assert.ok(late.ok, late.ok ? '' : late.error.errorMessage);
    assert.deepEqual(late.result, { alreadyStarted: true }, 'a redelivery after the execution ended starts nothing');
    const listed = await callApi(api, 'ListExecutions', { stateMachineArn });
    assert.equal((listed['executions'] as unknown[]).length, 1);
  });

  it('queues an Express execution, which the worker then runs to its end', async () => {
    const stateMachineArn = await createStateMachine('express-from-events', ECHO_DETAIL, 'EXPRESS');
    const eventStart = await deployment.start('event-start', 1, stateMachineArn);
    const invocation = await eventStart.invoke(eventBridgeEvent({ detail: { order: 7 } }));
    assert.ok(invocation.ok, invocation.ok ? '' : invocation.error.errorMessage);
    const { executionArn } = invocation.result as { executionArn: string };
    assert.match(executionArn, /^arn:aws:states:us-east-1:111111111111:express:express-from-events:/);
    const queued = await receive(1);
    const decoded = decodeWorkMessage(queued[0]!.Body!);
    assert.ok(decoded.ok);
    assert.equal(decoded.message.executionArn, executionArn);
    assert.deepEqual(decoded.message.express, { stateMachineArn, name: executionArn.split(':')[7] });
    const batch = await invokeWorker(queued);
    assert.deepEqual(batch.batchItemFailures, []);
    await deleteMessages(queued);
    const ended = worker
      .logs()
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .find((line) => line['message'] === 'Execution ended' && line['executionArn'] === executionArn);
    assert.equal(ended?.['status'], 'SUCCEEDED');
  });

  it('fails the invocation, for Lambda to retry, when the state machine does not exist', async () => {
    const eventStart = await deployment.start('event-start', 1, `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:never-created`);
    const invocation = await eventStart.invoke(eventBridgeEvent());
    assert.equal(invocation.ok, false);
    assert.match(invocation.ok ? '' : invocation.error.errorMessage, /StateMachineDoesNotExist/);
  });
});

describe('nested executions through the bundles', () => {
  it('runs a states:startExecution.sync Task: the worker starts the child, and the child\'s end completes the parent', { timeout: 90_000 }, async () => {
    const child = await createStateMachine('NestedChild', JSON.stringify({ StartAt: 'Double', States: { Double: { Type: 'Pass', Parameters: { 'twice.$': 'States.MathAdd($.n, $.n)' }, End: true } } }));
    const parent = await createStateMachine(
      'NestedParent',
      JSON.stringify({
        StartAt: 'Run',
        States: { Run: { Type: 'Task', Resource: 'arn:aws:states:::states:startExecution.sync:2', Parameters: { StateMachineArn: child, 'Input.$': '$' }, OutputPath: '$.Output', End: true } },
      }),
    );
    const source = new SqsEventSource({ sqs: deployment.sqs, queueUrl: deployment.queueUrl, queueArn: deployment.queueArn, invoke: (event) => worker.invoke(event), pollers: 2 });
    try {
      const started = await callApi(api, 'StartExecution', { stateMachineArn: parent, input: '{"n":21}' });
      let described: Readonly<Record<string, unknown>> = {};
      for (let i = 0; i < 300; i++) {
        described = await callApi(api, 'DescribeExecution', { executionArn: started['executionArn'] });
        if (described['status'] !== 'RUNNING') break;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.equal(described['status'], 'SUCCEEDED', `${String(described['error'])}: ${String(described['cause'])}; ${source.stats.errors.join('; ')}`);
      assert.deepEqual(JSON.parse(String(described['output'])), { twice: 42 });
    } finally {
      await source.stop();
    }
  });
});
