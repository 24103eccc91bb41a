import { isParentTaskPattern, type ExecutionRecord, type ExecutionStatus, type ParentTask } from '../../../runtime/records.ts';
import type { Definitions } from './definitions.ts';
import { num, optional, optNum, optStr, parseJson, str } from './item-fields.ts';
import { itemBytes } from './item-size.ts';
import { executionKey, executionListKey } from './keys.ts';
import { encodeText, partItems } from './large-text.ts';
import type { EncodedText } from './large-text.ts';
import type { Item, TableClient } from './table-client.ts';
import { loadOptionalText, loadText } from './text-parts.ts';

/**
 * An execution's META item (`X#<arn>` / `M`): the ExecutionRecord, with the definition by hash
 * and the input and output as stored texts.
 *
 * It is written when the execution starts and when it ends (and read by every step, to see that
 * the execution still runs), and DynamoDB bills the larger of the old and new item per started
 * KB. So the item is kept within 1 KB: the input stays inside only when it fits the room the
 * other attributes leave, and goes to a part item (`M#input#000`) otherwise; the output stays
 * inside only when small. `root` holds the root branch as created (version 0), so that starting
 * an execution is one item.
 */
export const META_BYTES = 1024;
/** Room for the output in the META item; larger outputs get part items. */
export const OUTPUT_ROOM = 256;

export interface ExecutionItems {
  readonly item: Item;
  /** Part items of the input, to write with the META item. */
  readonly parts: readonly Item[];
}

export function executionItems(record: ExecutionRecord, definitionHash: string, root: string): ExecutionItems {
  const key = executionKey(record.executionArn);
  const base: Item = {
    ...key,
    sm: record.stateMachineArn,
    root,
    listKey: executionListKey(record.startDate, record.name),
    name: record.name,
    type: record.type,
    status: record.status,
    definition: definitionHash,
    roleArn: record.roleArn,
    traceHeader: record.traceHeader,
    testCase: record.testCase,
    parentToken: record.parentTask?.taskToken,
    parentPattern: record.parentTask?.pattern,
    startDate: record.startDate,
    stopDate: record.stopDate,
    error: record.error,
    cause: record.cause,
  };
  const parts: Item[] = [];
  const input = encodeText(record.input, Math.max(0, META_BYTES - itemBytes(base) - 'input'.length));
  parts.push(...partItems(key, 'input', input));
  const output = record.output === undefined ? undefined : encodeOutput(JSON.stringify(record.output));
  if (output) parts.push(...partItems(key, 'output', output));
  return { item: { ...base, input: input.stored, ...optional('output', output?.stored) }, parts };
}

export function encodeOutput(text: string): EncodedText {
  return encodeText(text, OUTPUT_ROOM);
}

export async function executionFromItem(table: TableClient, definitions: Definitions, item: Item): Promise<ExecutionRecord> {
  const key = { pk: str(item, 'pk'), sk: str(item, 'sk') };
  const [input, output, definition] = await Promise.all([
    loadText(table, key, 'input', item['input']),
    loadOptionalText(table, key, 'output', item),
    definitions.load(str(item, 'definition')),
  ]);
  return {
    executionArn: key.pk.slice('X#'.length),
    stateMachineArn: str(item, 'sm'),
    name: str(item, 'name'),
    type: str(item, 'type') as ExecutionRecord['type'],
    status: str(item, 'status') as ExecutionStatus,
    input,
    ...optional('output', output === undefined ? undefined : parseJson(output)),
    ...optional('error', optStr(item, 'error')),
    ...optional('cause', optStr(item, 'cause')),
    startDate: num(item, 'startDate'),
    ...optional('stopDate', optNum(item, 'stopDate')),
    definition,
    roleArn: str(item, 'roleArn'),
    ...optional('traceHeader', optStr(item, 'traceHeader')),
    ...optional('testCase', optStr(item, 'testCase')),
    ...optional('parentTask', parentTaskOf(item)),
  };
}

function parentTaskOf(item: Item): ParentTask | undefined {
  const taskToken = optStr(item, 'parentToken');
  const pattern = optStr(item, 'parentPattern');
  return taskToken === undefined || !isParentTaskPattern(pattern) ? undefined : { taskToken, pattern };
}
