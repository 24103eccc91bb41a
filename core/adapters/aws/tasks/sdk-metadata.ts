/**
 * `SdkHttpMetadata` and `SdkResponseMetadata`, which the optimized Lambda, SQS, SNS and DynamoDB
 * integrations add to the service's response (see the recorded `services__invoke*`,
 * `services__send_message_attributes`, `services__publish_base-*`, `services__base_integrations-*`
 * cases). They are the Java SDK's response metadata: every header as a list (`AllHttpHeaders`),
 * the last value per header in case-insensitive name order (`HttpHeaders`), and the status.
 */
import type { JsonObject } from '../../../asl/json.ts';
import type { HttpExchange } from './send-command.ts';

export function sdkHttpMetadata(http: HttpExchange): JsonObject {
  const all = new Map<string, { name: string; values: string[] }>();
  const last = new Map<string, { name: string; value: string }>();
  for (const [name, value] of http.headers) {
    const key = name.toLowerCase();
    const entry = all.get(key);
    if (entry === undefined) all.set(key, { name, values: [value] });
    else entry.values.push(value);
    last.set(key, { name: last.get(key)?.name ?? name, value });
  }
  const allHttpHeaders: JsonObject = {};
  for (const { name, values } of all.values()) allHttpHeaders[name] = values;
  const httpHeaders: JsonObject = {};
  for (const key of [...last.keys()].sort()) {
    const entry = last.get(key)!;
    httpHeaders[entry.name] = entry.value;
  }
  return { AllHttpHeaders: allHttpHeaders, HttpHeaders: httpHeaders, HttpStatusCode: http.statusCode };
}

/**
 * The response with both metadata objects added. Keys come out in alphabetical order, as AWS
 * serialises these responses (`ExecutedVersion, Payload, SdkHttpMetadata, SdkResponseMetadata, StatusCode`).
 */
export function withSdkMetadata(output: JsonObject, http: HttpExchange | undefined, requestId: string | undefined): JsonObject {
  const merged: JsonObject = {
    ...output,
    ...(http === undefined ? {} : { SdkHttpMetadata: sdkHttpMetadata(http) }),
    SdkResponseMetadata: requestId === undefined ? {} : { RequestId: requestId },
  };
  const sorted: JsonObject = {};
  for (const key of Object.keys(merged).sort()) sorted[key] = merged[key]!;
  return sorted;
}
