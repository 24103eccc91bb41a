/**
 * Where the deployment lands: account, region and partition, for ARNs that must be spelled out
 * (schedule patterns, the API's account id).
 */
import type { Concat } from './spec/iam.ts';

export interface Account {
  readonly accountId: $util.Output<string>;
  readonly region: $util.Output<string>;
  readonly partition: $util.Output<string>;
}

export function currentAccount(): Account {
  return {
    accountId: aws.getCallerIdentityOutput({}).accountId,
    region: aws.getRegionOutput({}).region,
    partition: aws.getPartitionOutput({}).partition,
  };
}

/** Joins strings and outputs into one output, for the spec modules that build ARNs. */
export const concat: Concat<$util.Output<string>> = (...parts) => $util.concat(...parts);
