/**
 * The Lambda integrations (bare function ARN, `lambda:invoke`, `aws-sdk:lambda:invoke`) through
 * the real @aws-sdk/client-lambda, against a local server speaking Lambda's Invoke API (moto's
 * Lambda needs Docker to run functions). Checks what reached Lambda and the result and error
 * shapes AWS gives, including replays of the corpus's recorded Lambda calls.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Json } from '../../../core/asl/json.ts';
import type { TaskOutcome } from '../../../core/asl/task-request.ts';
import { AwsServiceTasks } from '../../../core/adapters/aws/tasks/index.ts';
import { FAKE_ACCOUNT, FAKE_REGION, startFakeLambda, type FakeLambda, type FunctionReply, type SeenInvocation } from '../../fixtures/aws/fake-lambda.ts';
import { differences, loadRecordedCase } from '../../fixtures/aws/recorded-match.ts';
import { serviceRequest } from '../../fixtures/aws/service-request.ts';

const INVOKE = 'arn:aws:states:::lambda:invoke';
const functionArn = (name: string) => `arn:aws:lambda:${FAKE_REGION}:${FAKE_ACCOUNT}:function:${name}`;

/** Lambda gives a function `{}` when the request had no payload. */
const echo = (invocation: SeenInvocation): FunctionReply => ({ payload: invocation.payload === '' ? '{}' : invocation.payload });

const PYTHON_ERROR =
  '{"errorMessage": "Some exception was raised.", "errorType": "Exception", "requestId": "3b6f", "stackTrace": ["  File \\"/var/task/handler.py\\", line 2, in handler\\n"]}';

let lambda: FakeLambda;
let tasks: AwsServiceTasks;
/** What the next `scripted` invocation answers. */
let script: FunctionReply = { payload: 'null' };

before(async () => {
  lambda = await startFakeLambda({
    echo,
    scripted: () => script,
    fails: () => ({ payload: PYTHON_ERROR, functionError: 'Unhandled' }),
    'times-out': () => ({ payload: '{"errorMessage":"2024-11-26T00:36:39.604Z 5b1c Task timed out after 3.00 seconds"}', functionError: 'Unhandled' }),
    'hello-world': () => ({ payload: '"HelloWorld!"' }),
    'return-hello': () => ({ payload: '{"Return":"HelloWorld"}' }),
  });
  tasks = new AwsServiceTasks({
    region: FAKE_REGION,
    endpoints: { lambda: lambda.endpoint },
    credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' },
    maxAttempts: 1,
  });
});

after(async () => {
  tasks.destroy();
  await lambda.close();
});

function lastInvocation(): SeenInvocation {
  const seen = lambda.invocations.at(-1);
  assert.ok(seen, 'no invocation reached the Lambda endpoint');
  return seen;
}

function succeeded(outcome: TaskOutcome): Json {
  assert.equal(outcome.kind, 'Succeeded', JSON.stringify(outcome));
  return (outcome as { output: Json }).output;
}

function clientContextOf(seen: SeenInvocation): unknown {
  assert.ok(seen.clientContext, 'no ClientContext was sent');
  return JSON.parse(Buffer.from(seen.clientContext, 'base64').toString('utf8'));
}

