/** Prints the serve bench's measurement: throughput, latency, requests per transition, dollars. */
import { formatTable } from '../report.ts';
import { percentile } from './stats.ts';
import type { ServeMeasurement } from './run-serve.ts';
import { costPerMillionTransitions, DEFAULT_ASSUMPTIONS, PRICES, TARGET_PER_MILLION, type CostBreakdown, type TransitionUsage } from './pricing.ts';

export function formatServeReport(m: ServeMeasurement): string {
  const { cost, options } = m;
  const t = cost.transitions;
  const ports = cost.ports;
  const aws = cost.aws;
  const usage: TransitionUsage = {
    writeUnits: (aws.total.writeUnits + aws.total.indexWriteUnits) / t,
    readUnits: aws.total.readUnits / t,
    messages: ports.messagesSent / t,
    sendRequests: ports.sendCalls / t,
    chunksPerMessage: ports.messagesSent === 0 ? 1 : ports.sentChunks / ports.messagesSent,
    cpuMsPerMessage: cost.cpuMs / ports.messagesHandled,
    schedulerInvocations: ports.timersBeyondSqsDelay / t,
  };
  const priced = costPerMillionTransitions(usage);
  const idle = costPerMillionTransitions(usage, { ...DEFAULT_ASSUMPTIONS, messagesPerReceive: 1 });
  const handlerMsPerMessage = ports.handlerMs / ports.messagesHandled;
  const wallLambda = costPerMillionTransitions({ ...usage, cpuMsPerMessage: handlerMsPerMessage });
  const localTotal = Object.values(cost.local).reduce(
    (sum, tally) => ({ requests: sum.requests + tally.requests, readUnits: sum.readUnits + tally.readUnits, writeUnits: sum.writeUnits + tally.writeUnits }),
    { requests: 0, readUnits: 0, writeUnits: 0 },
  );
  const dynamoRequestsPerMessage = localTotal.requests / ports.messagesHandled;

  const runs = m.latency.executions;
  const server = runs.map((run) => run.serverMs);
  const client = runs.map((run) => run.clientMs);
  const rate = (count: number, ms: number): string => (count / (ms / 1000)).toFixed(1);

  const per = (value: number): string => (value / t).toFixed(3);
  const names = [...new Set([...Object.keys(cost.local), ...Object.keys(aws.operations)])].sort();
  const dynamoTable = formatTable(
    ['DynamoDB, per transition', 'requests', 'failed', 'Local RU', 'Local WU', 'AWS-rule RU', 'AWS-rule WU', 'index WU'],
    [
      ...names.map((name) => {
        const local = cost.local[name];
        const estimate = aws.operations[name];
        return [
          name,
          per(local?.requests ?? estimate?.requests ?? 0),
          per(estimate?.failed ?? 0),
          per(local?.readUnits ?? 0),
          per(local?.writeUnits ?? 0),
          per(estimate?.readUnits ?? 0),
          per(estimate?.writeUnits ?? 0),
          per(estimate?.indexWriteUnits ?? 0),
        ];
      }),
      ['total', per(localTotal.requests), per(aws.total.failed), per(localTotal.readUnits), per(localTotal.writeUnits), per(aws.total.readUnits), per(aws.total.writeUnits), per(aws.total.indexWriteUnits)],
    ],
  );

  const itemTable = formatTable(
    ['table writes by item (AWS rule)', 'writes/transition', 'WU/transition', 'avg billed bytes'],
    Object.entries(aws.items)
      .sort(([, a], [, b]) => b.writeUnits - a.writeUnits)
      .map(([kind, tally]) => [kind, per(tally.writes), per(tally.writeUnits), (tally.bytes / tally.writes).toFixed(0)]),
  );

  const row = (component: string, used: string, dollars: number): string[] => [component, used, money(dollars)];
  const costTable = formatTable(
    ['component', 'per transition', '$ per million transitions'],
    [
      row('DynamoDB writes', `${usage.writeUnits.toFixed(3)} WU (table + index)`, priced.dynamoDbWrites),
      row('DynamoDB reads', `${usage.readUnits.toFixed(3)} RU`, priced.dynamoDbReads),
      row('SQS', `${usage.sendRequests.toFixed(3)} sends + ${usage.messages.toFixed(3)} messages × 2 / ${DEFAULT_ASSUMPTIONS.messagesPerReceive}`, priced.sqs),
      row('Lambda requests', `${(usage.messages / DEFAULT_ASSUMPTIONS.messagesPerInvocation).toFixed(4)} invocations (10 messages each)`, priced.lambdaRequests),
      row('Lambda duration', `${usage.messages.toFixed(3)} × ${usage.cpuMsPerMessage.toFixed(2)} ms CPU at 256 MB`, priced.lambdaDuration),
      row('EventBridge Scheduler', `${usage.schedulerInvocations.toFixed(3)} schedules`, priced.scheduler),
      row('all-in', '', priced.total),
      row('Step Functions Standard', '1 transition', PRICES.stepFunctionsStandardTransition * 1e6),
    ],
  );

  const verdict = priced.total < TARGET_PER_MILLION ? 'MEETS' : 'MISSES';
  const biggest = largestComponent(priced);
  return [
    `Stepwise serve: ${options.executions} executions of one ${m.stateCount}-state workflow (4 Task, 2 Choice, 2 Pass, Parallel, Succeed) through @aws-sdk/client-sfn, ${options.concurrency} in flight; HTTP API + durable worker in this process, DynamoDB Local (temp data dir), tasks answered in-process`,
    `Transitions per execution: ${m.transitionsPerExecution} (StateEntered events in one execution's history)`,
    '',
    `Latency pass (StartExecution, then DescribeExecution every ${options.pollMs} ms):`,
    `  ${rate(runs.length, m.latency.wallMs)} executions/s (${rate(runs.length * m.transitionsPerExecution, m.latency.wallMs)} transitions/s)`,
    `  latency p50 / p99: ${ms(percentile(server, 50))} / ${ms(percentile(server, 99))} (stopDate − startDate), ${ms(percentile(client, 50))} / ${ms(percentile(client, 99))} (client-observed, incl. poll interval)`,
    `Cost pass (no polling; ends reported by the runtime): ${cost.executions} executions in ${(cost.wallMs / 1000).toFixed(1)} s = ${rate(cost.executions, cost.wallMs)} executions/s`,
    '',
    dynamoTable,
    '',
    itemTable,
    `  DynamoDB: ${dynamoRequestsPerMessage.toFixed(2)} requests per message handled (StartExecution's included), ${cost.dynamoDbRequestMs.toFixed(1)} ms each on average from DynamoDB Local; ${aws.total.failed} failed (refused condition / cancelled transaction) in ${cost.executions} executions`,
    `  SQS: ${per(ports.messagesSent)} messages sent per transition (${ports.messagesSent} messages in ${ports.sendCalls} send calls, ${ports.delayedMessages} delayed, of which ${ports.delayedCommitted} committed), ${per(ports.messagesHandled)} received; largest ${ports.largestMessageBytes} bytes${ports.handlerFailures ? `; ${ports.handlerFailures} handler failures redelivered` : ''}`,
    `  timers: ${ports.timersScheduled} scheduled (${ports.timersBeyondSqsDelay} beyond 15 min), ${ports.timersCancelled} cancelled`,
    `  CPU: ${usage.cpuMsPerMessage.toFixed(3)} ms per message handled (process.cpuUsage over the cost pass / ${ports.messagesHandled} messages, less ${cost.meterMs.toFixed(0)} ms of the bench's own size accounting); handler wall time ${handlerMsPerMessage.toFixed(2)} ms per message`,
    '',
    costTable,
    '',
    `All-in ${money(priced.total)} per million transitions vs Step Functions Standard $25.00 (${(25 / priced.total).toFixed(1)}× cheaper); target < ${money(TARGET_PER_MILLION)}: ${verdict}. Largest component: ${biggest}.`,
    `SQS priced as the AWS adapters use it: one SendMessageBatch per outbox (counted), ReceiveMessage and DeleteMessageBatch per ${DEFAULT_ASSUMPTIONS.messagesPerReceive} messages (the worker's batch size, under load). With one message per receive (an idle queue) SQS would be ${money(idle.sqs)} and all-in ${money(idle.total)}.`,
    '',
    'Notes:',
    `  - DynamoDB Local's consumed capacity is printed for comparison only (${localTotal.writeUnits} WU reported vs ${(aws.total.writeUnits + aws.total.indexWriteUnits).toFixed(0)} by AWS's rules): it reports a rounded total for TransactWriteItems, while AWS bills 2 WU per started KB of each item in it. Costs use the AWS-rule estimate.`,
    '  - AWS-rule estimate: item size = attribute names + values; writes per started 1 KB of each item (×2 inside transactions), the larger of the item before and after (PutItem, UpdateItem: AWS charges the larger of the item before/after the update; the bench applies each update expression to a shadow copy of the item it has seen written and read); ConditionCheck and refused writes by the existing item\'s size; GetItem 1 RU per started 4 KB per item (also when missing), Query per started 4 KB of the items returned.',
    `  - Index writes: 1 WU per started KB of the index entry when an item enters, leaves or changes in a global secondary index (key change = delete + put), not doubled in transactions.${aws.unmodelledUpdates ? ` ${aws.unmodelledUpdates} updates could not be modelled and were over-estimated.` : ''}${aws.unpricedRequests ? ` ${aws.unpricedRequests} requests of unpriced operations.` : ''}`,
    `  - Lambda: CPU time is for the whole process (the HTTP API answering StartExecution and the SDK client are in it), so it over-states the worker; but Lambda bills wall-clock duration, which includes waiting on DynamoDB (${dynamoRequestsPerMessage.toFixed(1)} requests per message). Billed at this run's handler wall time (localhost DynamoDB Local, ${options.concurrency} messages interleaved on one thread) Lambda duration would be ${money(wallLambda.lambdaDuration)} and all-in ${money(wallLambda.total)}.`,
    '  - SQS: the send requests are the queue port calls counted in this run (each one SendMessageBatch of at most 10 messages); receive and delete are priced per batch of the event source mapping; its idle long-polling (a few requests per second per queue, whatever the load) is not included.',
    '  - Delayed messages: the workflow has no timers; each Parallel child that is not its join\'s designated settler sends a settle 1 s late, as a safety net. Late settles that find the join closed cost two reads; those that committed are joins whose designated child had not seen the join complete, and each added about a second to its execution.',
    '  - Scheduler: $1 per million schedules for waits beyond 15 minutes; this workflow has no Wait state, so 0.',
    '  - Not priced: the API in front of StartExecution (API Gateway/Lambda), CloudWatch Logs/metrics, X-Ray, storage, data transfer. StartExecution\'s DynamoDB writes are included.',
  ].join('\n');
}

function largestComponent(cost: CostBreakdown): string {
  const parts: [string, number][] = [
    ['DynamoDB writes', cost.dynamoDbWrites],
    ['DynamoDB reads', cost.dynamoDbReads],
    ['SQS', cost.sqs],
    ['Lambda requests', cost.lambdaRequests],
    ['Lambda duration', cost.lambdaDuration],
    ['EventBridge Scheduler', cost.scheduler],
  ];
  const [name, value] = parts.reduce((best, part) => (part[1] > best[1] ? part : best));
  return `${name} (${((value / cost.total) * 100).toFixed(0)}%)`;
}

function money(value: number): string {
  return `$${value.toFixed(value < 0.1 ? 4 : 2)}`;
}

function ms(value: number): string {
  return `${value.toFixed(0)} ms`;
}
