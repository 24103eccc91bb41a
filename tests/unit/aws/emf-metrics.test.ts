import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExecutionMetrics } from '../../../core/adapters/aws/telemetry/execution-metrics.ts';
import { stateMachineArnOf, stateMachineNameOf } from '../../../core/adapters/aws/telemetry/state-machine-arn.ts';

const PREFIX = 'arn:aws:states:us-east-1:123456789012';
const ORDERS = `${PREFIX}:stateMachine:orders`;
const BILLING = `${PREFIX}:stateMachine:billing`;
const orderRun = (name: string) => `${PREFIX}:execution:orders:${name}`;
const billingRun = (name: string) => `${PREFIX}:express:billing:${name}:4f1c7b2e-0d7a-4a55-9a53-2b1f3f3d9c10`;

type Values = number | number[];
interface Directive {
  readonly Namespace: string;
  readonly Dimensions: string[][];
  readonly Metrics: { readonly Name: string; readonly Unit: string }[];
}
type Document = { readonly _aws: { readonly Timestamp: number; readonly CloudWatchMetrics: Directive[] } } & Record<string, unknown>;

/** Checks a line against the Embedded Metric Format specification and CloudWatch's limits. */
function parseEmf(line: string): Document {
  assert.ok(!line.includes('\n'), 'one document per line');
  const document = JSON.parse(line) as Document;
  const aws = document._aws;
  assert.equal(typeof aws, 'object');
  assert.ok(Number.isInteger(aws.Timestamp) && aws.Timestamp > 0, 'Timestamp is epoch milliseconds');
  assert.ok(Array.isArray(aws.CloudWatchMetrics) && aws.CloudWatchMetrics.length > 0);
  for (const directive of aws.CloudWatchMetrics) {
    assert.equal(typeof directive.Namespace, 'string');
    assert.ok(directive.Namespace.length > 0 && directive.Namespace.length <= 1024);
    assert.ok(Array.isArray(directive.Dimensions));
    for (const set of directive.Dimensions) {
      assert.ok(set.length <= 30, 'at most 30 dimensions per set');
      for (const key of set) {
        assert.equal(typeof document[key], 'string', `dimension ${key} is a string member`);
        assert.ok((document[key] as string).length > 0, `dimension ${key} is not empty`);
      }
    }
    assert.ok(directive.Metrics.length > 0 && directive.Metrics.length <= 100, 'at most 100 metrics per document');
    for (const metric of directive.Metrics) {
      assert.equal(typeof metric.Name, 'string');
      assert.ok(['Count', 'Milliseconds'].includes(metric.Unit), `${metric.Name} has a CloudWatch unit`);
      const value = document[metric.Name];
      if (Array.isArray(value)) {
        assert.ok(value.length >= 1 && value.length <= 100, `${metric.Name} has 1 to 100 values`);
        for (const item of value) assert.ok(typeof item === 'number' && Number.isFinite(item));
      } else {
        assert.ok(typeof value === 'number' && Number.isFinite(value), `${metric.Name} has a value`);
      }
    }
  }
  return document;
}

function record(): { readonly lines: string[]; readonly metrics: ExecutionMetrics } {
  const lines: string[] = [];
  const metrics = new ExecutionMetrics({ sink: (line) => lines.push(line), clock: () => 1_750_000_000_000 });
  return { lines, metrics };
}

/** Sum and number of the values of `metric` over the documents whose dimensions are exactly `dimensions`. */
function total(documents: readonly Document[], metric: string, dimensions: Readonly<Record<string, string>>): { sum: number; samples: number } {
  let sum = 0;
  let samples = 0;
  for (const document of documents) {
    for (const directive of document._aws.CloudWatchMetrics) {
      if (!directive.Metrics.some((m) => m.Name === metric)) continue;
      const keys = directive.Dimensions[0] ?? [];
      const matches = keys.length === Object.keys(dimensions).length && keys.every((key) => document[key] === dimensions[key]);
      if (!matches) continue;
      const values = document[metric] as Values;
      for (const value of Array.isArray(values) ? values : [values]) {
        sum += value;
        samples += 1;
      }
    }
  }
  return { sum, samples };
}

function transitions(metrics: ExecutionMetrics, stateMachineArn: string, executionArn: string, types: readonly string[]): void {
  types.forEach((stateType, index) => metrics.transition({ executionArn, stateMachineArn, stateName: `${stateType} ${index}`, stateType, at: 1_750_000_000_000 + index }));
}

