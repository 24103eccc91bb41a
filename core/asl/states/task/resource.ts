import type { IntegrationPattern, ResourceKind } from '../../task-request.ts';

/** A Task's `Resource` ARN, taken apart once per definition. */
export interface TaskResource {
  readonly arn: string;
  readonly kind: ResourceKind;
  /** Service integrations: "lambda", "sqs", "aws-sdk:s3", ... */
  readonly service?: string;
  /** Service integrations: the API action without its pattern suffix. */
  readonly action?: string;
  readonly pattern: IntegrationPattern;
  /** What history events call the resource: the ARN, or the action with its suffix for services. */
  readonly eventResource: string;
  /** `resourceType` in Task* history events. */
  readonly eventResourceType: string;
}

const SUFFIXES: ReadonlyArray<readonly [string, IntegrationPattern]> = [
  ['.waitForTaskToken', 'WAIT_FOR_TASK_TOKEN'],
  ['.sync:2', 'RUN_JOB_V2'],
  ['.sync', 'RUN_JOB'],
];

export function parseTaskResource(arn: string): TaskResource {
  const parts = arn.split(':');
  // arn:partition:service:region:account:resource-type:name
  if (parts[2] === 'lambda' && parts[5] === 'function') {
    return { arn, kind: 'lambda-function', pattern: 'REQUEST_RESPONSE', eventResource: arn, eventResourceType: 'lambda' };
  }
  if (parts[2] === 'states' && parts[5] === 'activity') {
    return { arn, kind: 'activity', pattern: 'REQUEST_RESPONSE', eventResource: arn, eventResourceType: 'activity' };
  }
  // arn:partition:states:::service:action[.suffix]; aws-sdk adds one more segment.
  const serviceParts = parts.slice(5);
  let last = serviceParts.pop() ?? '';
  // `.sync:2` holds the ARN's separator: `startExecution.sync:2` is one segment, not an action `2`.
  if (last === '2' && serviceParts.at(-1)?.endsWith('.sync')) last = `${serviceParts.pop()}:2`;
  const service = serviceParts.join(':');
  let action = last;
  let pattern: IntegrationPattern = 'REQUEST_RESPONSE';
  for (const [suffix, suffixPattern] of SUFFIXES) {
    if (last.endsWith(suffix)) {
      action = last.slice(0, -suffix.length);
      pattern = suffixPattern;
      break;
    }
  }
  return { arn, kind: 'service', service, action, pattern, eventResource: last, eventResourceType: service };
}
