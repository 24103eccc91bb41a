import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { scheduleName } from '../../../core/adapters/aws/scheduler/schedule-name.ts';

describe('scheduleName', () => {
  const timer = 'arn:aws:states:us-east-1:123456789012:execution:orders:ünïcode name|root/3/1|7|Wait|1767225600123';

  it('fits Scheduler names: 1 to 64 characters of [0-9a-zA-Z-_.]', () => {
    assert.match(scheduleName(timer), /^[0-9a-zA-Z\-_.]{1,64}$/);
    assert.match(scheduleName(''), /^[0-9a-zA-Z\-_.]{1,64}$/);
    assert.match(scheduleName('x'.repeat(10_000)), /^[0-9a-zA-Z\-_.]{1,64}$/);
  });

  it('is the same for the same timer and differs between timers', () => {
    assert.equal(scheduleName(timer), scheduleName(timer));
    assert.notEqual(scheduleName(timer), scheduleName(timer.replace('|7|', '|8|')));
  });

  it('starts with the engine prefix', () => {
    assert.ok(scheduleName(timer).startsWith('stepwise-'));
  });
});
