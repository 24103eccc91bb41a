/** A schedule target's `Input`, in UTF-8 bytes (256 KB). */
export const MAX_INPUT_BYTES = 262_144;

/**
 * Timers due within this many seconds go straight to the queue with DelaySeconds (SQS's limit);
 * later ones become schedules.
 */
export const QUEUE_DELAY_HORIZON_SECONDS = 900;
