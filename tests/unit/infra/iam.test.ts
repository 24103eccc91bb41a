import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FUNCTION_NAMES } from '../../../functions/config.ts';
import type { FunctionName } from '../../../functions/config.ts';
import {
  CAPABILITIES,
  functionStatements,
  indexArns,
  policyDocument,
  QUEUE_CONSUME_ACTIONS,
  scheduleArnPattern,
  schedulerRoleStatements,
  schedulerTrustPolicy,
  taskStatements,
} from '../../../infra/spec/iam.ts';
import type { Concat, IamRefs, Statement } from '../../../infra/spec/iam.ts';
import { NO_TASK_INTEGRATIONS } from '../../../infra/spec/settings.ts';

const concat: Concat<string> = (...parts) => parts.join('');

const REFS: IamRefs<string> = {
  partition: 'aws',
  region: 'us-east-1',
  accountId: '123456789012',
  tableArn: 'arn:aws:dynamodb:us-east-1:123456789012:table/Table-1a2b3c4',
  queueArn: 'arn:aws:sqs:us-east-1:123456789012:WorkQueue-1a2b3c4',
  schedulerGroupName: 'TimerScheduleGroup-1a2b3c4',
  schedulerRoleArn: 'arn:aws:iam::123456789012:role/SchedulerRole-1a2b3c4',
  secretParameterArn: 'arn:aws:ssm:us-east-1:123456789012:parameter/stepwise/dev/installation-secret',
};

const SCHEDULES = 'arn:aws:scheduler:us-east-1:123456789012:schedule/TimerScheduleGroup-1a2b3c4/*';

/** The resources a function may be granted, by name. */
const KNOWN_RESOURCES = new Set<string>([
  REFS.tableArn,
  ...indexArns<string>(REFS.tableArn, concat),
  REFS.queueArn,
  SCHEDULES,
  REFS.schedulerRoleArn,
  REFS.secretParameterArn,
]);

function statementsOf(fn: FunctionName): Statement<string>[] {
  return functionStatements<string>(fn, REFS, concat, NO_TASK_INTEGRATIONS);
}

function actionsOf(fn: FunctionName): Set<string> {
  return new Set(statementsOf(fn).flatMap((statement) => statement.actions));
}

function grants(fn: FunctionName, action: string, resource: string): boolean {
  return statementsOf(fn).some((statement) => statement.actions.includes(action) && statement.resources.includes(resource));
}

