/**
 * The Step Functions service integration, `arn:aws:states:::states:startExecution`, answered by
 * this installation itself: a Task starts an execution of another state machine stored here,
 * through the same StartExecution operation the API serves (so its checks and errors are AWS's).
 *
 *   request-response     the call's response: ExecutionArn and StartDate;
 *   .sync / .sync:2      the Task waits until the execution ends, and gets it as DescribeExecution
 *                        shows it (runtime/durable/parent-task.ts);
 *   .waitForTaskToken    the Task waits for a callback with the token it passed in the input.
 *
 * Every other Task goes to `otherwise`.
 */
import { createHash } from 'node:crypto';
import type { Json, JsonObject } from '../../asl/json.ts';
import type { TaskOutcome, TaskRequest } from '../../asl/task-request.ts';
import type { ApiContext } from '../../api/context.ts';
import type { ExecutionEngine } from '../../api/engine.ts';
import { handleRequest } from '../../api/handle-request.ts';
import type { TaskInvoker } from '../../ports.ts';
import { isParentTaskPattern, type ParentTask } from '../../runtime/records.ts';
import { uuidFrom } from '../../runtime/uuid-from.ts';
import { optimizedIntegrationError } from '../aws/tasks/optimized-errors.ts';
import { withSdkMetadata } from '../aws/tasks/sdk-metadata.ts';
import { SERVICES } from '../aws/tasks/services.ts';

export class NestedExecutions implements TaskInvoker {
  private bound: (context: ApiContext) => void = () => undefined;
  private readonly context = new Promise<ApiContext>((resolve) => {
    this.bound = resolve;
  });

  constructor(private readonly otherwise: TaskInvoker) {}

  /**
   * The API the nested executions start through. It exists only once the runtime that runs the
   * Tasks does, so Tasks that arrive before (a restart's recovery) wait for it.
   */
  bind(context: ApiContext): void {
    this.bound(context);
  }

  async invoke(request: TaskRequest): Promise<TaskOutcome> {
    if (request.resourceKind !== 'service' || request.service !== 'states' || request.action !== 'startExecution') return this.otherwise.invoke(request);
    const context = await this.context;
    const started = await startNested(request, context);
    if (started.kind !== 'Succeeded') return started;
    return request.pattern === 'REQUEST_RESPONSE' ? started : { kind: 'Submitted', output: started.output };
  }
}

async function startNested(request: TaskRequest, context: ApiContext): Promise<TaskOutcome> {
  const parameters = isObject(request.parameters) ? request.parameters : {};
  const body: JsonObject = {
    stateMachineArn: parameters['StateMachineArn'] ?? null,
    // AWS names the execution with a UUID when the Task gives no Name; one derived from the
    // attempt's idempotency key keeps a repeated delivery of the attempt from starting two.
    name: parameters['Name'] ?? uuidFrom(createHash('sha256').update(request.idempotencyKey).digest()),
    ...inputMember(parameters['Input']),
    ...(parameters['TraceHeader'] === undefined ? {} : { traceHeader: parameters['TraceHeader'] }),
  };
  const parentTask = parentTaskOf(request);
  const nested: ApiContext = parentTask ? { ...context, engine: startingFor(context.engine, parentTask) } : context;
  const response = await handleRequest('AWSStepFunctions.StartExecution', JSON.stringify(body), nested);
  const requestId = response.headers['x-amzn-requestid'];
  const answer = JSON.parse(response.body) as JsonObject;
  if (response.status !== 200) {
    const code = String(answer['__type'] ?? '').split('#').pop() ?? 'InternalFailure';
    const { error, cause } = optimizedIntegrationError(SERVICES.sfn.optimized, {
      kind: 'service',
      modeled: true,
      name: code,
      code,
      message: typeof answer['message'] === 'string' ? answer['message'] : code,
      statusCode: response.status,
      ...(requestId === undefined ? {} : { requestId }),
      attempts: 1,
    });
    return { kind: 'Failed', error, cause };
  }
  const output: JsonObject = { ExecutionArn: answer['executionArn'] ?? null, StartDate: Math.round(Number(answer['startDate']) * 1000) };
  return { kind: 'Succeeded', output: withSdkMetadata(output, { statusCode: 200, headers: httpHeaders(response.body, requestId) }, requestId) };
}

/** A `.sync` Task is completed by the end of the execution it starts; the others are not. */
function parentTaskOf(request: TaskRequest): ParentTask | undefined {
  if (!isParentTaskPattern(request.pattern) || request.taskToken === undefined) return undefined;
  return { taskToken: request.taskToken, pattern: request.pattern };
}

function startingFor(engine: ExecutionEngine, parentTask: ParentTask): ExecutionEngine {
  return {
    startExecution: (request) => engine.startExecution({ ...request, parentTask }),
    startSyncExecution: (request) => engine.startSyncExecution(request),
    stopExecution: (executionArn, error, cause) => engine.stopExecution(executionArn, error, cause),
    sendTaskSuccess: (taskToken, output) => engine.sendTaskSuccess(taskToken, output),
    sendTaskFailure: (taskToken, error, cause) => engine.sendTaskFailure(taskToken, error, cause),
    sendTaskHeartbeat: (taskToken) => engine.sendTaskHeartbeat(taskToken),
  };
}

/** `Input` may be JSON text, or JSON that Step Functions serialises; none (or null) starts with `{}`. */
function inputMember(input: Json | undefined): JsonObject {
  if (input === undefined || input === null) return {};
  return { input: typeof input === 'string' ? input : JSON.stringify(input) };
}

/** The headers an HTTP answer from the API would carry, which the Java SDK's metadata lists. */
function httpHeaders(body: string, requestId: string | undefined): [string, string][] {
  return [
    ...(requestId === undefined ? [] : [['x-amzn-RequestId', requestId] as [string, string]]),
    ['Content-Type', 'application/x-amz-json-1.0'],
    ['Content-Length', String(Buffer.byteLength(body, 'utf8'))],
    ['Date', new Date().toUTCString()],
  ];
}

function isObject(value: Json): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
