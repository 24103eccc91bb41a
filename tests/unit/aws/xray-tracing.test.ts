import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createSocket } from 'node:dgram';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { ExecutionTrace } from '../../../core/adapters/aws/telemetry/execution-trace.ts';
import { LambdaTelemetry } from '../../../core/adapters/aws/telemetry/lambda-telemetry.ts';
import type { TraceParent, TraceSubsegment } from '../../../core/adapters/aws/telemetry/trace-context.ts';
import { xrayName } from '../../../core/adapters/aws/telemetry/xray-name.ts';

const WORKER = fileURLToPath(new URL('../../fixtures/aws/telemetry/traced-worker.ts', import.meta.url));
const REPO = fileURLToPath(new URL('../../../', import.meta.url));
const STATE_MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:orders';
const EXECUTION = 'arn:aws:states:us-east-1:123456789012:execution:orders:run-1';
const ROOT = '1-67a1b2c3-0123456789abcdef01234567';
const PARENT = '53995c3f42cd8ad8';

/** What a Lambda function's environment holds when active tracing is on. */
function lambdaEnvironment(sampled: '0' | '1'): Record<string, string> {
  return {
    LAMBDA_TASK_ROOT: '/var/task',
    AWS_LAMBDA_FUNCTION_NAME: 'stepwise-worker',
    AWS_EXECUTION_ENV: 'AWS_Lambda_nodejs20.x',
    AWS_REGION: 'us-east-1',
    _X_AMZN_TRACE_ID: `Root=${ROOT};Parent=${PARENT};Sampled=${sampled}`,
  };
}

type Json = Record<string, unknown>;

interface WorkerRun {
  readonly exitCode: number | null;
  readonly stdout: string;
  readonly stderr: string;
  /** Each datagram's segment document, after its protocol header. */
  readonly segments: readonly Json[];
}

/**
 * Runs the traced worker in a child process whose environment is exactly `environment`, with a
 * UDP socket on 127.0.0.1 standing in for the X-Ray daemon; this process's environment is not
 * touched.
 */
async function runWorker(environment: Record<string, string>): Promise<WorkerRun> {
  const daemon = createSocket('udp4');
  const datagrams: string[] = [];
  daemon.on('message', (message) => datagrams.push(message.toString('utf8')));
  await new Promise<void>((resolve) => daemon.bind(0, '127.0.0.1', resolve));
  const { port } = daemon.address() as AddressInfo;
  try {
    const child = spawn(process.execPath, ['--import', 'tsx', WORKER], {
      cwd: REPO,
      env: { PATH: process.env.PATH ?? '', AWS_XRAY_DAEMON_ADDRESS: `127.0.0.1:${port}`, ...environment },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const exitCode = await new Promise<number | null>((resolve) => child.on('close', resolve));
    await quiet(() => datagrams.length);
    const segments = datagrams.map((datagram) => {
      const newline = datagram.indexOf('\n');
      assert.equal(datagram.slice(0, newline), '{"format":"json","version":1}', 'the X-Ray daemon protocol header');
      return JSON.parse(datagram.slice(newline + 1)) as Json;
    });
    return { exitCode, stdout, stderr, segments };
  } finally {
    daemon.close();
  }
}

/** Waits until `count` has not changed for a while: datagrams sent just before exit may still be queued. */
async function quiet(count: () => number): Promise<void> {
  let last = -1;
  while (count() !== last) {
    last = count();
    await new Promise((resolve) => setTimeout(resolve, 150));
  }
}

describe('X-Ray subsegments in Lambda', () => {
  it('streams a subsegment per transition and per Task attempt to the daemon, in the invocation trace', async () => {
    const run = await runWorker(lambdaEnvironment('1'));
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /\{"done":true\}/);

    const ours = run.segments.filter((segment) => segment.annotations !== undefined);
    for (const segment of run.segments) {
      assert.equal(segment.type, 'subsegment');
      assert.equal(segment.trace_id, ROOT);
      assert.equal(segment.parent_id, PARENT, 'hung from the Lambda function segment');
      assert.match(String(segment.id), /^[0-9a-f]{16}$/);
      assert.equal(typeof segment.start_time, 'number');
      assert.equal(typeof segment.end_time, 'number');
      assert.equal(segment.in_progress, undefined, 'sent closed');
    }

    const transitions = ours.filter((segment) => (segment.annotations as Json).Outcome === undefined);
    assert.deepEqual(
      transitions.map((segment) => [segment.name, segment.annotations]),
      [
        ['Validate order', { StateMachine: 'orders', Execution: EXECUTION, State: 'Validate order', Type: 'Pass' }],
        ['Charge card_', { StateMachine: 'orders', Execution: EXECUTION, State: 'Charge card?', Type: 'Task' }],
        ['Done', { StateMachine: 'orders', Execution: EXECUTION, State: 'Done', Type: 'Succeed' }],
      ],
    );

    const attempts = ours.filter((segment) => (segment.annotations as Json).Outcome !== undefined);
    assert.equal(attempts.length, 1);
    const attempt = attempts[0]!;
    assert.equal(attempt.name, 'Charge card_');
    assert.deepEqual(attempt.annotations, {
      StateMachine: 'orders',
      Execution: EXECUTION,
      State: 'Charge card?',
      Type: 'Task',
      Resource: 'arn:aws:states:::lambda:invoke',
      Outcome: 'Failed',
    });
    assert.equal(attempt.error, true);
    const duration = (attempt.end_time as number) - (attempt.start_time as number);
    assert.ok(duration >= 0.25 && duration < 5, `the attempt spans its 250 ms (${duration} s)`);

    const sqs = run.segments.filter((segment) => segment.name === 'SQS');
    assert.equal(sqs.length, 1, 'the captured SDK client recorded its call');
    assert.equal(sqs[0]!.namespace, 'aws');
    assert.equal((sqs[0]!.aws as Json).operation, 'ListQueues');
  });

  it('sends nothing when the invocation is not sampled', async () => {
    const run = await runWorker(lambdaEnvironment('0'));
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /\{"done":true\}/);
    assert.deepEqual(run.segments, []);
  });

  it('sends nothing and never throws outside Lambda', async () => {
    const run = await runWorker({});
    assert.equal(run.exitCode, 0, run.stderr);
    assert.match(run.stdout, /\{"done":true\}/);
    assert.deepEqual(run.segments, []);
  });

  it('is a no-op in this process, which has no trace context', () => {
    const lines: string[] = [];
    const telemetry = new LambdaTelemetry({ sink: (line) => lines.push(line) });
    assert.doesNotThrow(() => {
      telemetry.transition({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, stateName: 'Charge', stateType: 'Task', at: Date.now() });
      telemetry.taskEnded({ executionArn: EXECUTION, stateName: 'Charge', resource: 'arn:aws:states:::lambda:invoke', outcome: 'Failed', durationMs: 3 });
      telemetry.flush();
    });
    assert.ok(lines.length > 0, 'logs and metrics still go out');
  });
});

