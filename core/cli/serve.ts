/**
 * `stepwise serve [--port 8083] [--data DIR | --memory] [--tasks module] [--mock-config FILE]
 * [--aws-endpoint URL] [--create DIR]`: the Step Functions API on 127.0.0.1, durable on DynamoDB
 * Local; `SFN_MOCK_CONFIG` names a mock configuration file too.
 *
 * A Task is served by the first of: the mock configuration's test case (when the execution runs
 * under one), a handler in the --tasks module, this server itself for `states:startExecution`,
 * the AWS service integrations against --aws-endpoint (moto, LocalStack, ...).
 */
import { readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { handleRequest } from '../api/index.ts';
import type { TaskInvoker } from '../ports.ts';
import { awaitingCallbacks } from '../adapters/local/callback-tasks.ts';
import { handlerInvoker, loadHandlerModule, noTaskHandler } from '../adapters/local/handler-module.ts';
import { NestedExecutions } from '../adapters/states/nested-executions.ts';
import { AwsServiceTasks } from '../adapters/aws/tasks/index.ts';
import { startLocalServer, type LocalServer } from '../adapters/local/local-server.ts';
import { openStores } from '../adapters/local/open-stores.ts';
import { loadMockConfig, mockConfigPathFromEnv } from '../adapters/local/mock-config.ts';
import { mockTestCaseInvoker } from '../adapters/local/mock-test-cases.ts';
import { parseArgs, UsageError } from './args.ts';
import type { CliIo } from './io.ts';

export const DEFAULT_PORT = 8083;

/** A failure to start that the user can act on: printed as a sentence, not a stack. */
class ServeFailure extends UsageError {}
const LOCAL_ROLE = 'arn:aws:iam::123456789012:role/StepwiseLocal';

export async function serveCommand(argv: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs(argv, { port: 'string', data: 'string', memory: 'boolean', tasks: 'string', create: 'string', 'mock-config': 'string', 'aws-endpoint': 'string' });
  const port = Number(parsed.strings.get('port') ?? DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, not ${parsed.strings.get('port')}`);
  const memory = parsed.flags.has('memory');
  if (memory && parsed.strings.has('data')) throw new UsageError('--data and --memory exclude each other');
  const dataDir = resolve(io.cwd, parsed.strings.get('data') ?? '.stepwise');

  const nested = new NestedExecutions(awsTasks(parsed.strings.get('aws-endpoint')));
  const handlers = await taskInvoker(parsed.strings.get('tasks'), io, nested);
  const mockPath = parsed.strings.get('mock-config') ?? mockConfigPathFromEnv();
  const mockConfig = mockPath === undefined ? undefined : await loadMockConfig(resolve(io.cwd, mockPath));
  const stores = await openStores({ memory, dataDir }).catch((error: unknown) => {
    // Most often Java is missing; say what to do rather than show a stack.
    throw new ServeFailure(`could not start DynamoDB Local: ${error instanceof Error ? error.message : String(error)}\n(--memory runs without it, keeping nothing across restarts)`);
  });
  // A mocked `.waitForTaskToken` Task returns its mocked result directly, as in Step Functions Local.
  const tasks = mockConfig ? mockTestCaseInvoker(mockConfig, stores.executions, handlers) : handlers;
  let server: LocalServer;
  try {
    server = await startLocalServer({
      port,
      stores,
      tasks,
      ...(memory ? {} : { dataDir }),
      ...(mockConfig ? { mockTestCases: true } : {}),
      log: (line) => io.err(line),
    });
  } catch (error) {
    await stores.close();
    throw error;
  }
  nested.bind(server.context);
  const createFrom = parsed.strings.get('create');
  const created = createFrom === undefined ? [] : await createStateMachines(server, resolve(io.cwd, createFrom));
  io.out(banner(server.url, stores.description, created));

  await new Promise<void>((done) => {
    const stop = (): void => {
      io.err('stepwise serve: shutting down');
      server.close().then(done, done);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  return 0;
}

async function taskInvoker(tasksModule: string | undefined, io: CliIo, otherwise: TaskInvoker): Promise<TaskInvoker> {
  const base = tasksModule === undefined ? handlerInvoker({ byKey: new Map() }, otherwise) : await loadHandlerModule(tasksModule, io.cwd, otherwise);
  return awaitingCallbacks(base);
}

/** The AWS service integrations against `endpoint`, with credentials from the usual AWS sources. */
function awsTasks(endpoint: string | undefined): TaskInvoker {
  if (endpoint === undefined) return noTaskHandler;
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new UsageError(`--aws-endpoint must be a URL, not ${endpoint}`);
  }
  return new AwsServiceTasks({ region: process.env['AWS_REGION'] ?? process.env['AWS_DEFAULT_REGION'] ?? 'us-east-1', endpoint: url.href.replace(/\/$/, '') });
}

/** Creates (or keeps) a state machine for every `*.asl.json` in the folder, named after the file. */
async function createStateMachines(server: LocalServer, folder: string): Promise<string[]> {
  const names: string[] = [];
  for (const file of (await readdir(folder)).filter((f) => f.endsWith('.asl.json')).sort()) {
    const name = basename(file, '.asl.json');
    const definition = await readFile(join(folder, file), 'utf8');
    const response = await handleRequest('AWSStepFunctions.CreateStateMachine', JSON.stringify({ name, definition, roleArn: LOCAL_ROLE }), server.context);
    if (response.status === 200) names.push(name);
    else if (!response.body.includes('StateMachineAlreadyExists')) throw new Error(`creating ${name} failed: ${response.body}`);
    else names.push(name);
  }
  return names;
}

function banner(url: string, storage: string, created: readonly string[]): string {
  const example = created[0] ?? 'my-machine';
  const arn = `arn:aws:states:us-east-1:123456789012:stateMachine:${example}`;
  return [
    `Stepwise is serving the Step Functions API at ${url}`,
    `  state: ${storage}`,
    ...(created.length > 0 ? [`  state machines: ${created.join(', ')}`] : []),
    '',
    'Try it with the AWS CLI (any credentials will do):',
    `  export AWS_ACCESS_KEY_ID=local AWS_SECRET_ACCESS_KEY=local AWS_DEFAULT_REGION=us-east-1`,
    `  aws stepfunctions --endpoint-url ${url} list-state-machines`,
    `  aws stepfunctions --endpoint-url ${url} start-execution --state-machine-arn ${arn} --input '{}'`,
    `  aws stepfunctions --endpoint-url ${url} describe-execution --execution-arn <executionArn from above>`,
    '',
    'Press Ctrl+C to stop; executions carry on after a restart.',
  ].join('\n');
}
