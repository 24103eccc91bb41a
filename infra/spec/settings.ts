/**
 * Deploy-time choices, read from the environment of `sst deploy` (SST also loads a `.env` file
 * at the repository root). Kept apart from the functions' own environment (functions/config.ts):
 * these shape the infrastructure; those are what the deployed code reads.
 */

export const SETTINGS_ENV = {
  /** Comma-separated Lambda function ARNs that Task states may invoke. */
  taskLambdaArns: 'STEPWISE_TASK_LAMBDA_ARNS',
  /** Comma-separated SNS topic ARNs that Task states may publish to. */
  taskSnsTopicArns: 'STEPWISE_TASK_SNS_TOPIC_ARNS',
  /** Comma-separated SQS queue ARNs that Task states may send to. */
  taskSqsQueueArns: 'STEPWISE_TASK_SQS_QUEUE_ARNS',
  /** Comma-separated EventBridge event bus ARNs that Task states may put events on. */
  taskEventBusArns: 'STEPWISE_TASK_EVENT_BUS_ARNS',
  /** Comma-separated DynamoDB table ARNs that Task states may read and write items of. */
  taskDynamoDbTableArns: 'STEPWISE_TASK_DYNAMODB_TABLE_ARNS',
  /** Comma-separated IAM role ARNs that Task states may assume through their `Credentials` field. */
  taskRoleArns: 'STEPWISE_TASK_ROLE_ARNS',
  /** Comma-separated managed policy ARNs attached to the functions' roles, for other integrations. */
  taskPolicyArns: 'STEPWISE_TASK_POLICY_ARNS',
  /** An address that alarm notifications go to (SNS asks it to confirm first). */
  alarmEmail: 'STEPWISE_ALARM_EMAIL',
  /** When set, an example EventBridge rule starts this state machine (see infra/README.md). */
  exampleStateMachineArn: 'STEPWISE_EXAMPLE_STATE_MACHINE_ARN',
} as const;

export interface TaskIntegrations {
  readonly lambdaFunctionArns: readonly string[];
  readonly snsTopicArns: readonly string[];
  readonly sqsQueueArns: readonly string[];
  readonly eventBusArns: readonly string[];
  readonly dynamoDbTableArns: readonly string[];
  readonly roleArns: readonly string[];
  readonly managedPolicyArns: readonly string[];
}

export interface DeploySettings {
  readonly tasks: TaskIntegrations;
  readonly alarmEmail?: string;
  readonly exampleStateMachineArn?: string;
}

export const NO_TASK_INTEGRATIONS: TaskIntegrations = {
  lambdaFunctionArns: [],
  snsTopicArns: [],
  sqsQueueArns: [],
  eventBusArns: [],
  dynamoDbTableArns: [],
  roleArns: [],
  managedPolicyArns: [],
};

export class SettingsError extends Error {
  override readonly name = 'SettingsError';
}

type Environment = Readonly<Record<string, string | undefined>>;

export function readDeploySettings(env: Environment): DeploySettings {
  const alarmEmail = env[SETTINGS_ENV.alarmEmail]?.trim();
  if (alarmEmail && !/^[^@\s]+@[^@\s]+$/.test(alarmEmail)) throw new SettingsError(`${SETTINGS_ENV.alarmEmail} is not an email address: ${alarmEmail}`);
  const exampleStateMachineArn = env[SETTINGS_ENV.exampleStateMachineArn]?.trim();
  if (exampleStateMachineArn && !/^arn:[a-z-]+:states:[a-z0-9-]+:\d{12}:stateMachine:[^:]+$/.test(exampleStateMachineArn)) {
    throw new SettingsError(`${SETTINGS_ENV.exampleStateMachineArn} is not a state machine ARN: ${exampleStateMachineArn}`);
  }
  return {
    tasks: {
      lambdaFunctionArns: arnList(env, SETTINGS_ENV.taskLambdaArns, 'lambda', 'function:'),
      snsTopicArns: arnList(env, SETTINGS_ENV.taskSnsTopicArns, 'sns', ''),
      sqsQueueArns: arnList(env, SETTINGS_ENV.taskSqsQueueArns, 'sqs', ''),
      eventBusArns: arnList(env, SETTINGS_ENV.taskEventBusArns, 'events', 'event-bus/'),
      dynamoDbTableArns: arnList(env, SETTINGS_ENV.taskDynamoDbTableArns, 'dynamodb', 'table/'),
      roleArns: arnList(env, SETTINGS_ENV.taskRoleArns, 'iam', 'role/'),
      managedPolicyArns: arnList(env, SETTINGS_ENV.taskPolicyArns, 'iam', 'policy/'),
    },
    ...(alarmEmail ? { alarmEmail } : {}),
    ...(exampleStateMachineArn ? { exampleStateMachineArn } : {}),
  };
}

/**
 * A list of ARNs of one service. A bare `*` is refused: granting everything is what a managed
 * policy in STEPWISE_TASK_POLICY_ARNS is for, where it is visible as such.
 */
function arnList(env: Environment, name: string, service: string, resourcePrefix: string): string[] {
  const raw = env[name]?.trim();
  if (!raw) return [];
  return raw
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '')
    .map((arn) => {
      const parts = arn.split(':');
      if (parts.length < 6 || parts[0] !== 'arn' || parts[2] !== service || !parts.slice(5).join(':').startsWith(resourcePrefix)) {
        throw new SettingsError(`${name}: not an ARN of ${service}${resourcePrefix ? ` (${resourcePrefix}...)` : ''}: ${arn}`);
      }
      return arn;
    });
}
