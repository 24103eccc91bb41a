/** One API operation of an installed client, from Task parameters to a JSON result. */
import type { Json, JsonObject } from '../../../asl/json.ts';
import type { CallFailure } from './call-failure.ts';
import { idempotencyToken } from './idempotency.ts';
import type { IntegrationContext } from './integration.ts';
import { ParameterError } from './outcomes.ts';
import { exportedClass, loadSdkModule } from './sdk-modules.ts';
import { fromSdkOutput, idempotencyTokenMembers, operationShapes, toSdkInput } from './sdk-shapes.ts';
import { sendCommand, type HttpExchange } from './send-command.ts';
import { SERVICES, type ServiceId } from './services.ts';

export interface OperationRequest {
  readonly service: ServiceId;
  /** As the API names it: `SendMessage`. */
  readonly operation: string;
  readonly parameters: Json;
  /** Adjusts the SDK input before it is sent (payloads, idempotency fields). */
  readonly prepare?: (input: Record<string, unknown>) => void;
}

export type OperationResult =
  | { readonly ok: true; readonly output: JsonObject; readonly http?: HttpExchange; readonly requestId?: string }
  | { readonly ok: false; readonly failure: CallFailure };

/** The client package has no command for the operation. */
export class UnknownOperationError extends Error {
  override readonly name: string = 'UnknownOperationError';
}

export async function callOperation(context: IntegrationContext, request: OperationRequest): Promise<OperationResult> {
  const module = await loadSdkModule(request.service);
  const Command = exportedClass(module, `${request.operation}Command`);
  if (Command === undefined) throw new UnknownOperationError(`@aws-sdk/client-${request.service} has no ${request.operation}Command`);
  const shapes = operationShapes(Command);

  const converted = shapes === null ? request.parameters : toSdkInput(shapes.input, request.parameters);
  if (converted !== undefined && (typeof converted !== 'object' || converted === null || Array.isArray(converted))) {
    throw new ParameterError(`Expected an object as parameters, but was ${JSON.stringify(request.parameters)}`);
  }
  const input: Record<string, unknown> = { ...(converted ?? {}) };
  if (shapes !== null) {
    for (const member of idempotencyTokenMembers(shapes.input)) {
      if (input[member] === undefined) input[member] = idempotencyToken(context.request.idempotencyKey);
    }
  }
  request.prepare?.(input);

  const client = await context.client(request.service);
  const command = new (Command as unknown as new (input: Record<string, unknown>) => object)(input);
  const result = await sendCommand(client, command, exportedClass(module, SERVICES[request.service].serviceExceptionClass));
  if (!result.ok) return result;
  const output = fromSdkOutput(shapes?.output, result.output);
  return {
    ok: true,
    output: typeof output === 'object' && output !== null && !Array.isArray(output) ? output : {},
    ...(result.http === undefined ? {} : { http: result.http }),
    ...(result.requestId === undefined ? {} : { requestId: result.requestId }),
  };
}
