import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted } from "./shared";

/**
 * `aws:memorydb/cluster:Cluster` (v6, v7): always encrypted at rest, with `kmsKeyArn`, else an
 * AWS-owned key. Placement (subnet group, security groups) is not read yet.
 */
export const memorydbCluster: StoreAdapter = {
  types: ["aws:memorydb/cluster:Cluster"],
  kind: "memorydb-cluster",
  nameProperty: "name",
  encryption: (p) => alwaysEncrypted(p, "kmsKeyArn", STORE_KIND_FACTS["memorydb-cluster"].encryption.keyless, "always encrypted: AWS-owned key (kmsKeyArn not set)"),
};
