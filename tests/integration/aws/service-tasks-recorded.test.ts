/**
 * Replays the Task calls the conformance corpus recorded from AWS (its `tasks` field) through
 * AwsServiceTasks against moto's server: each recorded call's `input` is sent as the Task's
 * parameters (with the recording's placeholder resource names bound to resources created here),
 * and the answer is compared with the recorded `result`, or `error` and `cause`. Placeholders
 * match anything; `SdkHttpMetadata` is checked for shape and status only (its headers are
 * whichever server answered); random values (message ids, request ids, dates, MD5s) are
 * placeholders in the recordings, so they are checked for presence and type.
 *
 * Replayed: every `services__*` case moto can serve (SQS, SNS, DynamoDB, EventBridge, and
 * `aws-sdk:dynamodb` / `aws-sdk:sfn`), plus the corpus's DynamoDB missing-table cases from
 * `error_handling__*`. Where moto answers differently from AWS, the case says how and the
 * comparison allows exactly that.
 *
 * Not replayed here:
 *   - `services__invoke*`, `services__lambda_task_filter_parameters_input`: Lambda, replayed in
 *     lambda-invoke.test.ts against a local Invoke endpoint (moto's Lambda needs Docker);
 *   - `services__fifo_message_attribute-input_params0-True`: moto answers `MissingParameter`
 *     where AWS answers `InvalidParameter` ("The MessageGroupId parameter is required for FIFO topics");
 *   - `services__put_events_malformed_detail`, `services__put_events_mixed_malformed_detail`:
 *     moto accepts a `Detail` that is JSON but not an object, which AWS rejects (`MalformedDetail`);
 *   - `services__sfn_send_task_outcome_with_no_such_token-*`: moto accepts any task token;
 *   - `services__s3_*`, `services__list_secrets`: S3 and Secrets Manager have no client installed;
 *   - `services__start_execution_input_json`: `states:startExecution` is not one of these integrations.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CreateQueueCommand, SQSClient } from '@aws-sdk/client-sqs';
import { CreateTopicCommand, SNSClient } from '@aws-sdk/client-sns';
import { CreateStateMachineCommand, SFNClient } from '@aws-sdk/client-sfn';
import type { Json } from '../../../core/asl/json.ts';
import { AwsServiceTasks } from '../../../core/adapters/aws/tasks/index.ts';
import { differences, loadRecordedCase } from '../../fixtures/aws/recorded-match.ts';
import { serviceRequest } from '../../fixtures/aws/service-request.ts';
import { startMotoServer, type MotoServer } from '../../fixtures/moto-server.ts';

interface Replay {
  readonly caseName: string;
  /** The recording's topic does not exist (the case is about publishing to a missing topic). */
  readonly missingTopic?: boolean;
  readonly fifoTopic?: boolean;
  /** How moto's answer differs from AWS's, and what the comparison allows for it. */
  readonly moto?: {
    readonly why: string;
    /** Result fields AWS gives and moto leaves out. */
    readonly omits?: readonly string[];
    /** Result fields moto gives and AWS does not. */
    readonly adds?: readonly string[];
    /** AWS's error message → moto's, in the cause. */
    readonly message?: readonly [aws: string, moto: string];
  };
}

const REPLAYS: readonly Replay[] = [
  { caseName: 'services__base_integrations-DYNAMODB_PUT_DELETE_ITEM' },
  { caseName: 'services__base_integrations-DYNAMODB_PUT_GET_ITEM' },
  { caseName: 'services__base_integrations-DYNAMODB_PUT_QUERY' },
  { caseName: 'services__base_integrations-DYNAMODB_PUT_UPDATE_GET_ITEM', moto: { why: 'moto adds ConsumedCapacity to UpdateItem answers that did not ask for it', adds: ['ConsumedCapacity'] } },
  { caseName: 'services__dynamodb_put_delete_item' },
  { caseName: 'services__dynamodb_put_get_item' },
  { caseName: 'services__dynamodb_put_update_get_item', moto: { why: 'moto adds ConsumedCapacity to UpdateItem answers that did not ask for it', adds: ['ConsumedCapacity'] } },
  {
    caseName: 'services__fifo_message_attribute-input_params1-False',
    fifoTopic: true,
    moto: { why: 'moto answers FIFO publishes without SequenceNumber', omits: ['SequenceNumber'] },
  },
  { caseName: 'services__publish_base-' },
  { caseName: 'services__publish_base-1' },
  { caseName: 'services__publish_base-HelloWorld' },
  { caseName: 'services__publish_base-None' },
  { caseName: 'services__publish_base-True' },
  { caseName: 'services__publish_base-message1' },
  {
    caseName: 'services__publish_base_error_topic_arn',
    missingTopic: true,
    moto: { why: "moto's NotFound message for a missing topic is its own", message: ['Topic does not exist', 'Endpoint does not exist'] },
  },
  { caseName: 'services__publish_message_attributes-' },
  { caseName: 'services__publish_message_attributes-HelloWorld' },
  { caseName: 'services__publish_message_attributes-HelloWorld-2' },
  { caseName: 'services__publish_message_attributes-message_value3' },
  { caseName: 'services__put_events_base' },
  { caseName: 'services__put_events_no_source' },
  { caseName: 'services__send_message_attributes' },
  { caseName: 'services__sfn_start_execution' },
  { caseName: 'services__sfn_start_execution_implicit_json_serialisation' },
  { caseName: 'error_handling__put_item_no_such_table' },
  { caseName: 'error_handling__dynamodb_put_item_no_such_table' },
];

