import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { errorResponse, okResponse } from '../../../core/api/response.ts';
import { ApiError } from '../../../core/api/errors.ts';
import { canonicalJson, executionNameOf, startExecutionRequest, startOutcome } from '../../../functions/event-start/start-request.ts';
import { eventBridgeEvent } from '../../fixtures/functions/aws-events.ts';

const STATE_MACHINE = 'arn:aws:states:us-east-1:111111111111:stateMachine:orders';
const AWS_NAME = /^[^\s<>{}[\]?*"#%\\^|~`$&,;:/\u0000-\u001f\u007f-\u009f]{1,80}$/u;

describe('functions/event-start: the StartExecution an event makes', () => {
  it('names the execution after the event id, which is a UUID', () => {
    const event = eventBridgeEvent();
    assert.equal(startExecutionRequest(STATE_MACHINE, event).name, event.id);
  });

  it('derives a valid, stable name from an id that is not one', () => {
    for (const id of ['a b', 'x'.repeat(200), 'ünïcode:id', '']) {
      const name = executionNameOf(id);
      assert.match(name, AWS_NAME);
      assert.match(name, /^[A-Za-z0-9_-]+$/);
      assert.equal(executionNameOf(id), name);
    }
    assert.notEqual(executionNameOf('a b'), executionNameOf('a  b'));
  });

  it('gives the whole event as input, the same text for the same event however its keys are ordered', () => {
    const event = eventBridgeEvent({ detail: { order: { id: 7, lines: [{ sku: 'b', qty: 1 }] }, customer: 'c-1' } });
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(event).reverse()))) as typeof event;
    reordered.detail = { customer: 'c-1', order: { lines: [{ qty: 1, sku: 'b' }], id: 7 } };
    const request = startExecutionRequest(STATE_MACHINE, event);
    assert.deepEqual(startExecutionRequest(STATE_MACHINE, reordered), request);
    assert.deepEqual(JSON.parse(request.input), event);
    assert.equal(request.stateMachineArn, STATE_MACHINE);
  });

  it('writes JSON with sorted keys at every depth, arrays in their order', () => {
    assert.equal(canonicalJson({ b: [3, { z: 1, a: null }], a: 'x' }), '{"a":"x","b":[3,{"a":null,"z":1}]}');
  });
});

describe('functions/event-start: what the answer means', () => {
  it('started', () => {
    const arn = 'arn:aws:states:us-east-1:111111111111:execution:orders:e-1';
    assert.deepEqual(startOutcome(okResponse({ executionArn: arn, startDate: 1_795_000_000.5 }, 'r')), { kind: 'started', executionArn: arn, startDate: 1_795_000_000.5 });
  });

  it('already started: the execution of this name has ended', () => {
    const outcome = startOutcome(errorResponse(new ApiError('ExecutionAlreadyExists', "Execution Already Exists: 'arn'"), 'r'));
    assert.deepEqual(outcome, { kind: 'already-started', message: "Execution Already Exists: 'arn'" });
  });

  it('failed, with AWS’s error name', () => {
    const outcome = startOutcome(errorResponse(new ApiError('StateMachineDoesNotExist', 'State Machine Does Not Exist: \'x\''), 'r'));
    assert.deepEqual(outcome, { kind: 'failed', status: 400, errorType: 'StateMachineDoesNotExist', message: "State Machine Does Not Exist: 'x'" });
  });
});
