/** The execution table: one table for state machines, executions, history, branches and tokens. */
import { ATTRIBUTES, BILLING_MODE, deletionProtection, GLOBAL_SECONDARY_INDEXES, HASH_KEY, POINT_IN_TIME_RECOVERY, RANGE_KEY, TTL_ATTRIBUTE } from './spec/table.ts';

export function createTable(): aws.dynamodb.Table {
  return new aws.dynamodb.Table('Table', {
    billingMode: BILLING_MODE,
    hashKey: HASH_KEY,
    rangeKey: RANGE_KEY,
    attributes: ATTRIBUTES.map((attribute) => ({ name: attribute.name, type: attribute.type })),
    globalSecondaryIndexes: GLOBAL_SECONDARY_INDEXES.map((index) => ({
      name: index.name,
      hashKey: index.hashKey,
      rangeKey: index.rangeKey,
      projectionType: index.projectionType,
    })),
    ttl: { attributeName: TTL_ATTRIBUTE, enabled: true },
    pointInTimeRecovery: { enabled: POINT_IN_TIME_RECOVERY },
    deletionProtectionEnabled: deletionProtection($app.stage),
  });
}
