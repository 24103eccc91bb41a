/**
 * The state machine behind a Step Functions ARN. Task and queue reports carry only the execution
 * ARN; metrics and logs group them by state machine.
 *
 *   arn:aws:states:<region>:<account>:stateMachine:<name>[:<version or alias>]
 *   arn:aws:states:<region>:<account>:execution:<name>[/<map run label>]:<execution name>
 *   arn:aws:states:<region>:<account>:express:<name>:<execution name>:<uuid>
 */

const EXECUTION_TYPES: ReadonlySet<string> = new Set(['stateMachine', 'execution', 'express']);

/** CloudWatch refuses empty dimension values, so an ARN of another shape still names something. */
const UNKNOWN = 'unknown';

function parts(arn: string): { readonly prefix: string; readonly name: string } | undefined {
  const fields = arn.split(':');
  if (fields.length < 7 || fields[0] !== 'arn' || fields[2] !== 'states' || !EXECUTION_TYPES.has(fields[5]!)) return undefined;
  // A Distributed Map's child executions append `/<label>` to the state machine's name.
  const name = fields[6]!.split('/')[0]!;
  if (name === '') return undefined;
  return { prefix: fields.slice(0, 5).join(':'), name };
}

export function stateMachineNameOf(arn: string): string {
  return parts(arn)?.name ?? UNKNOWN;
}

/** The unqualified state machine ARN of an execution ARN; undefined when the ARN is not one. */
export function stateMachineArnOf(executionArn: string): string | undefined {
  const parsed = parts(executionArn);
  return parsed && `${parsed.prefix}:stateMachine:${parsed.name}`;
}
