import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../..');
const config = readFileSync(join(ROOT, 'sst.config.ts'), 'utf8');

describe('infra: sst.config.ts', () => {
  it('has no top-level import, which SST refuses', () => {
    assert.deepEqual(config.split('\n').filter((line) => /^\s*import\s/.test(line)), []);
  });

  it('pins the AWS provider to an exact version, in the form scripts/check-infra.sh reads', () => {
    const script = readFileSync(join(ROOT, 'scripts/check-infra.sh'), 'utf8');
    assert.ok(script.includes('providers:'), 'check-infra.sh reads the pin from sst.config.ts');
    assert.match(config, /^\s*providers: \{ aws: '\d+\.\d+\.\d+' \},$/m);
  });

  it('creates every resource group from infra/', () => {
    for (const create of ['createTable', 'createQueues', 'createScheduler', 'createInstallationSecret', 'createWorker', 'createApi', 'createEventStartRule', 'createDashboard', 'createAlarms']) {
      assert.ok(config.includes(`${create}(`), create);
    }
  });

  it('leaves the numbers to infra/spec: the components read them from there', () => {
    const source = (file: string) => readFileSync(join(ROOT, 'infra', file), 'utf8');
    const uses: Record<string, readonly string[]> = {
      'api.ts': ['api.route(API_ROUTE, fn.arn, { auth: API_AUTH })'],
      'worker.ts': [
        'batchSize: WORKER_EVENT_SOURCE.batchSize',
        'maximumBatchingWindowInSeconds: WORKER_EVENT_SOURCE.maximumBatchingWindowSeconds',
        'functionResponseTypes: [...WORKER_EVENT_SOURCE.functionResponseTypes]',
        'maximumConcurrency: WORKER_EVENT_SOURCE.maximumConcurrency',
      ],
      'queues.ts': ['visibilityTimeoutSeconds: WORK_QUEUE.visibilityTimeoutSeconds', 'maxMessageSize: WORK_QUEUE.maxMessageSizeBytes', 'redrivePolicy: deadLetterQueue.arn.apply(redrivePolicy)'],
      'function.ts': ['runtime: RUNTIME', 'architecture: ARCHITECTURE', 'timeout: seconds(spec.timeoutSeconds)', 'environment,', 'functionStatements(', 'format: BUNDLE.format'],
      'scheduler.ts': ['schedulerTrustPolicy(refs, concat)', 'schedulerRoleStatements({ queueArn: queue.arn })'],
      'table.ts': ['ttl: { attributeName: TTL_ATTRIBUTE, enabled: true }', 'pointInTimeRecovery: { enabled: POINT_IN_TIME_RECOVERY }', 'billingMode: BILLING_MODE'],
    };
    for (const [file, snippets] of Object.entries(uses)) {
      const text = source(file);
      for (const snippet of snippets) assert.ok(text.includes(snippet), `infra/${file} should contain: ${snippet}`);
    }
  });
});
