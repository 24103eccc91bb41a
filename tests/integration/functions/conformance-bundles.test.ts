/**
 * The conformance corpus's Task-free cases through the built function bundles, as they run when
 * deployed: every call to the Step Functions API is an API Gateway event to the api bundle, and
 * the work queue (moto's SQS) feeds the worker bundle through a stand-in for Lambda's event source
 * mapping, on DynamoDB Local. Waits are real (SQS delays), so many executions run at once. The
 * same cases must pass as through the in-memory runner.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { Json } from '../../../core/asl/json.ts';
import { compareResult, type ActualResult } from '../../../core/conformance/compare.ts';
import { loadCases, type ConformanceCase } from '../../../core/conformance/load-cases.ts';
import { CORPUS_ACCOUNT_ID, CORPUS_START_TIME, executionNameFor, stateMachineNameFor } from '../../../core/conformance/run-case.ts';
import { callApi } from '../../fixtures/functions/api-call.ts';
import { startDeployment, type Deployment } from '../../fixtures/functions/deployment.ts';
import { SqsEventSource } from '../../fixtures/functions/event-source.ts';
import type { LambdaPool } from '../../fixtures/functions/lambda-host.ts';

const CORPUS = fileURLToPath(new URL('../../../../shared/conformance/cases', import.meta.url));
const EXPECTED_FAILURES = new URL('../../conformance/expected-failures.json', import.meta.url);

/** Runtime processes per function, and executions in flight; sized for a 2-core machine. */
const API_ENVIRONMENTS = 2;
const WORKER_ENVIRONMENTS = 3;
const CASES_IN_FLIGHT = 64;
/** The longest case waits about 5 s (an execution timeout); this only bounds a hang. */
const CASE_DEADLINE_MS = 120_000;

/**
 * An Express execution's result is observable only through StartSyncExecution (an asynchronous
 * one is neither stored nor described, in AWS as here), so Express cases run through it. A case
 * AWS recorded through StartExecution then differs in what the two start calls put in the
 * context object.
 */
const START_CALL_DIFFERENCES: Readonly<Record<string, string>> = {
  express__query_runtime_memory:
    'recorded through StartExecution, whose context object has Execution.RedriveCount; StartSyncExecution, the only call that returns an Express result, has none (as on AWS)',
};

const ROLE_ARN = `arn:aws:iam::${CORPUS_ACCOUNT_ID}:role/StepwiseExecutionRole`;
const TERMINAL_EVENT: Readonly<Record<string, string>> = {
  SUCCEEDED: 'ExecutionSucceeded',
  FAILED: 'ExecutionFailed',
  TIMED_OUT: 'ExecutionTimedOut',
  ABORTED: 'ExecutionAborted',
};

let deployment: Deployment;
let api: LambdaPool;
let worker: LambdaPool;
let source: SqsEventSource;
let coldStartMs = 0;

before(async () => {
  deployment = await startDeployment();
  const coldStart = Date.now();
  [api, worker] = await Promise.all([deployment.start('api', API_ENVIRONMENTS), deployment.start('worker', WORKER_ENVIRONMENTS)]);
  coldStartMs = Date.now() - coldStart;
  source = new SqsEventSource({
    sqs: deployment.sqs,
    queueUrl: deployment.queueUrl,
    queueArn: deployment.queueArn,
    invoke: (event) => worker.invoke(event),
    pollers: WORKER_ENVIRONMENTS,
  });
});

after(async () => {
  await source?.stop();
  await deployment?.close();
});

function hasTaskState(value: Json | undefined): boolean {
  if (Array.isArray(value)) return value.some(hasTaskState);
  if (value === null || typeof value !== 'object') return false;
  return value['Type'] === 'Task' || Object.values(value).some(hasTaskState);
}

