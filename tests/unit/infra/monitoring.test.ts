import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExecutionMetrics } from '../../../core/adapters/aws/telemetry/execution-metrics.ts';
import { METRIC_NAMESPACE } from '../../../infra/spec/environment.ts';
import {
  api5xxAlarm,
  dashboardBody,
  deadLetterAlarm,
  functionErrorsAlarm,
  METRICS,
  QUEUE_AGE_ALARM_SECONDS,
  queueAgeAlarm,
  searchExpression,
} from '../../../infra/spec/monitoring.ts';
import { WORK_QUEUE } from '../../../infra/spec/queues.ts';

const NAMES = {
  region: 'us-east-1',
  queueName: 'WorkQueue-1a2b3c4',
  deadLetterQueueName: 'DeadLetterQueue-1a2b3c4',
  apiId: 'a1b2c3d4e5',
  apiFunctionName: 'stepwise-dev-ApiFunction',
  workerFunctionName: 'stepwise-dev-Worker',
  eventStartFunctionNames: ['stepwise-dev-ExampleRuleStart'],
};

/** Metric name -> dimension names, as the runtime's telemetry actually writes them. */
function metricsTheRuntimeWrites(): Map<string, string[]> {
  const lines: string[] = [];
  const metrics = new ExecutionMetrics({ sink: (line) => lines.push(line), clock: () => 0 });
  const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:orders:run-1';
  const stateMachineArn = 'arn:aws:states:us-east-1:123456789012:stateMachine:orders';
  metrics.executionStarted({ executionArn, stateMachineArn });
  metrics.transition({ executionArn, stateMachineArn, stateName: 'Charge', stateType: 'Task', at: 0 });
  metrics.taskEnded({ executionArn, stateName: 'Charge', resource: 'arn:aws:states:::lambda:invoke', outcome: 'Succeeded', durationMs: 12 });
  metrics.messageReceived({ executionArn, lagMs: 40 });
  for (const status of ['SUCCEEDED', 'FAILED', 'TIMED_OUT', 'ABORTED']) metrics.executionEnded({ executionArn, stateMachineArn, status, durationMs: 100 });
  metrics.flush();
  const found = new Map<string, string[]>();
  for (const line of lines) {
    const document = JSON.parse(line) as { _aws: { CloudWatchMetrics: { Namespace: string; Dimensions: string[][]; Metrics: { Name: string }[] }[] } };
    for (const directive of document._aws.CloudWatchMetrics) {
      assert.equal(directive.Namespace, METRIC_NAMESPACE);
      for (const metric of directive.Metrics) found.set(metric.Name, [...directive.Dimensions[0]!].sort());
    }
  }
  return found;
}

function allText(value: unknown): string {
  return JSON.stringify(value);
}

describe('infra: dashboard', () => {
  it('reads the metrics the runtime writes, under the same names and dimensions', () => {
    const written = metricsTheRuntimeWrites();
    for (const { name, dimensions } of Object.values(METRICS)) {
      assert.deepEqual(written.get(name), [...dimensions].sort(), `${name}: the runtime writes ${JSON.stringify(written.get(name))}`);
    }
  });

  it('searches the Stepwise namespace by exact dimension set', () => {
    assert.equal(searchExpression('transitions', 'Sum', 60), `SEARCH('{Stepwise,StateMachine,StateType} MetricName="Transitions"', 'Sum', 60)`);
    assert.equal(searchExpression('queueLag', 'p99', 60), `SEARCH('{Stepwise,StateMachine} MetricName="QueueLag"', 'p99', 60)`);
  });

  it('shows transitions per minute, executions by status, latency, queue age, DLQ depth and errors', () => {
    const body = dashboardBody(NAMES);
    const titles = body.widgets.map((widget) => widget.properties.title);
    const widget = (pattern: RegExp) => {
      const found = body.widgets.find((candidate) => pattern.test(candidate.properties.title));
      assert.ok(found, `no widget titled ${pattern}; titles: ${titles.join(' | ')}`);
      return allText(found.properties.metrics);
    };
    assert.match(widget(/transitions per minute/i), /MetricName=\\"Transitions\\"/);
    const statuses = widget(/executions by status/i);
    for (const name of ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) assert.ok(statuses.includes(name), name);
    const latency = widget(/duration/i);
    assert.ok(latency.includes('ExecutionDuration') && latency.includes('TaskDuration'));
    assert.ok(widget(/queue lag/i).includes('QueueLag'));
    const queue = widget(/work queue/i);
    assert.ok(queue.includes('ApproximateAgeOfOldestMessage') && queue.includes(NAMES.queueName));
    const dlq = widget(/dead-letter/i);
    assert.ok(dlq.includes('ApproximateNumberOfMessagesVisible') && dlq.includes(NAMES.deadLetterQueueName));
    const errors = widget(/errors/i);
    for (const name of [NAMES.apiFunctionName, NAMES.workerFunctionName, ...NAMES.eventStartFunctionNames, NAMES.apiId]) assert.ok(errors.includes(name), name);
  });

  it('lays widgets out without overlap, in the deployment region', () => {
    const body = dashboardBody(NAMES);
    const cells = new Set(body.widgets.map((widget) => `${widget.x},${widget.y}`));
    assert.equal(cells.size, body.widgets.length);
    for (const widget of body.widgets) {
      assert.equal(widget.properties.region, 'us-east-1');
      assert.ok(widget.x + widget.width <= 24);
    }
  });
});

describe('infra: alarms', () => {
  it('alarms on the first message in the dead-letter queue', () => {
    const alarm = deadLetterAlarm<string>(NAMES.deadLetterQueueName);
    assert.equal(alarm.namespace, 'AWS/SQS');
    assert.equal(alarm.metricName, 'ApproximateNumberOfMessagesVisible');
    assert.deepEqual(alarm.dimensions, { QueueName: NAMES.deadLetterQueueName });
    assert.equal(alarm.threshold, 1);
    assert.equal(alarm.comparisonOperator, 'GreaterThanOrEqualToThreshold');
  });

  it('tolerates timer delays and one redelivery before alarming on queue age', () => {
    assert.ok(QUEUE_AGE_ALARM_SECONDS > 900 + WORK_QUEUE.visibilityTimeoutSeconds - 1);
    assert.equal(queueAgeAlarm<string>(NAMES.queueName).threshold, QUEUE_AGE_ALARM_SECONDS);
  });

  it('treats missing data as healthy, so an idle installation stays quiet', () => {
    for (const alarm of [deadLetterAlarm<string>('q'), queueAgeAlarm<string>('q'), functionErrorsAlarm<string>('X', 'f'), api5xxAlarm<string>('a')]) {
      assert.equal(alarm.treatMissingData, 'notBreaching', alarm.id);
      assert.ok(alarm.periodSeconds >= 60, alarm.id);
    }
  });
});