describe('lambda:invoke', () => {
  it('sends FunctionName, Qualifier, InvocationType and the Payload text as given, and the idempotency key in ClientContext', async () => {
    const request = serviceRequest(INVOKE, { FunctionName: 'echo', Qualifier: 'live', InvocationType: 'RequestResponse', Payload: '"HelloWorld"' });
    const output = succeeded(await tasks.invoke(request)) as Record<string, Json>;
    const seen = lastInvocation();
    assert.equal(seen.functionName, 'echo');
    assert.equal(seen.qualifier, 'live');
    assert.equal(seen.invocationType, 'RequestResponse');
    assert.equal(seen.payload, '"HelloWorld"');
    assert.deepEqual(clientContextOf(seen), { custom: { idempotencyKey: request.idempotencyKey } });
    assert.equal(output['Payload'], 'HelloWorld');
    assert.equal(output['ExecutedVersion'], 'live');
    assert.equal(output['StatusCode'], 200);
  });

  it("answers AWS's response shape, keys in AWS's order, headers spelled as the server sent them", async () => {
    const output = succeeded(await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'echo', Payload: { a: [1, true, null] } }))) as Record<string, Json>;
    assert.deepEqual(Object.keys(output), ['ExecutedVersion', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
    assert.deepEqual(output['Payload'], { a: [1, true, null] });
    assert.equal(lastInvocation().payload, '{"a":[1,true,null]}');
    const metadata = output['SdkHttpMetadata'] as Record<string, Record<string, Json>>;
    assert.deepEqual(metadata['AllHttpHeaders']!['X-Amz-Executed-Version'], ['$LATEST']);
    assert.equal(metadata['HttpHeaders']!['Content-Type'], 'application/json');
    assert.equal(metadata['HttpStatusCode'] as Json, 200);
    const requestId = metadata['HttpHeaders']!['x-amzn-RequestId'];
    assert.equal(typeof requestId, 'string');
    assert.deepEqual(output['SdkResponseMetadata'], { RequestId: requestId });
  });

  it('keeps a ClientContext the Task gives, sends no payload for a null Payload, and adds LogResult for LogType Tail', async () => {
    const context = Buffer.from('{"custom":{"mine":1}}').toString('base64');
    script = { payload: '{}', logResult: 'U1RBUlQgUmVxdWVzdElk' };
    const output = succeeded(await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'scripted', ClientContext: context, Payload: null, LogType: 'Tail' }))) as Record<string, Json>;
    const seen = lastInvocation();
    assert.equal(seen.clientContext, context);
    assert.equal(seen.payload, '');
    assert.equal(seen.logType, 'Tail');
    assert.equal(output['LogResult'], 'U1RBUlQgUmVxdWVzdElk');
    assert.deepEqual(Object.keys(output), ['ExecutedVersion', 'LogResult', 'Payload', 'SdkHttpMetadata', 'SdkResponseMetadata', 'StatusCode']);
  });

  it('an Event invocation answers 202 with an empty Payload', async () => {
    const output = succeeded(await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'echo', InvocationType: 'Event', Payload: {} }))) as Record<string, Json>;
    assert.equal(lastInvocation().invocationType, 'Event');
    assert.equal(output['StatusCode'], 202);
    assert.equal(output['Payload'], '');
  });

  it("a function error fails the Task with the payload's errorType and the payload as cause", async () => {
    const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'fails' }));
    assert.deepEqual(outcome, { kind: 'Failed', error: 'Exception', cause: JSON.stringify(JSON.parse(PYTHON_ERROR)) });
  });

  it('a function error without errorType is Lambda.Unknown', async () => {
    const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'times-out' }));
    assert.deepEqual(outcome, {
      kind: 'Failed',
      error: 'Lambda.Unknown',
      cause:
        'The cause could not be determined because Lambda did not return an error type. Returned payload: ' +
        '{"errorMessage":"2024-11-26T00:36:39.604Z 5b1c Task timed out after 3.00 seconds"}',
    });
  });

  it('a missing function is Lambda.ResourceNotFoundException with the SDK for Java 1.x cause', async () => {
    const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'no-such-function' }));
    assert.equal(outcome.kind, 'Failed');
    const { error, cause } = outcome as { error: string; cause: string };
    assert.equal(error, 'Lambda.ResourceNotFoundException');
    assert.match(
      cause,
      /^Function not found: arn:aws:lambda:us-east-1:111111111111:function:no-such-function:\$LATEST \(Service: AWSLambda; Status Code: 404; Error Code: ResourceNotFoundException; Request ID: [0-9a-f-]{36}; Proxy: null\)$/,
    );
  });

  for (const [status, type, error] of [
    [429, 'TooManyRequestsException', 'Lambda.TooManyRequestsException'],
    [500, 'ServiceException', 'Lambda.ServiceException'],
    [502, 'EC2UnexpectedException', 'Lambda.EC2UnexpectedException'],
    [400, 'SomeCodeNotInTheModel', 'Lambda.AWSLambdaException'],
  ] as const) {
    it(`Lambda answering ${status} ${type} is ${error}`, async () => {
      script = { serviceError: { status, type, message: 'Rate Exceeded.' } };
      const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'scripted' }));
      assert.equal(outcome.kind, 'Failed');
      assert.equal((outcome as { error: string }).error, error);
      assert.match((outcome as { cause: string }).cause, new RegExp(`^Rate Exceeded\\. \\(Service: AWSLambda; Status Code: ${status}; Error Code: ${type}; Request ID: `));
    });
  }

  it('no answer at all is Lambda.SdkClientException', async () => {
    script = { dropConnection: true };
    const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'scripted' }));
    assert.equal(outcome.kind, 'Failed');
    assert.equal((outcome as { error: string }).error, 'Lambda.SdkClientException');
    assert.match((outcome as { cause: string }).cause, /^Unable to execute HTTP request: /);
  });

  it('.waitForTaskToken invokes the function and is Submitted with the response', async () => {
    const outcome = await tasks.invoke(serviceRequest(`${INVOKE}.waitForTaskToken`, { FunctionName: 'echo', Payload: { token: 'tok-1' } }, { taskToken: 'tok-1' }));
    assert.equal(outcome.kind, 'Submitted');
    assert.deepEqual((outcome as { output: Record<string, Json> }).output['Payload'], { token: 'tok-1' });
    assert.equal(lastInvocation().payload, '{"token":"tok-1"}');
  });

  it('.sync does not exist for Lambda and is refused as AWS refuses the resource', async () => {
    const outcome = await tasks.invoke(serviceRequest(`${INVOKE}.sync`, { FunctionName: 'echo' }));
    assert.deepEqual(outcome, {
      kind: 'Failed',
      error: 'States.Runtime',
      cause: 'The resource provided arn:aws:states:::lambda:invoke.sync is not recognized. The value is not a valid resource ARN, or the resource is not available in this region.',
    });
  });

  it('a parameter Invoke does not have is refused before calling', async () => {
    const before = lambda.invocations.length;
    const outcome = await tasks.invoke(serviceRequest(INVOKE, { FunctionName: 'echo', Payloads: {} }));
    assert.deepEqual(outcome, { kind: 'Failed', error: 'States.Runtime', cause: 'The field "Payloads" is not supported by Step Functions' });
    assert.equal(lambda.invocations.length, before);
  });
});

