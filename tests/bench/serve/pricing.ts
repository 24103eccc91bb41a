/**
 * us-east-1 list prices (DESIGN.md, "Cost") and the arithmetic that turns measured usage per
 * transition into dollars per million transitions. Pure, so the unit test can check it by hand.
 */

export const PRICES = {
  /** DynamoDB on-demand, per write unit (1 KB). */
  dynamoDbWriteUnit: 0.625 / 1e6,
  /** DynamoDB on-demand, per strongly consistent read unit (4 KB). */
  dynamoDbReadUnit: 0.125 / 1e6,
  /** SQS standard, per request (each 64 KB chunk of a payload is a request). */
  sqsRequest: 0.4 / 1e6,
  lambdaRequest: 0.2 / 1e6,
  /** Lambda on arm64, per GB-second of billed duration. */
  lambdaGbSecond: 0.0000133334,
  schedulerInvocation: 1 / 1e6,
  stepFunctionsStandardTransition: 25 / 1e6,
} as const;

/** The all-in target, dollars per million transitions. */
export const TARGET_PER_MILLION = 1;

/** Measured usage, per state transition. */
export interface TransitionUsage {
  /** Table plus index write units, by AWS's rules. */
  readonly writeUnits: number;
  readonly readUnits: number;
  /** SQS messages (each sent, received and deleted once). */
  readonly messages: number;
  /** Send requests: one SendMessageBatch per outbox (the queue adapter sends each call's messages together). */
  readonly sendRequests: number;
  /** 64 KB chunks per message (1 unless messages grow past 64 KB). */
  readonly chunksPerMessage: number;
  /** CPU time the worker spends per message. */
  readonly cpuMsPerMessage: number;
  /** Timers that need an EventBridge Scheduler schedule (due beyond 15 minutes). */
  readonly schedulerInvocations: number;
}

export interface CostAssumptions {
  /**
   * Messages per ReceiveMessage and per DeleteMessageBatch: the worker's event source mapping
   * receives up to its batch size (10) at once and deletes a batch with one request; at idle a
   * batch may hold a single message.
   */
  readonly messagesPerReceive: number;
  /** Messages per worker Lambda invocation (the event source mapping's batch size). */
  readonly messagesPerInvocation: number;
  readonly lambdaMemoryGb: number;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = { messagesPerReceive: 10, messagesPerInvocation: 10, lambdaMemoryGb: 0.25 };

/** Dollars per million transitions, by component. */
export interface CostBreakdown {
  readonly dynamoDbWrites: number;
  readonly dynamoDbReads: number;
  readonly sqs: number;
  readonly lambdaRequests: number;
  readonly lambdaDuration: number;
  readonly scheduler: number;
  readonly total: number;
}

export function costPerMillionTransitions(usage: TransitionUsage, assumptions: CostAssumptions = DEFAULT_ASSUMPTIONS): CostBreakdown {
  const million = 1e6;
  const dynamoDbWrites = usage.writeUnits * PRICES.dynamoDbWriteUnit * million;
  const dynamoDbReads = usage.readUnits * PRICES.dynamoDbReadUnit * million;
  const sqsRequests = usage.sendRequests * usage.chunksPerMessage + (2 * usage.messages * usage.chunksPerMessage) / assumptions.messagesPerReceive;
  const sqs = sqsRequests * PRICES.sqsRequest * million;
  const lambdaRequests = (usage.messages / assumptions.messagesPerInvocation) * PRICES.lambdaRequest * million;
  const lambdaDuration = usage.messages * lambdaGbSecondsPerMessage(usage.cpuMsPerMessage, assumptions) * PRICES.lambdaGbSecond * million;
  const scheduler = usage.schedulerInvocations * PRICES.schedulerInvocation * million;
  return {
    dynamoDbWrites,
    dynamoDbReads,
    sqs,
    lambdaRequests,
    lambdaDuration,
    scheduler,
    total: dynamoDbWrites + dynamoDbReads + sqs + lambdaRequests + lambdaDuration + scheduler,
  };
}

/**
 * Lambda bills each invocation's duration rounded up to 1 ms; a batch of messages handled one
 * after the other lasts the sum of their times.
 */
export function lambdaGbSecondsPerMessage(msPerMessage: number, assumptions: CostAssumptions = DEFAULT_ASSUMPTIONS): number {
  const billedMs = Math.ceil(msPerMessage * assumptions.messagesPerInvocation);
  return (billedMs / 1000 / assumptions.messagesPerInvocation) * assumptions.lambdaMemoryGb;
}
