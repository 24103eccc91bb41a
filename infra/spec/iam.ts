/**
 * Every IAM statement the deployment grants, as data. Resource values are generic: plain strings
 * in the unit tests, Pulumi outputs in `infra/`, joined by the `concat` the caller passes.
 */
import type { FunctionName } from '../../functions/config.ts';
import { GLOBAL_SECONDARY_INDEXES } from './table.ts';
import type { TaskIntegrations } from './settings.ts';

export interface Condition<V> {
  readonly test: string;
  readonly variable: string;
  readonly values: readonly (V | string)[];
}

/** The shape SST's `permissions` takes, so statements pass through unchanged. */
export interface Statement<V> {
  readonly effect?: 'allow' | 'deny';
  readonly actions: readonly string[];
  readonly resources: readonly (V | string)[];
  readonly conditions?: readonly Condition<V>[];
}

export type Concat<V> = (...parts: readonly (V | string)[]) => V | string;

export interface IamRefs<V> {
  readonly partition: V | string;
  readonly region: V | string;
  readonly accountId: V | string;
  readonly tableArn: V | string;
  readonly queueArn: V | string;
  readonly schedulerGroupName: V | string;
  readonly schedulerRoleArn: V | string;
  readonly secretParameterArn: V | string;
}

/** What a function may do, named; each function's list is in `CAPABILITIES`. */
export type Capability = 'table' | 'queue-send' | 'queue-consume' | 'timers' | 'secret' | 'tracing' | 'tasks';

export const CAPABILITIES: { readonly [F in FunctionName]: readonly Capability[] } = {
  // StartSyncExecution runs its Express execution's Task states inside the API function.
  api: ['table', 'queue-send', 'timers', 'secret', 'tracing', 'tasks'],
  worker: ['table', 'queue-send', 'queue-consume', 'timers', 'secret', 'tracing', 'tasks'],
  // Only starts: a Standard execution's first message and an Express execution's run are queued.
  'event-start': ['table', 'queue-send', 'secret', 'tracing'],
};

/**
 * The item operations the runtime performs. TransactWriteItems is authorized per contained
 * action (Put, Update, Delete, ConditionCheck), so it needs no action of its own.
 */
export const TABLE_ITEM_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:ConditionCheckItem',
  'dynamodb:Query',
] as const;

/** What Lambda's event source mapping does with the worker's role when it polls the queue. */
export const QUEUE_CONSUME_ACTIONS = ['sqs:ReceiveMessage', 'sqs:DeleteMessage', 'sqs:ChangeMessageVisibility', 'sqs:GetQueueAttributes'] as const;

/** SendMessageBatch is authorized as SendMessage. */
export const QUEUE_SEND_ACTIONS = ['sqs:SendMessage'] as const;

export const SCHEDULE_ACTIONS = ['scheduler:CreateSchedule', 'scheduler:DeleteSchedule'] as const;

/** What the optimized DynamoDB integrations (getItem, putItem, updateItem, deleteItem) call. */
export const TASK_TABLE_ACTIONS = ['dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem'] as const;

/** X-Ray accepts no resource for these: `*` is the only value it allows. */
export const TRACING_ACTIONS = ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'] as const;

export function indexArns<V>(tableArn: V | string, concat: Concat<V>): (V | string)[] {
  return GLOBAL_SECONDARY_INDEXES.map((index) => concat(tableArn, `/index/${index.name}`));
}

/** Schedules are created at run time with names derived from timers, so only the group is fixed. */
export function scheduleArnPattern<V>(refs: IamRefs<V>, concat: Concat<V>): V | string {
  return concat('arn:', refs.partition, ':scheduler:', refs.region, ':', refs.accountId, ':schedule/', refs.schedulerGroupName, '/*');
}

export function scheduleGroupArn<V>(refs: Pick<IamRefs<V>, 'partition' | 'region' | 'accountId' | 'schedulerGroupName'>, concat: Concat<V>): V | string {
  return concat('arn:', refs.partition, ':scheduler:', refs.region, ':', refs.accountId, ':schedule-group/', refs.schedulerGroupName);
}

