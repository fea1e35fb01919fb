import type { DataStore } from "../../../models/data-store";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";
import { inheritsEncryption } from "./shared";

/**
 * A database created inside a server by the PostgreSQL or MySQL provider. Its data sits on the
 * server's storage, so it is encrypted as the server is; the stack view joins it to the server
 * through its provider's `host`.
 */
export const logicalDatabase: StoreAdapter = {
  types: ["postgresql:index/database:Database", "mysql:index/database:Database"],
  kind: "logical-database",
  nameProperty: "name",
  encryption: (p) => inheritsEncryption("server", `${p.resource.name} is stored as its database server is`),
};

export const isDatabaseProvider = (type: string): boolean =>
  type === "pulumi:providers:postgresql" || type === "pulumi:providers:mysql";

/** The server store behind each logical database: its provider's `host` came from that server. */
export function joinLogicalDatabases(stores: Map<string, DataStore>, resources: readonly EngineResource[]): void {
  const providers = new Map(resources.filter((r) => isDatabaseProvider(r.type)).map((r) => [r.urn, new Props(r)]));
  const providerOf = new Map(resources.map((r) => [r.urn, r.provider]));
  for (const [urn, store] of stores) {
    if (store.kind !== "logical-database") continue;
    const providerUrn = providerOf.get(urn);
    const provider = providerUrn ? providers.get(providerUrn) : undefined;
    const serverUrn = provider?.dependenciesOf("host").find((u) => stores.has(u));
    const server = serverUrn ? stores.get(serverUrn) : undefined;
    if (!server) continue;
    stores.set(urn, {
      ...store,
      server: server.ref,
      // Held on the server: its classification and encryption are the server's (its segment is
      // configured per database name: logicalDatabaseSegments).
      tags: server.tags,
      encryption: server.encryption,
    });
  }
}
