import type { CacheCluster, ReplicationGroup, ServerlessCache } from "@aws-sdk/client-elasticache";
import type { Tags } from "../../core/classification";
import { unknown, type Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { ElastiCacheAnswers, Tagged } from "../../fetchers/aws/elasticache";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { DataStore, EncryptionAtRest, StoreKind, StoreVariant } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { cacheClusterHygiene, replicationGroupHygiene, serverlessCacheHygiene } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { CoverageGap, InventoryContribution } from "./contribution";
import { cacheClusterPlacement, cacheSubnetGroupModel, replicationGroupPlacement, serverlessCachePlacement } from "./elasticache-placement";
import { gapOf, readFetched, tagsOfList } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { listedSubnetGroups } from "./listed-subnet-groups";
import { arnOf, awsRef } from "./refs";

interface Scope {
  readonly ctx: AdaptContext;
  readonly region: string;
}

const GROUP_KEYLESS = STORE_KIND_FACTS["elasticache-replication-group"].encryption.keyless;

/**
 * `AtRestEncryptionEnabled` with `KmsKeyId`, else a service-owned key. A group that does not report
 * the switch takes the engine's default: on for Valkey, off for Redis OSS.
 */
export function replicationGroupEncryption(g: ReplicationGroup, s: Scope): EncryptionAtRest {
  const on = g.AtRestEncryptionEnabled ?? g.Engine?.toLowerCase() === "valkey";
  const setting = g.AtRestEncryptionEnabled === undefined ? `AtRestEncryptionEnabled not reported (engine ${g.Engine ?? "not reported"})` : `AtRestEncryptionEnabled=${String(on)}`;
  if (!on) return notEncrypted(setting);
  if (g.KmsKeyId) return keyedEncryption(s.ctx, g.KmsKeyId, s.region, "KmsKeyId");
  return encryptedWith(GROUP_KEYLESS, `${setting} without KmsKeyId: service-owned key`);
}

/**
 * A cache cluster outside a replication group has no at-rest encryption setting (Memcached never
 * encrypts at rest), as the Pulumi front reads it; one AWS reports encrypted is taken at its word.
 */
export function cacheClusterEncryption(c: CacheCluster): EncryptionAtRest {
  if (c.AtRestEncryptionEnabled === true) return encryptedWith(GROUP_KEYLESS, "AtRestEncryptionEnabled=true: service-owned key");
  return notEncrypted(`no encryption at rest: a cache cluster outside a replication group (engine ${c.Engine ?? "not reported"}) is not encrypted`);
}

/** Always encrypted: with `KmsKeyId`, else an AWS-owned key. */
export function serverlessCacheEncryption(c: ServerlessCache, s: Scope): EncryptionAtRest {
  if (c.KmsKeyId) return keyedEncryption(s.ctx, c.KmsKeyId, s.region, "KmsKeyId");
  return encryptedWith(STORE_KIND_FACTS["elasticache-serverless-cache"].encryption.keyless, "always encrypted: AWS-owned key (KmsKeyId not set)");
}

interface Identity {
  readonly kind: StoreKind;
  readonly variant?: StoreVariant;
  readonly type: string;
  /** The resource part of its ARN, before the name. */
  readonly arnPrefix: string;
}

const GROUP: Identity = { kind: "elasticache-replication-group", type: "AWS::ElastiCache::ReplicationGroup", arnPrefix: "replicationgroup" };
const CLUSTER: Identity = { kind: "elasticache-replication-group", variant: "elasticache-cache-cluster", type: "AWS::ElastiCache::CacheCluster", arnPrefix: "cluster" };
const SERVERLESS: Identity = { kind: "elasticache-serverless-cache", type: "AWS::ElastiCache::ServerlessCache", arnPrefix: "serverlesscache" };

function storeOf<T>(
  t: Tagged<T>,
  id: Identity,
  name: string,
  arn: string | undefined,
  s: Scope,
  encryption: Val<EncryptionAtRest>,
): DataStore {
  const tags: Val<Tags | undefined> = t.tags
    ? readFetched(t.tags, tagsOfList)
    : unknown("error", `${storeLabel(id.kind, id.variant)} ${name} was listed without an ARN: its tags could not be asked for`);
  return {
    model: "data-store",
    ref: awsRef(arn ?? arnOf(s.ctx.partition, "elasticache", s.region, s.ctx.account, `${id.arnPrefix}:${name}`), id.type, name, storeLabel(id.kind, id.variant), s.ctx.account, s.region),
    kind: id.kind,
    ...(id.variant ? { variant: id.variant } : {}),
    physicalName: name,
    tags,
    encryption,
    parts: [],
  };
}

/** A secondary member of a global datastore is a replica of the global datastore's primary. */
function copyOfGroup(g: ReplicationGroup): DataStore["copyOf"] {
  const info = g.GlobalReplicationGroupInfo;
  if (info?.GlobalReplicationGroupMemberRole?.toUpperCase() !== "SECONDARY" || !info.GlobalReplicationGroupId) return undefined;
  return { relation: "replica", source: info.GlobalReplicationGroupId, sourceProperty: "GlobalReplicationGroupInfo.GlobalReplicationGroupId" };
}

/**
 * One region's ElastiCache stores: replication groups (placed by their member clusters),
 * standalone cache clusters and serverless caches; cache subnet groups in the network graph.
 * Member clusters of a replication group are part of their group, not stores of their own.
 */
export function adaptElastiCache(raw: ElastiCacheAnswers, ctx: AdaptContext): InventoryContribution {
  const s: Scope = { ctx, region: raw.region };
  const groups = listedSubnetGroups(raw.subnetGroups, (g) => cacheSubnetGroupModel(g, ctx, raw.region));
  const clusters: Fetched<CacheCluster[]> = raw.cacheClusters.ok ? { ok: true, value: raw.cacheClusters.value.map((t) => t.resource) } : raw.cacheClusters;
  const stores: DataStore[] = [];
  const placements: [string, Placement][] = [];
  const hygiene: [string, StoreHygiene][] = [];
  const add = (store: DataStore, placement: Placement, storeHygiene: StoreHygiene): void => {
    stores.push(store);
    placements.push([store.ref.id, placement]);
    hygiene.push([store.ref.id, storeHygiene]);
  };

  for (const t of raw.replicationGroups.ok ? raw.replicationGroups.value : []) {
    const g = t.resource;
    if (!g.ReplicationGroupId) continue;
    const copyOf = copyOfGroup(g);
    const store = storeOf(t, GROUP, g.ReplicationGroupId, g.ARN, s, replicationGroupEncryption(g, s));
    add(copyOf ? { ...store, copyOf } : store, replicationGroupPlacement(g.ReplicationGroupId, clusters, groups), replicationGroupHygiene(g));
  }
  for (const t of raw.cacheClusters.ok ? raw.cacheClusters.value : []) {
    const c = t.resource;
    if (!c.CacheClusterId || c.ReplicationGroupId) continue;
    add(storeOf(t, CLUSTER, c.CacheClusterId, c.ARN, s, cacheClusterEncryption(c)), cacheClusterPlacement(c, groups), cacheClusterHygiene(c));
  }
  for (const t of raw.serverlessCaches.ok ? raw.serverlessCaches.value : []) {
    const c = t.resource;
    if (!c.ServerlessCacheName) continue;
    add(storeOf(t, SERVERLESS, c.ServerlessCacheName, c.ARN, s, serverlessCacheEncryption(c, s)), serverlessCachePlacement(c), serverlessCacheHygiene(c));
  }

  const gaps: CoverageGap[] = [];
  if (!raw.replicationGroups.ok) gaps.push(gapOf(raw.replicationGroups.failure, "ElastiCache replication groups"));
  if (!raw.cacheClusters.ok) gaps.push(gapOf(raw.cacheClusters.failure, "ElastiCache cache clusters"));
  if (!raw.serverlessCaches.ok) gaps.push(gapOf(raw.serverlessCaches.failure, "ElastiCache serverless caches"));
  if (!groups.ok) gaps.push(gapOf(groups.failure, "ElastiCache cache subnet groups"));
  return { stores, placements, network: { subnetGroups: groups.ok ? groups.value : [] }, hygiene: { stores: hygiene }, gaps };
}
