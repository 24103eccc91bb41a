/**
 * Names the store's items by their keys (layout: core/adapters/aws/dynamodb/keys.ts and
 * large-text.ts), so the report can say which items the write units go to.
 */
import type { Item } from './item-size.ts';

const KINDS: Record<string, string> = {
  X: 'execution META',
  B: 'step',
  J: 'join',
  T: 'task token',
  D: 'definition',
  S: 'state machine',
};

export function itemKind(key: Item): string {
  const pk = String(key['pk']);
  const sk = String(key['sk']);
  const prefix = pk.split('#')[0]!;
  let kind = KINDS[prefix] ?? `${prefix}#…`;
  if (prefix === 'J') kind = sk.startsWith('R#') ? 'child result' : 'join';
  // Part items (`<owner sk>#<attribute>#<i>`, or `~<step sk>#<i>`) hold what did not fit in their owner.
  if (prefix === 'B' && sk.startsWith('~')) return 'step body part';
  const part = /#([A-Za-z]+)#\d+$/.exec(sk);
  return part ? `${kind} ${part[1]} part` : kind;
}
