import { isUnknown, mapVal, unknown, type Val } from "../../../core/value";
import { notEncrypted, switchUnknown } from "../../../encryption/at-rest";
import type { EncryptionAtRest } from "../../../models/data-store";
import type { Props } from "../props";
import type { InheritedEncryption, StoreAdapter } from "../store-adapter";
import { copyOfProperty, inheritedUnlessSet, switchedWithDefault } from "./shared";

/** Aurora Serverless v1 (`engineMode` serverless) clusters are always encrypted. */
const serverlessV1 = (p: Props) => mapVal(p.str("engineMode"), (m) => m === "serverless");

/**
 * An RDS/Aurora cluster: `storageEncrypted` (default false, true for engineMode serverless) and
 * `kmsKeyId` (default aws/rds). A replica or a restore that sets neither takes its source's.
 */
function clusterEncryption(p: Props, sources: readonly string[]): Val<EncryptionAtRest> | InheritedEncryption {
  return (
    inheritedUnlessSet(p, sources, ["storageEncrypted", "kmsKeyId"]) ??
    switchedWithDefault(p, "storageEncrypted", "kmsKeyId", serverlessV1(p))
  );
}

/** `aws:rds/cluster:Cluster` (v6, v7); Aurora replicas name their source in `replicationSourceIdentifier`. */
export const rdsCluster: StoreAdapter = {
  types: ["aws:rds/cluster:Cluster"],
  kind: "rds-cluster",
  nameProperty: "clusterIdentifier",
  encryption: (p) => clusterEncryption(p, ["replicationSourceIdentifier", "snapshotIdentifier", "restoreToPointInTime"]),
  copyOf: (p) => copyOfProperty(p, "replicationSourceIdentifier", "read-replica"),
};

/** `aws-native:rds:DbCluster`; `sourceDbClusterIdentifier` is a point-in-time restore source. */
export const rdsNativeCluster: StoreAdapter = {
  types: ["aws-native:rds:DbCluster"],
  kind: "rds-cluster",
  nameProperty: "dbClusterIdentifier",
  arnProperty: "dbClusterArn",
  encryption: (p) =>
    clusterEncryption(p, ["replicationSourceIdentifier", "snapshotIdentifier", "sourceDbClusterIdentifier", "sourceDbClusterResourceId"]),
  copyOf: (p) => copyOfProperty(p, "replicationSourceIdentifier", "read-replica"),
};

/**
 * `aws:rds/globalCluster:GlobalCluster`: `storageEncrypted` (default false unless created from an
 * encrypted `sourceDbClusterIdentifier`); it names no key, each member cluster sets its own.
 */
export const rdsGlobalCluster: StoreAdapter = {
  types: ["aws:rds/globalCluster:GlobalCluster"],
  kind: "rds-cluster",
  variant: "rds-global-cluster",
  nameProperty: "globalClusterIdentifier",
  encryption(p): Val<EncryptionAtRest> | InheritedEncryption {
    const inherited = inheritedUnlessSet(p, ["sourceDbClusterIdentifier"], ["storageEncrypted"]);
    if (inherited) return inherited;
    const on = p.bool("storageEncrypted");
    if (isUnknown(on)) return switchUnknown(on, "storageEncrypted unknown");
    if (!on) return notEncrypted(on === undefined ? "storageEncrypted not set (default false)" : "storageEncrypted=false");
    return {
      enabled: true,
      keyManager: unknown("not-fetched", `the key of ${p.resource.name} is the one each member cluster sets`),
      observed: "storageEncrypted=true (member clusters set the key)",
    };
  },
  copyOf: (p) => copyOfProperty(p, "sourceDbClusterIdentifier", "replica"),
};
