/**
 * SchedulerTimers against moto's EventBridge Scheduler and SQS (the real wire protocols).
 * moto 5.2.1 stores a schedule exactly as CreateSchedule sent it and returns it from
 * GetSchedule / ListSchedules, answers ConflictException for an existing name and
 * ResourceNotFoundException for a missing one, but never fires a schedule and does not
 * validate the `at()` expression or the ARNs: those are checked here against the schedule moto
 * stored (and the expression's meaning by the unit tests of atExpression). A DeleteSchedule
 * failure other than "not found" cannot be provoked in moto and is injected by a middleware.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { CreateQueueCommand, GetQueueAttributesCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { SendMessageBatchCommandInput } from '@aws-sdk/client-sqs';
import { CreateScheduleGroupCommand, GetScheduleCommand, ListSchedulesCommand, SchedulerClient } from '@aws-sdk/client-scheduler';
import { SchedulerTimers } from '../../../core/adapters/aws/scheduler/scheduler-timers.ts';
import type { SchedulerTimersOptions } from '../../../core/adapters/aws/scheduler/scheduler-timers.ts';
import { scheduleName } from '../../../core/adapters/aws/scheduler/schedule-name.ts';
import { SqsWorkQueue } from '../../../core/adapters/aws/sqs/sqs-work-queue.ts';
import { decodeWorkMessage } from '../../../core/adapters/aws/sqs/work-message-body.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';
import { startMotoServer } from '../../fixtures/moto-server.ts';
import type { MotoServer } from '../../fixtures/moto-server.ts';

const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:orders:run-1';
const roleArn = 'arn:aws:iam::123456789012:role/stepwise-scheduler';
const groupName = 'stepwise-timers';
/** A fixed clock, 20.5 s into a minute, so the `at()` minute differs from fireAt. */
const now = Date.UTC(2026, 2, 14, 9, 26, 20, 500);

function timer(label: string, fireAt: number): { name: string; fireAt: number; message: WorkMessage } {
  const name = `${executionArn}|root|7|Wait|${label}|${fireAt}`;
  return {
    name,
    fireAt,
    message: { executionArn, branchId: 'root', key: `timer:${name}`, at: fireAt, event: { type: 'TimerFired', seq: 7, timer: 'Wait' } },
  };
}

