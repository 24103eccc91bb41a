import { GetParameterCommand } from '@aws-sdk/client-ssm';
import type { SSMClient } from '@aws-sdk/client-ssm';

/**
 * The installation secret (task tokens derive from it), from the SSM SecureString parameter the
 * deployment creates (infra/secret.ts). Every function of one installation must use the same
 * value, or tokens one hands out would be refused by another; so there is no fallback to a
 * generated value.
 */
export async function installationSecret(ssm: SSMClient, parameterName: string): Promise<string> {
  const output = await ssm.send(new GetParameterCommand({ Name: parameterName, WithDecryption: true }));
  const value = output.Parameter?.Value?.trim();
  if (!value) throw new Error(`The installation secret parameter ${parameterName} is empty`);
  return value;
}
