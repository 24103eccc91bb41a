/**
 * Lambda Invoke as both Lambda integrations make it: the bare function ARN
 * (`arn:aws:lambda:...:function:name`) and `arn:aws:states:::lambda:invoke`.
 */
import type { Json, JsonObject } from '../../../asl/json.ts';
import type { TaskOutcome } from '../../../asl/task-request.ts';
import { lambdaClientContext } from './idempotency.ts';
import type { IntegrationContext } from './integration.ts';
import { lambdaFunctionError } from './lambda-function-errors.ts';
import { callOptimized } from './optimized-call.ts';
import { failed } from './outcomes.ts';

export type InvocationResult =
  | { readonly ok: true; readonly response: JsonObject; readonly payload: Json }
  | { readonly ok: false; readonly outcome: TaskOutcome };

/**
 * `parameters`: Invoke's parameters without `Payload`; `payload`: the event as JSON text (sent
 * as is), or undefined for none.
 */
export async function invokeFunction(context: IntegrationContext, parameters: JsonObject, payload: string | undefined): Promise<InvocationResult> {
  const called = await callOptimized(
    context,
    {
      service: 'lambda',
      operation: 'Invoke',
      parameters,
      prepare: (input) => {
        if (payload !== undefined) input['Payload'] = new TextEncoder().encode(payload);
        prepareInvoke(input, context.request.idempotencyKey);
      },
    },
    { sdkMetadata: true },
  );
  if (!called.ok) return called;
  const response = called.output;
  const text = typeof response['Payload'] === 'string' ? response['Payload'] : '';
  if (typeof response['FunctionError'] === 'string') {
    const { error, cause } = lambdaFunctionError(text);
    return { ok: false, outcome: failed(error, cause) };
  }
  return { ok: true, response, payload: parsePayload(text) };
}

/** Where Invoke carries the idempotency key (see idempotency.ts). */
export function prepareInvoke(input: Record<string, unknown>, idempotencyKey: string): void {
  if (input['ClientContext'] === undefined) input['ClientContext'] = lambdaClientContext(idempotencyKey);
}

/** An asynchronous (`Event`) invocation answers with no payload: the result then has `""`. */
function parsePayload(text: string): Json {
  if (text === '') return '';
  try {
    return JSON.parse(text) as Json;
  } catch {
    return text;
  }
}
