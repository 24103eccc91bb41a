/**
 * An EventBridge rule that starts a state machine: the rule, its own event-start function
 * (which reads the state machine from its environment), and the permission for EventBridge to
 * invoke it.
 */
import { createAlarm } from './alarms.ts';
import type { EngineResources } from './function.ts';
import { stepwiseFunction } from './function.ts';
import type { EventRuleSpec } from './spec/event-rules.ts';
import { TARGET_RETRY } from './spec/event-rules.ts';
import { functionErrorsAlarm } from './spec/monitoring.ts';

export interface EventStartRule {
  readonly fn: sst.aws.Function;
  readonly rule: aws.cloudwatch.EventRule;
}

export function createEventStartRule(spec: EventRuleSpec, resources: EngineResources, alarmTopic: aws.sns.Topic | undefined): EventStartRule {
  const fn = stepwiseFunction(`${spec.name}Start`, 'event-start', resources, spec.stateMachineArn);
  const bus = spec.eventBusName === undefined ? {} : { eventBusName: spec.eventBusName };
  const rule = new aws.cloudwatch.EventRule(spec.name, {
    description: spec.description,
    eventPattern: JSON.stringify(spec.eventPattern),
    ...bus,
  });
  const permission = new aws.lambda.Permission(`${spec.name}InvokePermission`, {
    action: 'lambda:InvokeFunction',
    function: fn.name,
    principal: 'events.amazonaws.com',
    sourceArn: rule.arn,
  });
  new aws.cloudwatch.EventTarget(
    `${spec.name}Target`,
    {
      rule: rule.name,
      arn: fn.arn,
      retryPolicy: { maximumEventAgeInSeconds: TARGET_RETRY.maximumEventAgeInSeconds, maximumRetryAttempts: TARGET_RETRY.maximumRetryAttempts },
      ...bus,
    },
    { dependsOn: [permission] },
  );
  createAlarm(functionErrorsAlarm(`${spec.name}Errors`, fn.name), alarmTopic);
  return { fn, rule };
}
