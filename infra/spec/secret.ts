/**
 * The installation secret: random bytes from which task tokens are derived, so a token cannot
 * be guessed from an execution's ARN and state. Kept as an SSM SecureString (free at standard
 * tier, encrypted with the account's AWS-managed `aws/ssm` key, which needs no KMS grant).
 */

export const SECRET_BYTES = 32;

export function secretParameterName(app: string, stage: string): string {
  return `/${app}/${stage}/installation-secret`;
}
