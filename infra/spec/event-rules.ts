/**
 * EventBridge rules that start executions. Each rule gets its own event-start function, since
 * the function learns which state machine to start from its environment.
 */

export interface EventRuleSpec {
  /** Resource name prefix; letters and digits. */
  readonly name: string;
  readonly description: string;
  /** An EventBridge event pattern. */
  readonly eventPattern: Readonly<Record<string, unknown>>;
  readonly stateMachineArn: string;
  /** The bus the rule listens on; the account's default bus when absent. */
  readonly eventBusName?: string;
}

/** The source of the example rule's events; AWS services never send it, so nothing else matches. */
export const EXAMPLE_EVENT_SOURCE = 'stepwise.example';
export const EXAMPLE_DETAIL_TYPE = 'Start execution';

export function exampleRule(stateMachineArn: string): EventRuleSpec {
  return {
    name: 'ExampleRule',
    description: `Stepwise example: starts ${stateMachineArn} for each "${EXAMPLE_DETAIL_TYPE}" event from ${EXAMPLE_EVENT_SOURCE}`,
    eventPattern: { source: [EXAMPLE_EVENT_SOURCE], 'detail-type': [EXAMPLE_DETAIL_TYPE] },
    stateMachineArn,
  };
}

/**
 * EventBridge's retries for a rule target it could not invoke: a day, EventBridge's longest,
 * since an event that is dropped starts no execution and leaves no trace.
 */
export const TARGET_RETRY = { maximumEventAgeInSeconds: 86_400, maximumRetryAttempts: 185 } as const;