describe('function ARN as Resource', () => {
  it('sends the parameters as the event to the ARN and answers the parsed payload', async () => {
    const request = serviceRequest(functionArn('echo'), { loop: { count: 0 } });
    assert.deepEqual(succeeded(await tasks.invoke(request)), { loop: { count: 0 } });
    const seen = lastInvocation();
    assert.equal(seen.functionName, functionArn('echo'));
    assert.equal(seen.payload, '{"loop":{"count":0}}');
    assert.deepEqual(clientContextOf(seen), { custom: { idempotencyKey: request.idempotencyKey } });
  });

  it('a qualified ARN reaches Lambda with its qualifier', async () => {
    succeeded(await tasks.invoke(serviceRequest(`${functionArn('echo')}:7`, 'x')));
    assert.equal(lastInvocation().functionName, `${functionArn('echo')}:7`);
  });

  it('fails with the function error as lambda:invoke does', async () => {
    const outcome = await tasks.invoke(serviceRequest(functionArn('fails'), {}));
    assert.equal((outcome as { error: string }).error, 'Exception');
  });
});

describe('aws-sdk:lambda:invoke', () => {
  it('answers the payload as text and does not fail on a function error', async () => {
    const output = succeeded(await tasks.invoke(serviceRequest('arn:aws:states:::aws-sdk:lambda:invoke', { FunctionName: 'fails', Payload: { a: 1 } }))) as Record<string, Json>;
    assert.equal(output['FunctionError'], 'Unhandled');
    assert.equal(output['Payload'], PYTHON_ERROR);
    assert.equal(output['StatusCode'], 200);
    assert.equal(output['SdkHttpMetadata'], undefined);
    assert.equal(lastInvocation().payload, '{"a":1}');
  });

  it('names errors as the SDK for Java 2.x does', async () => {
    const outcome = await tasks.invoke(serviceRequest('arn:aws:states:::aws-sdk:lambda:invoke', { FunctionName: 'no-such-function' }));
    assert.equal((outcome as { error: string }).error, 'Lambda.ResourceNotFoundException');
    assert.match((outcome as { cause: string }).cause, /^Function not found: .+:\$LATEST \(Service: Lambda, Status Code: 404, Request ID: [0-9a-f-]{36}\)$/);
  });
});

