/**
 * The AWS services whose SDK clients are installed, and the names Step Functions gives them.
 *
 * Step Functions runs its optimized integrations (`arn:aws:states:::sqs:sendMessage`) on the AWS
 * SDK for Java 1.x and its `aws-sdk:` integrations on the SDK for Java 2.x, and error names and
 * causes carry each SDK's spelling: `SQS.AmazonSQSException` and
 * "(Service: AmazonSQS; Status Code: 400; ...)" for the first, `Sqs.SqsException` and
 * "(Service: Sqs, Status Code: 400, ...)" for the second. The recorded conformance cases show both
 * (`error_handling__invalid_param` and `error_handling__dynamodb_invalid_param`).
 */
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { EventBridgeClient } from '@aws-sdk/client-eventbridge';
import type { LambdaClient } from '@aws-sdk/client-lambda';
import type { SchedulerClient } from '@aws-sdk/client-scheduler';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { SQSClient } from '@aws-sdk/client-sqs';
import type { STSClient } from '@aws-sdk/client-sts';

/** A service by the name `aws-sdk:<name>:<action>` resources use. */
export type ServiceId = 'lambda' | 'sqs' | 'sns' | 'dynamodb' | 'eventbridge' | 'sts' | 'scheduler' | 'sfn';

export const SERVICE_IDS: readonly ServiceId[] = ['lambda', 'sqs', 'sns', 'dynamodb', 'eventbridge', 'sts', 'scheduler', 'sfn'];

export function isServiceId(name: string): name is ServiceId {
  return (SERVICE_IDS as readonly string[]).includes(name);
}

export interface ServiceClients {
  lambda: LambdaClient;
  sqs: SQSClient;
  sns: SNSClient;
  dynamodb: DynamoDBClient;
  eventbridge: EventBridgeClient;
  sts: STSClient;
  scheduler: SchedulerClient;
  sfn: SFNClient;
}

/** How the Java SDK 1.x, behind the optimized integrations, names a service. */
export interface OptimizedNaming {
  /** Before the dot in error names: `SQS` in `SQS.QueueDoesNotExistException`. */
  readonly prefix: string;
  /** "Service:" in causes. */
  readonly serviceName: string;
  /** The exception class for errors the service model does not name. */
  readonly baseException: string;
}

/** How the Java SDK 2.x, behind `aws-sdk:` integrations, names a service. */
export interface SdkNaming {
  /** Before the dot in error names and after "Service:" in causes (`DynamoDb`, `Sfn`). */
  readonly name: string;
  /**
   * Whether causes end with " (SDK Attempt Count: n)". The recordings show it for Step Functions
   * (`services__sfn_send_task_outcome_with_no_such_token-*`) and not for DynamoDB, S3 or Secrets
   * Manager (`error_handling__dynamodb_*`, `error_handling__no_such_bucket`, ...): AWS evidently
   * builds the integrations on different releases of the SDK.
   */
  readonly attemptCountInCause: boolean;
}

export interface ServiceInfo {
  /** The JS SDK's client class and base exception class, as exported by its package. */
  readonly clientClass: string;
  readonly serviceExceptionClass: string;
  /** Services with optimized integrations only. */
  readonly optimized?: OptimizedNaming;
  readonly sdk: SdkNaming;
}

export const SERVICES = {
  lambda: {
    clientClass: 'LambdaClient',
    serviceExceptionClass: 'LambdaServiceException',
    optimized: { prefix: 'Lambda', serviceName: 'AWSLambda', baseException: 'AWSLambdaException' },
    sdk: { name: 'Lambda', attemptCountInCause: false },
  },
  sqs: {
    clientClass: 'SQSClient',
    serviceExceptionClass: 'SQSServiceException',
    optimized: { prefix: 'SQS', serviceName: 'AmazonSQS', baseException: 'AmazonSQSException' },
    sdk: { name: 'Sqs', attemptCountInCause: false },
  },
  sns: {
    clientClass: 'SNSClient',
    serviceExceptionClass: 'SNSServiceException',
    optimized: { prefix: 'SNS', serviceName: 'AmazonSNS', baseException: 'AmazonSNSException' },
    sdk: { name: 'Sns', attemptCountInCause: false },
  },
  dynamodb: {
    clientClass: 'DynamoDBClient',
    serviceExceptionClass: 'DynamoDBServiceException',
    optimized: { prefix: 'DynamoDB', serviceName: 'AmazonDynamoDBv2', baseException: 'AmazonDynamoDBException' },
    sdk: { name: 'DynamoDb', attemptCountInCause: false },
  },
  eventbridge: {
    clientClass: 'EventBridgeClient',
    serviceExceptionClass: 'EventBridgeServiceException',
    optimized: { prefix: 'EventBridge', serviceName: 'AmazonEventBridge', baseException: 'AmazonEventBridgeException' },
    sdk: { name: 'EventBridge', attemptCountInCause: false },
  },
  sts: {
    clientClass: 'STSClient',
    serviceExceptionClass: 'STSServiceException',
    sdk: { name: 'Sts', attemptCountInCause: false },
  },
  scheduler: {
    clientClass: 'SchedulerClient',
    serviceExceptionClass: 'SchedulerServiceException',
    sdk: { name: 'Scheduler', attemptCountInCause: false },
  },
  sfn: {
    clientClass: 'SFNClient',
    serviceExceptionClass: 'SFNServiceException',
    // `states:startExecution` reports `StepFunctions.StateMachineDoesNotExistException ... (Service: AWSStepFunctions; ...)`.
    optimized: { prefix: 'StepFunctions', serviceName: 'AWSStepFunctions', baseException: 'AWSStepFunctionsException' },
    sdk: { name: 'Sfn', attemptCountInCause: true },
  },
} satisfies { readonly [S in ServiceId]: ServiceInfo };
