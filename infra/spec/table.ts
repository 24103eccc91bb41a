/**
 * The execution table's shape, as the runtime expects it (core/adapters/aws/dynamodb/table.ts
 * creates the same table for local runs; a unit test compares the two). Written out here rather
 * than imported because the SST config must not pull the AWS SDK into its bundle.
 */

export type AttributeType = 'S' | 'N' | 'B';
export type ProjectionType = 'ALL' | 'KEYS_ONLY';

export interface IndexSpec {
  readonly name: string;
  readonly hashKey: string;
  readonly rangeKey: string;
  readonly projectionType: ProjectionType;
}

export const HASH_KEY = 'pk';
export const RANGE_KEY = 'sk';

export const ATTRIBUTES: readonly { readonly name: string; readonly type: AttributeType }[] = ['pk', 'sk', 'sm', 'listKey', 'smList', 'smName'].map(
  (name) => ({ name, type: 'S' as const }),
);

export const GLOBAL_SECONDARY_INDEXES: readonly IndexSpec[] = [
  { name: 'executions-by-state-machine', hashKey: 'sm', rangeKey: 'listKey', projectionType: 'KEYS_ONLY' },
  { name: 'state-machines-by-name', hashKey: 'smList', rangeKey: 'smName', projectionType: 'ALL' },
];

/**
 * The attribute DynamoDB's TTL reads: epoch seconds after which an item may be deleted. The store
 * writes it (core/adapters/aws/dynamodb/retention.ts); items without it (running executions'
 * META items, state machines) are kept.
 */
export { TTL_ATTRIBUTE } from '../../core/adapters/aws/dynamodb/retention.ts';

/** On-demand: an idle installation pays nothing for throughput. */
export const BILLING_MODE = 'PAY_PER_REQUEST';

export const POINT_IN_TIME_RECOVERY = true;

/** Deleting the production table by accident would lose every execution; other stages come and go. */
export function deletionProtection(stage: string): boolean {
  return stage === 'production';
}
