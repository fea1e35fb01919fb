import { unknown } from "../../../core/value";
import { switchedEncryption } from "../kms-ref";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";

/**
 * A replica that sets neither switch nor key inherits its source's encryption; the stack view
 * resolves it from the source, a one-resource view cannot.
 */
function replicaAware(p: Props, sourcePath: string) {
  const source = p.get(sourcePath);
  if (source !== undefined && p.get("storageEncrypted") === undefined && p.get("kmsKeyId") === undefined) {
    return unknown("not-fetched", `${p.resource.name} inherits the encryption of its source database`);
  }
  return switchedEncryption(p, "storageEncrypted", "kmsKeyId");
}

/** RDS instances; a read replica names its source in `replicateSourceDb`. */
export const rdsInstance: StoreAdapter = {
  types: ["aws:rds/instance:Instance"],
  kind: "rds-instance",
  label: "RDS instance",
  encryption: (p) => replicaAware(p, "replicateSourceDb"),
  copyOf(p) {
    const source = p.str("replicateSourceDb");
    return source === undefined ? undefined : { relation: "read-replica", source, sourceProperty: "replicateSourceDb" };
  },
};

export const rdsNativeInstance: StoreAdapter = {
  types: ["aws-native:rds:DbInstance"],
  kind: "rds-instance",
  label: "RDS instance",
  encryption: (p) => replicaAware(p, "sourceDbInstanceIdentifier"),
  copyOf(p) {
    const source = p.str("sourceDbInstanceIdentifier");
    return source === undefined
      ? undefined
      : { relation: "read-replica", source, sourceProperty: "sourceDbInstanceIdentifier" };
  },
};