/** The in-memory runner's names, made unique where two case names shorten to the same one. */
function stateMachineNames(cases: readonly ConformanceCase[]): Map<string, string> {
  const counts = new Map<string, number>();
  for (const testCase of cases) counts.set(stateMachineNameFor(testCase.name), (counts.get(stateMachineNameFor(testCase.name)) ?? 0) + 1);
  return new Map(
    cases.map((testCase) => {
      const name = stateMachineNameFor(testCase.name);
      if (counts.get(name) === 1) return [testCase.name, name];
      const suffix = createHash('sha256').update(testCase.name).digest('hex').slice(0, 8);
      return [testCase.name, `${name.slice(0, 71)}-${suffix}`];
    }),
  );
}

/**
 * The in-memory runner starts executions at the moment the corpus was extracted, and the cases
 * computed future timestamps from it (a Wait 24,856 days ahead, to be refused as too long).
 * Here executions start at the real now, so such a timestamp is moved forward by the time
 * since then, in whole seconds: the case asks AWS's question again, about the same distance
 * from its start. Timestamps in the past, and any not written as toISOString writes them
 * (cases about formats), are left alone.
 */
function atRealClock(value: Json, shiftMs: number): Json {
  if (typeof value === 'string') {
    const at = Date.parse(value);
    return at > CORPUS_START_TIME && new Date(at).toISOString() === value ? new Date(at + shiftMs).toISOString() : value;
  }
  if (Array.isArray(value)) return value.map((item) => atRealClock(item, shiftMs));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, member]) => [key, atRealClock(member, shiftMs)]));
}

interface CaseRun {
  readonly actual: ActualResult;
  /** What is wrong with the history GetExecutionHistory returned, if anything. */
  readonly historyProblem?: string;
}

function resultOf(described: Readonly<Record<string, unknown>>): ActualResult {
  return {
    status: String(described['status']),
    ...(typeof described['output'] === 'string' ? { output: JSON.parse(described['output']) as Json } : {}),
    ...(typeof described['error'] === 'string' ? { error: described['error'] } : {}),
    ...(typeof described['cause'] === 'string' ? { cause: described['cause'] } : {}),
  };
}

async function runThroughBundles(testCase: ConformanceCase, stateMachineName: string, input: Json): Promise<CaseRun> {
  const created = await callApi(api, 'CreateStateMachine', {
    name: stateMachineName,
    definition: JSON.stringify(testCase.definition),
    roleArn: ROLE_ARN,
    type: testCase.workflowType,
  });
  const start = { stateMachineArn: created['stateMachineArn'], name: executionNameFor(testCase.name), input: JSON.stringify(input) };
  if (testCase.workflowType === 'EXPRESS') return { actual: resultOf(await callApi(api, 'StartSyncExecution', start)) };
  const { executionArn } = (await callApi(api, 'StartExecution', start)) as { executionArn: string };
  await untilEnded(executionArn);
  const actual = resultOf(await callApi(api, 'DescribeExecution', { executionArn }));
  const types = await historyTypes(executionArn);
  const expectedLast = TERMINAL_EVENT[actual.status];
  const historyProblem =
    types[0] !== 'ExecutionStarted' || types.at(-1) !== expectedLast
      ? `history runs ${types[0]} .. ${types.at(-1)} (${types.length} events) for a ${actual.status} execution`
      : undefined;
  return { actual, ...(historyProblem ? { historyProblem } : {}) };
}

/** Watches the table (not through the API, to keep the api functions for the calls under test). */
async function untilEnded(executionArn: string): Promise<void> {
  const deadline = Date.now() + CASE_DEADLINE_MS;
  let pause = 100;
  for (;;) {
    const execution = await deployment.store.getExecution(executionArn);
    if (execution && execution.status !== 'RUNNING') return;
    if (Date.now() > deadline) {
      // Where it stopped, so that a stuck execution says which message never came.
      const branches = (await deployment.store.listBranches(executionArn)).map((branch) => `${branch.branchId} v${branch.version} (${branch.appliedKey ?? 'not stepped'})`);
      throw new Error(`still ${execution?.status ?? 'missing'} after ${CASE_DEADLINE_MS / 1000} s; branches: ${branches.join(', ') || 'none'}`);
    }
    await new Promise((resolve) => setTimeout(resolve, pause));
    pause = Math.min(1_000, pause * 1.5);
  }
}

