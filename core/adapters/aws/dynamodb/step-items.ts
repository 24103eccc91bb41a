import type { HistoryEvent } from '../../../asl/history/event.ts';
import type { Effect } from '../../../asl/interpreter/effect.ts';
import type { BranchSnapshot } from '../../../asl/interpreter/snapshot.ts';
import type { StepCommit } from '../../../ports.ts';
import type { BranchHistory, MergedChild } from '../../../runtime/history-merge.ts';
import type { BranchId, BranchRecord } from '../../../runtime/records.ts';
import { num, str } from './item-fields.ts';
import { branchesPk, pad } from './keys.ts';
import { decodeText, encodeText, partPayload } from './large-text.ts';
import type { Item, Key, TableClient } from './table-client.ts';

/**
 * Step items: one per committed step of a branch, under the execution's branch partition
 * (`B#<arn>`), sort key `<branchId>#<version>`. The item is the commit: putting it with
 * `attribute_not_exists` is the conditional write on the branch version (two messages racing
 * for the same branch both try to create version n+1; one wins), and it holds everything the
 * step produced — the branch after it (snapshot, outbox, applied message key, next event id),
 * the step's history events and the children it merged. One write per step, not a transaction:
 * half the price, and siblings share no item.
 *
 * A branch's current state is its newest step item (a query, newest first, limit 1); its
 * history is all of them. A body too large for the item spills into part items
 * `~<sk>#<n>`, which sort after every step item so that queries by branch prefix never meet
 * them; those are written with the step item in one transaction, so a losing racer leaves none.
 */

interface StepBody {
  readonly snapshot: BranchSnapshot;
  readonly outbox: readonly Effect[];
  readonly appliedKey?: string;
  readonly parent?: BranchRecord['parent'];
  readonly nextEventId: number;
  readonly endedAt?: number;
  readonly events: readonly HistoryEvent[];
  readonly merged?: readonly MergedChild[];
}

export const PART_MARK = '~';

export function stepKey(executionArn: string, branchId: BranchId, version: number): Key {
  return { pk: branchesPk(executionArn), sk: `${branchId}#${pad(version)}` };
}

/** The sort key prefix of every step item of a branch. */
export function branchPrefix(branchId: BranchId): string {
  return `${branchId}#`;
}

export function stepItems(commit: StepCommit): { readonly item: Item; readonly parts: readonly Item[] } {
  const { branch } = commit;
  const key = stepKey(commit.executionArn, branch.branchId, branch.version);
  const body: StepBody = {
    snapshot: branch.snapshot,
    outbox: branch.outbox,
    ...(branch.appliedKey === undefined ? {} : { appliedKey: branch.appliedKey }),
    ...(branch.parent === undefined ? {} : { parent: branch.parent }),
    nextEventId: branch.nextEventId,
    ...(branch.endedAt === undefined ? {} : { endedAt: branch.endedAt }),
    events: commit.events,
    ...(commit.merged && commit.merged.length > 0 ? { merged: commit.merged } : {}),
  };
  const encoded = encodeText(JSON.stringify(body));
  const parts = encoded.parts.map((payload, index) => ({ pk: key.pk, sk: `${PART_MARK}${key.sk}#${String(index).padStart(3, '0')}`, v: payload }));
  return { item: { ...key, body: encoded.stored }, parts };
}

/** One stored step, decoded. */
export interface StoredStep {
  readonly branchId: BranchId;
  readonly version: number;
  readonly body: StepBody;
}

/** Decodes a step item, reading its part items when it has any. */
export async function loadStep(table: TableClient, item: Item): Promise<StoredStep> {
  const sk = str(item, 'sk');
  const stored = item['body'];
  let parts: Uint8Array[] = [];
  if (typeof stored === 'number') {
    const found = await table.queryAll({
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': str(item, 'pk'), ':prefix': `${PART_MARK}${sk}#` },
    });
    parts = found.map(partPayload);
  }
  return decodeStep(item, parts);
}

/** Decodes every step item of a partition query (part items included in the items given). */
export function stepsFromItems(items: readonly Item[]): StoredStep[] {
  const parts = new Map<string, Uint8Array[]>();
  for (const item of items) {
    const sk = str(item, 'sk');
    if (!sk.startsWith(PART_MARK)) continue;
    const owner = sk.slice(PART_MARK.length, sk.lastIndexOf('#'));
    parts.set(owner, [...(parts.get(owner) ?? []), partPayload(item)]);
  }
  return items.filter((item) => !str(item, 'sk').startsWith(PART_MARK)).map((item) => decodeStep(item, parts.get(str(item, 'sk')) ?? []));
}

function decodeStep(item: Item, parts: readonly Uint8Array[]): StoredStep {
  const sk = str(item, 'sk');
  const at = sk.lastIndexOf('#');
  const stored = item['body'];
  const text = decodeText(stored, typeof stored === 'number' ? parts.slice(0, stored) : []);
  return { branchId: sk.slice(0, at), version: Number(sk.slice(at + 1)), body: JSON.parse(text) as StepBody };
}

export function branchFromStep(executionArn: string, step: StoredStep): BranchRecord {
  const { body } = step;
  return {
    executionArn,
    branchId: step.branchId,
    version: step.version,
    snapshot: body.snapshot,
    outbox: body.outbox,
    nextEventId: body.nextEventId,
    ...(body.appliedKey === undefined ? {} : { appliedKey: body.appliedKey }),
    ...(body.parent === undefined ? {} : { parent: body.parent }),
    ...(body.endedAt === undefined ? {} : { endedAt: body.endedAt }),
  };
}

/** The newest step of each branch. */
export function latestSteps(steps: readonly StoredStep[]): StoredStep[] {
  const latest = new Map<BranchId, StoredStep>();
  for (const step of steps) {
    const known = latest.get(step.branchId);
    if (!known || known.version < step.version) latest.set(step.branchId, step);
  }
  return [...latest.values()];
}

/** Each branch's events and merges, in commit (version) order. */
export function branchHistories(steps: readonly StoredStep[]): BranchHistory[] {
  const byBranch = new Map<BranchId, StoredStep[]>();
  for (const step of steps) byBranch.set(step.branchId, [...(byBranch.get(step.branchId) ?? []), step]);
  return [...byBranch.entries()].map(([branchId, list]) => {
    const ordered = list.sort((a, b) => a.version - b.version);
    return {
      branchId,
      events: ordered.flatMap((step) => step.body.events),
      merged: ordered.flatMap((step) => step.body.merged ?? []),
    };
  });
}

/** The root's record at version 0, kept on the execution's META item (attribute `root`). */
export function rootBody(root: BranchRecord): string {
  return JSON.stringify({ snapshot: root.snapshot, outbox: root.outbox, nextEventId: root.nextEventId });
}

export function rootFromMeta(executionArn: string, branchId: BranchId, meta: Item): BranchRecord {
  const body = JSON.parse(str(meta, 'root')) as Pick<StepBody, 'snapshot' | 'outbox' | 'nextEventId'>;
  return { executionArn, branchId, version: 0, snapshot: body.snapshot, outbox: body.outbox, nextEventId: num({ n: body.nextEventId }, 'n') };
}
