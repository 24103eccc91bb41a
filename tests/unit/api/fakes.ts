/**
 * In-memory stand-ins for what the Step Functions API talks to: the two stores (plain Maps) and
 * an engine that records its calls and answers with canned records.
 */
import type { Json } from '../../../core/asl/json.ts';
import type { HistoryEvent } from '../../../core/asl/history/event.ts';
import type { CallbackResult, ExecutionEngine } from '../../../core/api/engine.ts';
import type { ApiContext } from '../../../core/api/context.ts';
import { handleRequest } from '../../../core/api/handle-request.ts';
import type { Clock, ExecutionStore, Page, PageRequest, StateMachineStore } from '../../../core/ports.ts';
import type { ExecutionRecord, ExecutionStatus, StateMachineRecord } from '../../../core/runtime/records.ts';

export const REGION = 'us-east-1';
export const ACCOUNT = '123456789012';
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/StepwiseRole`;
export const PASS_DEFINITION = JSON.stringify({ StartAt: 'P', States: { P: { Type: 'Pass', End: true } } });

export function smArn(name: string): string {
  return `arn:aws:states:${REGION}:${ACCOUNT}:stateMachine:${name}`;
}

export function execArn(machine: string, name: string): string {
  return `arn:aws:states:${REGION}:${ACCOUNT}:execution:${machine}:${name}`;
}

function paginate<T>(items: readonly T[], page: PageRequest): Page<T> {
  const from = page.nextToken === undefined ? 0 : Number(page.nextToken);
  const slice = items.slice(from, from + page.limit);
  return from + page.limit < items.length ? { items: slice, nextToken: String(from + page.limit) } : { items: slice };
}

export class FakeClock implements Clock {
  constructor(public time = Date.UTC(2026, 0, 2, 3, 4, 5, 678)) {}
  now(): number {
    return this.time;
  }
}

export class FakeStateMachines implements StateMachineStore {
  readonly records = new Map<string, StateMachineRecord>();
  pageRequests: PageRequest[] = [];

  async createStateMachine(record: StateMachineRecord) {
    const existing = this.records.get(record.stateMachineArn);
    if (existing) return { created: false, record: existing };
    this.records.set(record.stateMachineArn, record);
    return { created: true, record };
  }
  async getStateMachine(arn: string) {
    return this.records.get(arn);
  }
  async putStateMachine(record: StateMachineRecord) {
    if (!this.records.has(record.stateMachineArn)) return false;
    this.records.set(record.stateMachineArn, record);
    return true;
  }
  async deleteStateMachine(arn: string) {
    this.records.delete(arn);
  }
  async listStateMachines(page: PageRequest) {
    this.pageRequests.push(page);
    return paginate([...this.records.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)), page);
  }
}

function notUsed(): never {
  throw new Error('not used by the API');
}

export class FakeExecutions implements ExecutionStore {
  readonly records = new Map<string, ExecutionRecord>();
  readonly history = new Map<string, HistoryEvent[]>();

  put(record: ExecutionRecord, events: HistoryEvent[] = []): void {
    this.records.set(record.executionArn, record);
    this.history.set(record.executionArn, events);
  }
  async createExecution(execution: ExecutionRecord) {
    const existing = this.records.get(execution.executionArn);
    if (existing) return { created: false, record: existing };
    this.put(execution);
    return { created: true, record: execution };
  }
  async getExecution(arn: string) {
    return this.records.get(arn);
  }
  async listExecutions(stateMachineArn: string, filter: { readonly status?: ExecutionStatus }, page: PageRequest) {
    const matching = [...this.records.values()]
      .filter((record) => record.stateMachineArn === stateMachineArn && (filter.status === undefined || record.status === filter.status))
      .sort((a, b) => b.startDate - a.startDate);
    return paginate(matching, page);
  }
  async getHistory(arn: string, options: { readonly reverseOrder: boolean }, page: PageRequest) {
    const events = [...(this.history.get(arn) ?? [])];
    if (options.reverseOrder) events.reverse();
    return paginate(events, page);
  }
  getBranch = notUsed;
  listBranches = notUsed;
  commitStep = notUsed;
  recordExecutionEnd = notUsed;
  recordChildResult = notUsed;
  getChildResults = notUsed;
  putTaskToken = notUsed;
  getTaskToken = notUsed;
  deleteTaskToken = notUsed;
}

export type EngineCall =
  | { readonly kind: 'start'; readonly name: string; readonly input: string; readonly traceHeader?: string }
  | { readonly kind: 'startSync'; readonly name: string; readonly input: string }
  | { readonly kind: 'stop'; readonly executionArn: string; readonly error?: string; readonly cause?: string }
  | { readonly kind: 'success'; readonly taskToken: string; readonly output: Json }
  | { readonly kind: 'failure'; readonly taskToken: string; readonly error?: string; readonly cause?: string }
  | { readonly kind: 'heartbeat'; readonly taskToken: string };

/** Starts executions by writing RUNNING records to the fake store; stops them as ABORTED. */
export class FakeEngine implements ExecutionEngine {
  readonly calls: EngineCall[] = [];
  callbackResult: CallbackResult = { ok: true };
  syncOutcome: Partial<ExecutionRecord> = { status: 'SUCCEEDED', output: { done: true } };

  constructor(
    private readonly executions: FakeExecutions,
    private readonly clock: FakeClock,
  ) {}

  async startExecution(request: { stateMachine: StateMachineRecord; name: string; input: string; traceHeader?: string }) {
    this.calls.push({ kind: 'start', name: request.name, input: request.input, ...(request.traceHeader === undefined ? {} : { traceHeader: request.traceHeader }) });
    const machine = request.stateMachine;
    const kind = machine.type === 'EXPRESS' ? 'express' : 'execution';
    const arn = `${machine.stateMachineArn.replace(':stateMachine:', `:${kind}:`)}:${request.name}${machine.type === 'EXPRESS' ? ':0000' : ''}`;
    return this.executions.createExecution({
      executionArn: arn,
      stateMachineArn: machine.stateMachineArn,
      name: request.name,
      type: machine.type,
      status: 'RUNNING',
      input: request.input,
      startDate: this.clock.now(),
      definition: machine.definition,
      roleArn: machine.roleArn,
      ...(request.traceHeader === undefined ? {} : { traceHeader: request.traceHeader }),
    });
  }

  async startSyncExecution(request: { stateMachine: StateMachineRecord; name: string; input: string }): Promise<ExecutionRecord> {
    this.calls.push({ kind: 'startSync', name: request.name, input: request.input });
    const machine = request.stateMachine;
    return {
      executionArn: `${machine.stateMachineArn.replace(':stateMachine:', ':express:')}:${request.name}:0000`,
      stateMachineArn: machine.stateMachineArn,
      name: request.name,
      type: 'EXPRESS',
      status: 'SUCCEEDED',
      input: request.input,
      startDate: this.clock.now(),
      stopDate: this.clock.now() + 250,
      definition: machine.definition,
      roleArn: machine.roleArn,
      ...this.syncOutcome,
    };
  }

  async stopExecution(executionArn: string, error?: string, cause?: string) {
    this.calls.push({ kind: 'stop', executionArn, ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) });
    const record = this.executions.records.get(executionArn);
    if (!record) return undefined;
    const stopped: ExecutionRecord = { ...record, status: 'ABORTED', stopDate: this.clock.now() };
    this.executions.records.set(executionArn, stopped);
    return stopped;
  }

  async sendTaskSuccess(taskToken: string, output: Json) {
    this.calls.push({ kind: 'success', taskToken, output });
    return this.callbackResult;
  }
  async sendTaskFailure(taskToken: string, error?: string, cause?: string) {
    this.calls.push({ kind: 'failure', taskToken, ...(error === undefined ? {} : { error }), ...(cause === undefined ? {} : { cause }) });
    return this.callbackResult;
  }
  async sendTaskHeartbeat(taskToken: string) {
    this.calls.push({ kind: 'heartbeat', taskToken });
    return this.callbackResult;
  }
}

export interface Fixture {
  readonly context: ApiContext;
  readonly clock: FakeClock;
  readonly stateMachines: FakeStateMachines;
  readonly executions: FakeExecutions;
  readonly engine: FakeEngine;
  readonly internalErrors: unknown[];
}

export function fixture(): Fixture {
  const clock = new FakeClock();
  const stateMachines = new FakeStateMachines();
  const executions = new FakeExecutions();
  const engine = new FakeEngine(executions, clock);
  const internalErrors: unknown[] = [];
  let ids = 0;
  const context: ApiContext = {
    stateMachines,
    executions,
    engine,
    clock,
    region: REGION,
    accountId: ACCOUNT,
    newId: () => `00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    onInternalError: (error) => internalErrors.push(error),
  };
  return { context, clock, stateMachines, executions, engine, internalErrors };
}

