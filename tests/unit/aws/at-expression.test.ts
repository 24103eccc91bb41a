import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { atExpression } from '../../../core/adapters/aws/scheduler/at-expression.ts';

describe('atExpression', () => {
  it('names the start of the minute containing the time, in UTC', () => {
    assert.equal(atExpression(Date.UTC(2026, 0, 2, 3, 4, 59, 999)), 'at(2026-01-02T03:04:00)');
    assert.equal(atExpression(Date.UTC(2026, 11, 31, 23, 59, 0, 1)), 'at(2026-12-31T23:59:00)');
  });

  it('keeps a time on the minute as it is', () => {
    assert.equal(atExpression(Date.UTC(2026, 5, 15, 12, 0, 0, 0)), 'at(2026-06-15T12:00:00)');
  });

  it('is never after the time and less than a minute before it', () => {
    for (const fireAt of [1_767_225_600_000, 1_767_225_659_999, 1_767_225_630_500, 1_800_000_000_123]) {
      const match = /^at\((\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2})\)$/.exec(atExpression(fireAt));
      assert.ok(match);
      const at = Date.parse(`${match[1]}Z`);
      assert.ok(at <= fireAt && fireAt - at < 60_000);
    }
  });
});