describe('infra: function permissions', () => {
  for (const fn of FUNCTION_NAMES) {
    it(`${fn}: names every action, with no wildcard`, () => {
      for (const action of actionsOf(fn)) {
        assert.match(action, /^[a-z0-9-]+:[A-Za-z]+$/, `${fn}: ${action}`);
      }
    });

    it(`${fn}: names only the table, its indexes, the queue, the scheduler group, the scheduler role and the secret`, () => {
      for (const statement of statementsOf(fn)) {
        for (const resource of statement.resources) {
          if (resource === '*') {
            // X-Ray's trace upload accepts no resource-level permission; nothing else may use `*`.
            assert.deepEqual([...statement.actions].sort(), ['xray:PutTelemetryRecords', 'xray:PutTraceSegments']);
            continue;
          }
          assert.ok(KNOWN_RESOURCES.has(resource), `${fn}: unexpected resource ${resource}`);
          // Schedule names are made at run time; the group is the narrowest scope IAM can express.
          if (resource.includes('*')) assert.equal(resource, SCHEDULES);
        }
      }
    });

    it(`${fn}: allows everything, denies nothing, and passes the scheduler role only to Scheduler`, () => {
      for (const statement of statementsOf(fn)) {
        assert.notEqual(statement.effect, 'deny');
        if (statement.actions.includes('iam:PassRole')) {
          assert.deepEqual(statement.actions, ['iam:PassRole']);
          assert.deepEqual(statement.resources, [REFS.schedulerRoleArn]);
          assert.deepEqual(statement.conditions, [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['scheduler.amazonaws.com'] }]);
        }
      }
    });

    it(`${fn}: reads and writes the table and queries its indexes`, () => {
      for (const action of ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:Query']) assert.ok(grants(fn, action, REFS.tableArn), action);
      for (const index of indexArns<string>(REFS.tableArn, concat)) assert.ok(grants(fn, 'dynamodb:Query', index), index);
      assert.equal(actionsOf(fn).has('dynamodb:Scan'), false);
    });
  }

  it('lets only the worker consume the queue, and every function send to it', () => {
    for (const action of QUEUE_CONSUME_ACTIONS) {
      assert.ok(grants('worker', action, REFS.queueArn), action);
      assert.equal(actionsOf('api').has(action), false, `api: ${action}`);
      assert.equal(actionsOf('event-start').has(action), false, `event-start: ${action}`);
    }
    for (const fn of FUNCTION_NAMES) assert.ok(grants(fn, 'sqs:SendMessage', REFS.queueArn), fn);
  });

  it('lets api and worker manage schedules in the group, and event-start none', () => {
    for (const fn of ['api', 'worker'] as const) {
      assert.ok(grants(fn, 'scheduler:CreateSchedule', SCHEDULES));
      assert.ok(grants(fn, 'scheduler:DeleteSchedule', SCHEDULES));
      assert.ok(grants(fn, 'iam:PassRole', REFS.schedulerRoleArn));
    }
    assert.equal(CAPABILITIES['event-start'].includes('timers'), false);
    assert.equal([...actionsOf('event-start')].some((action) => action.startsWith('scheduler:') || action === 'iam:PassRole'), false);
  });

  it('lets every function read the installation secret and nothing else in SSM', () => {
    for (const fn of FUNCTION_NAMES) {
      assert.ok(grants(fn, 'ssm:GetParameter', REFS.secretParameterArn));
      assert.deepEqual([...actionsOf(fn)].filter((action) => action.startsWith('ssm:')), ['ssm:GetParameter']);
    }
  });

  it('grants no task integration unless one is configured', () => {
    for (const fn of FUNCTION_NAMES) {
      assert.equal([...actionsOf(fn)].some((action) => /^(lambda|sns|events|sts):/.test(action)), false, fn);
    }
  });

  it('grants configured task integrations by ARN, with Lambda versions and aliases', () => {
    const statements = taskStatements<string>({
      ...NO_TASK_INTEGRATIONS,
      lambdaFunctionArns: ['arn:aws:lambda:us-east-1:123456789012:function:charge', 'arn:aws:lambda:us-east-1:123456789012:function:ship:live'],
      snsTopicArns: ['arn:aws:sns:us-east-1:123456789012:orders'],
      eventBusArns: ['arn:aws:events:us-east-1:123456789012:event-bus/default'],
      dynamoDbTableArns: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
      roleArns: ['arn:aws:iam::210987654321:role/stepwise-tasks'],
    });
    assert.deepEqual(statements, [
      {
        actions: ['lambda:InvokeFunction'],
        resources: [
          'arn:aws:lambda:us-east-1:123456789012:function:charge',
          'arn:aws:lambda:us-east-1:123456789012:function:charge:*',
          'arn:aws:lambda:us-east-1:123456789012:function:ship:live',
        ],
      },
      { actions: ['sns:Publish'], resources: ['arn:aws:sns:us-east-1:123456789012:orders'] },
      { actions: ['events:PutEvents'], resources: ['arn:aws:events:us-east-1:123456789012:event-bus/default'] },
      {
        actions: ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'],
        resources: ['arn:aws:dynamodb:us-east-1:123456789012:table/orders'],
      },
      { actions: ['sts:AssumeRole'], resources: ['arn:aws:iam::210987654321:role/stepwise-tasks'] },
    ]);
  });
});

