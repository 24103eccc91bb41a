/**
 * EventBridge Scheduler's side of long timers: the group the runtime creates its one-time
 * schedules in, and the role Scheduler assumes to deliver a timer's message to the work queue.
 */
import type { Account } from './account.ts';
import { concat } from './account.ts';
import { policyDocument, schedulerRoleStatements, schedulerTrustPolicy } from './spec/iam.ts';

export interface Scheduler {
  readonly group: aws.scheduler.ScheduleGroup;
  readonly role: aws.iam.Role;
}

export function createScheduler(account: Account, queue: aws.sqs.Queue): Scheduler {
  const group = new aws.scheduler.ScheduleGroup('TimerScheduleGroup', {});
  const refs = { partition: account.partition, region: account.region, accountId: account.accountId, schedulerGroupName: group.name };
  const role = new aws.iam.Role('SchedulerRole', {
    description: 'Assumed by EventBridge Scheduler to deliver Stepwise timer messages to the work queue',
    assumeRolePolicy: $jsonStringify(schedulerTrustPolicy(refs, concat)),
  });
  new aws.iam.RolePolicy('SchedulerRoleSendToQueue', {
    role: role.id,
    policy: $jsonStringify(policyDocument(schedulerRoleStatements({ queueArn: queue.arn }))),
  });
  return { group, role };
}
