import type { EmfDimensions, EmfMetric, EmfUnit } from './emf-document.ts';
import { EMF_MAX_DIMENSIONS, EMF_MAX_METRICS, EMF_MAX_VALUES, emfLine } from './emf-document.ts';
import type { LineSink } from './line-sink.ts';

/**
 * Metrics aggregated in memory, written as one EMF document per set of dimension values.
 *
 * Counts are summed into a single number and samples (durations, lags) kept as a value array, so
 * the lines written per flush depend on how many (state machine, state type) pairs were seen, not
 * on how many transitions: log ingestion, the only per-datum cost of EMF, stays flat.
 *
 * An EMF document carries one value per dimension key, so `Transitions` of Task states and of
 * Pass states cannot share a document; Powertools Metrics, built around one dimension set per
 * flush, would need a separate `singleMetric()` line per data point for that, hence this writer.
 */

interface Count {
  readonly kind: 'count';
  readonly unit: EmfUnit;
  total: number;
}

interface Samples {
  readonly kind: 'samples';
  readonly unit: EmfUnit;
  readonly values: number[];
}

type Series = Count | Samples;

interface Group {
  readonly dimensions: EmfDimensions;
  readonly series: Map<string, Series>;
}

export interface EmfBufferOptions {
  readonly namespace: string;
  readonly sink: LineSink;
  /** Milliseconds since the epoch, for `_aws.Timestamp`. */
  readonly clock?: () => number;
  /** Dimension value sets held before everything is written early; bounds memory in a long-lived worker. */
  readonly maxGroups?: number;
}

export class EmfBuffer {
  private readonly groups = new Map<string, Group>();
  private readonly clock: () => number;
  private readonly maxGroups: number;

  constructor(private readonly options: EmfBufferOptions) {
    this.clock = options.clock ?? Date.now;
    this.maxGroups = options.maxGroups ?? 500;
  }

  /** Adds to a summed metric (unit Count). */
  count(dimensions: EmfDimensions, name: string, amount = 1): void {
    const series = this.series(dimensions, name, () => ({ kind: 'count', unit: 'Count', total: 0 }));
    if (series.kind !== 'count') throw new TypeError(`${name} is recorded as samples, not counted`);
    series.total += amount;
  }

  /** Keeps one sample of a distribution, so CloudWatch can give percentiles. */
  record(dimensions: EmfDimensions, name: string, unit: EmfUnit, value: number): void {
    const key = groupKey(dimensions);
    const series = this.series(dimensions, name, () => ({ kind: 'samples', unit, values: [] }));
    if (series.kind !== 'samples') throw new TypeError(`${name} is counted, not recorded as samples`);
    series.values.push(value);
    if (series.values.length >= EMF_MAX_VALUES) this.writeGroup(key);
  }

  /** Writes every buffered document and empties the buffer; writes nothing when nothing was reported. */
  flush(): void {
    for (const key of [...this.groups.keys()]) this.writeGroup(key);
  }

  private series(dimensions: EmfDimensions, name: string, create: () => Series): Series {
    const key = groupKey(dimensions);
    let group = this.groups.get(key);
    if (!group) {
      if (Object.keys(dimensions).length > EMF_MAX_DIMENSIONS) throw new RangeError(`EMF allows ${EMF_MAX_DIMENSIONS} dimensions`);
      if (this.groups.size >= this.maxGroups) this.flush();
      group = { dimensions: { ...dimensions }, series: new Map() };
      this.groups.set(key, group);
    }
    let series = group.series.get(name);
    if (!series) {
      if (group.series.size >= EMF_MAX_METRICS) {
        this.writeGroup(key);
        return this.series(dimensions, name, create);
      }
      series = create();
      group.series.set(name, series);
    }
    return series;
  }

  private writeGroup(key: string): void {
    const group = this.groups.get(key);
    if (!group) return;
    this.groups.delete(key);
    const metrics: EmfMetric[] = [];
    for (const [name, series] of group.series) {
      metrics.push({ name, unit: series.unit, value: series.kind === 'count' ? series.total : series.values });
    }
    if (metrics.length === 0) return;
    this.options.sink(emfLine({ namespace: this.options.namespace, timestamp: this.clock(), dimensions: group.dimensions, metrics }));
  }
}

function groupKey(dimensions: EmfDimensions): string {
  return JSON.stringify(Object.entries(dimensions).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
