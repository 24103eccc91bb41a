import { Logger } from '@aws-lambda-powertools/logger';
import type { LogItem } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions } from '@aws-lambda-powertools/logger/types';
import type { LineSink } from './line-sink.ts';

/**
 * A Powertools Logger whose lines go to a sink instead of its private console, so tests (or a
 * process that multiplexes its output) can take them. Formatting, levels, sampling and keys stay
 * Powertools'. Log buffering is not supported: buffered items bypass `printLog`.
 */
export class SinkLogger extends Logger {
  constructor(
    private readonly sink: LineSink,
    options?: ConstructorOptions,
  ) {
    super(options);
  }

  protected override printLog(_logLevel: number, log: LogItem): void {
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }

  /** Children made with `createChild` write to the same sink. */
  protected override createLogger(options?: ConstructorOptions): Logger {
    return new SinkLogger(this.sink, options);
  }
}
