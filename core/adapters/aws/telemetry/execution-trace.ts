import type { Telemetry } from '../../../ports.ts';
import { stateMachineNameOf } from './state-machine-arn.ts';
import type { TraceContext, TraceSubsegment } from './trace-context.ts';
import { xrayName } from './xray-name.ts';
import type { TelemetryReport } from './telemetry-report.ts';

/**
 * The runtime's reports as X-Ray subsegments of the current invocation's trace: one per state
 * entered and one per Task attempt, named after the state and annotated so that traces can be
 * searched by state machine, execution and state (`annotation.Execution = "arn:..."`).
 *
 * Execution starts and ends, and queue lag, are left to logs and metrics: they are not spans.
 */
export class ExecutionTrace implements Telemetry {
  constructor(private readonly context: TraceContext) {}

  transition(info: TelemetryReport<'transition'>): void {
    this.subsegment(info.stateName, (subsegment) => {
      subsegment.addAnnotation('StateMachine', stateMachineNameOf(info.stateMachineArn));
      subsegment.addAnnotation('Execution', info.executionArn);
      subsegment.addAnnotation('State', info.stateName);
      subsegment.addAnnotation('Type', info.stateType);
    });
  }

  taskEnded(info: TelemetryReport<'taskEnded'>): void {
    this.subsegment(info.stateName, (subsegment) => {
      // The attempt is reported when it returns: its subsegment starts when it was invoked.
      subsegment.start_time -= info.durationMs / 1000;
      subsegment.addAnnotation('StateMachine', stateMachineNameOf(info.executionArn));
      subsegment.addAnnotation('Execution', info.executionArn);
      subsegment.addAnnotation('State', info.stateName);
      subsegment.addAnnotation('Type', 'Task');
      subsegment.addAnnotation('Resource', info.resource);
      subsegment.addAnnotation('Outcome', info.outcome);
      if (info.outcome === 'Failed' || info.outcome === 'TimedOut') subsegment.addErrorFlag();
    });
  }

  executionStarted(): void {}

  executionEnded(): void {}

  messageReceived(): void {}

  /**
   * Telemetry must never fail a step: whatever the X-Ray SDK throws (a missing context under a
   * RUNTIME_ERROR strategy, say) loses the subsegment, not the transition.
   */
  private subsegment(stateName: string, describe: (subsegment: TraceSubsegment) => void): void {
    try {
      const parent = this.context();
      if (!parent) return;
      const subsegment = parent.addNewSubsegment(xrayName(stateName, 'State'));
      try {
        describe(subsegment);
      } finally {
        subsegment.close();
      }
    } catch {
      // Tracing is best effort.
    }
  }
}