let moto: MotoServer;
let tasks: AwsServiceTasks;
let resourceCount = 0;

before(async () => {
  moto = await startMotoServer();
  tasks = new AwsServiceTasks({ region: moto.clientConfig.region, credentials: moto.clientConfig.credentials, endpoint: moto.endpoint });
});

after(async () => {
  tasks.destroy();
  await moto.close();
});

interface Resources {
  readonly table: string;
  readonly topicArn: string;
  readonly queueUrl: string;
  readonly stateMachineArn: string;
}

/** Fresh resources for one case; the missing-table cases get a table name that is never created. */
async function resourcesFor(replay: Replay): Promise<Resources> {
  const n = ++resourceCount;
  const config = moto.clientConfig;
  const dynamodb = new DynamoDBClient(config);
  const sns = new SNSClient(config);
  const sqs = new SQSClient(config);
  const sfn = new SFNClient(config);
  try {
    const table = `replay-table-${n}`;
    if (!replay.caseName.includes('no_such_table')) {
      await dynamodb.send(
        new CreateTableCommand({
          TableName: table,
          KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
          AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
    }
    const topicArn = replay.missingTopic
      ? `arn:aws:sns:us-east-1:123456789012:never-created-${n}`
      : (await sns.send(new CreateTopicCommand({ Name: `replay-topic-${n}${replay.fifoTopic ? '.fifo' : ''}`, ...(replay.fifoTopic ? { Attributes: { FifoTopic: 'true' } } : {}) }))).TopicArn!;
    const queueUrl = (await sqs.send(new CreateQueueCommand({ QueueName: `replay-queue-${n}` }))).QueueUrl!;
    const stateMachineArn = (
      await sfn.send(
        new CreateStateMachineCommand({ name: `replay-machine-${n}`, roleArn: 'arn:aws:iam::123456789012:role/sfn', definition: '{"StartAt":"P","States":{"P":{"Type":"Pass","End":true}}}' }),
      )
    ).stateMachineArn!;
    return { table, topicArn, queueUrl, stateMachineArn };
  } finally {
    for (const client of [dynamodb, sns, sqs, sfn]) client.destroy();
  }
}

/** The recorded input with its placeholder resource names replaced by this run's resources. */
function bind(value: Json, resources: Resources): Json {
  if (typeof value === 'string') {
    if (value === 'table-name' || value === '<test-table>') return resources.table;
    if (value === '<sqs_queue_url>') return resources.queueUrl;
    if (value === '<detail-type>') return 'detail-type';
    if (value.startsWith('arn:<partition>:sns:')) return resources.topicArn;
    if (value.startsWith('arn:<partition>:states:') && value.includes(':stateMachine:')) return resources.stateMachineArn;
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => bind(item, resources));
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, bind(item, resources)]));
  return value;
}

describe('recorded service calls replayed against moto', () => {
  for (const replay of REPLAYS) {
    it(replay.moto === undefined ? replay.caseName : `${replay.caseName} (${replay.moto.why})`, async () => {
      const recorded = loadRecordedCase(replay.caseName);
      const resources = await resourcesFor(replay);
      for (const [stateName, calls] of recorded.tasks) {
        for (const call of calls) {
          const resource = `arn:aws:states:::${call.resourceType}:${call.resource}`;
          const outcome = await tasks.invoke(serviceRequest(resource, bind(call.input, resources), { stateName }));
          let expected: Json | undefined;
          let actual: Json | undefined;
          if (call.error !== undefined) {
            assert.equal(outcome.kind, 'Failed', `${stateName}: ${JSON.stringify(outcome)}`);
            const [awsMessage, motoMessage] = replay.moto?.message ?? ['', ''];
            expected = { error: call.error, ...(call.cause === undefined ? {} : { cause: call.cause.replace(awsMessage, motoMessage) }) };
            actual = outcome.kind === 'Failed' ? { error: outcome.error ?? null, ...(outcome.cause === undefined ? {} : { cause: outcome.cause }) } : null;
          } else {
            assert.equal(outcome.kind, 'Succeeded', `${stateName}: ${JSON.stringify(outcome)}`);
            expected = withoutFields(call.result ?? null, replay.moto?.omits ?? []);
            actual = withoutFields((outcome as { output: Json }).output, replay.moto?.adds ?? []);
          }
          assert.deepEqual(differences(actual, expected, [...recorded.redacted, '<request_id>']), [], `${stateName}: ${JSON.stringify(actual)}`);
        }
      }
    });
  }
});

function withoutFields(value: Json, fields: readonly string[]): Json {
  if (fields.length === 0 || typeof value !== 'object' || value === null || Array.isArray(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => !fields.includes(key)));
}
