import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl/json.ts';
import { initialSnapshot } from '../../asl/interpreter/step.ts';
import type { CallbackResult, ExecutionEngine } from '../../api/engine.ts';
import type { BranchRecord, ExecutionRecord, ParentTask, StateMachineRecord, WorkMessage } from '../records.ts';
import { ROOT_BRANCH } from '../records.ts';
import { firstEventIdOf } from '../event-ids.ts';
import type { RuntimeDeps } from './deps.ts';
import { processMessage } from './worker.ts';
import { deliverCallback } from './callbacks.ts';
import { expressStartMessage, runExpress, runExpressToEnd } from './express.ts';

/** The ExecutionEngine over the durable runtime: what the Step Functions API starts and stops. */
export class DurableEngine implements ExecutionEngine {
  constructor(private readonly deps: RuntimeDeps) {}

  async startExecution(request: { stateMachine: StateMachineRecord; name: string; input: string; traceHeader?: string; testCase?: string; parentTask?: ParentTask }) {
    if (request.stateMachine.type === 'EXPRESS') return this.startExpress(request);
    const { stateMachine, name, input } = request;
    const now = this.deps.clock.now();
    const executionArn = executionArnOf(stateMachine, name);
    const record: ExecutionRecord = {
      executionArn,
      stateMachineArn: stateMachine.stateMachineArn,
      name,
      type: stateMachine.type,
      status: 'RUNNING',
      input,
      startDate: now,
      definition: stateMachine.definition,
      roleArn: stateMachine.roleArn,
      ...(request.traceHeader === undefined ? {} : { traceHeader: request.traceHeader }),
      ...(request.testCase === undefined ? {} : { testCase: request.testCase }),
      ...(request.parentTask === undefined ? {} : { parentTask: request.parentTask }),
    };
    const root: BranchRecord = { executionArn, branchId: ROOT_BRANCH, version: 0, snapshot: initialSnapshot('', 0), outbox: [], nextEventId: firstEventIdOf(ROOT_BRANCH) };
    const stored = await this.deps.store.createExecution(record, root);
    if (stored.created) {
      this.deps.telemetry?.executionStarted({ executionArn, stateMachineArn: stateMachine.stateMachineArn });
      await this.deps.queue.send([{ message: startMessage(stored.record) }]);
    } else if (stored.record.status === 'RUNNING' && (await this.deps.store.getBranch(executionArn, ROOT_BRANCH))?.version === 0) {
      // A start that died between creating the execution and queueing its first message is
      // finished by the caller's retry (the message's key makes a second delivery harmless);
      // on AWS no restart sweeps for it.
      await this.deps.queue.send([{ message: startMessage(stored.record) }]);
    }
    return stored;
  }

  /**
   * Express StartExecution, as AWS runs it: asynchronously, at least once, with nothing stored
   * (Express executions cannot be described or listed); the execution's end goes to the
   * telemetry port. It runs in this process, or, with `expressStarts: 'queue'`, in a worker.
   */
  private async startExpress(request: { stateMachine: StateMachineRecord; name: string; input: string; parentTask?: ParentTask }) {
    const record = this.expressRecord(request.stateMachine, request.name, request.input, this.deps.clock.now());
    if (this.deps.expressStarts === 'queue') {
      await this.deps.queue.send([{ message: expressStartMessage(record, request.parentTask) }]);
      return { record, created: true };
    }
    const run = runExpressToEnd(this.deps, { ...request, executionArn: record.executionArn });
    if (this.deps.track) this.deps.track(run);
    else void run;
    return { record, created: true };
  }

  private expressRecord(stateMachine: StateMachineRecord, name: string, input: string, startDate: number): ExecutionRecord {
    return {
      executionArn: executionArnOf(stateMachine, name),
      stateMachineArn: stateMachine.stateMachineArn,
      name,
      type: 'EXPRESS',
      status: 'RUNNING',
      input,
      startDate,
      definition: stateMachine.definition,
      roleArn: stateMachine.roleArn,
    };
  }

  startSyncExecution(request: { stateMachine: StateMachineRecord; name: string; input: string; traceHeader?: string }): Promise<ExecutionRecord> {
    return runExpress(this.deps, request, true);
  }

  async stopExecution(executionArn: string, error?: string, cause?: string): Promise<ExecutionRecord | undefined> {
    const execution = await this.deps.store.getExecution(executionArn);
    if (!execution) return undefined;
    if (execution.status === 'RUNNING') {
      const at = this.deps.clock.now();
      await processMessage(
        { executionArn, branchId: ROOT_BRANCH, event: { type: 'StopRequested', ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) }, key: `root#stop#${at}`, at },
        this.deps,
      );
    }
    return this.deps.store.getExecution(executionArn);
  }

  sendTaskSuccess(taskToken: string, output: Json): Promise<CallbackResult> {
    return this.callback(taskToken, (seq) => ({ type: 'TaskSucceeded', seq, output }), 'TaskSucceeded', true);
  }

  sendTaskFailure(taskToken: string, error?: string, cause?: string): Promise<CallbackResult> {
    return this.callback(
      taskToken,
      (seq) => ({ type: 'TaskFailed', seq, ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) }),
      'TaskFailed',
      true,
    );
  }

  sendTaskHeartbeat(taskToken: string): Promise<CallbackResult> {
    return this.callback(taskToken, (seq) => ({ type: 'TaskHeartbeat', seq }), `TaskHeartbeat#${this.deps.clock.now()}`, false);
  }

  private callback(taskToken: string, event: (seq: number) => WorkMessage['event'], suffix: string, completes: boolean): Promise<CallbackResult> {
    return deliverCallback(this.deps, taskToken, event, suffix, completes);
  }
}

export function startMessage(execution: ExecutionRecord): WorkMessage {
  return {
    executionArn: execution.executionArn,
    branchId: ROOT_BRANCH,
    event: { type: 'Start', input: JSON.parse(execution.input) as Json },
    key: 'root#start',
    at: execution.startDate,
  };
}

function executionArnOf(stateMachine: StateMachineRecord, name: string): string {
  const base = stateMachine.stateMachineArn.replace(':stateMachine:', stateMachine.type === 'EXPRESS' ? ':express:' : ':execution:');
  return stateMachine.type === 'EXPRESS' ? `${base}:${name}:${randomUUID()}` : `${base}:${name}`;
}
