/**
 * The client packages, imported on first use: a worker whose state machines only send SQS
 * messages never pays the start-up cost of the other seven.
 */
import type { ServiceId } from './services.ts';

const LOADERS: { readonly [S in ServiceId]: () => Promise<object> } = {
  lambda: () => import('@aws-sdk/client-lambda'),
  sqs: () => import('@aws-sdk/client-sqs'),
  sns: () => import('@aws-sdk/client-sns'),
  dynamodb: () => import('@aws-sdk/client-dynamodb'),
  eventbridge: () => import('@aws-sdk/client-eventbridge'),
  sts: () => import('@aws-sdk/client-sts'),
  scheduler: () => import('@aws-sdk/client-scheduler'),
  sfn: () => import('@aws-sdk/client-sfn'),
};

/** A package's exports, looked up by name (`SendMessageCommand`, `SQSServiceException`). */
export type SdkModule = Readonly<Record<string, unknown>>;

const loaded = new Map<ServiceId, Promise<SdkModule>>();

export function loadSdkModule(service: ServiceId): Promise<SdkModule> {
  let module = loaded.get(service);
  if (module === undefined) {
    module = LOADERS[service]().then((namespace) => namespace as SdkModule);
    loaded.set(service, module);
  }
  return module;
}

export type Constructor = abstract new (...args: never[]) => object;

export function exportedClass(module: SdkModule, name: string): Constructor | undefined {
  const value = module[name];
  return typeof value === 'function' ? (value as Constructor) : undefined;
}
