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
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";
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
    const [groups, clusters, serverless, subnetGroups] = await Promise.all([
      ctx.listAll(
        "elasticache:DescribeReplicationGroups",
        () => paginateDescribeReplicationGroups({ client }, {}),
        (page) => page.ReplicationGroups,
      ),
      ctx.listAll(
        "elasticache:DescribeCacheClusters",
        () => paginateDescribeCacheClusters({ client }, {}),
        (page) => page.CacheClusters,
      ),
      ctx.listAll(
        "elasticache:DescribeServerlessCaches",
        () => paginateDescribeServerlessCaches({ client }, {}),
        (page) => page.ServerlessCaches,
      ),
      ctx.listAll(
        "elasticache:DescribeCacheSubnetGroups",
        () => paginateDescribeCacheSubnetGroups({ client }, {}),
        (page) => page.CacheSubnetGroups,
      ),
    ]);
    const [replicationGroups, cacheClusters, serverlessCaches] = await Promise.all([
      withTags(ctx, client, groups, (g) => g.ARN),
      withTags(ctx, client, clusters, (c) => (c.ReplicationGroupId === undefined ? c.ARN : undefined)),
      withTags(ctx, client, serverless, (c) => c.ARN),
    ]);
    return { region: ctx.region, replicationGroups, cacheClusters, serverlessCaches, subnetGroups };
  },
};

/** Each listed resource with its tags, asked for only where `arnToTag` gives an ARN. */
async function withTags<T>(
  ctx: FetchContext,
  client: ElastiCacheClient,
  listed: Fetched<T[]>,
  arnToTag: (resource: T) => string | undefined,
): Promise<Fetched<Tagged<T>[]>> {
  if (!listed.ok) return listed;
  const tagged = await Promise.all(
    listed.value.map(async (resource): Promise<Tagged<T>> => {
      const arn = arnToTag(resource);
      if (arn === undefined) return { resource };
      const tags = await ctx.attempt(LIST_TAGS, async () => (await client.send(new ListTagsForResourceCommand({ ResourceName: arn }))).TagList ?? []);
      return { resource, tags };
    }),
  );
  return fetchedValue(tagged);
}
