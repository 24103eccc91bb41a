/**
 * AwsServiceTasks against moto's server: the optimized SQS, SNS, DynamoDB and EventBridge
 * integrations, `aws-sdk:` calls, `Credentials.RoleArn` through STS AssumeRole, the callback
 * pattern, and where the idempotency key goes. Every call goes over HTTP through the real SDK
 * clients; effects are checked with separate clients.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient, SubscribeCommand } from '@aws-sdk/client-sns';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Json } from '../../../core/asl/json.ts';
import type { TaskOutcome } from '../../../core/asl/task-request.ts';
import { AwsServiceTasks, defaultClientFactory, type ClientFactory } from '../../../core/adapters/aws/tasks/index.ts';
import { idempotencyToken } from '../../../core/adapters/aws/tasks/idempotency.ts';
import { serviceRequest } from '../../fixtures/aws/service-request.ts';
import { startMotoServer, type MotoServer } from '../../fixtures/moto-server.ts';

const STATES = 'arn:aws:states:::';
const EXECUTION = 'arn:aws:states:us-east-1:123456789012:execution:order-flow:run-1';

let moto: MotoServer;
let tasks: AwsServiceTasks;
let sqs: SQSClient;
let sns: SNSClient;
let dynamodb: DynamoDBClient;

/** Every command the integrations' clients sent, with its input as the SDK got it. */
const sent: Array<{ readonly service: string; readonly command: string; readonly input: Record<string, unknown> }> = [];

interface Stack {
  add(middleware: (next: (args: { input: Record<string, unknown> }) => Promise<unknown>, context: { commandName?: string }) => (args: { input: Record<string, unknown> }) => Promise<unknown>, options: { step: 'initialize'; name: string }): void;
}

const recordingFactory: ClientFactory = async (service, settings) => {
  const client = await defaultClientFactory(service, settings);
  (client.middlewareStack as unknown as Stack).add(
    (next, context) => async (args) => {
      sent.push({ service, command: context.commandName ?? '', input: { ...args.input } });
      return next(args);
    },
    { step: 'initialize', name: 'recordSentCommands' },
  );
  return client;
};

function sentInput(command: string): Record<string, unknown> {
  const found = sent.filter((entry) => entry.command === command).at(-1);
  assert.ok(found, `no ${command} was sent`);
  return found.input;
}

function output(outcome: TaskOutcome): Record<string, Json> {
  assert.equal(outcome.kind, 'Succeeded', JSON.stringify(outcome));
  return (outcome as { output: Record<string, Json> }).output;
}

function failure(outcome: TaskOutcome): { error: string; cause: string } {
  assert.equal(outcome.kind, 'Failed', JSON.stringify(outcome));
  return outcome as { error: string; cause: string };
}

const md5 = (text: string) => createHash('md5').update(text).digest('hex');

async function queue(name: string, fifo = false): Promise<string> {
  const created = await sqs.send(
    new CreateQueueCommand({ QueueName: fifo ? `${name}.fifo` : name, ...(fifo ? { Attributes: { FifoQueue: 'true' } } : {}) }),
  );
  return created.QueueUrl!;
}

async function receive(queueUrl: string, max = 10) {
  const answer = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: max, WaitTimeSeconds: 0, MessageSystemAttributeNames: ['All'] }));
  return answer.Messages ?? [];
}

async function table(name: string): Promise<string> {
  await dynamodb.send(
    new CreateTableCommand({
      TableName: name,
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingMode: 'PAY_PER_REQUEST',
    }),
  );
  return name;
}

before(async () => {
  moto = await startMotoServer();
  sqs = new SQSClient(moto.clientConfig);
  sns = new SNSClient(moto.clientConfig);
  dynamodb = new DynamoDBClient(moto.clientConfig);
  tasks = new AwsServiceTasks({ region: moto.clientConfig.region, credentials: moto.clientConfig.credentials, endpoint: moto.endpoint, clientFactory: recordingFactory });
});

after(async () => {
  tasks.destroy();
  sqs.destroy();
  sns.destroy();
  dynamodb.destroy();
  await moto.close();
});

