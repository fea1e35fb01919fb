import { ListTagsCommand, MemoryDBClient, paginateDescribeClusters, type Cluster, type Tag } from "@aws-sdk/client-memorydb";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface MemoryDbClusterAnswer {
  readonly cluster: Cluster;
  /** Undefined when the cluster was listed without an ARN to ask with. */
  readonly tags?: Fetched<Tag[]>;
}

/** MemoryDB clusters of one region: key, TLS and snapshot retention inline; tags asked per cluster. */
export interface MemoryDbAnswers {
  readonly region: string;
  readonly clusters: Fetched<MemoryDbClusterAnswer[]>;
}

const LIST_TAGS = "memorydb:ListTags";

export const memorydbFetcher: Fetcher<MemoryDbAnswers> = {
  name: "memorydb-clusters",
  service: "memorydb",
  actions: ["memorydb:DescribeClusters", LIST_TAGS],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(MemoryDBClient, "memorydb");
    const listed = await ctx.listAll("memorydb:DescribeClusters", () => paginateDescribeClusters({ client }, {}), (page) => page.Clusters);
    const clusters = await eachListed(listed, async (cluster): Promise<MemoryDbClusterAnswer> => {
      const arn = cluster.ARN;
      if (arn === undefined) return { cluster };
      const tags = await ctx.attempt(LIST_TAGS, async () => (await client.send(new ListTagsCommand({ ResourceArn: arn }))).TagList ?? []);
      return { cluster, tags };
    });
    return { region: ctx.region, clusters };
  },
};
