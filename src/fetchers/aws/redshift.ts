import {
  paginateDescribeClusters,
  paginateDescribeClusterSubnetGroups,
  RedshiftClient,
  type Cluster,
  type ClusterSubnetGroup,
} from "@aws-sdk/client-redshift";
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
    const client = ctx.client(RedshiftClient, "redshift");
    const [clusters, subnetGroups] = await Promise.all([
      ctx.listAll(
        "redshift:DescribeClusters",
        () => paginateDescribeClusters({ client }, {}),
        (page) => page.Clusters,
      ),
      ctx.listAll(
        "redshift:DescribeClusterSubnetGroups",
        () => paginateDescribeClusterSubnetGroups({ client }, {}),
        (page) => page.ClusterSubnetGroups,
      ),
    ]);
    return { region: ctx.region, clusters, subnetGroups };
  },
};
