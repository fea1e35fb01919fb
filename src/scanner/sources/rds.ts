import { adaptRdsDatabases, adaptRdsSnapshots } from "../../adapters/aws/rds";
import { rdsDatabasesFetcher, type RdsDatabasesAnswer } from "../../fetchers/aws/rds-databases";
import { rdsSnapshotsFetcher, type RdsSnapshotsAnswer } from "../../fetchers/aws/rds-snapshots";
import type { AnySource, Source } from "../source";

/**
 * RDS, Aurora, DocumentDB and Neptune databases (one API): stores with their placements, cluster
 * instances (exposures), DB subnet groups (network) and their TLS, audit log, backup and deletion
 * protection settings (hygiene).
 */
export const rdsDatabasesSource: Source<RdsDatabasesAnswer> = {
  fetcher: rdsDatabasesFetcher,
  feeds: ["stores", "placements", "network", "exposures", "tags", "hygiene"],
  storeKinds: ["rds-instance", "rds-cluster", "docdb-cluster", "neptune-cluster"],
  adapt: adaptRdsDatabases,
};

/** Manual DB and DB cluster snapshots: who may restore them (exposures); copies are stores. */
export const rdsSnapshotsSource: Source<RdsSnapshotsAnswer> = {
  fetcher: rdsSnapshotsFetcher,
  feeds: ["exposures", "stores", "tags"],
  storeKinds: ["rds-snapshot-copy"],
  adapt: adaptRdsSnapshots,
};

export const RDS_SOURCES: AnySource[] = [rdsDatabasesSource, rdsSnapshotsSource];
