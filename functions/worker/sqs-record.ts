/**
 * What one SQS record asks of the worker, decided from its body and the time alone.
 */
import { decodeWorkMessage, earlyArrival } from '../../core/adapters/aws/sqs/index.ts';
import type { WorkMessage } from '../../core/runtime/records.ts';

export type RecordAction =
  /** Not a work message this runtime can read: no redelivery will change that. */
  | { readonly kind: 'discard'; readonly reason: string }
  /** A timer's message that came before its time (Scheduler's minute precision, or a wait over 15 minutes). */
  | { readonly kind: 'redelay'; readonly message: WorkMessage; readonly delaySeconds: number }
  | { readonly kind: 'process'; readonly message: WorkMessage };

export function recordAction(body: string, nowMs: number): RecordAction {
  const decoded = decodeWorkMessage(body);
  if (!decoded.ok) return { kind: 'discard', reason: decoded.error };
  const arrival = earlyArrival(decoded.message, nowMs);
  if (arrival.early) return { kind: 'redelay', message: decoded.message, delaySeconds: arrival.delaySeconds };
  return { kind: 'process', message: decoded.message };
}
