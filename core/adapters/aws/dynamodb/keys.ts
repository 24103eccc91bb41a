import type { BranchId } from '../../../runtime/records.ts';
import type { Key } from './table-client.ts';

/**
 * Item keys. Every concept gets its own partition key value (execution META, its history, its
 * branches, each join, each token), so that the items written on every step spread over
 * partitions (DynamoDB allows 1,000 write units per second per partition). Prefixes are one letter because keys are
 * stored (and billed) on every item, including the hot ones. AWS names exclude `#`, so ARNs
 * and branch ids never contain the separator.
 */

export const stateMachineKey = (stateMachineArn: string): Key => ({ pk: `S#${stateMachineArn}`, sk: 'S' });
/** Definitions are content-addressed: executions share their machine's text, and it never changes. */
export const definitionKey = (hash: string): Key => ({ pk: `D#${hash}`, sk: 'D' });

export const executionKey = (executionArn: string): Key => ({ pk: `X#${executionArn}`, sk: 'M' });
export const executionArnOf = (pk: string): string => pk.slice('X#'.length);

/**
 * The step items of all branches of one execution share a partition key, so the history and
 * recovery read them in one query; each step is its own item (step-items.ts), so siblings never
 * contend, and DynamoDB splits a hot item collection by sort key when a large Map makes it busy.
 */
export const branchesPk = (executionArn: string): string => `B#${executionArn}`;

export const joinPk = (executionArn: string, parentBranchId: BranchId, joinSeq: number): string => `J#${executionArn}#${parentBranchId}#${joinSeq}`;
export const CHILD_RESULT_PREFIX = 'R#';
export const childResultSk = (index: number): string => `${CHILD_RESULT_PREFIX}${pad(index)}`;

export const taskTokenKey = (taskToken: string): Key => ({ pk: `T#${taskToken}`, sk: 'T' });

/** Ten digits: ids and indexes up to 9,999,999,999 sort correctly as strings. */
export function pad(value: number): string {
  return String(value).padStart(10, '0');
}

/** The listing sort key of an execution: start time (ms, fixed width), then name. */
export function executionListKey(startDate: number, name: string): string {
  return `${String(startDate).padStart(15, '0')}#${name}`;
}
