import {
  ElastiCacheClient,
  ListTagsForResourceCommand,
  paginateDescribeCacheClusters,
  paginateDescribeCacheSubnetGroups,
  paginateDescribeReplicationGroups,
  paginateDescribeServerlessCaches,
  type CacheCluster,
  type CacheSubnetGroup,
  type ReplicationGroup,
  type ServerlessCache,
  type Tag,
} from "@aws-sdk/client-elasticache";
import { inParallel } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** One ElastiCache resource and its tags (undefined when it has no ARN to ask with). */
export interface Tagged<T> {
  readonly resource: T;
  readonly tags?: Fetched<Tag[]>;
}

/**
 * Replication groups (the stores; their member clusters give their subnet group and security
 * groups), cache clusters (members, and standalone clusters, which are stores of their own, tagged
 * only then), serverless caches, and the subnet groups that place groups and clusters.
 */
export interface ElastiCacheAnswers {
  readonly region: string;
  readonly replicationGroups: Fetched<Tagged<ReplicationGroup>[]>;
  readonly cacheClusters: Fetched<Tagged<CacheCluster>[]>;
  readonly serverlessCaches: Fetched<Tagged<ServerlessCache>[]>;
  readonly subnetGroups: Fetched<CacheSubnetGroup[]>;
}

const LIST_TAGS = "elasticache:ListTagsForResource";

export const elasticacheFetcher: Fetcher<ElastiCacheAnswers> = {
  name: "elasticache",
  service: "elasticache",
  actions: [
    "elasticache:DescribeReplicationGroups",
    "elasticache:DescribeCacheClusters",
    "elasticache:DescribeServerlessCaches",
    "elasticache:DescribeCacheSubnetGroups",
    LIST_TAGS,
  ],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(ElastiCacheClient, "elasticache");
    const c = { client };
    const listed = await inParallel({
      groups: ctx.listAll("elasticache:DescribeReplicationGroups", () => paginateDescribeReplicationGroups(c, {}), (page) => page.ReplicationGroups),
      clusters: ctx.listAll("elasticache:DescribeCacheClusters", () => paginateDescribeCacheClusters(c, {}), (page) => page.CacheClusters),
      serverless: ctx.listAll("elasticache:DescribeServerlessCaches", () => paginateDescribeServerlessCaches(c, {}), (page) => page.ServerlessCaches),
      subnetGroups: ctx.listAll("elasticache:DescribeCacheSubnetGroups", () => paginateDescribeCacheSubnetGroups(c, {}), (page) => page.CacheSubnetGroups),
    });
    const tagged = await inParallel({
      replicationGroups: withTags(ctx, client, listed.groups, (g) => g.ARN),
      cacheClusters: withTags(ctx, client, listed.clusters, (cluster) => (cluster.ReplicationGroupId === undefined ? cluster.ARN : undefined)),
      serverlessCaches: withTags(ctx, client, listed.serverless, (cache) => cache.ARN),
    });
    return { region: ctx.region, ...tagged, subnetGroups: listed.subnetGroups };
  },
};

/** Each listed resource with its tags, asked for only where `arnToTag` gives an ARN. */
async function withTags<T>(
  ctx: FetchContext,
  client: ElastiCacheClient,
  listed: Fetched<T[]>,
  arnToTag: (resource: T) => string | undefined,
): Promise<Fetched<Tagged<T>[]>> {
  return eachListed(listed, async (resource): Promise<Tagged<T>> => {
    const arn = arnToTag(resource);
    if (arn === undefined) return { resource };
    const tags = await ctx.attempt(LIST_TAGS, async () => (await client.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList ?? []);
    return { resource, tags };
  });
}