describe('sqs:sendMessage', () => {
  it('sends the message (a JSON body as JSON text) and answers the response with SDK metadata', async () => {
    const queueUrl = await queue('orders');
    const result = output(await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: { order: 7, items: ['a'] } })));
    assert.deepEqual(Object.keys(result), ['MD5OfMessageBody', 'MessageId', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    assert.equal(result['MD5OfMessageBody'], md5('{"order":7,"items":["a"]}'));
    const messages = await receive(queueUrl);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.Body, '{"order":7,"items":["a"]}');
    assert.equal(messages[0]!.MessageId, result['MessageId']);
    const metadata = result['SdkHttpMetadata'] as Record<string, Json>;
    assert.equal(metadata['HttpStatusCode'], 200);
    assert.deepEqual(result['SdkResponseMetadata'], { RequestId: (metadata['HttpHeaders'] as Record<string, string>)['x-amzn-requestid'] });
  });

  it('on a FIFO queue, sets MessageDeduplicationId from the idempotency key, so a repeated attempt is delivered once', async () => {
    const queueUrl = await queue('payments', true);
    const request = serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'charge', MessageGroupId: 'g' });
    output(await tasks.invoke(request));
    output(await tasks.invoke(request));
    assert.equal(sentInput('SendMessageCommand')['MessageDeduplicationId'], idempotencyToken(request.idempotencyKey));
    const messages = await receive(queueUrl);
    assert.equal(messages.length, 1);
    assert.equal(messages[0]!.Attributes?.MessageDeduplicationId, idempotencyToken(request.idempotencyKey));
  });

  it("keeps a MessageDeduplicationId the Task gives, and sets none on standard queues", async () => {
    const fifo = await queue('refunds', true);
    output(await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: fifo, MessageBody: 'x', MessageGroupId: 'g', MessageDeduplicationId: 'mine' })));
    assert.equal(sentInput('SendMessageCommand')['MessageDeduplicationId'], 'mine');
    const standard = await queue('plain');
    output(await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: standard, MessageBody: 'x' })));
    assert.equal(sentInput('SendMessageCommand')['MessageDeduplicationId'], undefined);
  });

  it('.waitForTaskToken sends the message carrying the token and is Submitted with the response', async () => {
    const queueUrl = await queue('approvals');
    const outcome = await tasks.invoke(
      serviceRequest(`${STATES}sqs:sendMessage.waitForTaskToken`, { QueueUrl: queueUrl, MessageBody: { TaskToken: 'token-42' } }, { taskToken: 'token-42' }),
    );
    assert.equal(outcome.kind, 'Submitted');
    const submitted = (outcome as { output: Record<string, Json> }).output;
    assert.equal(typeof submitted['MessageId'], 'string');
    const messages = await receive(queueUrl);
    assert.deepEqual(JSON.parse(messages[0]!.Body!), { TaskToken: 'token-42' });
  });

  it('.sync does not exist for SQS and is refused as AWS refuses the resource', async () => {
    const outcome = await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage.sync`, { QueueUrl: 'x', MessageBody: 'y' }));
    assert.deepEqual(failure(outcome), {
      kind: 'Failed',
      error: 'States.Runtime',
      cause: 'The resource provided arn:aws:states:::sqs:sendMessage.sync is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.',
    });
  });

  it('a missing queue is SQS.QueueDoesNotExistException with the SDK for Java 1.x cause', async () => {
    const queueUrl = `${moto.endpoint}/123456789012/no-such-queue`;
    const { error, cause } = failure(await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'x' })));
    assert.equal(error, 'SQS.QueueDoesNotExistException');
    assert.match(cause, /^.+ \(Service: AmazonSQS; Status Code: 400; Error Code: AWS\.SimpleQueueService\.NonExistentQueue; Request ID: \S+; Proxy: null\)$/);
  });
});

describe('sns:publish', () => {
  it('publishes to the topic (a JSON message as JSON text) and answers MessageId with SDK metadata', async () => {
    const topic = await sns.send(new CreateTopicCommand({ Name: 'shipments' }));
    const queueUrl = await queue('shipments-sub');
    const attributes = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    await sns.send(
      new SubscribeCommand({ TopicArn: topic.TopicArn, Protocol: 'sqs', Endpoint: attributes.Attributes!.QueueArn, Attributes: { RawMessageDelivery: 'true' } }),
    );
    const result = output(await tasks.invoke(serviceRequest(`${STATES}sns:publish`, { TopicArn: topic.TopicArn!, Message: { shipped: true } })));
    assert.deepEqual(Object.keys(result), ['MessageId', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    const messages = await receive(queueUrl);
    assert.equal(messages[0]?.Body, '{"shipped":true}');
  });

  it('a missing topic is SNS.NotFoundException with the SDK for Java 1.x cause', async () => {
    const { error, cause } = failure(
      await tasks.invoke(serviceRequest(`${STATES}sns:publish`, { TopicArn: 'arn:aws:sns:us-east-1:123456789012:no-such-topic', Message: 'x' })),
    );
    assert.equal(error, 'SNS.NotFoundException');
    assert.match(cause, /^.+ \(Service: AmazonSNS; Status Code: 404; Error Code: NotFound; Request ID: \S+; Proxy: null\)$/);
  });

  it('on a FIFO topic, sets MessageDeduplicationId from the idempotency key', async () => {
    const topic = await sns.send(new CreateTopicCommand({ Name: 'ledger.fifo', Attributes: { FifoTopic: 'true' } }));
    const request = serviceRequest(`${STATES}sns:publish`, { TopicArn: topic.TopicArn!, Message: 'x', MessageGroupId: 'g' });
    output(await tasks.invoke(request));
    assert.equal(sentInput('PublishCommand')['MessageDeduplicationId'], idempotencyToken(request.idempotencyKey));
  });
});

describe('dynamodb items', () => {
  it("put, get, update and delete round-trip with AWS's result shapes", async () => {
    const name = await table('customers');
    const put = output(await tasks.invoke(serviceRequest(`${STATES}dynamodb:putItem`, { TableName: name, Item: { id: { S: 'c1' }, tags: { SS: ['a'] }, n: { N: '1' } } })));
    assert.deepEqual(Object.keys(put), ['SdkHttpMetadata', 'SdkResponseMetadata']);
    const got = output(await tasks.invoke(serviceRequest(`${STATES}dynamodb:getItem`, { TableName: name, Key: { id: { S: 'c1' } } })));
    assert.deepEqual(got['Item'], { id: { S: 'c1' }, tags: { SS: ['a'] }, n: { N: '1' } });
    assert.deepEqual(Object.keys(got), ['Item', 'SdkHttpMetadata', 'SdkResponseMetadata']);
    const updated = output(
      await tasks.invoke(
        serviceRequest(`${STATES}dynamodb:updateItem`, {
          TableName: name,
          Key: { id: { S: 'c1' } },
          UpdateExpression: 'set S=:r',
          ExpressionAttributeValues: { ':r': { S: 'Updated' } },
          ReturnValues: 'UPDATED_NEW',
        }),
      ),
    );
    assert.deepEqual(updated['Attributes'], { S: { S: 'Updated' } });
    output(await tasks.invoke(serviceRequest(`${STATES}dynamodb:deleteItem`, { TableName: name, Key: { id: { S: 'c1' } } })));
    const gone = output(await tasks.invoke(serviceRequest(`${STATES}dynamodb:getItem`, { TableName: name, Key: { id: { S: 'c1' } } })));
    assert.deepEqual(Object.keys(gone), ['SdkHttpMetadata', 'SdkResponseMetadata']);
  });

  it('a missing table is DynamoDB.ResourceNotFoundException with the SDK for Java 1.x cause', async () => {
    const { error, cause } = failure(await tasks.invoke(serviceRequest(`${STATES}dynamodb:putItem`, { TableName: 'no-such-table', Item: { id: { S: 'x' } } })));
    assert.equal(error, 'DynamoDB.ResourceNotFoundException');
    assert.match(cause, /^Requested resource not found \(Service: AmazonDynamoDBv2; Status Code: 400; Error Code: ResourceNotFoundException; Request ID: \S+; Proxy: null\)$/);
  });

  it('is request-response only', async () => {
    const { error } = failure(await tasks.invoke(serviceRequest(`${STATES}dynamodb:getItem.waitForTaskToken`, { TableName: 't', Key: {} })));
    assert.equal(error, 'States.Runtime');
  });
});

describe('events:putEvents', () => {
  it('answers Entries and FailedEntryCount (a JSON Detail as JSON text)', async () => {
    const result = output(await tasks.invoke(serviceRequest(`${STATES}events:putEvents`, { Entries: [{ Detail: { a: 1 }, DetailType: 'order', Source: 'shop' }] })));
    assert.deepEqual(Object.keys(result), ['Entries', 'FailedEntryCount']);
    assert.equal(result['FailedEntryCount'], 0);
    assert.match(((result['Entries'] as Json[])[0] as Record<string, string>)['EventId']!, /^[0-9a-f-]{36}$/);
    assert.equal(((sentInput('PutEventsCommand')['Entries'] as Array<Record<string, unknown>>)[0]!)['Detail'], '{"a":1}');
  });

  it('fails with EventBridge.FailedEntry when an entry is rejected', async () => {
    const { error, cause } = failure(
      await tasks.invoke(serviceRequest(`${STATES}events:putEvents`, { Entries: [{ Detail: {}, DetailType: 'order', Source: 'shop' }, { Detail: {}, DetailType: 'order' }] })),
    );
    assert.equal(error, 'EventBridge.FailedEntry');
    const parsed = JSON.parse(cause) as { Entries: Array<Record<string, string>>; FailedEntryCount: number };
    assert.deepEqual(Object.keys(parsed), ['Entries', 'FailedEntryCount']);
    assert.equal(parsed.FailedEntryCount, 1);
    assert.deepEqual(parsed.Entries[1], { ErrorCode: 'InvalidArgument', ErrorMessage: 'Parameter Source is not valid. Reason: Source is a required argument.' });
  });
});

describe('aws-sdk integrations', () => {
  it('aws-sdk:sqs: camelCase action, PascalCase parameters and result, no SDK metadata', async () => {
    const queueUrl = await queue('generic');
    const sentMessage = output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'hello' })));
    assert.deepEqual(Object.keys(sentMessage).sort(), ['MD5OfMessageBody', 'MessageId']);
    const received = output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sqs:receiveMessage`, { QueueUrl: queueUrl, MaxNumberOfMessages: 1 })));
    assert.equal(((received['Messages'] as Json[])[0] as Record<string, Json>)['Body'], 'hello');
  });

  it('aws-sdk:dynamodb: put, get and query with attribute values as in the API', async () => {
    const name = await table('generic-items');
    assert.deepEqual(output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:dynamodb:putItem`, { TableName: name, Item: { id: { S: 'id1' }, data: { S: 'HelloWorld' } } }))), {});
    const got = output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:dynamodb:getItem`, { TableName: name, Key: { id: { S: 'id1' } } })));
    assert.deepEqual(got, { Item: { id: { S: 'id1' }, data: { S: 'HelloWorld' } } });
    const queried = output(
      await tasks.invoke(
        serviceRequest(`${STATES}aws-sdk:dynamodb:query`, { TableName: name, KeyConditionExpression: 'id = :id', ExpressionAttributeValues: { ':id': { S: 'id1' } } }),
      ),
    );
    assert.equal(queried['Count'], 1);
    assert.equal(queried['ScannedCount'], 1);
  });

  it('names errors <Service>.<Exception> with the SDK for Java 2.x cause', async () => {
    const { error, cause } = failure(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:dynamodb:putItem`, { TableName: 'no-such-table', Item: { id: { S: 'x' } } })));
    assert.equal(error, 'DynamoDb.ResourceNotFoundException');
    assert.match(cause, /^Requested resource not found \(Service: DynamoDb, Status Code: 400, Request ID: \S+\)$/);
    const missingQueue = failure(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sqs:getQueueUrl`, { QueueName: 'no-such-queue' })));
    // The model's shape is `QueueDoesNotExist`; the Exception suffix is added as AWS documents.
    assert.equal(missingQueue.error, 'Sqs.QueueDoesNotExistException');
  });

  it('aws-sdk:sfn: PascalCase names over a camelCase API, timestamps as ISO-8601 text', async () => {
    const sfn = new SFNClient(moto.clientConfig);
    const machine = await sfn.send(
      new CreateStateMachineCommand({ name: 'target', roleArn: 'arn:aws:iam::123456789012:role/sfn', definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}' }),
    );
    sfn.destroy();
    const started = output(
      await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sfn:startExecution`, { StateMachineArn: machine.stateMachineArn!, Name: 'run-a', Input: { key: 'value' } })),
    );
    assert.deepEqual(Object.keys(started), ['ExecutionArn', 'StartDate']);
    assert.match(started['ExecutionArn'] as string, /:execution:target:run-a$/);
    assert.match(started['StartDate'] as string, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
    assert.equal(sentInput('StartExecutionCommand')['input'], '{"key":"value"}');
  });

  it('fills idempotency-token members from the idempotency key unless the Task sets them', async () => {
    const name = await table('transactions');
    const request = serviceRequest(`${STATES}aws-sdk:dynamodb:transactWriteItems`, { TransactItems: [{ Put: { TableName: name, Item: { id: { S: 't1' } } } }] });
    output(await tasks.invoke(request));
    assert.equal(sentInput('TransactWriteItemsCommand')['ClientRequestToken'], idempotencyToken(request.idempotencyKey));
    output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:dynamodb:transactWriteItems`, { TransactItems: [{ Put: { TableName: name, Item: { id: { S: 't2' } } } }], ClientRequestToken: 'mine' })));
    assert.equal(sentInput('TransactWriteItemsCommand')['ClientRequestToken'], 'mine');
  });

  it('an unknown action is refused as AWS refuses the resource; a service without a client says so', async () => {
    assert.equal(failure(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sqs:sendTelegram`, {}))).cause.startsWith('The resource provided arn:aws:states:::aws-sdk:sqs:sendTelegram is not recognized.'), true);
    assert.deepEqual(failure(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:s3:getObject`, { Bucket: 'b', Key: 'k' }))), {
      kind: 'Failed',
      error: 'States.Runtime',
      cause: 'The resource arn:aws:states:::aws-sdk:s3:getObject needs the AWS SDK client @aws-sdk/client-s3, which is not installed.',
    });
  });
});

