import {
  DescribeLoggingStatusCommand,
  paginateDescribeClusterParameters,
  paginateDescribeClusters,
  paginateDescribeClusterSubnetGroups,
  RedshiftClient,
  type Cluster,
  type ClusterSubnetGroup,
  type LoggingStatus,
} from "@aws-sdk/client-redshift";
import { inParallel } from "./calls";
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/**
 * Provisioned clusters of one region (encryption, key, public access, security groups and tags
 * come inline) and the subnet groups that place them; each cluster's audit logging status and the
 * `require_ssl` of the parameter groups they use.
 */
export interface RedshiftAnswers {
  readonly region: string;
  readonly clusters: Fetched<Cluster[]>;
  readonly subnetGroups: Fetched<ClusterSubnetGroup[]>;
  /** Cluster identifier -> DescribeLoggingStatus. */
  readonly loggingStatus?: Readonly<Record<string, Fetched<LoggingStatus>>>;
  /** Parameter group name -> its `require_ssl` value (undefined when the group does not list it). */
  readonly requireSsl?: Readonly<Record<string, Fetched<string | undefined>>>;
}

export const redshiftFetcher: Fetcher<RedshiftAnswers> = {
  name: "redshift-clusters",
  service: "redshift",
  actions: ["redshift:DescribeClusters", "redshift:DescribeClusterSubnetGroups", "redshift:DescribeLoggingStatus", "redshift:DescribeClusterParameters"],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(RedshiftClient, "redshift");
    const c = { client };
    const answers = await inParallel({
      clusters: ctx.listAll("redshift:DescribeClusters", () => paginateDescribeClusters(c, {}), (page) => page.Clusters),
      subnetGroups: ctx.listAll("redshift:DescribeClusterSubnetGroups", () => paginateDescribeClusterSubnetGroups(c, {}), (page) => page.ClusterSubnetGroups),
    });
    const clusters = answers.clusters.ok ? answers.clusters.value : [];
    const ids = clusters.flatMap((cl) => (cl.ClusterIdentifier ? [cl.ClusterIdentifier] : []));
    const groups = [...new Set(clusters.flatMap((cl) => (cl.ClusterParameterGroups ?? []).flatMap((g) => (g.ParameterGroupName ? [g.ParameterGroupName] : []))))];
    const [loggingStatus, requireSsl] = await Promise.all([
      byKey(ids, (id) => ctx.attempt("redshift:DescribeLoggingStatus", () => client.send(new DescribeLoggingStatusCommand({ ClusterIdentifier: id })))),
      byKey(groups, (name) => requireSslOf(ctx, client, name)),
    ]);
    return { region: ctx.region, ...answers, loggingStatus, requireSsl };
  },
};

async function requireSslOf(ctx: FetchContext, client: RedshiftClient, group: string): Promise<Fetched<string | undefined>> {
  const parameters = await ctx.listAll(
    "redshift:DescribeClusterParameters",
    () => paginateDescribeClusterParameters({ client }, { ParameterGroupName: group }),
    (page) => page.Parameters,
  );
  return parameters.ok ? fetchedValue(parameters.value.find((p) => p.ParameterName === "require_ssl")?.ParameterValue) : parameters;
}

async function byKey<T>(keys: readonly string[], read: (key: string) => Promise<Fetched<T>>): Promise<Record<string, Fetched<T>>> {
  return Object.fromEntries(await Promise.all(keys.map(async (k) => [k, await read(k)] as const)));
}
