/**
 * The event-start function: starts an execution of one state machine (STEPWISE_STATE_MACHINE_ARN)
 * for each event its EventBridge rule matches, with the whole event as the input and a name
 * derived from the event's id, so a redelivered event starts nothing new. An Express execution
 * is queued for a worker to run.
 */
import type { Context, EventBridgeEvent } from 'aws-lambda';
import { handleRequest } from '../../core/api/handle-request.ts';
import { readEventStartConfig } from '../config.ts';
import { logFailure } from '../log-failure.ts';
import { prepareRuntime } from '../runtime.ts';
import { startExecutionRequest, startOutcome } from './start-request.ts';

const config = readEventStartConfig();
const { telemetry, runtime } = prepareRuntime(config);

export interface EventStartResult {
  readonly executionArn?: string;
  readonly startDate?: number;
  readonly alreadyStarted: boolean;
}

/**
 * Throws when no execution was started: EventBridge invokes asynchronously, so Lambda retries
 * the event, and a failure that persists shows in the function's error alarm instead of the
 * event vanishing.
 */
export async function handler(event: EventBridgeEvent<string, unknown>, context: Context): Promise<EventStartResult> {
  telemetry.appendKeys({ awsRequestId: context.awsRequestId, eventId: event.id });
  try {
    const { api, background } = await runtime();
    // Through the API operation, so the checks and errors are StartExecution's own.
    const request = startExecutionRequest(config.stateMachineArn, event);
    const outcome = startOutcome(await handleRequest('AWSStepFunctions.StartExecution', JSON.stringify(request), api));
    for (const failure of await background.settle()) logFailure(telemetry.log.logger, 'Background work failed', failure);
    switch (outcome.kind) {
      case 'started':
        return { executionArn: outcome.executionArn, startDate: outcome.startDate, alreadyStarted: false };
      case 'already-started':
        telemetry.log.logger.info('The execution for this event was started before', { stateMachineArn: config.stateMachineArn, name: request.name });
        return { alreadyStarted: true };
      case 'failed':
        throw new Error(`StartExecution of ${config.stateMachineArn} for event ${event.id} failed: ${outcome.errorType}: ${outcome.message}`);
    }
  } catch (error) {
    logFailure(telemetry.log.logger, 'Starting an execution for the event failed', error, { stateMachineArn: config.stateMachineArn });
    throw error;
  } finally {
    telemetry.flush();
  }
}
