/**
 * `arn:aws:states:::events:putEvents`: PutEvents' `Entries` (a JSON `Detail` is sent as JSON
 * text); the result is `{ Entries, FailedEntryCount }` without SDK metadata (recorded
 * `services__put_events_base`). PutEvents reports rejected entries in a successful response;
 * AWS fails the Task when there are any, with error `EventBridge.FailedEntry` and the response as
 * compact JSON for cause (recorded `services__put_events_malformed_detail`,
 * `..._mixed_malformed_detail`, `..._no_source`). PutEvents has no idempotency token.
 */
import type { Json } from '../../../asl/json.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { callOptimized } from './optimized-call.ts';
import { failed } from './outcomes.ts';

export const eventBridgePutEvents: ServiceIntegration = {
  resources: ['events:putEvents'],
  patterns: ['REQUEST_RESPONSE', 'WAIT_FOR_TASK_TOKEN'],
  async run(context: IntegrationContext) {
    const called = await callOptimized(context, { service: 'eventbridge', operation: 'PutEvents', parameters: context.request.parameters }, { sdkMetadata: false });
    if (!called.ok) return called.outcome;
    const failedEntryCount = called.output['FailedEntryCount'];
    const result: { [key: string]: Json } = { Entries: called.output['Entries'] ?? [], FailedEntryCount: failedEntryCount ?? 0 };
    if (typeof failedEntryCount === 'number' && failedEntryCount > 0) return failed('EventBridge.FailedEntry', JSON.stringify(result));
    return { kind: 'Succeeded', output: result };
  },
};
