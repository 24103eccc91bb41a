/** The CloudWatch dashboard, and the alarms not tied to one resource group. */
import { createAlarm } from './alarms.ts';
import { api5xxAlarm, dashboardBody, functionErrorsAlarm, queueAgeAlarm } from './spec/monitoring.ts';

export interface DashboardInputs {
  readonly region: $util.Output<string>;
  readonly queue: aws.sqs.Queue;
  readonly deadLetterQueue: aws.sqs.Queue;
  readonly api: sst.aws.ApiGatewayV2;
  readonly apiFunction: sst.aws.Function;
  readonly workerFunction: sst.aws.Function;
  readonly eventStartFunctions: readonly sst.aws.Function[];
}

export function createDashboard(inputs: DashboardInputs): aws.cloudwatch.Dashboard {
  const body = $util
    .all([
      inputs.region,
      inputs.queue.name,
      inputs.deadLetterQueue.name,
      inputs.api.nodes.api.id,
      inputs.apiFunction.name,
      inputs.workerFunction.name,
      $util.all(inputs.eventStartFunctions.map((fn) => fn.name)),
    ])
    .apply(([region, queueName, deadLetterQueueName, apiId, apiFunctionName, workerFunctionName, eventStartFunctionNames]) =>
      JSON.stringify(dashboardBody({ region, queueName, deadLetterQueueName, apiId, apiFunctionName, workerFunctionName, eventStartFunctionNames })),
    );
  return new aws.cloudwatch.Dashboard('Dashboard', {
    dashboardName: `${$app.name}-${$app.stage}`,
    dashboardBody: body,
  });
}

export function createAlarms(inputs: DashboardInputs, alarmTopic: aws.sns.Topic | undefined): aws.cloudwatch.MetricAlarm[] {
  return [
    createAlarm(queueAgeAlarm(inputs.queue.name), alarmTopic),
    createAlarm(functionErrorsAlarm('WorkerErrors', inputs.workerFunction.name), alarmTopic),
    createAlarm(functionErrorsAlarm('ApiErrors', inputs.apiFunction.name), alarmTopic),
    createAlarm(api5xxAlarm(inputs.api.nodes.api.id), alarmTopic),
  ];
}
