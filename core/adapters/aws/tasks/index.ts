export { AwsServiceTasks, OPTIMIZED_INTEGRATIONS, type AwsServiceTasksOptions } from './service-tasks.ts';
export type { AwsCredentials, AwsServiceTasksConfig, ClientFactory, ClientSettings } from './config.ts';
export { defaultClientFactory } from './client-factory.ts';
export type { IntegrationContext, ServiceIntegration } from './integration.ts';
export { callOptimized, type OptimizedResult } from './optimized-call.ts';
export { failed, notRecognized, ParameterError, runtimeFailure } from './outcomes.ts';
export { SERVICES, type ServiceClients, type ServiceId } from './services.ts';
