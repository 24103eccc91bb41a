/** Task JSON ↔ SDK input and output, guided by the real commands' shapes. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { InvokeCommand } from '@aws-sdk/client-lambda';
import { DescribeStateMachineCommand, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { SendMessageCommand } from '@aws-sdk/client-sqs';
import { CreateScheduleCommand } from '@aws-sdk/client-scheduler';
import { fromSdkOutput, idempotencyTokenMembers, operationShapes, toSdkInput } from '../../../core/adapters/aws/tasks/sdk-shapes.ts';
import { ParameterError } from '../../../core/adapters/aws/tasks/outcomes.ts';

function shapes(Command: Parameters<typeof operationShapes>[0]) {
  const found = operationShapes(Command);
  assert.ok(found, 'the command carries no schema');
  return found;
}

describe('toSdkInput', () => {
  it('PascalCase names reach a camelCase API; JSON where a string is wanted becomes JSON text; null is absent', () => {
    const input = toSdkInput(shapes(StartExecutionCommand).input, { StateMachineArn: 'arn', Input: { key: 'value' }, Name: null });
    assert.deepEqual(input, { stateMachineArn: 'arn', input: '{"key":"value"}' });
  });

  it('a payload blob takes text as is and JSON serialised; other blobs take base64', () => {
    const invoke = toSdkInput(shapes(InvokeCommand).input, { FunctionName: 'f', Payload: '"x"' }) as Record<string, unknown>;
    assert.deepEqual(invoke['Payload'], new TextEncoder().encode('"x"'));
    const object = toSdkInput(shapes(InvokeCommand).input, { FunctionName: 'f', Payload: { a: 1 } }) as Record<string, unknown>;
    assert.deepEqual(object['Payload'], new TextEncoder().encode('{"a":1}'));
    const key = toSdkInput(shapes(GetItemCommand).input, { TableName: 't', Key: { id: { B: 'AAE=' } } }) as { Key: { id: { B: Uint8Array } } };
    assert.deepEqual([...key.Key.id.B], [0, 1]);
  });

  it('map keys are left alone', () => {
    const input = toSdkInput(shapes(SendMessageCommand).input, { QueueUrl: 'q', MessageBody: 'b', MessageAttributes: { lowerCase: { DataType: 'String', StringValue: 'v' } } });
    assert.deepEqual(input, { QueueUrl: 'q', MessageBody: 'b', MessageAttributes: { lowerCase: { DataType: 'String', StringValue: 'v' } } });
  });

  it('timestamps from ISO text or epoch seconds', () => {
    const input = toSdkInput(shapes(CreateScheduleCommand).input, { Name: 'n', StartDate: '2030-01-01T00:00:00Z', EndDate: 1893456000 }) as Record<string, Date>;
    assert.equal(input['StartDate']!.toISOString(), '2030-01-01T00:00:00.000Z');
    assert.equal(input['EndDate']!.toISOString(), '2030-01-01T00:00:00.000Z');
  });

  it('an unknown field is refused in AWS words; a wrong container type too', () => {
    assert.throws(() => toSdkInput(shapes(SendMessageCommand).input, { QueueUrl: 'q', Body: 'b' }), (error: unknown) => error instanceof ParameterError && error.message === 'The field "Body" is not supported by Step Functions');
    assert.throws(() => toSdkInput(shapes(SendMessageCommand).input, 'text'), ParameterError);
  });
});

describe('fromSdkOutput', () => {
  it('PascalCase names, ISO timestamps, map keys as they are, SDK fields dropped', () => {
    const output = fromSdkOutput(shapes(DescribeStateMachineCommand).output, {
      $metadata: { requestId: 'r' },
      stateMachineArn: 'arn',
      creationDate: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
      variableReferences: { stateName: ['var'] },
      loggingConfiguration: { level: 'OFF', includeExecutionData: false },
    });
    assert.deepEqual(output, {
      StateMachineArn: 'arn',
      CreationDate: '2024-01-02T03:04:05.000Z',
      VariableReferences: { stateName: ['var'] },
      LoggingConfiguration: { Level: 'OFF', IncludeExecutionData: false },
    });
  });

  it('a payload blob as text, other blobs as base64', () => {
    assert.deepEqual(fromSdkOutput(shapes(InvokeCommand).output, { StatusCode: 200, Payload: new TextEncoder().encode('{"a":1}') }), { StatusCode: 200, Payload: '{"a":1}' });
    assert.deepEqual(fromSdkOutput(shapes(GetItemCommand).output, { Item: { id: { B: new Uint8Array([0, 1]) } } }), { Item: { id: { B: 'AAE=' } } });
  });
});

describe('idempotencyTokenMembers', () => {
  it('finds the members the model marks as idempotency tokens', () => {
    assert.deepEqual(idempotencyTokenMembers(shapes(CreateScheduleCommand).input), ['ClientToken']);
    assert.deepEqual(idempotencyTokenMembers(shapes(SendMessageCommand).input), []);
  });
});
