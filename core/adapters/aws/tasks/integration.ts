/**
 * What one service integration module provides, and what the router hands it for each call.
 * Adding an integration is one more module with this shape, listed in `service-tasks.ts` or
 * passed to `AwsServiceTasks` as `integrations`.
 */
import type { IntegrationPattern, TaskOutcome, TaskRequest } from '../../../asl/task-request.ts';
import type { ServiceClients, ServiceId } from './services.ts';

export interface IntegrationContext {
  readonly request: TaskRequest;
  /** The client for a service, signed as the Task's `Credentials` role when it has one. */
  client<S extends ServiceId>(service: S): Promise<ServiceClients[S]>;
}

export interface ServiceIntegration {
  /** What follows `arn:<partition>:states:::` without the pattern suffix, e.g. `sqs:sendMessage`. */
  readonly resources: readonly string[];
  /** The integration patterns AWS accepts for these resources. */
  readonly patterns: readonly IntegrationPattern[];
  /**
   * Runs one attempt. For `.waitForTaskToken` the router turns `Succeeded` into `Submitted` (the
   * call's response is what AWS records in TaskSubmitted); `.sync` integrations answer for themselves.
   */
  run(context: IntegrationContext): Promise<TaskOutcome>;
}
