/** The work queue that drives the worker, its dead-letter queue, and the alarm on the latter. */
import { createAlarm } from './alarms.ts';
import { deadLetterAlarm } from './spec/monitoring.ts';
import { DEAD_LETTER_QUEUE, redrivePolicy, WORK_QUEUE } from './spec/queues.ts';

export interface Queues {
  readonly queue: aws.sqs.Queue;
  readonly deadLetterQueue: aws.sqs.Queue;
  readonly deadLetterAlarm: aws.cloudwatch.MetricAlarm;
}

export function createQueues(alarmTopic: aws.sns.Topic | undefined): Queues {
  const deadLetterQueue = new aws.sqs.Queue('DeadLetterQueue', {
    maxMessageSize: DEAD_LETTER_QUEUE.maxMessageSizeBytes,
    messageRetentionSeconds: DEAD_LETTER_QUEUE.messageRetentionSeconds,
    sqsManagedSseEnabled: DEAD_LETTER_QUEUE.sqsManagedSseEnabled,
  });
  const queue = new aws.sqs.Queue('WorkQueue', {
    maxMessageSize: WORK_QUEUE.maxMessageSizeBytes,
    messageRetentionSeconds: WORK_QUEUE.messageRetentionSeconds,
    visibilityTimeoutSeconds: WORK_QUEUE.visibilityTimeoutSeconds,
    sqsManagedSseEnabled: WORK_QUEUE.sqsManagedSseEnabled,
    redrivePolicy: deadLetterQueue.arn.apply(redrivePolicy),
  });
  return { queue, deadLetterQueue, deadLetterAlarm: createAlarm(deadLetterAlarm(deadLetterQueue.name), alarmTopic) };
}
