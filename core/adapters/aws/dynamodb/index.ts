/** The DynamoDB adapter: both stores on one table, the table's creation, request accounting. */
export { DynamoDbStore } from './store.ts';
export type { DynamoDbStoreOptions } from './store.ts';
export { createTable, EXECUTIONS_BY_STATE_MACHINE, STATE_MACHINES_BY_NAME } from './table.ts';
export { RequestCounter, tallyBetween } from './request-counter.ts';
export type { RequestCounterSnapshot, RequestTally } from './request-counter.ts';
export { InvalidNextTokenError } from './page-token.ts';