async function historyTypes(executionArn: string): Promise<string[]> {
  const types: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = (await callApi(api, 'GetExecutionHistory', { executionArn, maxResults: 1000, ...(nextToken ? { nextToken } : {}) })) as {
      events: { type: string }[];
      nextToken?: string;
    };
    types.push(...page.events.map((event) => event.type));
    nextToken = page.nextToken;
  } while (nextToken);
  return types;
}

async function forEachConcurrently<T>(items: readonly T[], limit: number, run: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) await run(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}

test('Task-free conformance cases through the built api and worker bundles: the same cases pass', { timeout: 15 * 60_000 }, async (t) => {
  const listed = JSON.parse(await readFile(EXPECTED_FAILURES, 'utf8')) as Record<string, string>;
  const cases = (await loadCases(CORPUS)).filter((testCase) => !hasTaskState(testCase.definition));
  assert.equal(cases.length, 909);
  const names = stateMachineNames(cases);
  const shiftMs = Math.floor((Date.now() - CORPUS_START_TIME) / 1000) * 1000;
  const shifted = cases.filter((testCase) => JSON.stringify(atRealClock(testCase.input, shiftMs)) !== JSON.stringify(testCase.input)).map((testCase) => testCase.name);
  const failures = new Map<string, string>();
  const historyProblems: string[] = [];
  let passed = 0;
  const started = Date.now();
  await forEachConcurrently(cases, CASES_IN_FLIGHT, async (testCase) => {
    let differences: string[];
    try {
      const run = await runThroughBundles(testCase, names.get(testCase.name)!, atRealClock(testCase.input, shiftMs));
      differences = compareResult(testCase.expected, run.actual, testCase.redacted);
      if (run.historyProblem) historyProblems.push(`${testCase.name}: ${run.historyProblem}`);
    } catch (error) {
      differences = [`threw: ${error instanceof Error ? error.message : String(error)}`];
    }
    if (differences.length === 0) passed++;
    else failures.set(testCase.name, differences.join('; '));
  });
  const runMs = Date.now() - started;
  const allowed = (name: string): boolean => Object.hasOwn(listed, name) || Object.hasOwn(START_CALL_DIFFERENCES, name);
  const unexpected = [...failures].filter(([name]) => !allowed(name)).map(([name, difference]) => `${name}: ${difference}`);
  const passingListed = cases.filter((testCase) => allowed(testCase.name) && !failures.has(testCase.name)).map((testCase) => testCase.name);
  t.diagnostic(
    `bundles: ${passed}/${cases.length} passed in ${(runMs / 1000).toFixed(1)} s ` +
      `(build ${(deployment.buildMs / 1000).toFixed(1)} s, cold starts ${(coldStartMs / 1000).toFixed(1)} s); ` +
      `worker: ${source.stats.batches} batches, ${source.stats.records} records, ${source.stats.failedRecords} failed records, ${source.stats.failedInvocations} failed invocations`,
  );
  t.diagnostic(`future timestamps in the input moved ${shiftMs / 1000} s forward: ${shifted.join(', ') || 'none'}`);
  for (const [name, difference] of failures) t.diagnostic(`failed: ${name}: ${difference}`);
  for (const name of passingListed) t.diagnostic(`passes here, listed as differing: ${name} (${listed[name] ?? START_CALL_DIFFERENCES[name]})`);
  if (unexpected.length > 0 || historyProblems.length > 0) t.diagnostic(`last worker log lines:\n${worker.logs().slice(-4000)}`);
  assert.deepEqual(unexpected, []);
  assert.deepEqual(historyProblems, []);
  assert.equal(source.stats.failedInvocations, 0, source.stats.errors.join('\n'));
});
