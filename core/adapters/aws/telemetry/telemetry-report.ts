import type { Telemetry } from '../../../ports.ts';

/** What the runtime passes to one Telemetry method, e.g. `TelemetryReport<'transition'>`. */
export type TelemetryReport<K extends keyof Telemetry> = Parameters<Telemetry[K]>[0];