describe('SchedulerTimers on moto', () => {
  let moto: MotoServer;
  let sqs: SQSClient;
  let scheduler: SchedulerClient;
  let queueUrl: string;
  let queueArn: string;
  let queue: SqsWorkQueue;
  const sentBatches: SendMessageBatchCommandInput[] = [];
  const schedulerCalls: string[] = [];

  before(async () => {
    moto = await startMotoServer();
    sqs = new SQSClient(moto.clientConfig);
    sqs.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') sentBatches.push(structuredClone(args.input as SendMessageBatchCommandInput));
        return next(args);
      },
      { step: 'initialize', name: 'recordSendMessageBatch' },
    );
    scheduler = new SchedulerClient(moto.clientConfig);
    scheduler.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName) schedulerCalls.push(context.commandName);
        return next(args);
      },
      { step: 'initialize', name: 'recordSchedulerCalls' },
    );
    const created = await sqs.send(new CreateQueueCommand({ QueueName: `work-${randomUUID()}` }));
    queueUrl = created.QueueUrl ?? assert.fail('no QueueUrl');
    const { Attributes } = await sqs.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['QueueArn'] }));
    queueArn = Attributes?.QueueArn ?? assert.fail('no QueueArn');
    await scheduler.send(new CreateScheduleGroupCommand({ Name: groupName }));
    queue = new SqsWorkQueue({ client: sqs, queueUrl });
  });

  after(async () => {
    sqs.destroy();
    scheduler.destroy();
    await moto.close();
  });

  function timers(extra: Partial<SchedulerTimersOptions> = {}): SchedulerTimers {
    return new SchedulerTimers({ queue, scheduler, groupName, queueArn, roleArn, clock: { now: () => now }, ...extra });
  }

  async function schedulesInGroup(): Promise<string[]> {
    const { Schedules } = await scheduler.send(new ListSchedulesCommand({ GroupName: groupName }));
    return (Schedules ?? []).map((schedule) => schedule.Name ?? '');
  }

  async function queueDepth(): Promise<{ visible: number; delayed: number }> {
    const { Attributes } = await sqs.send(
      new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesDelayed'] }),
    );
    return { visible: Number(Attributes?.ApproximateNumberOfMessages), delayed: Number(Attributes?.ApproximateNumberOfMessagesDelayed) };
  }

  it('makes a timer 2 hours out a one-time schedule targeting the queue', async () => {
    const t = timer('two-hours', now + 2 * 3_600_000 + 37_250);
    const subject = timers();
    const batchesBefore = sentBatches.length;

    await subject.schedule(t);

    const schedule = await scheduler.send(new GetScheduleCommand({ Name: scheduleName(t.name), GroupName: groupName }));
    assert.equal(schedule.GroupName, groupName);
    assert.equal(schedule.ScheduleExpressionTimezone, 'UTC');
    assert.deepEqual(schedule.FlexibleTimeWindow, { Mode: 'OFF' });
    assert.equal(schedule.ActionAfterCompletion, 'DELETE');
    const at = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(schedule.ScheduleExpression ?? '');
    assert.ok(at, `expression ${schedule.ScheduleExpression}`);
    const atMs = Date.parse(`${at[1]}Z`);
    assert.ok(atMs <= t.fireAt, 'not after fireAt');
    assert.ok(t.fireAt - atMs < 60_000, 'within a minute of fireAt');
    assert.equal(schedule.Target?.Arn, queueArn);
    assert.equal(schedule.Target?.RoleArn, roleArn);
    assert.deepEqual(decodeWorkMessage(schedule.Target?.Input ?? ''), { ok: true, message: t.message });

    assert.equal(sentBatches.length, batchesBefore, 'nothing sent to the queue');
    assert.deepEqual(subject.requestCounts(), { createSchedule: 1, schedulesCreated: 1, scheduleConflicts: 0, deleteSchedule: 0, timersQueued: 0 });
  });

  it('makes one schedule when the same timer is scheduled twice', async () => {
    const t = timer('twice', now + 3 * 3_600_000);
    const subject = timers();

    await subject.schedule(t);
    await subject.schedule(t);

    assert.equal((await schedulesInGroup()).filter((name) => name === scheduleName(t.name)).length, 1);
    assert.deepEqual(subject.requestCounts(), { createSchedule: 2, schedulesCreated: 1, scheduleConflicts: 1, deleteSchedule: 0, timersQueued: 0 });
  });

  it('deletes the schedule on cancel, and a second cancel is fine', async () => {
    const t = timer('cancelled', now + 5 * 3_600_000);
    const problems: unknown[] = [];
    const subject = timers({ onCancelError: (error) => problems.push(error) });
    await subject.schedule(t);
    assert.ok((await schedulesInGroup()).includes(scheduleName(t.name)));

    await subject.cancel(t.name);
    await subject.cancel(t.name);

    assert.ok(!(await schedulesInGroup()).includes(scheduleName(t.name)));
    await assert.rejects(scheduler.send(new GetScheduleCommand({ Name: scheduleName(t.name), GroupName: groupName })), { name: 'ResourceNotFoundException' });
    assert.deepEqual(problems, []);
    assert.equal(subject.requestCounts().deleteSchedule, 2);
  });

  it('sends a timer due in 30 s to the queue with DelaySeconds 30 and makes no schedule', async () => {
    const t = timer('thirty-seconds', now + 30_000);
    const subject = timers();
    const schedulesBefore = await schedulesInGroup();
    const createsBefore = schedulerCalls.filter((name) => name === 'CreateScheduleCommand').length;
    const batchesBefore = sentBatches.length;

    await subject.schedule(t);

    const sent = sentBatches.slice(batchesBefore);
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.Entries?.length, 1);
    assert.equal(sent[0]?.Entries?.[0]?.DelaySeconds, 30);
    assert.deepEqual(decodeWorkMessage(sent[0]?.Entries?.[0]?.MessageBody ?? ''), { ok: true, message: t.message });
    // moto holds the message back for its delay.
    assert.deepEqual(await queueDepth(), { visible: 0, delayed: 1 });
    const { Messages } = await sqs.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
    assert.equal(Messages?.length ?? 0, 0);

    assert.deepEqual(await schedulesInGroup(), schedulesBefore);
    assert.equal(schedulerCalls.filter((name) => name === 'CreateScheduleCommand').length, createsBefore);
    assert.deepEqual(subject.requestCounts(), { createSchedule: 0, schedulesCreated: 0, scheduleConflicts: 0, deleteSchedule: 0, timersQueued: 1 });
  });

  it('chooses the queue up to 15 minutes out, and a schedule beyond', async () => {
    const subject = timers();
    const batchesBefore = sentBatches.length;

    await subject.schedule(timer('past-due', now - 5_000));
    await subject.schedule(timer('fifteen-minutes', now + 900_000));
    const beyond = timer('fifteen-minutes-and-a-bit', now + 900_001);
    await subject.schedule(beyond);

    assert.deepEqual(
      sentBatches.slice(batchesBefore).map((batch) => batch.Entries?.[0]?.DelaySeconds),
      [0, 900],
    );
    assert.ok((await schedulesInGroup()).includes(scheduleName(beyond.name)));
    assert.equal(subject.requestCounts().schedulesCreated, 1);
  });

  it('reports a failed cancel through the callback instead of throwing (injected failure)', async () => {
    const failing = new SchedulerClient(moto.clientConfig);
    failing.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'DeleteScheduleCommand') throw Object.assign(new Error('Rate exceeded'), { name: 'ThrottlingException' });
        return next(args);
      },
      { step: 'initialize', name: 'throttleDeleteSchedule' },
    );
    const problems: Array<{ error: unknown; name: string }> = [];
    try {
      const subject = timers({ scheduler: failing, onCancelError: (error, name) => problems.push({ error, name }) });
      await subject.cancel('some timer');
    } finally {
      failing.destroy();
    }
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.name, 'some timer');
    assert.equal((problems[0]?.error as Error).name, 'ThrottlingException');
  });

  it('refuses a timer message larger than a schedule Input can hold', async () => {
    const t = timer('large', now + 3_600_000);
    const large = { ...t, message: { ...t.message, event: { type: 'Start' as const, input: 'x'.repeat(300_000) } } };
    await assert.rejects(timers().schedule(large), /at most 262144/);
  });
});
