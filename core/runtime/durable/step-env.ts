import { createHash } from 'node:crypto';
import type { ExecutionContext, StepEnv } from '../../asl/interpreter/env.ts';
import { uuidFrom } from '../uuid-from.ts';

/**
 * The env for one step, derived from the message alone: its time is when the event happened
 * and its UUIDs and random numbers are hashed from the message key. A step re-run after a lost
 * commit (or a conflict) therefore produces the same events, tokens and timers.
 */
export function stepEnv(secret: string, messageKey: string, at: number, firstEventId: number, execution: ExecutionContext): StepEnv {
  let counter = 0;
  // The installation's secret makes task tokens (drawn from here) impossible to guess.
  const draw = (): Buffer => createHash('sha256').update(`${secret}|${execution.executionArn}|${messageKey}#${counter++}`).digest();
  return {
    now: at,
    firstEventId,
    execution,
    uuid: () => uuidFrom(draw()),
    random: () => draw().readUInt32BE(0) / 0x1_0000_0000,
  };
}
