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
import { inParallel } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
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
    const client = ctx.client(RDSClient, "rds");
    const manual = { SnapshotType: "manual" };
    const answers = await inParallel({
      snapshots: withAttributes(
        ctx,
        ctx.listAll("rds:DescribeDBSnapshots", () => paginateDescribeDBSnapshots({ client }, manual), (page) => page.DBSnapshots),
        "rds:DescribeDBSnapshotAttributes",
        async (n) => {
          const out = await client.send(new DescribeDBSnapshotAttributesCommand({ DBSnapshotIdentifier: n.DBSnapshotIdentifier }));
          return out.DBSnapshotAttributesResult?.DBSnapshotAttributes ?? [];
        },
      ),
      clusterSnapshots: withAttributes(
        ctx,
        ctx.listAll("rds:DescribeDBClusterSnapshots", () => paginateDescribeDBClusterSnapshots({ client }, manual), (page) => page.DBClusterSnapshots),
        "rds:DescribeDBClusterSnapshotAttributes",
        async (n) => {
          const out = await client.send(new DescribeDBClusterSnapshotAttributesCommand({ DBClusterSnapshotIdentifier: n.DBClusterSnapshotIdentifier }));
          return out.DBClusterSnapshotAttributesResult?.DBClusterSnapshotAttributes ?? [];
        },
      ),
    });
    return { region: ctx.region, ...answers };
  },
};

/** Each snapshot of a listing with its attributes (`action` asks for them). */
async function withAttributes<S, A>(
  ctx: FetchContext,
  listing: Promise<Fetched<S[]>>,
  action: string,
  attributesOf: (snapshot: S) => Promise<A[]>,
): Promise<Fetched<SnapshotWithAttributes<S, A>[]>> {
  return eachListed(await listing, async (snapshot) => ({ snapshot, attributes: await ctx.attempt(action, () => attributesOf(snapshot)) }));
}
