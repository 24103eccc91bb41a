/**
 * A Lambda function that failed (the Invoke response has `FunctionError` set) fails the Task with
 * the function's own error: error = the payload's `errorType`, cause = the payload (recorded
 * cases `error_handling__raise_custom_exception*`, `assign__assign_in_catch_state`,
 * `scenarios__lambda_invoke_with_retry_base`). A payload without `errorType` (a timeout or crash
 * in some runtimes) is `Lambda.Unknown` (developer guide, "Handle Lambda service exceptions"),
 * with the cause text AWS writes for it.
 */
import type { ErrorAndCause } from './optimized-errors.ts';

export const LAMBDA_UNKNOWN_CAUSE_PREFIX = 'The cause could not be determined because Lambda did not return an error type. Returned payload: ';

export function lambdaFunctionError(payload: string): ErrorAndCause {
  let parsed: unknown;
  try {
    parsed = JSON.parse(payload);
  } catch {
    return { error: 'Lambda.Unknown', cause: LAMBDA_UNKNOWN_CAUSE_PREFIX + payload };
  }
  const errorType = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>)['errorType'] : undefined;
  if (typeof errorType !== 'string' || errorType === '') return { error: 'Lambda.Unknown', cause: LAMBDA_UNKNOWN_CAUSE_PREFIX + payload };
  // AWS re-serialises the payload: nearly all recorded causes are compact JSON, though Python writes `": "`.
  return { error: errorType, cause: JSON.stringify(parsed) };
}
