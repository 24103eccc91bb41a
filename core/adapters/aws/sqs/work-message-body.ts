import type { WorkMessage } from '../../../runtime/records.ts';
import { checkWorkMessage } from './work-message-shape.ts';

/**
 * A WorkMessage as the text of an SQS message body. The same text is a Scheduler target's
 * `Input`, which Scheduler delivers to the queue as the body, so a worker decodes both alike.
 *
 * The envelope carries a format version so that a body from another producer, or from a
 * future format, is refused with a reason instead of being misread.
 */
export const WORK_MESSAGE_FORMAT = 1;

export type DecodedBody = { readonly ok: true; readonly message: WorkMessage } | { readonly ok: false; readonly error: string };

/**
 * SQS refuses U+FFFE and U+FFFF in a body (and the other characters XML forbids). JSON.stringify
 * escapes control characters and lone surrogates already, and these two can only occur inside
 * JSON strings, where an escape means the same thing.
 */
const REFUSED_BY_SQS = /[\uFFFE\uFFFF]/g;

export function encodeWorkMessage(message: WorkMessage): string {
  return JSON.stringify({ format: WORK_MESSAGE_FORMAT, message }).replace(REFUSED_BY_SQS, (c) => `\\u${c.charCodeAt(0).toString(16)}`);
}

export function decodeWorkMessage(body: string): DecodedBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (error) {
    return { ok: false, error: `work message body is not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed) || !('format' in parsed)) {
    return { ok: false, error: 'work message body has no format: not a Stepwise work message' };
  }
  if (parsed.format !== WORK_MESSAGE_FORMAT) {
    return { ok: false, error: `work message format ${JSON.stringify(parsed.format)} is not supported (expected ${WORK_MESSAGE_FORMAT})` };
  }
  const checked = checkWorkMessage('message' in parsed ? parsed.message : undefined);
  return checked.ok ? checked : { ok: false, error: `work message body is malformed: ${checked.problem}` };
}

/** The body's size as SQS and Scheduler count it. */
export function bodyBytes(body: string): number {
  return Buffer.byteLength(body, 'utf8');
}
