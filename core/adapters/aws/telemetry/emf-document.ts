/**
 * CloudWatch Embedded Metric Format: a JSON log line whose `_aws` member tells CloudWatch Logs
 * which top-level members are metrics (and in which unit) and which are dimensions.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html
 */

/** The limits CloudWatch enforces per document; beyond them it drops the metrics. */
export const EMF_MAX_METRICS = 100;
export const EMF_MAX_DIMENSIONS = 30;
export const EMF_MAX_VALUES = 100;

export type EmfUnit = 'Count' | 'Milliseconds';

export interface EmfMetric {
  readonly name: string;
  readonly unit: EmfUnit;
  /** One number, or up to EMF_MAX_VALUES of them (CloudWatch keeps each for statistics). */
  readonly value: number | readonly number[];
}

export type EmfDimensions = Readonly<Record<string, string>>;

export interface EmfDocument {
  readonly namespace: string;
  /** Milliseconds since the epoch. */
  readonly timestamp: number;
  readonly dimensions: EmfDimensions;
  readonly metrics: readonly EmfMetric[];
}

export function emfLine(document: EmfDocument): string {
  const keys = Object.keys(document.dimensions);
  if (keys.length > EMF_MAX_DIMENSIONS) throw new RangeError(`EMF allows ${EMF_MAX_DIMENSIONS} dimensions, got ${keys.length}`);
  if (document.metrics.length > EMF_MAX_METRICS) throw new RangeError(`EMF allows ${EMF_MAX_METRICS} metrics per document, got ${document.metrics.length}`);
  const values: Record<string, number | readonly number[]> = {};
  for (const metric of document.metrics) values[metric.name] = metric.value;
  return JSON.stringify({
    _aws: {
      Timestamp: document.timestamp,
      CloudWatchMetrics: [
        {
          Namespace: document.namespace,
          Dimensions: [keys],
          Metrics: document.metrics.map((metric) => ({ Name: metric.name, Unit: metric.unit })),
        },
      ],
    },
    ...document.dimensions,
    ...values,
  });
}
