/**
 * `stepwise serve --aws-endpoint`: Task states call AWS service integrations at the endpoint the
 * user names, here moto's server, with the AWS CLI driving the server.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { CreateQueueCommand, ReceiveMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { startMotoServer, type MotoServer } from '../fixtures/moto-server.ts';
import { startServer, type ServerProcess } from './server-process.ts';

const run = promisify(execFile);
const credentials = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_DEFAULT_REGION: 'us-east-1' };

let moto: MotoServer;
let server: ServerProcess;

async function cli(...args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run('aws', ['stepfunctions', '--endpoint-url', server.url, '--output', 'json', ...args], { env: { ...process.env, ...credentials } });
  return JSON.parse(stdout) as Record<string, unknown>;
}

describe('serve --aws-endpoint', () => {
  before(async () => {
    moto = await startMotoServer();
    for (const [name, value] of Object.entries(credentials)) process.env[name] = value;
    server = await startServer(['--memory', '--aws-endpoint', moto.endpoint]);
  });

  after(async () => {
    await server?.stop();
    await moto?.close();
  });

  it('sends an SQS message from a Task state to the named endpoint', { timeout: 60_000 }, async () => {
    const sqs = new SQSClient(moto.clientConfig);
    const { QueueUrl } = await sqs.send(new CreateQueueCommand({ QueueName: 'orders' }));
    const definition = {
      StartAt: 'Notify',
      States: { Notify: { Type: 'Task', Resource: 'arn:aws:states:::sqs:sendMessage', Parameters: { QueueUrl, 'MessageBody.$': '$' }, End: true } },
    };
    const created = await cli('create-state-machine', '--name', 'notify', '--role-arn', 'arn:aws:iam::123456789012:role/x', '--definition', JSON.stringify(definition));
    const started = await cli('start-execution', '--state-machine-arn', String(created['stateMachineArn']), '--input', '{"order":42}');
    let described: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) {
      described = await cli('describe-execution', '--execution-arn', String(started['executionArn']));
      if (described['status'] !== 'RUNNING') break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    assert.equal(described['status'], 'SUCCEEDED', String(described['cause']));
    const output = JSON.parse(String(described['output'])) as Record<string, unknown>;
    assert.match(String(output['MessageId']), /^[0-9a-f-]{36}$/);
    const received = await sqs.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 1 }));
    assert.deepEqual(received.Messages?.map((message) => JSON.parse(message.Body!)), [{ order: 42 }]);
  });
});
