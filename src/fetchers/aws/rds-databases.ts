import {
  paginateDescribeDBClusters,
  paginateDescribeDBInstances,
  paginateDescribeDBSubnetGroups,
  paginateDescribeGlobalClusters,
  RDSClient,
  type DBCluster,
  type DBInstance,
  type DBSubnetGroup,
  type GlobalCluster,
} from "@aws-sdk/client-rds";
import { inParallel } from "./calls";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";
import { fetchUserParameters, RDS_PARAMETER_ACTIONS, type RdsUserParameters } from "./rds-parameters";

/**
 * The databases of one region as the RDS API describes them: RDS instances, Aurora and Multi-AZ
 * clusters, DocumentDB and Neptune clusters and their instances (the same API), Aurora global
 * clusters, DB subnet groups, and the user-set parameters of the custom parameter groups they use
 * (whether they require TLS). Tags come inline (`TagList`). Logical databases inside a server
 * are not listable from the control plane and are not fetched.
 */
export interface RdsDatabasesAnswer {
  readonly region: string;
  readonly instances: Fetched<DBInstance[]>;
  readonly clusters: Fetched<DBCluster[]>;
  /** The API lists every global cluster of the account in each region; the adapter keeps one region's. */
  readonly globalClusters: Fetched<GlobalCluster[]>;
  readonly subnetGroups: Fetched<DBSubnetGroup[]>;
  /** User-set parameters of the custom parameter groups the listed databases use (TLS); absent in older recordings. */
  readonly parameters?: RdsUserParameters;
}

export const RDS_DATABASE_ACTIONS = [
  "rds:DescribeDBInstances",
  "rds:DescribeDBClusters",
  "rds:DescribeGlobalClusters",
  "rds:DescribeDBSubnetGroups",
  ...RDS_PARAMETER_ACTIONS,
] as const;

export const rdsDatabasesFetcher: Fetcher<RdsDatabasesAnswer> = {
  name: "rds-databases",
  service: "rds",
  actions: RDS_DATABASE_ACTIONS,
  scope: "region",
  async fetch(ctx: FetchContext): Promise<RdsDatabasesAnswer> {
    const c = { client: ctx.client(RDSClient, "rds") };
    const answers = await inParallel({
      instances: ctx.listAll("rds:DescribeDBInstances", () => paginateDescribeDBInstances(c, {}), (page) => page.DBInstances),
      clusters: ctx.listAll("rds:DescribeDBClusters", () => paginateDescribeDBClusters(c, {}), (page) => page.DBClusters),
      globalClusters: ctx.listAll("rds:DescribeGlobalClusters", () => paginateDescribeGlobalClusters(c, {}), (page) => page.GlobalClusters),
      subnetGroups: ctx.listAll("rds:DescribeDBSubnetGroups", () => paginateDescribeDBSubnetGroups(c, {}), (page) => page.DBSubnetGroups),
    });
    const parameters = await fetchUserParameters(
      ctx,
      c.client,
      answers.instances.ok ? answers.instances.value : [],
      answers.clusters.ok ? answers.clusters.value : [],
    );
    return { region: ctx.region, ...answers, parameters };
  },
};
