import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseTaskResource } from '../../../core/asl/states/task/resource.ts';

describe('Task resource ARNs', () => {
  it('reads each integration pattern from the suffix', () => {
    const cases: [string, string, string, string][] = [
      ['arn:aws:states:::sqs:sendMessage', 'sqs', 'sendMessage', 'REQUEST_RESPONSE'],
      ['arn:aws:states:::states:startExecution.sync', 'states', 'startExecution', 'RUN_JOB'],
      ['arn:aws:states:::states:startExecution.sync:2', 'states', 'startExecution', 'RUN_JOB_V2'],
      ['arn:aws:states:::sqs:sendMessage.waitForTaskToken', 'sqs', 'sendMessage', 'WAIT_FOR_TASK_TOKEN'],
      ['arn:aws:states:::aws-sdk:s3:getObject', 'aws-sdk:s3', 'getObject', 'REQUEST_RESPONSE'],
    ];
    for (const [arn, service, action, pattern] of cases) {
      const parsed = parseTaskResource(arn);
      assert.deepEqual([parsed.service, parsed.action, parsed.pattern], [service, action, pattern], arn);
    }
  });

  it('names the resource in history events as AWS does, suffix included', () => {
    const parsed = parseTaskResource('arn:aws:states:::states:startExecution.sync:2');
    assert.equal(parsed.eventResource, 'startExecution.sync:2');
    assert.equal(parsed.eventResourceType, 'states');
  });
});
