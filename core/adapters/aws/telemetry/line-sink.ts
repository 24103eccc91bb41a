/** Where telemetry's JSON lines go: one complete JSON document per call, without a newline. */
export type LineSink = (line: string) => void;

/**
 * Standard output, written raw: in Lambda, `console.log` prefixes each line with a timestamp and
 * request id, and CloudWatch only extracts Embedded Metric Format documents from lines that are
 * pure JSON.
 */
export const stdoutSink: LineSink = (line) => {
  process.stdout.write(`${line}\n`);
};
