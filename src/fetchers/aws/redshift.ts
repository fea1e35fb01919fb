import {
  paginateDescribeClusters,
  paginateDescribeClusterSubnetGroups,
  RedshiftClient,
  type Cluster,
  type ClusterSubnetGroup,
} from "@aws-sdk/client-redshift";
import { inParallel } from "./calls";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/**
 * Provisioned clusters of one region (encryption, key, public access, security groups and tags
 * come inline) and the subnet groups that place them.
 */
export interface RedshiftAnswers {
  readonly region: string;
  readonly clusters: Fetched<Cluster[]>;
  readonly subnetGroups: Fetched<ClusterSubnetGroup[]>;
}

export const redshiftFetcher: Fetcher<RedshiftAnswers> = {
  name: "redshift-clusters",
  service: "redshift",
  actions: ["redshift:DescribeClusters", "redshift:DescribeClusterSubnetGroups"],
  scope: "region",
  async fetch(ctx) {
    const c = { client: ctx.client(RedshiftClient, "redshift") };
    const answers = await inParallel({
      clusters: ctx.listAll("redshift:DescribeClusters", () => paginateDescribeClusters(c, {}), (page) => page.Clusters),
      subnetGroups: ctx.listAll("redshift:DescribeClusterSubnetGroups", () => paginateDescribeClusterSubnetGroups(c, {}), (page) => page.ClusterSubnetGroups),
    });
    return { region: ctx.region, ...answers };
  },
};
