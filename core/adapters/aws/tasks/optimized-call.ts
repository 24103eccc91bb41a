/** A call of an optimized integration: its result with AWS's metadata, or its failure as AWS names it. */
import type { JsonObject } from '../../../asl/json.ts';
import type { TaskOutcome } from '../../../asl/task-request.ts';
import { callOperation, type OperationRequest } from './call-operation.ts';
import type { IntegrationContext } from './integration.ts';
import { optimizedIntegrationError } from './optimized-errors.ts';
import { failed } from './outcomes.ts';
import { withSdkMetadata } from './sdk-metadata.ts';
import { SERVICES, type ServiceInfo } from './services.ts';

export type OptimizedResult = { readonly ok: true; readonly output: JsonObject } | { readonly ok: false; readonly outcome: TaskOutcome };

export interface OptimizedOptions {
  /** Whether AWS adds `SdkHttpMetadata` and `SdkResponseMetadata` to this integration's result. */
  readonly sdkMetadata: boolean;
}

export async function callOptimized(context: IntegrationContext, request: OperationRequest, options: OptimizedOptions): Promise<OptimizedResult> {
  const naming = (SERVICES[request.service] as ServiceInfo).optimized;
  if (naming === undefined) throw new Error(`${request.service} has no optimized integrations`);
  const result = await callOperation(context, request);
  if (!result.ok) {
    const { error, cause } = optimizedIntegrationError(naming, result.failure);
    return { ok: false, outcome: failed(error, cause) };
  }
  return { ok: true, output: options.sdkMetadata ? withSdkMetadata(result.output, result.http, result.requestId) : result.output };
}
