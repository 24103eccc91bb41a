/**
 * The StartExecution request an EventBridge event makes, and what its answer means. Both are
 * pure, so a redelivered event (EventBridge delivers at least once, and retries a failed
 * invocation) makes the same request, which StartExecution takes as the same execution.
 */
import { createHash } from 'node:crypto';
import type { ApiResponse } from '../../core/api/response.ts';

export interface StartExecutionRequest {
  readonly stateMachineArn: string;
  readonly name: string;
  readonly input: string;
}

export type StartOutcome =
  | { readonly kind: 'started'; readonly executionArn: string; readonly startDate: number }
  /** This event's execution exists and has ended (StartExecution is idempotent only while it runs). */
  | { readonly kind: 'already-started'; readonly message: string }
  | { readonly kind: 'failed'; readonly status: number; readonly errorType: string; readonly message: string };

/** Execution names that are also safe in CloudWatch Logs and X-Ray: 1–80 of these characters. */
const PLAIN_NAME = /^[A-Za-z0-9_-]{1,80}$/;

/** An event's `id` is a UUID, a valid name as it is; anything else is hashed into one. */
export function executionNameOf(eventId: string): string {
  if (PLAIN_NAME.test(eventId)) return eventId;
  return `event-${createHash('sha256').update(eventId, 'utf8').digest('hex')}`;
}

export function startExecutionRequest(stateMachineArn: string, event: { readonly id: string }): StartExecutionRequest {
  return { stateMachineArn, name: executionNameOf(event.id), input: canonicalJson(event) };
}

/**
 * JSON with every object's keys in sorted order, so that the input is the same text however
 * the event's members were ordered on the way (StartExecution compares inputs as text).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, member: unknown) => {
    if (member === null || typeof member !== 'object' || Array.isArray(member)) return member;
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(member).sort()) sorted[key] = (member as Record<string, unknown>)[key];
    return sorted;
  });
}

export function startOutcome(answer: ApiResponse): StartOutcome {
  const body = parseObject(answer.body);
  if (answer.status === 200) {
    return { kind: 'started', executionArn: String(body['executionArn']), startDate: Number(body['startDate']) };
  }
  const wireType = typeof body['__type'] === 'string' ? body['__type'] : 'UnknownError';
  const errorType = wireType.slice(wireType.indexOf('#') + 1);
  const message = typeof body['message'] === 'string' ? body['message'] : errorType;
  if (errorType === 'ExecutionAlreadyExists') return { kind: 'already-started', message };
  return { kind: 'failed', status: answer.status, errorType, message };
}

function parseObject(text: string): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(text);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