export interface Answer {
  readonly status: number;
  readonly json: Record<string, unknown>;
  readonly headers: Readonly<Record<string, string>>;
}

/** Calls one operation the way the HTTP transport does. */
export async function call(f: Fixture, operation: string, body: unknown): Promise<Answer> {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const answer = await handleRequest(`AWSStepFunctions.${operation}`, text, f.context);
  return { status: answer.status, json: JSON.parse(answer.body) as Record<string, unknown>, headers: answer.headers };
}

/** Creates a Pass machine and returns its ARN. */
export async function createMachine(f: Fixture, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const answer = await call(f, 'CreateStateMachine', { name, definition: PASS_DEFINITION, roleArn: ROLE, ...extra });
  if (answer.status !== 200) throw new Error(`create failed: ${JSON.stringify(answer.json)}`);
  return answer.json['stateMachineArn'] as string;
}

export function execution(overrides: Partial<ExecutionRecord> & { executionArn: string; stateMachineArn: string }): ExecutionRecord {
  return {
    name: overrides.executionArn.split(':').pop() ?? 'x',
    type: 'STANDARD',
    status: 'SUCCEEDED',
    input: '{}',
    output: { ok: 1 },
    startDate: Date.UTC(2026, 0, 1),
    stopDate: Date.UTC(2026, 0, 1, 0, 0, 1),
    definition: PASS_DEFINITION,
    roleArn: ROLE,
    ...overrides,
  };
}

/** A service error's `__type` as AWS writes it. */
export function serviceType(name: string): string {
  return `com.amazonaws.swf.service.v2.model#${name}`;
}

export const VALIDATION = 'com.amazon.coral.validate#ValidationException';
