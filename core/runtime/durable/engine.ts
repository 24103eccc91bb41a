import { randomUUID } from 'node:crypto';
import type { Json } from '../../asl/json.ts';
import type { StateMachineDefinition } from '../../asl/definition/types.ts';
import { initialSnapshot } from '../../asl/interpreter/step.ts';
import type { CallbackResult, ExecutionEngine } from '../../api/engine.ts';
import type { BranchRecord, ExecutionRecord, ParentTask, StateMachineRecord, WorkMessage } from '../records.ts';
import { ROOT_BRANCH } from '../records.ts';
import { firstEventIdOf } from '../event-ids.ts';
import { runInMemory } from '../run-in-memory.ts';
import type { RuntimeDeps } from './deps.ts';
import { processMessage } from './worker.ts';
import { deliverCallback } from './callbacks.ts';
import { reportToParentTask } from './parent-task.ts';

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
    }
    return stored;
  }

  /**
   * Express StartExecution, as AWS runs it: asynchronously, in this process, with no write per
   * transition and nothing stored (Express executions cannot be described or listed); the
   * execution's end goes to the telemetry port.
   */
  private async startExpress(request: { stateMachine: StateMachineRecord; name: string; input: string; parentTask?: ParentTask }) {
    const record = this.expressRecord(request.stateMachine, request.name, request.input, this.deps.clock.now());
    const run = this.runExpress({ ...request, executionArn: record.executionArn }, false).then(async (finished) => {
      this.deps.telemetry?.executionEnded({
        executionArn: finished.executionArn,
        stateMachineArn: finished.stateMachineArn,
        status: finished.status,
        durationMs: (finished.stopDate ?? finished.startDate) - finished.startDate,
      });
      if (request.parentTask) await reportToParentTask({ ...finished, parentTask: request.parentTask }, this.deps);
    });
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
    return this.runExpress(request, true);
  }

  /** Runs an Express execution to its end in memory, on the real clock. */
  private async runExpress(
    request: { stateMachine: StateMachineRecord; name: string; input: string; executionArn?: string },
    synchronous: boolean,
  ): Promise<ExecutionRecord> {
    const { stateMachine, name, input } = request;
    const startDate = this.deps.clock.now();
    const [, , , region, account] = stateMachine.stateMachineArn.split(':');
    const result = await runInMemory(JSON.parse(stateMachine.definition) as StateMachineDefinition, {
      input: JSON.parse(input) as Json,
      taskInvoker: this.deps.tasks,
      startTime: startDate,
      executionName: name,
      stateMachineName: stateMachine.name,
      workflowType: 'EXPRESS',
      synchronous,
      realTime: true,
      ...(request.executionArn === undefined ? {} : { executionArn: request.executionArn }),
      ...(region ? { region } : {}),
      ...(account ? { accountId: account } : {}),
    });
    return {
      executionArn: result.executionArn,
      stateMachineArn: stateMachine.stateMachineArn,
      name,
      type: 'EXPRESS',
      status: result.status === 'RUNNING' ? 'FAILED' : result.status,
      input,
      ...(result.output === undefined ? {} : { output: result.output }),
      ...(result.error === undefined ? {} : { error: result.error }),
      ...(result.cause === undefined ? {} : { cause: result.cause }),
      startDate,
      stopDate: this.deps.clock.now(),
      definition: stateMachine.definition,
      roleArn: stateMachine.roleArn,
    };
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
