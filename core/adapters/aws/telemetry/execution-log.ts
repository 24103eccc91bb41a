import type { Logger } from '@aws-lambda-powertools/logger';
import { LogLevelThreshold } from '@aws-lambda-powertools/logger';
import type { Telemetry } from '../../../ports.ts';
import { stateMachineArnOf } from './state-machine-arn.ts';
import type { TelemetryReport } from './telemetry-report.ts';

/** Keys appended for one invocation, e.g. the SQS message id. */
export type InvocationKeys = Readonly<Record<string, string | number | boolean>>;

/**
 * The runtime's reports as structured log lines, each naming its execution. Execution starts and
 * ends log at INFO and failed tasks at WARN; transitions, successful tasks and received messages
 * at DEBUG, since one line per transition would be most of the CloudWatch Logs bill.
 */
export class ExecutionLog implements Telemetry {
  constructor(readonly logger: Logger) {}

  transition(info: TelemetryReport<'transition'>): void {
    if (!this.debugEnabled()) return;
    this.logger.debug('State entered', {
      executionArn: info.executionArn,
      stateMachineArn: info.stateMachineArn,
      stateName: info.stateName,
      stateType: info.stateType,
      enteredAt: new Date(info.at).toISOString(),
    });
  }

  executionStarted(info: TelemetryReport<'executionStarted'>): void {
    this.logger.info('Execution started', { executionArn: info.executionArn, stateMachineArn: info.stateMachineArn });
  }

  executionEnded(info: TelemetryReport<'executionEnded'>): void {
    this.logger.info('Execution ended', {
      executionArn: info.executionArn,
      stateMachineArn: info.stateMachineArn,
      status: info.status,
      durationMs: info.durationMs,
    });
  }

  taskEnded(info: TelemetryReport<'taskEnded'>): void {
    const failed = info.outcome === 'Failed' || info.outcome === 'TimedOut';
    if (!failed && !this.debugEnabled()) return;
    const stateMachineArn = stateMachineArnOf(info.executionArn);
    const attributes = {
      executionArn: info.executionArn,
      ...(stateMachineArn === undefined ? {} : { stateMachineArn }),
      stateName: info.stateName,
      resource: info.resource,
      outcome: info.outcome,
      durationMs: info.durationMs,
    };
    if (failed) this.logger.warn(info.outcome === 'TimedOut' ? 'Task timed out' : 'Task failed', attributes);
    else this.logger.debug('Task ended', attributes);
  }

  messageReceived(info: TelemetryReport<'messageReceived'>): void {
    if (!this.debugEnabled()) return;
    this.logger.debug('Message received', { executionArn: info.executionArn, lagMs: info.lagMs });
  }

  /** Adds keys to every line until `resetKeys()`; call it at the start of each invocation. */
  appendKeys(keys: InvocationKeys): void {
    this.logger.appendKeys(keys);
  }

  resetKeys(): void {
    this.logger.resetKeys();
  }

  /** Skips building a line's attributes when DEBUG is off, which it is in production. */
  private debugEnabled(): boolean {
    return this.logger.level <= LogLevelThreshold.DEBUG;
  }
}
