import type { GlobalCluster } from "@aws-sdk/client-rds";
import { unknown } from "../../../core/value";
import { notEncrypted } from "../../../encryption/at-rest";
import type { DataStore, EncryptionAtRest } from "../../../models/data-store";
import { storeLabel } from "../../../models/store-kind-facts";
import { tagsOfList } from "../fetched";
import { arnOf } from "../refs";
import { GLOBAL_CLUSTER_TYPE, refIn, regionOfArn, type RdsScope } from "./names";

/**
 * The API lists every global cluster of the account in every Region: each is kept in the Region
 * of its writer cluster only. One without members holds no data and is left out.
 */
export function isHomeRegion(g: GlobalCluster, region: string): boolean {
  const writer = g.GlobalClusterMembers?.find((m) => m.IsWriter) ?? g.GlobalClusterMembers?.[0];
  return writer?.DBClusterArn !== undefined && regionOfArn(writer.DBClusterArn) === region;
}

/** Global clusters name no key: each member cluster sets its own (and is a store of its own). */
function globalEncryption(g: GlobalCluster, name: string): EncryptionAtRest {
  if (g.StorageEncryptionType === "none") return notEncrypted("StorageEncryptionType=none");
  if (g.StorageEncrypted !== true && g.StorageEncryptionType === undefined) {
    return notEncrypted(`StorageEncrypted=${g.StorageEncrypted === false ? "false" : "false (not reported)"}`);
  }
  return {
    enabled: true,
    keyManager: unknown("not-fetched", `the key of ${name} is the one each member cluster sets`),
    observed: `StorageEncrypted=${String(g.StorageEncrypted ?? false)}${g.StorageEncryptionType ? `, StorageEncryptionType=${g.StorageEncryptionType}` : ""} (member clusters set the key)`,
  };
}

export function globalClusterStore(g: GlobalCluster, s: RdsScope): DataStore {
  const id = g.GlobalClusterIdentifier ?? "";
  const arn = g.GlobalClusterArn ?? arnOf(s.ctx.partition, "rds", "", s.ctx.account, `global-cluster:${id}`);
  return {
    model: "data-store",
    ref: refIn(s, arn, GLOBAL_CLUSTER_TYPE, id, storeLabel("rds-cluster", "rds-global-cluster")),
    kind: "rds-cluster",
    variant: "rds-global-cluster",
    physicalName: id,
    tags: tagsOfList(g.TagList),
    encryption: globalEncryption(g, id),
    parts: [],
  };
}
