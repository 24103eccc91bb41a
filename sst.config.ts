/// <reference path="./.sst/platform/config.d.ts" />

/**
 * The AWS deployment of Stepwise. The components live in `infra/` (one resource group per file,
 * their numbers and IAM statements in `infra/spec/`); this file wires them together. SST forbids
 * top-level imports here, hence the imports inside `run`.
 */
export default $config({
  app(input) {
    return {
      name: 'stepwise',
      home: 'aws',
      removal: input?.stage === 'production' ? 'retain' : 'remove',
      // Pinned so that `sst install` (and scripts/check-infra.sh) resolve the same provider every time.
      providers: { aws: '7.48.0' },
    };
  },
  async run() {
    const { readDeploySettings } = await import('./infra/spec/settings.ts');
    const { exampleRule } = await import('./infra/spec/event-rules.ts');
    type EventRuleSpec = import('./infra/spec/event-rules.ts').EventRuleSpec;
    const { currentAccount } = await import('./infra/account.ts');
    const { createAlarmTopic } = await import('./infra/alarms.ts');
    const { createTable } = await import('./infra/table.ts');
    const { createQueues } = await import('./infra/queues.ts');
    const { createScheduler } = await import('./infra/scheduler.ts');
    const { createInstallationSecret } = await import('./infra/secret.ts');
    const { createWorker } = await import('./infra/worker.ts');
    const { createApi } = await import('./infra/api.ts');
    const { createEventStartRule } = await import('./infra/event-rules.ts');
    const { createAlarms, createDashboard } = await import('./infra/monitoring.ts');

    const settings = readDeploySettings(process.env);
    const account = currentAccount();
    const alarmTopic = createAlarmTopic(settings.alarmEmail);

    const table = createTable();
    const { queue, deadLetterQueue } = createQueues(alarmTopic);
    const scheduler = createScheduler(account, queue);
    const secret = createInstallationSecret();
    const resources = { account, table, queue, scheduler, secret, settings };

    const worker = createWorker(resources);
    const api = createApi(resources);
    // EventBridge rules that start executions; add your own here (see infra/README.md).
    const eventRules: EventRuleSpec[] = [
      ...(settings.exampleStateMachineArn === undefined ? [] : [exampleRule(settings.exampleStateMachineArn)]),
    ];
    const rules = eventRules.map((rule) => createEventStartRule(rule, resources, alarmTopic));

    const monitored = {
      region: account.region,
      queue,
      deadLetterQueue,
      api: api.api,
      apiFunction: api.fn,
      workerFunction: worker.fn,
      eventStartFunctions: rules.map((rule) => rule.fn),
    };
    const dashboard = createDashboard(monitored);
    createAlarms(monitored, alarmTopic);

    return {
      apiUrl: api.api.url,
      // Callers need `execute-api:Invoke` on `<apiExecutionArn>/*`.
      apiExecutionArn: api.api.nodes.api.executionArn,
      region: account.region,
      table: table.name,
      queue: queue.url,
      deadLetterQueue: deadLetterQueue.url,
      dashboard: dashboard.dashboardName,
    };
  },
});
