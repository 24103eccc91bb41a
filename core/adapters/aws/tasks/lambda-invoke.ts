/**
 * `arn:aws:states:::lambda:invoke`: Lambda's Invoke parameters (`FunctionName`, `Payload`,
 * `InvocationType`, `Qualifier`, `ClientContext`, `LogType`); the result is Invoke's response
 * with `Payload` parsed from JSON text and the SDK metadata AWS adds (recorded `services__invoke*`):
 *   { ExecutedVersion, [LogResult], Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode }
 * `Payload` may be any JSON: a string is sent as it is (it is JSON text already: the recorded
 * `"Payload": "\"HelloWorld\""` reaches the function as the string `HelloWorld`), anything else
 * is serialised, and `null` sends no payload.
 */
import type { JsonObject } from '../../../asl/json.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { invokeFunction } from './lambda-invocation.ts';
import { ParameterError } from './outcomes.ts';

export const lambdaInvoke: ServiceIntegration = {
  resources: ['lambda:invoke'],
  patterns: ['REQUEST_RESPONSE', 'WAIT_FOR_TASK_TOKEN'],
  async run(context: IntegrationContext) {
    const parameters = context.request.parameters;
    if (typeof parameters !== 'object' || parameters === null || Array.isArray(parameters)) {
      throw new ParameterError(`Expected an object as parameters, but was ${JSON.stringify(parameters)}`);
    }
    const { Payload: payload, ...rest } = parameters as JsonObject;
    const text = payload === undefined || payload === null ? undefined : typeof payload === 'string' ? payload : JSON.stringify(payload);
    const invoked = await invokeFunction(context, rest, text);
    if (!invoked.ok) return invoked.outcome;
    return { kind: 'Succeeded', output: { ...invoked.response, Payload: invoked.payload } };
  },
};
