import type { STSClientConfig } from '@aws-sdk/client-sts';
import type { ServiceClients, ServiceId } from './services.ts';

/** Static keys or a provider, as every AWS SDK client accepts them. */
export type AwsCredentials = NonNullable<STSClientConfig['credentials']>;

/** What a client is built from; only the keys that are set are present. */
export interface ClientSettings {
  readonly region: string;
  readonly endpoint?: string;
  readonly credentials?: AwsCredentials;
  readonly maxAttempts?: number;
}

/**
 * Builds the SDK client for one service. Every client the integrations use comes from here, so a
 * wrapper can instrument them all, e.g. X-Ray capture:
 *   clientFactory: async (service, settings) => tracer.captureAWSv3Client(await defaultClientFactory(service, settings))
 */
export type ClientFactory = <S extends ServiceId>(service: S, settings: ClientSettings) => ServiceClients[S] | Promise<ServiceClients[S]>;

export interface AwsServiceTasksConfig {
  readonly region: string;
  /** The engine's own identity; absent: the SDK's default chain (environment, Lambda role...). */
  readonly credentials?: AwsCredentials;
  /** One endpoint for every service (LocalStack, moto in server mode). */
  readonly endpoint?: string;
  /** Per-service endpoints; win over `endpoint`. */
  readonly endpoints?: Partial<Record<ServiceId, string>>;
  /** The SDK's attempts per call (its default: 3). */
  readonly maxAttempts?: number;
  readonly clientFactory?: ClientFactory;
}
