/** The installation secret, generated once at the first deployment and kept afterwards. */
import { randomBytes } from 'node:crypto';
import { SECRET_BYTES, secretParameterName } from './spec/secret.ts';

export function createInstallationSecret(): aws.ssm.Parameter {
  return new aws.ssm.Parameter(
    'InstallationSecret',
    {
      name: secretParameterName($app.name, $app.stage),
      description: 'Stepwise installation secret: task tokens derive from it',
      type: 'SecureString',
      value: $util.secret(randomBytes(SECRET_BYTES).toString('hex')),
    },
    // Each deployment draws new bytes; without this, every deploy would replace the secret and
    // invalidate the task tokens of running executions.
    { ignoreChanges: ['value'] },
  );
}
