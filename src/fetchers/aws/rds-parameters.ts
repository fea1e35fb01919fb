import {
  paginateDescribeDBClusterParameters,
  paginateDescribeDBParameters,
  type DBCluster,
  type DBInstance,
  type Parameter,
  type RDSClient,
} from "@aws-sdk/client-rds";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";

/**
 * The parameters users set in the custom parameter groups a region's databases use: what decides
 * whether a database requires TLS and whether it writes audit records. AWS's default groups (`default.*`) hold only engine defaults and
 * are not read. Each group is read once, however many databases use it.
 */
export interface RdsUserParameters {
  /** DB parameter group name -> its user-set parameters (instances outside a cluster). */
  readonly instanceGroups: ReadonlyMap<string, Fetched<Parameter[]>>;
  /** DB cluster parameter group name -> its user-set parameters (Aurora, Multi-AZ and DocumentDB clusters). */
  readonly clusterGroups: ReadonlyMap<string, Fetched<Parameter[]>>;
}

export const RDS_PARAMETER_ACTIONS = ["rds:DescribeDBParameters", "rds:DescribeDBClusterParameters"] as const;

export const isDefaultParameterGroup = (name: string): boolean => name.startsWith("default.");

/** The DB parameter group an instance uses; a cluster member's TLS comes from its cluster's group. */
export const instanceParameterGroupOf = (i: DBInstance): string | undefined =>
  i.DBClusterIdentifier ? undefined : i.DBParameterGroups?.[0]?.DBParameterGroupName;

/** The cluster parameter group of a cluster: its TLS and audit switches (Aurora, Multi-AZ, DocumentDB, Neptune). */
export const clusterParameterGroupOf = (c: DBCluster): string | undefined => c.DBClusterParameterGroup;

const customGroups = (names: readonly (string | undefined)[]): string[] =>
  [...new Set(names)].filter((n): n is string => n !== undefined && n !== "" && !isDefaultParameterGroup(n));

export async function fetchUserParameters(ctx: FetchContext, client: RDSClient, instances: readonly DBInstance[], clusters: readonly DBCluster[]): Promise<RdsUserParameters> {
  const c = { client };
  const read = async (names: readonly string[], list: (name: string) => Promise<Fetched<Parameter[]>>) =>
    new Map(await Promise.all(names.map(async (n): Promise<[string, Fetched<Parameter[]>]> => [n, await list(n)])));
  const [instanceGroups, clusterGroups] = await Promise.all([
    read(customGroups(instances.map(instanceParameterGroupOf)), (name) =>
      ctx.listAll("rds:DescribeDBParameters", () => paginateDescribeDBParameters(c, { DBParameterGroupName: name, Source: "user" }), (page) => page.Parameters),
    ),
    read(customGroups(clusters.map(clusterParameterGroupOf)), (name) =>
      ctx.listAll(
        "rds:DescribeDBClusterParameters",
        () => paginateDescribeDBClusterParameters(c, { DBClusterParameterGroupName: name, Source: "user" }),
        (page) => page.Parameters,
      ),
    ),
  ]);
  return { instanceGroups, clusterGroups };
}
