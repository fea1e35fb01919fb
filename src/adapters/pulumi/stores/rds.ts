import { switchedEncryption } from "../kms-ref";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";
import { copyOfProperty, inheritedUnlessSet } from "./shared";

/** A replica that sets neither switch nor key inherits its source's encryption (resolved in the stack view). */
const instanceEncryption = (p: Props, source: string) =>
  inheritedUnlessSet(p, [source], ["storageEncrypted", "kmsKeyId"]) ??
  switchedEncryption(p, "storageEncrypted", "kmsKeyId");

/** RDS instances; a read replica names its source in `replicateSourceDb`. */
export const rdsInstance: StoreAdapter = {
  types: ["aws:rds/instance:Instance"],
  kind: "rds-instance",
  nameProperty: "identifier",
  encryption: (p) => instanceEncryption(p, "replicateSourceDb"),
  copyOf: (p) => copyOfProperty(p, "replicateSourceDb", "read-replica"),
};

export const rdsNativeInstance: StoreAdapter = {
  types: ["aws-native:rds:DbInstance"],
  kind: "rds-instance",
  nameProperty: "dbInstanceIdentifier",
  arnProperty: "dbInstanceArn",
  encryption: (p) => instanceEncryption(p, "sourceDbInstanceIdentifier"),
  copyOf: (p) => copyOfProperty(p, "sourceDbInstanceIdentifier", "read-replica"),
};