describe('CloudWatch Embedded Metric Format output', () => {
  it('aggregates a realistic run into valid documents with the right totals', () => {
    const { lines, metrics } = record();
    metrics.executionStarted({ executionArn: orderRun('a'), stateMachineArn: ORDERS });
    metrics.executionStarted({ executionArn: orderRun('b'), stateMachineArn: ORDERS });
    metrics.executionStarted({ executionArn: billingRun('c'), stateMachineArn: BILLING });
    metrics.messageReceived({ executionArn: orderRun('a'), lagMs: 12 });
    metrics.messageReceived({ executionArn: orderRun('b'), lagMs: 30 });
    metrics.messageReceived({ executionArn: billingRun('c'), lagMs: 5 });
    transitions(metrics, ORDERS, orderRun('a'), ['Pass', 'Task', 'Choice', 'Task', 'Succeed']);
    transitions(metrics, ORDERS, orderRun('b'), ['Pass', 'Task', 'Fail']);
    transitions(metrics, BILLING, billingRun('c'), ['Parallel', 'Task', 'Task', 'Wait']);
    metrics.taskEnded({ executionArn: orderRun('a'), stateName: 'Charge', resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', outcome: 'Succeeded', durationMs: 120 });
    metrics.taskEnded({ executionArn: orderRun('a'), stateName: 'Ship', resource: 'arn:aws:states:::sqs:sendMessage', outcome: 'Succeeded', durationMs: 40 });
    metrics.taskEnded({ executionArn: orderRun('b'), stateName: 'Charge', resource: 'arn:aws:lambda:us-east-1:123456789012:function:charge', outcome: 'Failed', durationMs: 80 });
    metrics.taskEnded({ executionArn: billingRun('c'), stateName: 'Invoice', resource: 'arn:aws:states:::lambda:invoke', outcome: 'TimedOut', durationMs: 3000 });
    metrics.taskEnded({ executionArn: billingRun('c'), stateName: 'Notify', resource: 'arn:aws:states:::sns:publish.waitForTaskToken', outcome: 'Submitted', durationMs: 15 });
    metrics.executionEnded({ executionArn: orderRun('a'), stateMachineArn: ORDERS, status: 'SUCCEEDED', durationMs: 900 });
    metrics.executionEnded({ executionArn: orderRun('b'), stateMachineArn: ORDERS, status: 'FAILED', durationMs: 400 });
    metrics.executionEnded({ executionArn: billingRun('c'), stateMachineArn: BILLING, status: 'TIMED_OUT', durationMs: 5000 });
    assert.equal(lines.length, 0, 'nothing is written before flush');

    metrics.flush();
    const documents = lines.map(parseEmf);
    for (const document of documents) assert.equal(document._aws.CloudWatchMetrics[0]!.Namespace, 'Stepwise');

    const orders = { StateMachine: 'orders' };
    const billing = { StateMachine: 'billing' };
    assert.equal(total(documents, 'Transitions', { ...orders, StateType: 'Task' }).sum, 3);
    assert.equal(total(documents, 'Transitions', { ...orders, StateType: 'Pass' }).sum, 2);
    assert.equal(total(documents, 'Transitions', { ...orders, StateType: 'Succeed' }).sum, 1);
    assert.equal(total(documents, 'Transitions', { ...orders, StateType: 'Fail' }).sum, 1);
    assert.equal(total(documents, 'Transitions', { ...billing, StateType: 'Task' }).sum, 2);
    assert.equal(total(documents, 'Transitions', { ...billing, StateType: 'Parallel' }).sum, 1);
    assert.equal(total(documents, 'ExecutionsStarted', orders).sum, 2);
    assert.equal(total(documents, 'ExecutionsStarted', billing).sum, 1);
    assert.equal(total(documents, 'ExecutionsSucceeded', orders).sum, 1);
    assert.equal(total(documents, 'ExecutionsFailed', orders).sum, 1);
    assert.equal(total(documents, 'ExecutionsTimedOut', billing).sum, 1);
    assert.equal(total(documents, 'ExecutionsSucceeded', billing).samples, 0, 'metrics never reported are left out');
    assert.deepEqual(total(documents, 'ExecutionDuration', orders), { sum: 1300, samples: 2 });
    assert.deepEqual(total(documents, 'TaskDuration', orders), { sum: 240, samples: 3 });
    assert.deepEqual(total(documents, 'TaskDuration', billing), { sum: 3015, samples: 2 });
    assert.equal(total(documents, 'TaskFailures', orders).sum, 1);
    assert.equal(total(documents, 'TaskFailures', billing).sum, 1, 'a timed out task is a failure');
    assert.deepEqual(total(documents, 'QueueLag', orders), { sum: 42, samples: 2 });
    assert.deepEqual(total(documents, 'QueueLag', billing), { sum: 5, samples: 1 });

    // One document per dimension value set: 2 machines, plus 5 (orders) and 3 (billing) state types.
    assert.equal(lines.length, 2 + 5 + 3);
    const units = new Map(documents.flatMap((d) => d._aws.CloudWatchMetrics[0]!.Metrics.map((m) => [m.Name, m.Unit] as const)));
    assert.equal(units.get('Transitions'), 'Count');
    assert.equal(units.get('ExecutionDuration'), 'Milliseconds');
    assert.equal(units.get('QueueLag'), 'Milliseconds');
  });

  it('writes nothing when nothing was reported, and nothing twice', () => {
    const { lines, metrics } = record();
    metrics.flush();
    assert.deepEqual(lines, []);
    metrics.executionStarted({ executionArn: orderRun('a'), stateMachineArn: ORDERS });
    metrics.flush();
    metrics.flush();
    assert.equal(lines.length, 1);
  });

  it('writes as many lines for ten thousand transitions as for ten', () => {
    const types = ['Task', 'Pass', 'Choice', 'Map', 'Succeed'];
    const lineCount = (count: number): { lines: number; tasks: number } => {
      const { lines, metrics } = record();
      for (let i = 0; i < count; i++) {
        transitions(metrics, i % 2 ? ORDERS : BILLING, i % 2 ? orderRun('a') : billingRun('c'), [types[i % types.length]!]);
      }
      metrics.flush();
      const documents = lines.map(parseEmf);
      const tasks = total(documents, 'Transitions', { StateMachine: 'orders', StateType: 'Task' }).sum + total(documents, 'Transitions', { StateMachine: 'billing', StateType: 'Task' }).sum;
      return { lines: lines.length, tasks };
    };
    const few = lineCount(10);
    const many = lineCount(10_000);
    assert.equal(few.lines, 10);
    assert.equal(many.lines, few.lines);
    assert.equal(few.tasks, 2);
    assert.equal(many.tasks, 2_000);
  });

  it('keeps value arrays within 100 values, writing a full document early', () => {
    const { lines, metrics } = record();
    for (let i = 0; i < 250; i++) {
      metrics.taskEnded({ executionArn: orderRun(`run-${i}`), stateName: 'Charge', resource: 'arn:aws:states:::lambda:invoke', outcome: 'Succeeded', durationMs: i });
    }
    assert.equal(lines.length, 2, 'two full documents went out before flush');
    metrics.flush();
    const documents = lines.map(parseEmf);
    assert.equal(documents.length, 3);
    assert.deepEqual(total(documents, 'TaskDuration', { StateMachine: 'orders' }), { sum: (249 * 250) / 2, samples: 250 });
  });

  it('uses the configured namespace', () => {
    const lines: string[] = [];
    const metrics = new ExecutionMetrics({ namespace: 'Acme/Workflows', sink: (line) => lines.push(line) });
    metrics.executionStarted({ executionArn: orderRun('a'), stateMachineArn: ORDERS });
    metrics.flush();
    assert.equal(parseEmf(lines[0]!)._aws.CloudWatchMetrics[0]!.Namespace, 'Acme/Workflows');
  });
});

describe('state machine of an ARN', () => {
  it('reads standard, express, Distributed Map child and versioned ARNs', () => {
    assert.equal(stateMachineNameOf(ORDERS), 'orders');
    assert.equal(stateMachineNameOf(`${ORDERS}:3`), 'orders');
    assert.equal(stateMachineNameOf(orderRun('a')), 'orders');
    assert.equal(stateMachineNameOf(billingRun('c')), 'billing');
    assert.equal(stateMachineNameOf(`${PREFIX}:execution:orders/ItemsMap:6b1e6d5a-5c1e-4b0c-9a56-0f1d2f3a4b5c`), 'orders');
    assert.equal(stateMachineNameOf('not an arn'), 'unknown');
    assert.equal(stateMachineArnOf(billingRun('c')), BILLING);
    assert.equal(stateMachineArnOf('arn:aws:lambda:us-east-1:123456789012:function:f'), undefined);
  });
});
