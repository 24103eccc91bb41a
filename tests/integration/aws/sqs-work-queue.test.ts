/**
 * SqsWorkQueue against moto's SQS (the real wire protocol). moto 5.2.1 honours DelaySeconds
 * (a delayed message is not returned by ReceiveMessage and counts as
 * ApproximateNumberOfMessagesDelayed until its delay is over), lists an entry whose
 * DelaySeconds exceeds 900 under `Failed` while accepting the rest of the batch, and rejects
 * a whole batch when one body is larger than the queue's MaximumMessageSize. It never fails an
 * entry for a passing reason (throttling, an internal error): that case is simulated by a
 * middleware that keeps the entry from moto and reports it as failed.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SQSClient,
} from '@aws-sdk/client-sqs';
import type { Message, SendMessageBatchCommandInput, SendMessageBatchCommandOutput } from '@aws-sdk/client-sqs';
import { SqsWorkQueue } from '../../../core/adapters/aws/sqs/sqs-work-queue.ts';
import { SendMessageBatchError } from '../../../core/adapters/aws/sqs/send-message-batch-error.ts';
import { decodeWorkMessage, encodeWorkMessage } from '../../../core/adapters/aws/sqs/work-message-body.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';
import { startMotoServer } from '../../fixtures/moto-server.ts';
import type { MotoServer } from '../../fixtures/moto-server.ts';

const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:orders:run-1';

function workMessage(index: number, extra: Partial<WorkMessage> = {}): WorkMessage {
  return {
    executionArn,
    branchId: `root/1/${index}`,
    key: `root/1/${index}#start`,
    at: 1_767_225_600_000 + index,
    event: { type: 'TaskSucceeded', seq: index, output: { index, text: `é 😀 ${index}` } },
    ...extra,
  };
}

describe('SqsWorkQueue on moto', () => {
  let moto: MotoServer;
  const clients: SQSClient[] = [];

  before(async () => {
    moto = await startMotoServer();
  });

  after(async () => {
    for (const client of clients) client.destroy();
    await moto.close();
  });

  /** A client whose SendMessageBatch requests are recorded (as sent to moto). */
  function recordingClient(): { client: SQSClient; batches: SendMessageBatchCommandInput[] } {
    const client = new SQSClient(moto.clientConfig);
    clients.push(client);
    const batches: SendMessageBatchCommandInput[] = [];
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') batches.push(structuredClone(args.input as SendMessageBatchCommandInput));
        return next(args);
      },
      { step: 'initialize', name: 'recordSendMessageBatch' },
    );
    return { client, batches };
  }

  async function createQueue(client: SQSClient, attributes: Record<string, string> = {}): Promise<string> {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: `work-${randomUUID()}`, Attributes: attributes }));
    assert.ok(QueueUrl);
    return QueueUrl;
  }

  /** Receives until `count` messages came or `waitMs` passed. */
  async function receive(client: SQSClient, queueUrl: string, count: number, waitMs: number): Promise<Message[]> {
    const received: Message[] = [];
    const deadline = Date.now() + waitMs;
    do {
      const { Messages } = await client.send(new ReceiveMessageCommand({ QueueUrl: queueUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }));
      received.push(...(Messages ?? []));
      if (received.length >= count) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    } while (Date.now() < deadline);
    return received;
  }

  function decodedBodies(messages: readonly Message[]): WorkMessage[] {
    return messages.map((message) => {
      const decoded = decodeWorkMessage(message.Body ?? '');
      assert.ok(decoded.ok, decoded.ok ? '' : decoded.error);
      return decoded.message;
    });
  }

  async function delayedCount(client: SQSClient, queueUrl: string): Promise<number> {
    const { Attributes } = await client.send(new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ['ApproximateNumberOfMessagesDelayed'] }));
    return Number(Attributes?.ApproximateNumberOfMessagesDelayed);
  }

  it('sends 25 messages in 3 SendMessageBatch requests, and they arrive unchanged', async () => {
    const { client, batches } = recordingClient();
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });
    const sent = Array.from({ length: 25 }, (_, i) => workMessage(i));

    await queue.send(sent.map((message) => ({ message })));

    assert.deepEqual(
      batches.map((batch) => batch.Entries?.length),
      [10, 10, 5],
    );
    for (const batch of batches) {
      const ids = batch.Entries?.map((entry) => entry.Id) ?? [];
      assert.equal(new Set(ids).size, ids.length);
      for (const id of ids) assert.match(id ?? '', /^[A-Za-z0-9_-]{1,80}$/);
    }
    const bytes = sent.reduce((sum, message) => sum + Buffer.byteLength(encodeWorkMessage(message)), 0);
    assert.deepEqual(queue.requestCounts(), { sendMessageBatch: 3, messages: 25, billedRequests: 3 });
    assert.ok(bytes < 3 * 65_536);

    const received = decodedBodies(await receive(client, queueUrl, 25, 5_000));
    const byKey = (a: WorkMessage, b: WorkMessage) => a.key.localeCompare(b.key);
    assert.deepEqual(received.sort(byKey), [...sent].sort(byKey));
  });

  it('splits batches at 1 MiB of bodies and counts 64 KB chunks as billed requests', async () => {
    const { client, batches } = recordingClient();
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });
    const big = (i: number) => workMessage(i, { event: { type: 'TaskSucceeded', seq: i, output: 'x'.repeat(400_000) } });

    await queue.send([0, 1, 2].map((i) => ({ message: big(i) })));

    assert.deepEqual(
      batches.map((batch) => batch.Entries?.length),
      [2, 1],
    );
    const size = (i: number) => Buffer.byteLength(encodeWorkMessage(big(i)));
    const chunks = Math.ceil((size(0) + size(1)) / 65_536) + Math.ceil(size(2) / 65_536);
    assert.deepEqual(queue.requestCounts(), { sendMessageBatch: 2, messages: 3, billedRequests: chunks });
    assert.equal((await receive(client, queueUrl, 3, 5_000)).length, 3);
  });

  it('delays a message by its DelaySeconds (moto holds it back until then)', async () => {
    const { client, batches } = recordingClient();
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });
    const started = Date.now();

    await queue.send([{ message: workMessage(1), delaySeconds: 2 }]);

    assert.equal(batches[0]?.Entries?.[0]?.DelaySeconds, 2);
    assert.equal(await delayedCount(client, queueUrl), 1);
    assert.equal((await receive(client, queueUrl, 1, 0)).length, 0);
    const received = await receive(client, queueUrl, 1, 6_000);
    assert.equal(received.length, 1);
    assert.ok(Date.now() - started >= 1_900, `received after ${Date.now() - started} ms`);
    assert.deepEqual(decodedBodies(received), [workMessage(1)]);
  });

  it('throws, naming the SQS error code, when moto keeps failing one entry of a batch', async () => {
    const { client, batches } = recordingClient();
    // moto refuses DelaySeconds above 900 per entry (Failed, InvalidParameterValue); the
    // adapter never sends one, so the request is altered on its way out.
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'SendMessageBatchCommand') {
          const input = args.input as SendMessageBatchCommandInput;
          input.Entries = input.Entries?.map((entry) => (entry.Id === 'm1' ? { ...entry, DelaySeconds: 1800 } : entry));
        }
        return next(args);
      },
      { step: 'initialize', name: 'overlongDelay', priority: 'low' },
    );
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });

    const error = await queue.send([0, 1, 2].map((i) => ({ message: workMessage(i) }))).then(
      () => assert.fail('send resolved'),
      (e: unknown) => e,
    );

    assert.ok(error instanceof SendMessageBatchError);
    assert.match(error.message, /InvalidParameterValue/);
    assert.match(error.message, /root\/1\/1#start/);
    assert.equal(error.attempts, 4);
    assert.deepEqual(
      error.failed.map((entry) => [entry.Id, entry.Code, entry.SenderFault]),
      [['m1', 'InvalidParameterValue', true]],
    );
    // The first request carried all three; each retry only the failed one.
    assert.deepEqual(
      batches.map((batch) => batch.Entries?.map((entry) => entry.Id)),
      [['m0', 'm1', 'm2'], ['m1'], ['m1'], ['m1']],
    );
    const received = decodedBodies(await receive(client, queueUrl, 2, 3_000));
    assert.deepEqual(received.map((message) => message.key).sort(), ['root/1/0#start', 'root/1/2#start']);
  });

  it('re-sends an entry that failed for a passing reason, and then resolves (simulated failure)', async () => {
    const { client, batches } = recordingClient();
    let failures = 1;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName !== 'SendMessageBatchCommand' || failures === 0) return next(args);
        failures--;
        const input = args.input as SendMessageBatchCommandInput;
        const [withheld, ...rest] = input.Entries ?? [];
        const result = await next({ ...args, input: { ...input, Entries: rest } });
        const output = result.output as SendMessageBatchCommandOutput;
        output.Failed = [...(output.Failed ?? []), { Id: withheld?.Id, Code: 'InternalError', SenderFault: false, Message: 'try again' }];
        return result;
      },
      { step: 'initialize', name: 'passingFailure', priority: 'low' },
    );
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });

    await queue.send([0, 1].map((i) => ({ message: workMessage(i) })));

    assert.deepEqual(
      batches.map((batch) => batch.Entries?.map((entry) => entry.Id)),
      [['m0', 'm1'], ['m0']],
    );
    const received = decodedBodies(await receive(client, queueUrl, 3, 2_000));
    assert.deepEqual(received.map((message) => message.key).sort(), ['root/1/0#start', 'root/1/1#start']);
  });

  it('throws when SQS refuses the whole request (a body over the queue MaximumMessageSize)', async () => {
    const { client } = recordingClient();
    const queueUrl = await createQueue(client, { MaximumMessageSize: '1024' });
    const queue = new SqsWorkQueue({ client, queueUrl });

    await assert.rejects(
      queue.send([{ message: workMessage(0) }, { message: workMessage(1, { event: { type: 'Start', input: 'x'.repeat(2_000) } }) }]),
      { name: 'InvalidParameterValue', message: /Message must be shorter than 1024 bytes/ },
    );
    assert.equal(queue.requestCounts().sendMessageBatch, 1);
  });

  it('refuses a message over 1 MiB before sending anything', async () => {
    const { client, batches } = recordingClient();
    const queueUrl = await createQueue(client);
    const queue = new SqsWorkQueue({ client, queueUrl });

    await assert.rejects(
      queue.send([{ message: workMessage(0) }, { message: workMessage(1, { event: { type: 'Start', input: 'x'.repeat(1_048_576) } }) }]),
      /work message root\/1\/1#start is \d+ bytes: SQS accepts at most 1048576 bytes per message/,
    );
    assert.equal(batches.length, 0);
  });
});
