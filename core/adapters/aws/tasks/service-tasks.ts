/**
 * A TaskInvoker that calls AWS services the way Step Functions' integrations do: one module per
 * integration, chosen by the Task's `Resource`.
 */
import type { TaskOutcome, TaskRequest } from '../../../asl/task-request.ts';
import type { TaskInvoker } from '../../../ports.ts';
import { awsSdk } from './aws-sdk.ts';
import { ClientPool } from './client-pool.ts';
import type { AwsServiceTasksConfig } from './config.ts';
import { dynamodbItems } from './dynamodb-items.ts';
import { eventBridgePutEvents } from './eventbridge-put-events.ts';
import type { IntegrationContext, ServiceIntegration } from './integration.ts';
import { lambdaFunction } from './lambda-function.ts';
import { lambdaInvoke } from './lambda-invoke.ts';
import { failed, notRecognized, ParameterError, runtimeFailure } from './outcomes.ts';
import { AssumeRoleError, taskRoleOf, type TaskRole } from './role-credentials.ts';
import { snsPublish } from './sns-publish.ts';
import { sqsSendMessage } from './sqs-send-message.ts';

/** The optimized integrations, by `<service>:<action>`. */
export const OPTIMIZED_INTEGRATIONS: readonly ServiceIntegration[] = [lambdaInvoke, sqsSendMessage, snsPublish, dynamodbItems, eventBridgePutEvents];

export interface AwsServiceTasksOptions extends AwsServiceTasksConfig {
  /** More optimized integrations (`states:startExecution`...); they win over built-in ones for the same resource. */
  readonly integrations?: readonly ServiceIntegration[];
}

export class AwsServiceTasks implements TaskInvoker {
  private readonly clients: ClientPool;
  private readonly optimized = new Map<string, ServiceIntegration>();

  constructor(options: AwsServiceTasksOptions) {
    this.clients = new ClientPool(options);
    for (const integration of [...OPTIMIZED_INTEGRATIONS, ...(options.integrations ?? [])]) {
      for (const resource of integration.resources) this.optimized.set(resource, integration);
    }
  }

  async invoke(request: TaskRequest): Promise<TaskOutcome> {
    if (request.resourceKind === 'activity') {
      return runtimeFailure(`Activity ${request.resource} is run by workers polling GetActivityTask, not by a service integration.`);
    }
    const integration = this.integrationFor(request);
    if (integration === undefined || !integration.patterns.includes(request.pattern)) return notRecognized(request.resource);
    let outcome: TaskOutcome;
    try {
      const role = taskRoleOf(request.credentials, request.executionArn);
      outcome = await integration.run(this.contextFor(request, role));
    } catch (thrown) {
      if (thrown instanceof ParameterError) return runtimeFailure(thrown.message);
      // AWS does not document this failure's name; States.TaskFailed is what Retry and Catch match for any task failure.
      if (thrown instanceof AssumeRoleError) return failed('States.TaskFailed', thrown.message);
      throw thrown;
    }
    // The callback brings the result; what the call answered is the TaskSubmitted event's output.
    if (request.pattern === 'WAIT_FOR_TASK_TOKEN' && outcome.kind === 'Succeeded') return { kind: 'Submitted', output: outcome.output };
    return outcome;
  }

  /** Releases every client's connections; later invocations fail. */
  destroy(): void {
    this.clients.destroy();
  }

  private integrationFor(request: TaskRequest): ServiceIntegration | undefined {
    if (request.resourceKind === 'lambda-function') return lambdaFunction;
    if (request.service?.startsWith('aws-sdk:')) return awsSdk;
    return this.optimized.get(`${request.service ?? ''}:${request.action ?? ''}`);
  }

  private contextFor(request: TaskRequest, role: TaskRole | undefined): IntegrationContext {
    return { request, client: (service) => this.clients.client(service, role) };
  }
}