describe('Credentials.RoleArn', () => {
  it('signs the call as the assumed role, with the state machine name as RoleSessionName', async () => {
    const role = 'arn:aws:iam::123456789012:role/cross-account';
    const request = serviceRequest(`${STATES}aws-sdk:sts:getCallerIdentity`, {}, { credentials: { RoleArn: role }, executionArn: EXECUTION });
    const identity = output(await tasks.invoke(request));
    assert.equal(identity['Arn'], 'arn:aws:sts::123456789012:assumed-role/cross-account/order-flow');
    const assumed = sentInput('AssumeRoleCommand');
    assert.equal(assumed['RoleArn'], role);
    assert.equal(assumed['RoleSessionName'], 'order-flow');
    assert.equal(assumed['ExternalId'], 'arn:aws:states:us-east-1:123456789012:stateMachine:order-flow');
  });

  it('reuses the assumed credentials for later calls, and the engine identity without Credentials', async () => {
    const role = 'arn:aws:iam::123456789012:role/reused';
    const before = sent.filter((entry) => entry.command === 'AssumeRoleCommand').length;
    for (let i = 0; i < 3; i++) {
      output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sts:getCallerIdentity`, {}, { credentials: { RoleArn: role }, executionArn: EXECUTION })));
    }
    assert.equal(sent.filter((entry) => entry.command === 'AssumeRoleCommand').length, before + 1);
    const own = output(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sts:getCallerIdentity`, {}, { executionArn: EXECUTION })));
    assert.doesNotMatch(own['Arn'] as string, /assumed-role/);
  });

  it('an optimized integration runs as the role too', async () => {
    const queueUrl = await queue('cross-account-queue');
    output(await tasks.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'x' }, { credentials: { RoleArn: 'arn:aws:iam::123456789012:role/sender' }, executionArn: EXECUTION })));
    assert.equal(sentInput('AssumeRoleCommand')['RoleArn'], 'arn:aws:iam::123456789012:role/sender');
  });

  it('Credentials without a RoleArn string fail the Task', async () => {
    const { error, cause } = failure(await tasks.invoke(serviceRequest(`${STATES}aws-sdk:sts:getCallerIdentity`, {}, { credentials: { 'RoleArn.$': '$.role' } })));
    assert.equal(error, 'States.Runtime');
    assert.match(cause, /^The Credentials field must name a role/);
  });
});

describe('lifecycle', () => {
  it('creates each client once and refuses calls after destroy()', async () => {
    let created = 0;
    const counting = new AwsServiceTasks({
      region: moto.clientConfig.region,
      credentials: moto.clientConfig.credentials,
      endpoints: { sqs: moto.endpoint },
      clientFactory: async (service, settings) => {
        created++;
        return defaultClientFactory(service, settings);
      },
    });
    const queueUrl = await queue('lifecycle');
    output(await counting.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'a' })));
    output(await counting.invoke(serviceRequest(`${STATES}aws-sdk:sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'b' })));
    assert.equal(created, 1);
    counting.destroy();
    await assert.rejects(counting.invoke(serviceRequest(`${STATES}sqs:sendMessage`, { QueueUrl: queueUrl, MessageBody: 'c' })), /destroyed/);
  });
});