/**
 * The corpus's recorded Lambda calls, replayed: echo functions (LocalStack's test functions
 * return their event) and, for `invoke_bytes_payload`, one returning "HelloWorld!". The recorded
 * function names are placeholders, so the calls go to functions of this server. `invoke_pipe`'s
 * two functions both answer `{"Return": "HelloWorld"}` for the events recorded.
 */
describe('recorded Lambda calls', () => {
  const replays: ReadonlyArray<readonly [string, string, FunctionReply?]> = [
    ['services__invoke', 'echo'],
    // LogType Tail: Lambda adds the log's tail, which an echo function has none of.
    ['services__invoke_unsupported_param', 'scripted', { payload: '{}', logResult: 'U1RBUlQ=' }],
    ['services__invoke_bytes_payload-2', 'hello-world'],
    ['services__invoke_json_values-0.0-2', 'echo'],
    ['services__invoke_json_values-0_0-2', 'echo'],
    ['services__invoke_json_values-0_1-2', 'echo'],
    ['services__invoke_json_values-HelloWorld-2', 'echo'],
    ['services__invoke_json_values-True-2', 'echo'],
    ['services__invoke_json_values-json_value5-2', 'echo'],
    ['services__invoke_json_values-json_value6-2', 'echo'],
    ['services__invoke_bytes_payload', 'hello-world'],
    ['services__invoke_json_values-0.0', 'echo'],
    ['services__invoke_json_values-0_0', 'echo'],
    ['services__invoke_json_values-0_1', 'echo'],
    ['services__invoke_json_values-HelloWorld', 'echo'],
    ['services__invoke_json_values-True', 'echo'],
    ['services__invoke_json_values-json_value5', 'echo'],
    ['services__invoke_json_values-json_value6', 'echo'],
    ['services__invoke_pipe', 'return-hello'],
    ['services__invoke_string_payload', 'echo'],
    ['services__lambda_task_filter_parameters_input', 'echo'],
    ['error_handling__no_such_function-2', 'no_such_function'],
  ];
  for (const [caseName, target, reply] of replays) {
    it(caseName, async () => {
      if (reply !== undefined) script = reply;
      const recorded = loadRecordedCase(caseName);
      for (const [, calls] of recorded.tasks) {
        for (const call of calls) {
          const bare = call.resourceType === 'lambda-function';
          const resource = bare ? functionArn(target) : `arn:aws:states:::lambda:${call.resource}`;
          const parameters = bare ? call.input : { ...(call.input as Record<string, Json>), FunctionName: target };
          const outcome = await tasks.invoke(serviceRequest(resource, parameters));
          const actual = outcome.kind === 'Failed' ? { error: outcome.error, cause: outcome.cause } : (outcome as { output: Json }).output;
          const expected = call.error === undefined ? call.result : { error: call.error, cause: call.cause };
          assert.deepEqual(differences(actual, expected, recorded.redacted), [], `${caseName}: ${JSON.stringify(actual)}`);
        }
      }
    });
  }
});
