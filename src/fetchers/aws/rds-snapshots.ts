import {
  DescribeDBClusterSnapshotAttributesCommand,
  DescribeDBSnapshotAttributesCommand,
  paginateDescribeDBClusterSnapshots,
  paginateDescribeDBSnapshots,
  RDSClient,
  type DBClusterSnapshot,
  type DBClusterSnapshotAttribute,
  type DBSnapshot,
  type DBSnapshotAttribute,
} from "@aws-sdk/client-rds";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** A manual snapshot and its attributes (`restore` lists who may restore it). */
export interface SnapshotWithAttributes<S, A> {
  readonly snapshot: S;
  readonly attributes: Fetched<A[]>;
}

/**
 * The region's manual DB and DB cluster snapshots owned by the account (DocumentDB and Neptune
 * cluster snapshots included), each with its share attributes. Automated snapshots cannot be
 * shared and are left out.
 */
export interface RdsSnapshotsAnswer {
  readonly region: string;
  readonly snapshots: Fetched<SnapshotWithAttributes<DBSnapshot, DBSnapshotAttribute>[]>;
  readonly clusterSnapshots: Fetched<SnapshotWithAttributes<DBClusterSnapshot, DBClusterSnapshotAttribute>[]>;
}

export const RDS_SNAPSHOT_ACTIONS = [
  "rds:DescribeDBSnapshots",
  "rds:DescribeDBSnapshotAttributes",
  "rds:DescribeDBClusterSnapshots",
  "rds:DescribeDBClusterSnapshotAttributes",
] as const;

export const rdsSnapshotsFetcher: Fetcher<RdsSnapshotsAnswer> = {
  name: "rds-snapshots",
  service: "rds",
  actions: RDS_SNAPSHOT_ACTIONS,
  scope: "region",
  async fetch(ctx: FetchContext): Promise<RdsSnapshotsAnswer> {
    const [snapshots, clusterSnapshots] = await Promise.all([instanceSnapshots(ctx), clusterSnapshotsOf(ctx)]);
    return { region: ctx.region, snapshots, clusterSnapshots };
  },
};

async function instanceSnapshots(ctx: FetchContext): Promise<RdsSnapshotsAnswer["snapshots"]> {
  const client = ctx.client(RDSClient, "rds");
  const listed = await ctx.listAll(
    "rds:DescribeDBSnapshots",
    () => paginateDescribeDBSnapshots({ client }, { SnapshotType: "manual" }),
    (page) => page.DBSnapshots,
  );
  if (!listed.ok) return listed;
  const value = await Promise.all(
    listed.value.map(async (snapshot) => ({
      snapshot,
      attributes: await ctx.attempt("rds:DescribeDBSnapshotAttributes", async () => {
        const out = await client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: snapshot.DBSnapshotIdentifier }));
        return out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
      }),
    })),
  );
  return { ok: true, value };
}

async function clusterSnapshotsOf(ctx: FetchContext): Promise<RdsSnapshotsAnswer["clusterSnapshots"]> {
  const client = ctx.client(RDSClient, "rds");
  const listed = await ctx.listAll(
    "rds:DescribeDBClusterSnapshots",
    () => paginateDescribeDBClusterSnapshots({ client }, { SnapshotType: "manual" }),
    (page) => page.DBClusterSnapshots,
  );
  if (!listed.ok) return listed;
  const value = await Promise.all(
    listed.value.map(async (snapshot) => ({
      snapshot,
      attributes: await ctx.attempt("rds:DescribeDBClusterSnapshotAttributes", async () => {
        const out = await client.send(
          new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: snapshot.DBClusterSnapshotIdentifier }),
        );
        return out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? [];
      }),
    })),
  );
  return { ok: true, value };
}
