/** Which role a Task's Credentials name, and how long assumed credentials are reused. Pure (STS faked). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { STSClient } from '@aws-sdk/client-sts';
import { AssumeRoleError, RoleCredentials, taskRoleOf } from '../../../core/adapters/aws/tasks/role-credentials.ts';
import { ParameterError } from '../../../core/adapters/aws/tasks/outcomes.ts';

const EXECUTION = 'arn:aws:states:eu-west-1:123456789012:execution:order-flow:run-1';

describe('taskRoleOf', () => {
  it('RoleSessionName from the state machine name, ExternalId its ARN', () => {
    assert.deepEqual(taskRoleOf({ RoleArn: 'arn:aws:iam::210987654321:role/r' }, EXECUTION), {
      roleArn: 'arn:aws:iam::210987654321:role/r',
      roleSessionName: 'order-flow',
      externalId: 'arn:aws:states:eu-west-1:123456789012:stateMachine:order-flow',
    });
  });

  it('express executions and Map runs name their state machine too; odd characters become dashes', () => {
    assert.equal(taskRoleOf({ RoleArn: 'r' }, 'arn:aws:states:us-east-1:1:express:fast:run:uuid')?.roleSessionName, 'fast');
    assert.equal(taskRoleOf({ RoleArn: 'r' }, 'arn:aws:states:us-east-1:1:execution:big/map-label:uuid')?.roleSessionName, 'big');
    assert.equal(taskRoleOf({ RoleArn: 'r' }, 'arn:aws:states:us-east-1:1:execution:a$b:run')?.roleSessionName, 'a-b');
    assert.equal(taskRoleOf({ RoleArn: 'r' }, `arn:aws:states:us-east-1:1:execution:${'n'.repeat(80)}:run`)?.roleSessionName.length, 64);
  });

  it('no Credentials: no role; Credentials without a RoleArn string: a parameter error', () => {
    assert.equal(taskRoleOf(undefined, EXECUTION), undefined);
    assert.throws(() => taskRoleOf({ 'RoleArn.$': '$.role' }, EXECUTION), ParameterError);
    assert.throws(() => taskRoleOf({ RoleArn: '{% $role %}' }, EXECUTION), ParameterError);
  });
});

describe('RoleCredentials', () => {
  function fakeSts(expiresInMs: () => number, now: () => number) {
    const calls: unknown[] = [];
    const sts = {
      async send(command: { input: unknown }) {
        calls.push(command.input);
        if ((command.input as { RoleArn: string }).RoleArn === 'arn:aws:iam::1:role/denied') throw new Error('not authorized to perform: sts:AssumeRole');
        return { Credentials: { AccessKeyId: `AKIA${calls.length}`, SecretAccessKey: 's', SessionToken: 't', Expiration: new Date(now() + expiresInMs()) } };
      },
    };
    return { calls, sts: async () => sts as unknown as STSClient };
  }

  it('reuses credentials until five minutes before they expire, then assumes the role again', async () => {
    let now = 1_000_000;
    const { calls, sts } = fakeSts(() => 3_600_000, () => now);
    const roles = new RoleCredentials(sts, () => now);
    const role = { roleArn: 'arn:aws:iam::1:role/r', roleSessionName: 's' };
    const first = await roles.credentials(role);
    now += 54 * 60_000;
    assert.equal((await roles.credentials(role)).accessKeyId, first.accessKeyId);
    now += 2 * 60_000;
    assert.notEqual((await roles.credentials(role)).accessKeyId, first.accessKeyId);
    assert.equal(calls.length, 2);
    assert.deepEqual(calls[0], { RoleArn: 'arn:aws:iam::1:role/r', RoleSessionName: 's' });
  });

  it('concurrent first calls share one AssumeRole', async () => {
    const { calls, sts } = fakeSts(() => 3_600_000, Date.now);
    const roles = new RoleCredentials(sts);
    const role = { roleArn: 'arn:aws:iam::1:role/r', roleSessionName: 's', externalId: 'e' };
    await Promise.all([roles.credentials(role), roles.credentials(role), roles.credentials(role)]);
    assert.equal(calls.length, 1);
  });

  it('a refusal is an AssumeRoleError and is not cached', async () => {
    const { calls, sts } = fakeSts(() => 3_600_000, Date.now);
    const roles = new RoleCredentials(sts);
    const role = { roleArn: 'arn:aws:iam::1:role/denied', roleSessionName: 's' };
    await assert.rejects(roles.credentials(role), (error: unknown) => error instanceof AssumeRoleError && /^Unable to assume role arn:aws:iam::1:role\/denied: not authorized/.test(error.message));
    await assert.rejects(roles.credentials(role), AssumeRoleError);
    assert.equal(calls.length, 2);
  });
});
