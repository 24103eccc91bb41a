import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { StateMachineDefinition } from '../../../core/asl/definition/types.ts';
import type { Json } from '../../../core/asl/json.ts';
import type { TaskRequest } from '../../../core/asl/task-request.ts';
import { runInMemory } from '../../../core/runtime/run-in-memory.ts';

const ROLE = 'arn:aws:iam::111111111111:role/cross-account';

/** Runs a one-Task machine and returns the credentials its invoker was handed. */
async function credentialsSeen(task: Record<string, Json>, input: Json, extra: Partial<StateMachineDefinition> = {}): Promise<Json | undefined> {
  let seen: TaskRequest['credentials'];
  const definition = {
    StartAt: 'Call',
    States: { Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', End: true, ...task } },
    ...extra,
  } as unknown as StateMachineDefinition;
  const result = await runInMemory(definition, {
    input,
    taskInvoker: {
      invoke: async (request) => {
        seen = request.credentials;
        return { kind: 'Succeeded', output: {} };
      },
    },
  });
  assert.equal(result.status, 'SUCCEEDED', `${result.error}: ${result.cause}`);
  return seen;
}

describe('Task Credentials', () => {
  it('hands a literal role to the invoker', async () => {
    assert.deepEqual(await credentialsSeen({ Parameters: {}, Credentials: { RoleArn: ROLE } }, {}), { RoleArn: ROLE });
  });

  it('evaluates RoleArn.$ as a path over the input', async () => {
    assert.deepEqual(await credentialsSeen({ Parameters: {}, Credentials: { 'RoleArn.$': '$.role' } }, { role: ROLE }), { RoleArn: ROLE });
  });

  it('evaluates RoleArn.$ as an intrinsic function', async () => {
    const seen = await credentialsSeen({ Parameters: {}, Credentials: { 'RoleArn.$': "States.Format('arn:aws:iam::{}:role/x', $.account)" } }, { account: '222222222222' });
    assert.deepEqual(seen, { RoleArn: 'arn:aws:iam::222222222222:role/x' });
  });

  it('evaluates RoleArn.$ over the context object and variables', async () => {
    const fromContext = await credentialsSeen({ Parameters: {}, Credentials: { 'RoleArn.$': '$$.Execution.Input.role' } }, { role: ROLE });
    assert.deepEqual(fromContext, { RoleArn: ROLE });
    const fromVariable = await credentialsSeen({ Parameters: {}, Credentials: { 'RoleArn.$': '$role' } }, {}, {
      StartAt: 'Remember',
      States: {
        Remember: { Type: 'Pass', Assign: { role: ROLE }, Next: 'Call' },
        Call: { Type: 'Task', Resource: 'arn:aws:states:::lambda:invoke', Parameters: {}, Credentials: { 'RoleArn.$': '$role' }, End: true },
      },
    } as Partial<StateMachineDefinition>);
    assert.deepEqual(fromVariable, { RoleArn: ROLE });
  });

  it('evaluates JSONata expressions in Credentials', async () => {
    const seen = await credentialsSeen({ Arguments: {}, Credentials: { RoleArn: '{% $states.input.role %}' } }, { role: ROLE }, { QueryLanguage: 'JSONata' });
    assert.deepEqual(seen, { RoleArn: ROLE });
  });
});
