/**
 * A Task's `Credentials: { RoleArn }`: the call is signed as that role, assumed with STS
 * AssumeRole, as Step Functions does for cross-account access.
 */
import type { STSClient } from '@aws-sdk/client-sts';
import type { JsonObject } from '../../../asl/json.ts';
import { ParameterError } from './outcomes.ts';

export interface TaskRole {
  readonly roleArn: string;
  readonly roleSessionName: string;
  readonly externalId?: string;
}

export interface RoleIdentity {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  readonly expiration: Date;
}

/** AssumeRole was refused or could not be reached. */
export class AssumeRoleError extends Error {
  override readonly name: string = 'AssumeRoleError';
  constructor(
    readonly roleArn: string,
    readonly reason: string,
  ) {
    super(`Unable to assume role ${roleArn}: ${reason}`);
  }
}

/** Credentials are renewed this long before they expire, so no call is signed with keys about to lapse. */
const RENEW_BEFORE_MS = 5 * 60_000;

/**
 * The role a request's `Credentials` names. AWS documents that the state machine's name must be a
 * valid AssumeRole `RoleSessionName` and shows trust policies conditioned on `sts:ExternalId` being the
 * state machine's ARN (developer guide, "Cross-account access for .sync integration pattern"); both
 * are taken from the execution ARN so such trust policies work unchanged.
 */
export function taskRoleOf(credentials: JsonObject | undefined, executionArn: string): TaskRole | undefined {
  if (credentials === undefined) return undefined;
  const roleArn = credentials['RoleArn'];
  if (typeof roleArn !== 'string' || roleArn.length === 0 || roleArn.startsWith('{%')) {
    throw new ParameterError(`The Credentials field must name a role: expected 'RoleArn' to be an ARN, but was ${JSON.stringify(credentials)}`);
  }
  const stateMachine = stateMachineOf(executionArn);
  return stateMachine === undefined
    ? { roleArn, roleSessionName: 'stepwise' }
    : { roleArn, roleSessionName: stateMachine.roleSessionName, externalId: stateMachine.arn };
}

function stateMachineOf(executionArn: string): { readonly arn: string; readonly roleSessionName: string } | undefined {
  // arn:partition:states:region:account:execution|express:stateMachineName:executionName[...]
  const parts = executionArn.split(':');
  if (parts.length < 8 || (parts[5] !== 'execution' && parts[5] !== 'express')) return undefined;
  const name = (parts[6] ?? '').split('/')[0] ?? '';
  if (name === '') return undefined;
  // RoleSessionName: 2 to 64 characters of [\w+=,.@-].
  const roleSessionName = name.replace(/[^\w+=,.@-]/g, '-').slice(0, 64).padEnd(2, '-');
  return { arn: `arn:${parts[1]}:states:${parts[3]}:${parts[4]}:stateMachine:${name}`, roleSessionName };
}

/** Assumed-role credentials, shared by every call for the same role and RoleSessionName until shortly before they expire. */
export class RoleCredentials {
  private readonly cache = new Map<string, Promise<RoleIdentity>>();

  constructor(
    private readonly sts: () => Promise<STSClient>,
    private readonly now: () => number = Date.now,
  ) {}

  async credentials(role: TaskRole): Promise<RoleIdentity> {
    const key = `${role.roleArn}\n${role.roleSessionName}\n${role.externalId ?? ''}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) {
      const identity = await cached.catch(() => undefined);
      if (identity !== undefined && identity.expiration.getTime() - RENEW_BEFORE_MS > this.now()) return identity;
      if (this.cache.get(key) === cached) this.cache.delete(key);
    }
    let pending = this.cache.get(key);
    if (pending === undefined) {
      pending = this.assume(role);
      this.cache.set(key, pending);
      pending.catch(() => {
        if (this.cache.get(key) === pending) this.cache.delete(key);
      });
    }
    return pending;
  }

  private async assume(role: TaskRole): Promise<RoleIdentity> {
    const { AssumeRoleCommand } = await import('@aws-sdk/client-sts');
    const sts = await this.sts();
    let answer;
    try {
      answer = await sts.send(
        new AssumeRoleCommand({
          RoleArn: role.roleArn,
          RoleSessionName: role.roleSessionName,
          ...(role.externalId === undefined ? {} : { ExternalId: role.externalId }),
        }),
      );
    } catch (thrown) {
      throw new AssumeRoleError(role.roleArn, thrown instanceof Error ? thrown.message : String(thrown));
    }
    const issued = answer.Credentials;
    if (issued?.AccessKeyId === undefined || issued.SecretAccessKey === undefined || issued.SessionToken === undefined) {
      throw new AssumeRoleError(role.roleArn, 'AssumeRole returned no credentials');
    }
    return {
      accessKeyId: issued.AccessKeyId,
      secretAccessKey: issued.SecretAccessKey,
      sessionToken: issued.SessionToken,
      // Without an expiry, AssumeRole's default duration: one hour.
      expiration: issued.Expiration ?? new Date(this.now() + 3_600_000),
    };
  }
}
