import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { API_AUTH, API_ROUTE, SIGNING_SERVICE } from '../../../infra/spec/api.ts';

/** Answers one Step Functions call and records how it was signed. */
async function withServer(run: (endpoint: string, seen: { authorization?: string; target?: string; method?: string; url?: string }[]) => Promise<void>) {
  const seen: { authorization?: string; target?: string; method?: string; url?: string }[] = [];
  const server = createServer((request, response) => {
    seen.push({ authorization: request.headers.authorization, target: request.headers['x-amz-target'] as string, method: request.method, url: request.url });
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      response.end('{"stateMachines":[]}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  try {
    await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen);
  } finally {
    await new Promise((resolve) => server.close(resolve));
  }
}

const CREDENTIALS = { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY' };

describe('infra: the HTTP API', () => {
  it('routes POST / with IAM authorization', () => {
    assert.equal(API_ROUTE, 'POST /');
    assert.deepEqual(API_AUTH, { iam: true });
    assert.equal(SIGNING_SERVICE, 'execute-api');
  });

  it('is reached by a Step Functions client over POST / with the operation in X-Amz-Target', async () => {
    await withServer(async (endpoint, seen) => {
      const client = new SFNClient({ endpoint, region: 'us-east-1', credentials: CREDENTIALS });
      await client.send(new ListStateMachinesCommand({}));
      assert.deepEqual(
        seen.map(({ method, url, target }) => ({ method, url, target })),
        [{ method: 'POST', url: '/', target: 'AWSStepFunctions.ListStateMachines' }],
      );
      // Signed as `states` by default, which API Gateway's IAM authorization refuses.
      assert.match(seen[0]!.authorization ?? '', /Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/states\/aws4_request/);
    });
  });

  it('accepts a client configured as infra/README.md shows, which signs for execute-api', async () => {
    await withServer(async (endpoint, seen) => {
      const client = new SFNClient({
        endpoint,
        region: 'us-east-1',
        credentials: CREDENTIALS,
        httpAuthSchemeProvider: (parameters) => [
          {
            schemeId: 'aws.auth#sigv4',
            signingProperties: { signingName: SIGNING_SERVICE, signingRegion: parameters.region },
            propertiesExtractor: (config, context) => ({ signingProperties: { config, context } }),
          },
        ],
      });
      const answer = await client.send(new ListStateMachinesCommand({}));
      assert.deepEqual(answer.stateMachines, []);
      assert.match(seen[0]!.authorization ?? '', /Credential=AKIDEXAMPLE\/\d{8}\/us-east-1\/execute-api\/aws4_request/);
    });
  });
});
