import type { ClientFactory, ClientSettings } from './config.ts';
import { exportedClass, loadSdkModule } from './sdk-modules.ts';
import { SERVICES, type ServiceClients, type ServiceId } from './services.ts';

/** The plain SDK client of the service's installed package. */
export const defaultClientFactory: ClientFactory = async <S extends ServiceId>(service: S, settings: ClientSettings): Promise<ServiceClients[S]> => {
  const module = await loadSdkModule(service);
  const className = SERVICES[service].clientClass;
  const Client = exportedClass(module, className);
  if (Client === undefined) throw new Error(`@aws-sdk/client-${service} does not export ${className}`);
  return new (Client as unknown as new (config: ClientSettings) => ServiceClients[S])(settings);
};
