/**
 * `arn:aws:states:::states:startExecution` Tasks through `stepwise serve`'s composition (the
 * durable runtime on DynamoDB Local, the API in front), driven with @aws-sdk/client-sfn.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  SendTaskSuccessCommand,
  StartExecutionCommand,
  type DescribeExecutionCommandOutput,
} from '@aws-sdk/client-sfn';
import { startLocalServer, type LocalServer } from '../../../core/adapters/local/local-server.ts';
import { openStores } from '../../../core/adapters/local/open-stores.ts';
import { noTaskHandler } from '../../../core/adapters/local/handler-module.ts';
import { NestedExecutions } from '../../../core/adapters/states/nested-executions.ts';

const ROLE = 'arn:aws:iam::123456789012:role/test';
const MACHINE = 'arn:aws:states:us-east-1:123456789012:stateMachine:';

let server: LocalServer;
let sfn: SFNClient;
let dataDir: string;

async function create(name: string, definition: object): Promise<string> {
  const created = await sfn.send(new CreateStateMachineCommand({ name, roleArn: ROLE, definition: JSON.stringify(definition) }));
  return created.stateMachineArn!;
}

function starting(resource: string, parameters: object, extra: object = {}): object {
  return { StartAt: 'Start', States: { Start: { Type: 'Task', Resource: `arn:aws:states:::states:${resource}`, Parameters: parameters, End: true, ...extra } } };
}

async function ended(executionArn: string): Promise<DescribeExecutionCommandOutput> {
  for (let i = 0; i < 300; i++) {
    const described = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    if (described.status !== 'RUNNING') return described;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${executionArn} still running`);
}

async function run(stateMachineArn: string, input: object): Promise<DescribeExecutionCommandOutput> {
  const started = await sfn.send(new StartExecutionCommand({ stateMachineArn, input: JSON.stringify(input) }));
  return ended(started.executionArn!);
}

describe('states:startExecution Tasks', () => {
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'stepwise-nested-'));
    const nested = new NestedExecutions(noTaskHandler);
    server = await startLocalServer({ port: 0, stores: await openStores({ memory: false, dataDir }), tasks: nested, dataDir });
    nested.bind(server.context);
    sfn = new SFNClient({ endpoint: server.url, region: 'us-east-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });
    // Waits a moment, so a parent that did not wait for it would finish first.
    await create('Child', { StartAt: 'Pause', States: { Pause: { Type: 'Wait', Seconds: 1, Next: 'Greet' }, Greet: { Type: 'Pass', Parameters: { 'greeting.$': "States.Format('hello {}', $.who)" }, End: true } } });
    await create('Failing', { StartAt: 'Fail', States: { Fail: { Type: 'Fail', Error: 'Broken', Cause: 'the child broke' } } });
    await create('Waiting', { StartAt: 'Hold', States: { Hold: { Type: 'Wait', Seconds: 600, End: true } } });
  });

  after(async () => {
    await server?.close();
    if (dataDir) await rm(dataDir, { recursive: true, force: true });
  });

  it('.sync waits for the execution and returns it as DescribeExecution shows it, input and output as JSON text', async () => {
    const parent = await create('SyncParent', starting('startExecution.sync', { StateMachineArn: `${MACHINE}Child`, 'Input.$': '$', Name: 'sync-child' }));
    const done = await run(parent, { who: 'world' });
    assert.equal(done.status, 'SUCCEEDED');
    const output = JSON.parse(done.output!) as Record<string, unknown>;
    const child = await sfn.send(new DescribeExecutionCommand({ executionArn: `${MACHINE.replace(':stateMachine:', ':execution:')}Child:sync-child` }));
    assert.equal(child.status, 'SUCCEEDED');
    assert.deepEqual(Object.keys(output), ['ExecutionArn', 'Input', 'InputDetails', 'Name', 'Output', 'OutputDetails', 'StartDate', 'StateMachineArn', 'Status', 'StopDate']);
    assert.equal(output['ExecutionArn'], child.executionArn);
    assert.equal(output['Input'], '{"who":"world"}');
    assert.equal(output['Output'], '{"greeting":"hello world"}');
    assert.equal(output['Name'], 'sync-child');
    assert.equal(output['StateMachineArn'], `${MACHINE}Child`);
    assert.equal(output['Status'], 'SUCCEEDED');
    assert.equal(output['StartDate'], child.startDate!.getTime());
    assert.equal(output['StopDate'], child.stopDate!.getTime());
    // The parent ended after its child did.
    assert.ok(done.stopDate!.getTime() >= child.stopDate!.getTime());
  });

  it('.sync:2 returns the input and output as JSON', async () => {
    const parent = await create('Sync2Parent', starting('startExecution.sync:2', { StateMachineArn: `${MACHINE}Child`, Input: { who: 'there' } }));
    const done = await run(parent, {});
    assert.equal(done.status, 'SUCCEEDED', `${done.error}: ${done.cause}`);
    const output = JSON.parse(done.output!) as Record<string, unknown>;
    assert.deepEqual(output['Input'], { who: 'there' });
    assert.deepEqual(output['Output'], { greeting: 'hello there' });
    assert.match(String(output['Name']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('.sync fails with States.TaskFailed when the execution fails, with the execution and its error as the cause', async () => {
    const parent = await create('FailingParent', starting('startExecution.sync', { StateMachineArn: `${MACHINE}Failing`, Name: 'failing-child' }));
    const done = await run(parent, {});
    assert.equal(done.status, 'FAILED');
    assert.equal(done.error, 'States.TaskFailed');
    const cause = JSON.parse(done.cause!) as Record<string, unknown>;
    assert.equal(cause['Error'], 'Broken');
    assert.equal(cause['Cause'], 'the child broke');
    assert.equal(cause['Status'], 'FAILED');
    assert.equal(cause['Input'], '{}');
    assert.equal(cause['Name'], 'failing-child');
    assert.equal(cause['Output'], undefined);
  });

  it('request-response returns the new execution at once', async () => {
    const parent = await create('FireAndForget', starting('startExecution', { StateMachineArn: `${MACHINE}Waiting`, Name: 'left-running' }));
    const done = await run(parent, {});
    assert.equal(done.status, 'SUCCEEDED');
    const output = JSON.parse(done.output!) as Record<string, unknown>;
    const childArn = `${MACHINE.replace(':stateMachine:', ':execution:')}Waiting:left-running`;
    assert.equal(output['ExecutionArn'], childArn);
    assert.equal(typeof output['StartDate'], 'number');
    assert.ok(output['SdkHttpMetadata'] && output['SdkResponseMetadata']);
    assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn: childArn }))).status, 'RUNNING');
  });

  it('.waitForTaskToken waits for the callback the started execution is given the token for', async () => {
    const parent = await create(
      'CallbackParent',
      starting('startExecution.waitForTaskToken', { StateMachineArn: `${MACHINE}Waiting`, Name: 'token-holder', Input: { 'token.$': '$$.Task.Token' } }),
    );
    const started = await sfn.send(new StartExecutionCommand({ stateMachineArn: parent, input: '{}' }));
    const childArn = `${MACHINE.replace(':stateMachine:', ':execution:')}Waiting:token-holder`;
    let token: string | undefined;
    for (let i = 0; i < 100 && token === undefined; i++) {
      const child = await sfn.send(new DescribeExecutionCommand({ executionArn: childArn })).catch(() => undefined);
      if (child?.input) token = (JSON.parse(child.input) as { token: string }).token;
      else await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(token);
    assert.equal((await sfn.send(new DescribeExecutionCommand({ executionArn: started.executionArn! }))).status, 'RUNNING');
    await sfn.send(new SendTaskSuccessCommand({ taskToken: token, output: '{"approved":true}' }));
    const done = await ended(started.executionArn!);
    assert.equal(done.status, 'SUCCEEDED');
    assert.deepEqual(JSON.parse(done.output!), { approved: true });
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn: started.executionArn! }));
    assert.ok(history.events!.some((event) => event.type === 'TaskSubmitted'));
  });

  it('a state machine that does not exist fails the Task as AWS reports it', async () => {
    const missing = `${MACHINE}Nowhere`;
    const parent = await create('MissingTarget', starting('startExecution', { StateMachineArn: missing }));
    const done = await run(parent, {});
    assert.equal(done.status, 'FAILED');
    assert.equal(done.error, 'StepFunctions.StateMachineDoesNotExistException');
    assert.match(
      done.cause!,
      new RegExp(`^State Machine Does Not Exist: '${missing}' \\(Service: AWSStepFunctions; Status Code: 400; Error Code: StateMachineDoesNotExist; Request ID: [0-9a-f-]+; Proxy: null\\)$`),
    );
  });
});
