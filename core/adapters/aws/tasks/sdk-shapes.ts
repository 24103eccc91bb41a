/**
 * Between a Task's JSON and an SDK command's input and output, guided by the operation's shapes
 * from the service model (which the SDK ships with each command).
 *
 * Step Functions' conventions (developer guide, "AWS SDK service integrations" and the optimized
 * integration pages):
 *   - parameter and result names are PascalCase even where the API's are camelCase (`sfn`:
 *     `StateMachineArn` for `stateMachineArn`), map keys are left alone;
 *   - a JSON value where the API wants a string is sent as JSON text (SNS `Message`, SQS
 *     `MessageBody`, EventBridge `Detail`, Step Functions `Input`: the recorded
 *     `services__publish_base-*`, `services__put_events_base` and
 *     `services__sfn_start_execution_implicit_json_serialisation` cases);
 *   - `null` means absent;
 *   - a blob that is the whole HTTP payload (Lambda `Payload`) travels as text, other blobs
 *     (DynamoDB `B`) as base64, the way their JSON forms spell them;
 *   - timestamps come back as ISO-8601 text.
 */
import { NormalizedSchema } from '@smithy/core/schema';
import type { Json, JsonObject } from '../../../asl/json.ts';
import { ParameterError } from './outcomes.ts';

export interface OperationShapes {
  readonly input: NormalizedSchema;
  readonly output: NormalizedSchema;
}

const OPERATION_SCHEMA = 9;
const shapesByCommand = new WeakMap<object, OperationShapes | null>();

/** The shapes of the operation a command class sends; undefined when the SDK carries none. */
export function operationShapes(Command: abstract new (...args: never[]) => object): OperationShapes | null {
  const known = shapesByCommand.get(Command);
  if (known !== undefined) return known;
  const probe = new (Command as unknown as new (input: object) => { readonly schema?: unknown })({});
  const schema = probe.schema;
  const shapes = Array.isArray(schema) && schema[0] === OPERATION_SCHEMA
    ? { input: NormalizedSchema.of(schema[4]), output: NormalizedSchema.of(schema[5]) }
    : null;
  shapesByCommand.set(Command, shapes);
  return shapes;
}

/** The members of a structure that are idempotency tokens (`ClientToken`, `ClientRequestToken`...). */
export function idempotencyTokenMembers(shape: NormalizedSchema): string[] {
  const members: string[] = [];
  if (!shape.isStructSchema()) return members;
  for (const [name, member] of shape.structIterator()) if (member.isIdempotencyToken()) members.push(name);
  return members;
}

export function toSdkInput(shape: NormalizedSchema, value: Json, path = ''): unknown {
  if (value === null) return undefined;
  if (shape.isDocumentSchema()) return value;
  if (shape.isBlobSchema()) return blobInput(shape, value);
  if (shape.isStringSchema()) return typeof value === 'string' ? value : JSON.stringify(value);
  if (shape.isTimestampSchema()) return timestampInput(value, path);
  if (shape.isListSchema()) {
    if (!Array.isArray(value)) throw new ParameterError(`Expected an array at '${path}', but was ${JSON.stringify(value)}`);
    const items = shape.getValueSchema();
    return value.map((item, index) => toSdkInput(items, item, `${path}[${index}]`));
  }
  if (shape.isMapSchema()) {
    const entries = expectObject(value, path);
    const values = shape.getValueSchema();
    const map: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(entries)) {
      const converted = toSdkInput(values, entry, `${path}.${key}`);
      if (converted !== undefined) map[key] = converted;
    }
    return map;
  }
  if (shape.isStructSchema()) {
    const fields = expectObject(value, path);
    const members = memberNames(shape);
    const structure: Record<string, unknown> = {};
    for (const [field, fieldValue] of Object.entries(fields)) {
      const member = members.get(field);
      if (member === undefined) throw new ParameterError(`The field "${field}" is not supported by Step Functions`);
      const converted = toSdkInput(shape.getMemberSchema(member), fieldValue, path === '' ? field : `${path}.${field}`);
      if (converted !== undefined) structure[member] = converted;
    }
    return structure;
  }
  return value;
}

export function fromSdkOutput(shape: NormalizedSchema | undefined, value: unknown): Json {
  if (value === undefined || value === null) return null;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Uint8Array) return shape !== undefined && isPayload(shape) ? utf8(value) : Buffer.from(value).toString('base64');
  if (typeof value === 'bigint') return Number(value);
  if (typeof value !== 'object') return value as Json;
  if (Array.isArray(value)) {
    const items = shape?.isListSchema() ? shape.getValueSchema() : undefined;
    return value.map((item) => fromSdkOutput(items, item));
  }
  const fields = value as Record<string, unknown>;
  if (shape?.isMapSchema()) {
    const values = shape.getValueSchema();
    const map: JsonObject = {};
    for (const [key, entry] of Object.entries(fields)) if (entry !== undefined) map[key] = fromSdkOutput(values, entry);
    return map;
  }
  if (shape?.isDocumentSchema()) return value as Json;
  const structure: JsonObject = {};
  const memberShapes = shape?.isStructSchema() ? shape.getMemberSchemas() : {};
  for (const [key, entry] of Object.entries(fields)) {
    // `$metadata` (request id, attempts) and `$unknown` union members are the SDK's, not the API's.
    if (entry === undefined || key.startsWith('$')) continue;
    structure[pascalCase(key)] = fromSdkOutput(memberShapes[key], entry);
  }
  return structure;
}

function memberNames(shape: NormalizedSchema): Map<string, string> {
  const names = new Map<string, string>();
  for (const [name] of shape.structIterator()) {
    names.set(pascalCase(name), name);
    names.set(name, name);
  }
  return names;
}

function blobInput(shape: NormalizedSchema, value: Json): Uint8Array {
  if (isPayload(shape) || typeof value !== 'string') return new TextEncoder().encode(typeof value === 'string' ? value : JSON.stringify(value));
  return new Uint8Array(Buffer.from(value, 'base64'));
}

function timestampInput(value: Json, path: string): Date {
  // Numbers are epoch seconds, as in the APIs' JSON.
  const date = typeof value === 'number' ? new Date(value * 1000) : typeof value === 'string' ? new Date(value) : undefined;
  if (date === undefined || Number.isNaN(date.getTime())) throw new ParameterError(`Expected a timestamp at '${path}', but was ${JSON.stringify(value)}`);
  return date;
}

function isPayload(shape: NormalizedSchema): boolean {
  return shape.isStreaming() || shape.getMergedTraits().httpPayload !== undefined;
}

function expectObject(value: Json, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ParameterError(`Expected an object at '${path === '' ? 'Parameters' : path}', but was ${JSON.stringify(value)}`);
  }
  return value;
}

export function pascalCase(name: string): string {
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder().decode(bytes);
}