function capabilityStatements<V>(capability: Capability, refs: IamRefs<V>, concat: Concat<V>, tasks: TaskIntegrations): Statement<V>[] {
  switch (capability) {
    case 'table':
      return [{ actions: [...TABLE_ITEM_ACTIONS], resources: [refs.tableArn] }, { actions: ['dynamodb:Query'], resources: indexArns(refs.tableArn, concat) }];
    case 'queue-send':
      return [{ actions: [...QUEUE_SEND_ACTIONS], resources: [refs.queueArn] }];
    case 'queue-consume':
      return [{ actions: [...QUEUE_CONSUME_ACTIONS], resources: [refs.queueArn] }];
    case 'timers':
      return [
        { actions: [...SCHEDULE_ACTIONS], resources: [scheduleArnPattern(refs, concat)] },
        {
          actions: ['iam:PassRole'],
          resources: [refs.schedulerRoleArn],
          conditions: [{ test: 'StringEquals', variable: 'iam:PassedToService', values: ['scheduler.amazonaws.com'] }],
        },
      ];
    case 'secret':
      return [{ actions: ['ssm:GetParameter'], resources: [refs.secretParameterArn] }];
    case 'tracing':
      return [{ actions: [...TRACING_ACTIONS], resources: ['*'] }];
    case 'tasks':
      return taskStatements<V>(tasks);
  }
}

export function functionStatements<V>(fn: FunctionName, refs: IamRefs<V>, concat: Concat<V>, tasks: TaskIntegrations): Statement<V>[] {
  return CAPABILITIES[fn].flatMap((capability) => capabilityStatements(capability, refs, concat, tasks));
}

/**
 * What Task states may call, as configured at deploy time (see infra/spec/settings.ts). Nothing
 * by default: the engine gets no access to the account's other resources unless named.
 */
export function taskStatements<V>(tasks: TaskIntegrations): Statement<V>[] {
  const statements: Statement<V>[] = [];
  if (tasks.lambdaFunctionArns.length > 0) {
    // A Task's Resource may name a version or alias (`function:name:alias`): the `:*` form covers those.
    const resources = tasks.lambdaFunctionArns.flatMap((arn) => (isQualifiedFunctionArn(arn) ? [arn] : [arn, `${arn}:*`]));
    statements.push({ actions: ['lambda:InvokeFunction'], resources });
  }
  if (tasks.snsTopicArns.length > 0) statements.push({ actions: ['sns:Publish'], resources: [...tasks.snsTopicArns] });
  if (tasks.sqsQueueArns.length > 0) statements.push({ actions: ['sqs:SendMessage'], resources: [...tasks.sqsQueueArns] });
  if (tasks.eventBusArns.length > 0) statements.push({ actions: ['events:PutEvents'], resources: [...tasks.eventBusArns] });
  if (tasks.dynamoDbTableArns.length > 0) statements.push({ actions: [...TASK_TABLE_ACTIONS], resources: [...tasks.dynamoDbTableArns] });
  // A Task's `Credentials.RoleArn` runs its call as that role (typically in another account).
  if (tasks.roleArns.length > 0) statements.push({ actions: ['sts:AssumeRole'], resources: [...tasks.roleArns] });
  return statements;
}

function isQualifiedFunctionArn(arn: string): boolean {
  // arn:partition:lambda:region:account:function:name[:qualifier]
  return arn.split(':').length > 7;
}

/** Who may assume the Scheduler role: EventBridge Scheduler, for this account's schedule group only. */
export function schedulerTrustPolicy<V>(refs: Pick<IamRefs<V>, 'partition' | 'region' | 'accountId' | 'schedulerGroupName'>, concat: Concat<V>) {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { Service: 'scheduler.amazonaws.com' },
        Action: 'sts:AssumeRole',
        // Guards against another account's schedules being pointed at this role (confused deputy).
        Condition: {
          StringEquals: { 'aws:SourceAccount': refs.accountId },
          ArnEquals: { 'aws:SourceArn': scheduleGroupArn(refs, concat) },
        },
      },
    ],
  } as const;
}

/** The Scheduler role's only permission: deliver a timer's message to the work queue. */
export function schedulerRoleStatements<V>(refs: Pick<IamRefs<V>, 'queueArn'>): Statement<V>[] {
  return [{ actions: ['sqs:SendMessage'], resources: [refs.queueArn] }];
}

/** IAM's policy document form of statements, for resources that take a JSON policy. */
export function policyDocument<V>(statements: readonly Statement<V>[]) {
  return {
    Version: '2012-10-17',
    Statement: statements.map((statement) => ({
      Effect: statement.effect === 'deny' ? 'Deny' : 'Allow',
      Action: [...statement.actions],
      Resource: [...statement.resources],
      ...(statement.conditions === undefined
        ? {}
        : {
            Condition: statement.conditions.reduce<Record<string, Record<string, (V | string)[]>>>((merged, condition) => {
              merged[condition.test] = { ...merged[condition.test], [condition.variable]: [...condition.values] };
              return merged;
            }, {}),
          }),
    })),
  };
}
