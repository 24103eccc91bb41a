import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ExecutionLog } from '../../../core/adapters/aws/telemetry/execution-log.ts';
import { LambdaTelemetry } from '../../../core/adapters/aws/telemetry/lambda-telemetry.ts';
import { SinkLogger } from '../../../core/adapters/aws/telemetry/sink-logger.ts';

const STATE_MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:orders';
const EXECUTION = 'arn:aws:states:us-east-1:123456789012:execution:orders:run-1';

type Line = Record<string, unknown>;

function capture(logLevel: 'DEBUG' | 'INFO'): { readonly lines: Line[]; readonly log: ExecutionLog } {
  const lines: Line[] = [];
  const logger = new SinkLogger((line) => lines.push(JSON.parse(line) as Line), { serviceName: 'stepwise-worker', logLevel });
  return { lines, log: new ExecutionLog(logger) };
}

function runOneExecution(log: ExecutionLog): void {
  log.messageReceived({ executionArn: EXECUTION, lagMs: 25 });
  log.executionStarted({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE });
  log.transition({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, stateName: 'Charge card', stateType: 'Task', at: Date.UTC(2025, 0, 2, 3, 4, 5) });
  log.taskEnded({ executionArn: EXECUTION, stateName: 'Charge card', resource: 'arn:aws:states:::lambda:invoke', outcome: 'Succeeded', durationMs: 80 });
  log.transition({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, stateName: 'Ship', stateType: 'Task', at: Date.UTC(2025, 0, 2, 3, 4, 6) });
  log.taskEnded({ executionArn: EXECUTION, stateName: 'Ship', resource: 'arn:aws:states:::lambda:invoke', outcome: 'Failed', durationMs: 120 });
  log.taskEnded({ executionArn: EXECUTION, stateName: 'Ship', resource: 'arn:aws:states:::lambda:invoke', outcome: 'TimedOut', durationMs: 3000 });
  log.executionEnded({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, status: 'FAILED', durationMs: 3500 });
}

describe('Powertools structured logs', () => {
  it('logs execution start and end at INFO and failed tasks at WARN, each with its execution', () => {
    const { lines, log } = capture('INFO');
    runOneExecution(log);
    assert.deepEqual(
      lines.map((line) => [line.level, line.message]),
      [
        ['INFO', 'Execution started'],
        ['WARN', 'Task failed'],
        ['WARN', 'Task timed out'],
        ['INFO', 'Execution ended'],
      ],
    );
    for (const line of lines) {
      assert.equal(line.executionArn, EXECUTION);
      assert.equal(line.stateMachineArn, STATE_MACHINE);
      assert.equal(line.service, 'stepwise-worker');
      assert.equal(typeof line.timestamp, 'string');
    }
    assert.equal(lines[1]!.stateName, 'Ship');
    assert.equal(lines[1]!.resource, 'arn:aws:states:::lambda:invoke');
    assert.equal(lines[1]!.durationMs, 120);
    assert.equal(lines[3]!.status, 'FAILED');
    assert.equal(lines[3]!.durationMs, 3500);
  });

  it('logs transitions, successful tasks and received messages at DEBUG', () => {
    const { lines, log } = capture('DEBUG');
    runOneExecution(log);
    const debug = lines.filter((line) => line.level === 'DEBUG');
    assert.deepEqual(
      debug.map((line) => line.message),
      ['Message received', 'State entered', 'Task ended', 'State entered'],
    );
    for (const line of debug) assert.equal(line.executionArn, EXECUTION);
    const entered = debug[1]!;
    assert.equal(entered.stateMachineArn, STATE_MACHINE);
    assert.equal(entered.stateName, 'Charge card');
    assert.equal(entered.stateType, 'Task');
    assert.equal(entered.enteredAt, '2025-01-02T03:04:05.000Z');
    assert.equal(debug[0]!.lagMs, 25);
  });

  it('adds per-invocation keys until the invocation is flushed', () => {
    const sink: string[] = [];
    const telemetry = new LambdaTelemetry({ sink: (line) => sink.push(line), traceContext: () => undefined, serviceName: 'stepwise-worker' });
    telemetry.appendKeys({ messageId: '059f36b4-87a3-44ab-83d2-661975830a7d' });
    telemetry.executionStarted({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE });
    telemetry.flush();
    telemetry.executionStarted({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE });
    telemetry.flush();

    const parsed = sink.map((line) => JSON.parse(line) as Line);
    const logs = parsed.filter((line) => !('_aws' in line));
    const metrics = parsed.filter((line) => '_aws' in line);
    assert.equal(logs.length, 2);
    assert.equal(metrics.length, 2, 'each flush wrote its metrics to the same sink');
    assert.equal(logs[0]!.messageId, '059f36b4-87a3-44ab-83d2-661975830a7d');
    assert.equal(logs[1]!.messageId, undefined);
    for (const line of logs) {
      assert.equal(line.level, 'INFO');
      assert.equal(line.executionArn, EXECUTION);
    }
  });

  it('gives child loggers the same sink', () => {
    const lines: string[] = [];
    const parent = new SinkLogger((line) => lines.push(line), { serviceName: 'stepwise-worker' });
    parent.createChild({ persistentKeys: { component: 'timers' } }).info('Timer fired', { executionArn: EXECUTION });
    assert.equal(lines.length, 1);
    const line = JSON.parse(lines[0]!) as Line;
    assert.equal(line.component, 'timers');
    assert.equal(line.executionArn, EXECUTION);
  });
});
