/**
 * The CloudWatch dashboard and alarms, as data. The engine's own metrics are written as EMF log
 * lines by core/adapters/aws/telemetry under the namespace below; the rest are AWS's.
 */
import { METRIC_NAMESPACE } from './environment.ts';
import { WORK_QUEUE } from './queues.ts';

/** The engine's metrics and their dimensions, as core/adapters/aws/telemetry writes them. */
export const METRICS = {
  transitions: { name: 'Transitions', dimensions: ['StateMachine', 'StateType'] },
  executionsStarted: { name: 'ExecutionsStarted', dimensions: ['StateMachine'] },
  executionsSucceeded: { name: 'ExecutionsSucceeded', dimensions: ['StateMachine'] },
  executionsFailed: { name: 'ExecutionsFailed', dimensions: ['StateMachine'] },
  executionsTimedOut: { name: 'ExecutionsTimedOut', dimensions: ['StateMachine'] },
  executionsAborted: { name: 'ExecutionsAborted', dimensions: ['StateMachine'] },
  executionDuration: { name: 'ExecutionDuration', dimensions: ['StateMachine'] },
  taskDuration: { name: 'TaskDuration', dimensions: ['StateMachine'] },
  queueLag: { name: 'QueueLag', dimensions: ['StateMachine'] },
} as const;

type MetricKey = keyof typeof METRICS;

/**
 * A search over every state machine's series of one metric. The schema lists the exact
 * dimension set, so a metric written with other dimensions is not mixed in.
 */
export function searchExpression(metric: MetricKey, statistic: string, periodSeconds: number, namespace: string = METRIC_NAMESPACE): string {
  const { name, dimensions } = METRICS[metric];
  return `SEARCH('{${[namespace, ...dimensions].join(',')}} MetricName="${name}"', '${statistic}', ${periodSeconds})`;
}

export interface MonitoringNames {
  readonly region: string;
  readonly queueName: string;
  readonly deadLetterQueueName: string;
  readonly apiId: string;
  readonly apiFunctionName: string;
  readonly workerFunctionName: string;
  /** event-start functions, one per EventBridge rule. */
  readonly eventStartFunctionNames: readonly string[];
}

interface MetricWidget {
  readonly type: 'metric';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly properties: {
    readonly title: string;
    readonly region: string;
    readonly view: 'timeSeries';
    readonly stacked: boolean;
    readonly period: number;
    readonly stat: string;
    readonly metrics: readonly (readonly unknown[])[];
    readonly yAxis?: { readonly left: { readonly min: number; readonly label?: string } };
  };
}

export interface DashboardBody {
  readonly widgets: readonly MetricWidget[];
}

const MINUTE = 60;
const FIVE_MINUTES = 300;

