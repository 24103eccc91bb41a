import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bodyBytes, decodeWorkMessage, encodeWorkMessage } from '../../../core/adapters/aws/sqs/work-message-body.ts';
import type { WorkMessage } from '../../../core/runtime/records.ts';

const executionArn = 'arn:aws:states:us-east-1:123456789012:execution:orders:one';

const samples: Record<string, WorkMessage> = {
  'a timer': { executionArn, branchId: 'root', key: 'timer:x', at: 1_767_225_600_123, event: { type: 'TimerFired', seq: 7, timer: 'Wait' } },
  'a Map iteration start': {
    executionArn,
    branchId: 'root/3/1',
    key: 'root/3/1#start',
    at: 1_767_225_600_000,
    event: { type: 'Start', input: { n: 1 } },
    child: {
      parentBranchId: 'root',
      joinSeq: 3,
      index: 1,
      parentEventId: 12,
      terms: { childCount: 2, maxConcurrency: 1, toleratedFailurePercentage: 50 },
      spec: { scope: '/Map', input: { n: 1 }, mapItem: { index: 1, value: { n: 1 }, mapState: 'Map', quiet: true } },
      variables: { total: 2 },
    },
  },
  'a task result with awkward text': {
    executionArn,
    branchId: 'root',
    key: 'root#4#TaskSucceeded',
    at: 1,
    event: { type: 'TaskSucceeded', seq: 4, output: { text: 'tab\tnul\u0000 é 😀 \uFFFE\uFFFF lone\uD800 end', nested: [null, true, -1.5e300, []] } },
  },
  'a failure without cause': { executionArn, branchId: 'root', key: 'k', at: 2, event: { type: 'ChildrenFailed', seq: 1, error: 'States.ALL' } },
  'a stop': { executionArn, branchId: 'root', key: 'stop', at: 3, event: { type: 'StopRequested' } },
};

/** Characters an SQS message body may hold (the XML character set). */
const SQS_BODY = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

describe('work message bodies', () => {
  for (const [name, message] of Object.entries(samples)) {
    it(`round-trips ${name}`, () => {
      const body = encodeWorkMessage(message);
      assert.match(body, SQS_BODY);
      assert.deepEqual(decodeWorkMessage(body), { ok: true, message });
    });
  }

  it('escapes U+FFFE and U+FFFF, which SQS refuses, and keeps them in the decoded text', () => {
    const message = samples['a task result with awkward text']!;
    const body = encodeWorkMessage(message);
    assert.ok(!body.includes('\uFFFE') && !body.includes('\uFFFF'));
    assert.ok(body.includes('\\ufffe') && body.includes('\\uffff'));
  });

  it('counts UTF-8 bytes, not UTF-16 units', () => {
    assert.equal(bodyBytes('é😀'), 2 + 4);
  });

  const malformed: Record<string, [string, RegExp]> = {
    'text that is not JSON': ['{"format":1,', /not JSON/],
    'JSON that is not an envelope': ['[1,2]', /no format/],
    'a body without format': [JSON.stringify({ message: samples['a timer'] }), /no format/],
    'another format version': [JSON.stringify({ format: 2, message: samples['a timer'] }), /format 2 is not supported/],
    'a missing message': ['{"format":1}', /message: expected an object/],
    'an empty executionArn': [envelope({ ...samples['a timer']!, executionArn: '' }), /message\.executionArn/],
    'a text `at`': [envelope({ ...samples['a timer']!, at: '2026-01-01' }), /message\.at: expected a number/],
    'an unknown event type': [envelope({ ...samples['a timer']!, event: { type: 'Explode', seq: 1 } }), /message\.event\.type: expected a step event type, got "Explode"/],
    'a fractional seq': [envelope({ ...samples['a timer']!, event: { type: 'Continue', seq: 1.5 } }), /message\.event\.seq: expected an integer/],
    'an unknown timer kind': [envelope({ ...samples['a timer']!, event: { type: 'TimerFired', seq: 1, timer: 'Soon' } }), /message\.event\.timer/],
    'a task result without output': [envelope({ ...samples['a timer']!, event: { type: 'TaskSucceeded', seq: 1 } }), /message\.event\.output: missing/],
    'a numeric error': [envelope({ ...samples['a timer']!, event: { type: 'TaskFailed', seq: 1, error: 5 } }), /message\.event\.error: expected a string/],
    'outputs that are not a list': [envelope({ ...samples['a timer']!, event: { type: 'ChildrenSucceeded', seq: 1, outputs: {} } }), /message\.event\.outputs/],
    'a child without its join terms': [
      envelope({ ...samples['a Map iteration start']!, child: { ...samples['a Map iteration start']!.child, terms: undefined } }),
      /message\.child\.terms: expected an object/,
    ],
    'a child whose join has no child count': [
      envelope({ ...samples['a Map iteration start']!, child: { ...samples['a Map iteration start']!.child!, terms: { maxConcurrency: 0 } } }),
      /message\.child\.terms\.childCount: expected an integer/,
    ],
    'a child without spec': [envelope({ ...samples['a Map iteration start']!, child: { ...samples['a Map iteration start']!.child, spec: undefined } }), /message\.child\.spec: expected an object/],
    'a map item without index': [
      envelope({ ...samples['a Map iteration start']!, child: { ...samples['a Map iteration start']!.child!, spec: { scope: '/Map', input: 1, mapItem: { value: 1, mapState: 'Map' } } } }),
      /message\.child\.spec\.mapItem\.index: expected an integer/,
    ],
  };
  for (const [name, [body, reason]] of Object.entries(malformed)) {
    it(`refuses ${name} with a reason`, () => {
      const decoded = decodeWorkMessage(body);
      assert.equal(decoded.ok, false);
      assert.match(decoded.ok ? '' : decoded.error, reason);
    });
  }

  it('refuses deeply nested JSON without crashing', () => {
    const decoded = decodeWorkMessage('['.repeat(200_000) + ']'.repeat(200_000));
    assert.equal(decoded.ok, false);
  });
});

function envelope(message: unknown): string {
  return JSON.stringify({ format: 1, message });
}