describe('infra: the role EventBridge Scheduler assumes', () => {
  it('may only send messages to the work queue', () => {
    assert.deepEqual(schedulerRoleStatements<string>(REFS), [{ actions: ['sqs:SendMessage'], resources: [REFS.queueArn] }]);
  });

  it('can be assumed only by Scheduler, for this account and schedule group', () => {
    const trust = schedulerTrustPolicy<string>(REFS, concat);
    assert.equal(trust.Statement.length, 1);
    const [statement] = trust.Statement;
    assert.deepEqual(statement.Principal, { Service: 'scheduler.amazonaws.com' });
    assert.equal(statement.Action, 'sts:AssumeRole');
    assert.deepEqual(statement.Condition, {
      StringEquals: { 'aws:SourceAccount': '123456789012' },
      ArnEquals: { 'aws:SourceArn': 'arn:aws:scheduler:us-east-1:123456789012:schedule-group/TimerScheduleGroup-1a2b3c4' },
    });
  });

  it('is written as an IAM policy document', () => {
    assert.deepEqual(policyDocument(schedulerRoleStatements<string>(REFS)), {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: [REFS.queueArn] }],
    });
  });
});

describe('infra: permissions cover what the runtime calls', () => {
  /**
   * The AWS SDK commands the runtime's adapters send, and the IAM actions each needs. A command
   * missing here fails the test: grant what it needs in infra/spec/iam.ts, then list it.
   */
  const ACTIONS: Readonly<Record<string, readonly string[] | 'local setup'>> = {
    GetCommand: ['dynamodb:GetItem'],
    GetItemCommand: ['dynamodb:GetItem'],
    BatchGetCommand: ['dynamodb:BatchGetItem'],
    BatchGetItemCommand: ['dynamodb:BatchGetItem'],
    PutCommand: ['dynamodb:PutItem'],
    PutItemCommand: ['dynamodb:PutItem'],
    UpdateCommand: ['dynamodb:UpdateItem'],
    UpdateItemCommand: ['dynamodb:UpdateItem'],
    DeleteCommand: ['dynamodb:DeleteItem'],
    DeleteItemCommand: ['dynamodb:DeleteItem'],
    QueryCommand: ['dynamodb:Query'],
    TransactWriteCommand: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
    TransactWriteItemsCommand: ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:ConditionCheckItem'],
    TransactGetCommand: ['dynamodb:GetItem'],
    TransactGetItemsCommand: ['dynamodb:GetItem'],
    // The local engine creates its table; in AWS the deployment does.
    CreateTableCommand: 'local setup',
    DescribeTableCommand: 'local setup',
    SendMessageCommand: ['sqs:SendMessage'],
    SendMessageBatchCommand: ['sqs:SendMessage'],
    CreateScheduleCommand: ['scheduler:CreateSchedule'],
    DeleteScheduleCommand: ['scheduler:DeleteSchedule'],
  };

  const adapters = join(dirname(fileURLToPath(import.meta.url)), '../../../core/adapters/aws');

  function commandsUsed(folder: string): Set<string> {
    const found = new Set<string>();
    for (const entry of readdirSync(join(adapters, folder), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith('.ts')) continue;
      const text = readFileSync(join(entry.parentPath, entry.name), 'utf8');
      for (const match of text.matchAll(/new ([A-Z][A-Za-z]+Command)\(/g)) found.add(match[1]!);
    }
    return found;
  }

  for (const [folder, functions] of [
    ['dynamodb', FUNCTION_NAMES],
    ['sqs', FUNCTION_NAMES],
    ['scheduler', ['api', 'worker']],
  ] as const) {
    it(`grants every action core/adapters/aws/${folder} needs`, () => {
      for (const command of commandsUsed(folder)) {
        const actions = ACTIONS[command];
        assert.ok(actions !== undefined, `core/adapters/aws/${folder} sends ${command}: add its IAM actions to this test and to infra/spec/iam.ts`);
        if (actions === 'local setup') continue;
        for (const fn of functions) for (const action of actions) assert.ok(actionsOf(fn).has(action), `${fn} lacks ${action} for ${command}`);
      }
    });
  }

  it('builds the schedule pattern from the group name', () => {
    assert.equal(scheduleArnPattern<string>(REFS, concat), SCHEDULES);
  });
});