export function dashboardBody(names: MonitoringNames): DashboardBody {
  const expression = (id: string, text: string, label: string) => [{ id, expression: text, label }];
  const widgets: MetricWidget['properties'][] = [
    {
      title: 'State transitions per minute',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'Sum',
      metrics: [expression('transitions', `SUM(${searchExpression('transitions', 'Sum', MINUTE)})`, 'Transitions')],
      yAxis: { left: { min: 0 } },
    },
    {
      title: 'Executions by status per minute',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'Sum',
      metrics: (
        [
          ['started', 'executionsStarted', 'Started'],
          ['succeeded', 'executionsSucceeded', 'Succeeded'],
          ['failed', 'executionsFailed', 'Failed'],
          ['timedOut', 'executionsTimedOut', 'Timed out'],
          ['aborted', 'executionsAborted', 'Aborted'],
        ] as const
      ).map(([id, metric, label]) => expression(id, `SUM(${searchExpression(metric, 'Sum', MINUTE)})`, label)),
      yAxis: { left: { min: 0 } },
    },
    {
      title: 'Execution and task duration, p99 (ms)',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: FIVE_MINUTES,
      stat: 'p99',
      metrics: [
        expression('executionP99', searchExpression('executionDuration', 'p99', FIVE_MINUTES), 'Execution'),
        expression('taskP99', searchExpression('taskDuration', 'p99', FIVE_MINUTES), 'Task'),
      ],
      yAxis: { left: { min: 0, label: 'ms' } },
    },
    {
      title: 'Queue lag: message due to worker start (ms)',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'p99',
      metrics: [
        expression('lagP99', searchExpression('queueLag', 'p99', MINUTE), 'p99'),
        expression('lagMax', searchExpression('queueLag', 'Maximum', MINUTE), 'max'),
      ],
      yAxis: { left: { min: 0, label: 'ms' } },
    },
    {
      title: 'Work queue: age of oldest message (s) and backlog',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'Maximum',
      metrics: [
        ['AWS/SQS', 'ApproximateAgeOfOldestMessage', 'QueueName', names.queueName, { label: 'Oldest message age (s)' }],
        ['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', names.queueName, { label: 'Visible', yAxis: 'right' }],
        ['AWS/SQS', 'ApproximateNumberOfMessagesDelayed', 'QueueName', names.queueName, { label: 'Delayed (timers)', yAxis: 'right' }],
      ],
      yAxis: { left: { min: 0 } },
    },
    {
      title: 'Dead-letter queue depth',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'Maximum',
      metrics: [['AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'QueueName', names.deadLetterQueueName, { label: 'Messages' }]],
      yAxis: { left: { min: 0 } },
    },
    {
      title: 'Errors',
      region: names.region,
      view: 'timeSeries',
      stacked: false,
      period: MINUTE,
      stat: 'Sum',
      metrics: [
        ['AWS/Lambda', 'Errors', 'FunctionName', names.apiFunctionName, { label: 'api errors' }],
        ['AWS/Lambda', 'Errors', 'FunctionName', names.workerFunctionName, { label: 'worker errors' }],
        ['AWS/Lambda', 'Throttles', 'FunctionName', names.workerFunctionName, { label: 'worker throttles' }],
        ...names.eventStartFunctionNames.map((name) => ['AWS/Lambda', 'Errors', 'FunctionName', name, { label: `${name} errors` }]),
        ['AWS/ApiGateway', '5xx', 'ApiId', names.apiId, { label: 'API 5xx' }],
      ],
      yAxis: { left: { min: 0 } },
    },
  ];
  const width = 12;
  const height = 6;
  return {
    widgets: widgets.map((properties, index) => ({
      type: 'metric',
      x: (index % 2) * width,
      y: Math.floor(index / 2) * height,
      width,
      height,
      properties,
    })),
  };
}

export interface AlarmSpec<V> {
  /** Short, stable; part of the alarm's resource name. */
  readonly id: string;
  readonly description: string;
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: Readonly<Record<string, V | string>>;
  readonly statistic: 'Sum' | 'Maximum';
  readonly periodSeconds: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly threshold: number;
  readonly comparisonOperator: 'GreaterThanOrEqualToThreshold' | 'GreaterThanThreshold';
  /** No data means nothing happened: an idle installation is a healthy one. */
  readonly treatMissingData: 'notBreaching';
}

/** Any message in the DLQ is an execution that stopped making progress. */
export function deadLetterAlarm<V>(deadLetterQueueName: V | string): AlarmSpec<V> {
  return {
    id: 'DeadLetters',
    description: 'Stepwise: work messages reached the dead-letter queue; the executions they belong to are stuck until redriven.',
    namespace: 'AWS/SQS',
    metricName: 'ApproximateNumberOfMessagesVisible',
    dimensions: { QueueName: deadLetterQueueName },
    statistic: 'Maximum',
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
  };
}

/**
 * Timer messages legitimately wait up to SQS's 900-second delay, and a failed delivery comes
 * back after one visibility timeout; a message older than both has been failing repeatedly or
 * the worker is not keeping up.
 */
export const QUEUE_AGE_ALARM_SECONDS = WORK_QUEUE.visibilityTimeoutSeconds + 900;

export function queueAgeAlarm<V>(queueName: V | string): AlarmSpec<V> {
  return {
    id: 'QueueAge',
    description: `Stepwise: the oldest work message is over ${QUEUE_AGE_ALARM_SECONDS} seconds old.`,
    namespace: 'AWS/SQS',
    metricName: 'ApproximateAgeOfOldestMessage',
    dimensions: { QueueName: queueName },
    statistic: 'Maximum',
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 3,
    datapointsToAlarm: 3,
    threshold: QUEUE_AGE_ALARM_SECONDS,
    comparisonOperator: 'GreaterThanThreshold',
    treatMissingData: 'notBreaching',
  };
}

/** Unhandled errors and timeouts of a function (a worker's failed batch items are not errors). */
export function functionErrorsAlarm<V>(id: string, functionName: V | string): AlarmSpec<V> {
  return {
    id,
    description: `Stepwise: a function invocation failed (unhandled error or timeout).`,
    namespace: 'AWS/Lambda',
    metricName: 'Errors',
    dimensions: { FunctionName: functionName },
    statistic: 'Sum',
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
  };
}

export function api5xxAlarm<V>(apiId: V | string): AlarmSpec<V> {
  return {
    id: 'Api5xx',
    description: 'Stepwise: the API answered with server errors.',
    namespace: 'AWS/ApiGateway',
    metricName: '5xx',
    dimensions: { ApiId: apiId },
    statistic: 'Sum',
    periodSeconds: FIVE_MINUTES,
    evaluationPeriods: 1,
    datapointsToAlarm: 1,
    threshold: 1,
    comparisonOperator: 'GreaterThanOrEqualToThreshold',
    treatMissingData: 'notBreaching',
  };
}
