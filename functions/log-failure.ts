import type { Logger } from '@aws-lambda-powertools/logger';

/**
 * One structured log line for a failure. Powertools formats an `Error` passed last (name,
 * message, stack under `error`); anything else thrown is logged as its text.
 */
export function logFailure(
  logger: Logger,
  message: string,
  error: unknown,
  attributes: Readonly<Record<string, string | number | boolean>> = {},
  level: 'error' | 'warn' = 'error',
): void {
  const thrown = error instanceof Error ? error : new Error(String(error));
  logger[level]({ message, ...attributes }, thrown);
}
