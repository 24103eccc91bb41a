import type { ChildResult, JoinCounters } from './records.ts';

/**
 * The counters a join is judged on, from the results its children recorded. The failure
 * reported is the first to happen (by the time the child finished; ties by index), whatever
 * order the results were stored in.
 */
export function countersOf(results: readonly ChildResult[]): JoinCounters {
  let succeeded = 0;
  let failed = 0;
  let first: ChildResult | undefined;
  for (const result of results) {
    if (result.status === 'SUCCEEDED') {
      succeeded++;
      continue;
    }
    failed++;
    if (!first || result.at < first.at || (result.at === first.at && result.index < first.index)) first = result;
  }
  if (!first) return { succeeded, failed };
  return {
    succeeded,
    failed,
    firstFailure: { ...(first.error === undefined ? {} : { error: first.error }), ...(first.cause === undefined ? {} : { cause: first.cause }) },
  };
}
