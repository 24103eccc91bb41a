/**
 * SDK clients, created on first use and reused: one per service for the engine's own identity,
 * and one per service and assumed role for Tasks with `Credentials`.
 */
import { defaultClientFactory } from './client-factory.ts';
import type { AwsServiceTasksConfig, ClientSettings } from './config.ts';
import { RoleCredentials, type TaskRole } from './role-credentials.ts';
import type { ServiceClients, ServiceId } from './services.ts';

/** Role clients kept at most; the least recently used is dropped first. */
const MAX_ROLE_CLIENTS = 64;

/** A dropped client may still be serving a call: it is destroyed only after the longest Lambda run. */
const DESTROY_DROPPED_AFTER_MS = 15 * 60_000;

interface Destroyable {
  destroy(): void;
}

export class ClientPool {
  private readonly shared = new Map<ServiceId, Promise<Destroyable>>();
  private readonly forRoles = new Map<string, Promise<Destroyable>>();
  private readonly roles: RoleCredentials;
  private destroyed = false;

  constructor(private readonly config: AwsServiceTasksConfig) {
    this.roles = new RoleCredentials(() => this.client('sts'));
  }

  /**
   * The client for `service`; with a role, its credentials are assumed first, so a role that
   * cannot be assumed fails here (as `AssumeRoleError`) rather than inside the service call.
   */
  async client<S extends ServiceId>(service: S, role?: TaskRole): Promise<ServiceClients[S]> {
    if (this.destroyed) throw new Error('AwsServiceTasks was destroyed');
    if (role === undefined) return this.cached(this.shared, service, service, () => this.settings(service)) as Promise<ServiceClients[S]>;
    await this.roles.credentials(role);
    const key = `${service}\n${role.roleArn}\n${role.roleSessionName}\n${role.externalId ?? ''}`;
    const client = this.cached(this.forRoles, key, service, () => ({
      ...this.settings(service),
      credentials: () => this.roles.credentials(role),
    }));
    // Re-inserted so that the map's order is the order of last use.
    this.forRoles.delete(key);
    this.forRoles.set(key, client);
    this.evictLeastRecentlyUsed();
    return client as Promise<ServiceClients[S]>;
  }

  destroy(): void {
    this.destroyed = true;
    for (const client of [...this.shared.values(), ...this.forRoles.values()]) destroyWhenReady(client);
    this.shared.clear();
    this.forRoles.clear();
  }

  private cached<K>(map: Map<K, Promise<Destroyable>>, key: K, service: ServiceId, settings: () => ClientSettings): Promise<Destroyable> {
    let client = map.get(key);
    if (client === undefined) {
      const factory = this.config.clientFactory ?? defaultClientFactory;
      client = Promise.resolve(factory(service, settings()));
      map.set(key, client);
      // A factory that failed once may succeed later (a module still loading, say).
      client.catch(() => {
        if (map.get(key) === client) map.delete(key);
      });
    }
    return client;
  }

  private settings(service: ServiceId): ClientSettings {
    const endpoint = this.config.endpoints?.[service] ?? this.config.endpoint;
    return {
      region: this.config.region,
      ...(endpoint === undefined ? {} : { endpoint }),
      ...(this.config.credentials === undefined ? {} : { credentials: this.config.credentials }),
      ...(this.config.maxAttempts === undefined ? {} : { maxAttempts: this.config.maxAttempts }),
    };
  }

  private evictLeastRecentlyUsed(): void {
    for (const [key, client] of this.forRoles) {
      if (this.forRoles.size <= MAX_ROLE_CLIENTS) break;
      this.forRoles.delete(key);
      setTimeout(() => destroyWhenReady(client), DESTROY_DROPPED_AFTER_MS).unref();
    }
  }
}

function destroyWhenReady(client: Promise<Destroyable>): void {
  client.then((ready) => ready.destroy(), () => undefined);
}
