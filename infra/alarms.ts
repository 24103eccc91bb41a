/** Alarm notifications, and the one way alarms are made from their specs. */
import type { AlarmSpec } from './spec/monitoring.ts';

/** An SNS topic with an email subscription, when an address was given; alarms notify it. */
export function createAlarmTopic(email: string | undefined): aws.sns.Topic | undefined {
  if (email === undefined) return undefined;
  const topic = new aws.sns.Topic('AlarmTopic', {});
  new aws.sns.TopicSubscription('AlarmEmail', { topic: topic.arn, protocol: 'email', endpoint: email });
  return topic;
}

export function createAlarm(spec: AlarmSpec<$util.Output<string>>, topic: aws.sns.Topic | undefined): aws.cloudwatch.MetricAlarm {
  const actions = topic === undefined ? [] : [topic.arn];
  return new aws.cloudwatch.MetricAlarm(`${spec.id}Alarm`, {
    alarmDescription: spec.description,
    namespace: spec.namespace,
    metricName: spec.metricName,
    dimensions: spec.dimensions,
    statistic: spec.statistic,
    period: spec.periodSeconds,
    evaluationPeriods: spec.evaluationPeriods,
    datapointsToAlarm: spec.datapointsToAlarm,
    threshold: spec.threshold,
    comparisonOperator: spec.comparisonOperator,
    treatMissingData: spec.treatMissingData,
    alarmActions: actions,
    okActions: actions,
  });
}
