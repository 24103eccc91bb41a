/**
 * A Task whose `Resource` is the function's ARN: the parameters are the event, the result is what
 * the function returned (recorded `services__invoke_json_values-*`: strings, numbers, booleans,
 * arrays and objects travel unchanged both ways). Errors are those of `lambda:invoke`.
 */
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { invokeFunction } from './lambda-invocation.ts';

export const lambdaFunction: ServiceIntegration = {
  resources: [],
  patterns: ['REQUEST_RESPONSE'],
  async run(context: IntegrationContext) {
    const { resource, parameters } = context.request;
    const invoked = await invokeFunction(context, { FunctionName: resource }, JSON.stringify(parameters));
    if (!invoked.ok) return invoked.outcome;
    return { kind: 'Succeeded', output: invoked.payload };
  },
};
