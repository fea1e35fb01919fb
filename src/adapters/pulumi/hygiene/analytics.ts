import type { DataStore } from "../../../models/data-store";
import type { StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import type { PulumiHygieneAdapter } from "./adapter";
import {
  cacheClusterHygiene,
  ELASTICACHE_CLUSTER,
  ELASTICACHE_GROUP,
  ELASTICACHE_SERVERLESS,
  MEMORYDB_CLUSTER,
  memorydbClusterHygiene,
  replicationGroupHygiene,
  serverlessCacheHygiene,
} from "./analytics-caches";
import { domainHygiene, ELASTICSEARCH_DOMAIN, MSK_CLUSTER, MSK_SERVERLESS, mskClusterHygiene, mskServerlessHygiene, OPENSEARCH_DOMAIN } from "./analytics-search-streaming";
import { StoreJoin } from "./analytics-settings";
import {
  EFS_BACKUP_POLICY,
  EFS_FILE_SYSTEM,
  efsHygiene,
  REDSHIFT_CLUSTER,
  REDSHIFT_LOGGING,
  REDSHIFT_NAMESPACE,
  REDSHIFT_PARAMETER_GROUP,
  REDSHIFT_WORKGROUP,
  redshiftClusterHygiene,
  redshiftNamespaceHygiene,
} from "./analytics-warehouse";

type Reader = (p: Props, store: DataStore, join: StoreJoin) => StoreHygiene | undefined;

/** Store type -> how its hygiene is read. */
const READERS: ReadonlyMap<string, Reader> = new Map<string, Reader>([
  [ELASTICACHE_GROUP, (p) => replicationGroupHygiene(p)],
  [ELASTICACHE_CLUSTER, (p) => cacheClusterHygiene(p)],
  [ELASTICACHE_SERVERLESS, (p) => serverlessCacheHygiene(p)],
  [MEMORYDB_CLUSTER, (p) => memorydbClusterHygiene(p)],
  [OPENSEARCH_DOMAIN, (p) => domainHygiene(p)],
  [ELASTICSEARCH_DOMAIN, (p) => domainHygiene(p)],
  [MSK_CLUSTER, (p) => mskClusterHygiene(p)],
  [MSK_SERVERLESS, () => mskServerlessHygiene()],
  [REDSHIFT_CLUSTER, redshiftClusterHygiene],
  [REDSHIFT_NAMESPACE, (_, store, join) => redshiftNamespaceHygiene(store, join)],
  [EFS_FILE_SYSTEM, (_, store, join) => efsHygiene(store, join)],
]);

/** Resources that hold a store's settings apart from it. */
const SETTING_TYPES = [REDSHIFT_PARAMETER_GROUP, REDSHIFT_LOGGING, REDSHIFT_WORKGROUP, EFS_BACKUP_POLICY];

/**
 * Transit encryption, audit logs and backups of caches (ElastiCache, MemoryDB), search domains
 * (OpenSearch, Elasticsearch), streaming (MSK), warehouses (Redshift) and EFS file systems.
 */
export const analyticsHygieneAdapter: PulumiHygieneAdapter = {
  types: [...READERS.keys(), ...SETTING_TYPES],
  build(resources: readonly EngineResource[], stores: readonly DataStore[]) {
    const join = new StoreJoin(resources);
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const out: (readonly [string, StoreHygiene])[] = [];
    for (const store of stores) {
      const resource = byUrn.get(store.ref.id);
      const read = resource && READERS.get(resource.type);
      const hygiene = resource && read ? read(new Props(resource), store, join) : undefined;
      if (hygiene && Object.keys(hygiene).length > 0) out.push([store.ref.id, hygiene]);
    }
    return { stores: out };
  },
};