interface Recorded {
  readonly name: string;
  start_time: number;
  readonly annotations: Record<string, string | number | boolean>;
  error: boolean;
  closed: boolean;
}

function recordingParent(): { readonly recorded: Recorded[]; readonly parent: TraceParent } {
  const recorded: Recorded[] = [];
  const parent: TraceParent = {
    addNewSubsegment(name: string): TraceSubsegment {
      const entry: Recorded = { name, start_time: 1_000, annotations: {}, error: false, closed: false };
      recorded.push(entry);
      return {
        get start_time() {
          return entry.start_time;
        },
        set start_time(value: number) {
          entry.start_time = value;
        },
        addAnnotation: (key, value) => void (entry.annotations[key] = value),
        addErrorFlag: () => void (entry.error = true),
        close: () => void (entry.closed = true),
      };
    },
  };
  return { recorded, parent };
}

describe('subsegments through an injected trace context', () => {
  it('names, annotates and closes each subsegment; only failed attempts are errors', () => {
    const { recorded, parent } = recordingParent();
    const trace = new ExecutionTrace(() => parent);
    trace.transition({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, stateName: 'Wait 5s', stateType: 'Wait', at: 0 });
    trace.taskEnded({ executionArn: EXECUTION, stateName: 'Notify', resource: 'arn:aws:states:::sns:publish', outcome: 'Succeeded', durationMs: 500 });
    trace.taskEnded({ executionArn: EXECUTION, stateName: 'Notify', resource: 'arn:aws:states:::sns:publish', outcome: 'TimedOut', durationMs: 2_000 });
    trace.executionStarted();
    trace.messageReceived();
    assert.deepEqual(
      recorded.map((entry) => [entry.name, entry.annotations.Type, entry.annotations.Outcome, entry.error, entry.closed, entry.start_time]),
      [
        ['Wait 5s', 'Wait', undefined, false, true, 1_000],
        ['Notify', 'Task', 'Succeeded', false, true, 999.5],
        ['Notify', 'Task', 'TimedOut', true, true, 998],
      ],
    );
  });

  it('survives an SDK that throws', () => {
    const trace = new ExecutionTrace(() => {
      throw new Error('Failed to get the current sub/segment from the context.');
    });
    assert.doesNotThrow(() => trace.transition({ executionArn: EXECUTION, stateMachineArn: STATE_MACHINE, stateName: 'A', stateType: 'Pass', at: 0 }));
  });

  it('keeps names within X-Ray rules', () => {
    assert.equal(xrayName('Charge card?', 'State'), 'Charge card_');
    assert.equal(xrayName('Größe prüfen: 100%', 'State'), 'Größe prüfen: 100%');
    assert.equal(xrayName('a'.repeat(300), 'State').length, 200);
    assert.equal(xrayName('', 'State'), 'State');
    assert.equal(xrayName('"<>"', 'State'), '____');
  });
});
