import { isUnknown, type Val } from "../../../core/value";
import { encryptedWith } from "../../../encryption/at-rest";
import { encryptionOfParts } from "../../../encryption/parts";
import type { EncryptedPart, EncryptionAtRest } from "../../../models/data-store";
import { STORE_KIND_FACTS, STORE_VARIANT_FACTS } from "../../../models/store-kind-facts";
import type { Props } from "../props";
import type { StoreAdapter } from "../store-adapter";
import { blockAt, copyOfProperty, keyedOr, listParts } from "./shared";

/** The key of a table whose SSE is off or not set. */
const SSE_OFF_KEY = STORE_KIND_FACTS["dynamodb-table"].encryption.keyless;
const REPLICA_KEYLESS = STORE_VARIANT_FACTS["dynamodb-table-replica"].encryption.keyless;

/**
 * DynamoDB encrypts every table. With SSE off or not set, under an AWS-owned key; on without a
 * key, under the AWS-managed aws/dynamodb key; on with a key, under that key.
 * `keyField` undefined: the block names no key (aws-native global tables set keys per replica).
 */
function tableSse(p: Props, block: string, enabledField: string, keyField?: string): Val<EncryptionAtRest> {
  const path = blockAt(p, block);
  if (isUnknown(path)) return path;
  if (path === undefined) return encryptedWith(SSE_OFF_KEY, `AWS-owned key (${block} not set)`);
  const on = p.bool(`${path}.${enabledField}`);
  const keyed = (otherwise: () => Val<EncryptionAtRest>) =>
    keyField ? keyedOr(p, `${path}.${keyField}`, otherwise) : otherwise();
  if (isUnknown(on)) return keyed(() => ({ enabled: true, keyManager: on, observed: `${block}.${enabledField} unknown` }));
  if (!on) return encryptedWith(SSE_OFF_KEY, `AWS-owned key (${block}.${enabledField}=${String(on ?? false)})`);
  return keyed(() => encryptedWith("aws-managed", `${block}.${enabledField}=true: AWS-managed key aws/dynamodb`));
}

/**
 * A replica uses its own key when it names one; without, the AWS-managed aws/dynamodb key in its
 * region when the table uses a KMS key, else the table's AWS-owned key.
 */
function replicaSse(p: Props, keyPath: string, table: Val<EncryptionAtRest>): Val<EncryptionAtRest> {
  return keyedOr(p, keyPath, () => {
    if (isUnknown(table) || isUnknown(table.keyManager)) return table;
    if (table.keyManager === "aws-owned") return encryptedWith("aws-owned", "AWS-owned key, as the table");
    return encryptedWith("aws-managed", "no replica key: AWS-managed key aws/dynamodb");
  });
}

/** `aws:dynamodb/table:Table` (v6, v7): `serverSideEncryption`, inline `replicas[]` as parts. */
export const dynamodbTable: StoreAdapter = {
  types: ["aws:dynamodb/table:Table"],
  kind: "dynamodb-table",
  nameProperty: "name",
  encryption: (p) => tableSse(p, "serverSideEncryption", "enabled", "kmsKeyArn"),
  parts(p): EncryptedPart[] {
    const table = tableSse(p, "serverSideEncryption", "enabled", "kmsKeyArn");
    return listParts(p, "replicas", (item) => replicaSse(p, `${item}.kmsKeyArn`, table));
  },
};

/**
 * `aws:dynamodb/tableReplica:TableReplica`: a replica of the table in `globalTableArn`. Without
 * `kmsKeyArn` it never uses a customer-managed key: the AWS-managed aws/dynamodb key, or the
 * AWS-owned key when the table uses one (which this resource alone cannot show).
 */
export const dynamodbTableReplica: StoreAdapter = {
  types: ["aws:dynamodb/tableReplica:TableReplica"],
  kind: "dynamodb-table",
  variant: "dynamodb-table-replica",
  encryption: (p) =>
    keyedOr(p, "kmsKeyArn", () =>
      encryptedWith(REPLICA_KEYLESS, "kmsKeyArn not set: AWS-managed key aws/dynamodb (AWS-owned if the table uses one)"),
    ),
  copyOf: (p) => copyOfProperty(p, "globalTableArn", "replica"),
};

/** `aws-native:dynamodb:Table`: `sseSpecification {sseEnabled, sseType, kmsMasterKeyId}`. */
export const dynamodbNativeTable: StoreAdapter = {
  types: ["aws-native:dynamodb:Table"],
  kind: "dynamodb-table",
  nameProperty: "tableName",
  encryption: (p) => tableSse(p, "sseSpecification", "sseEnabled", "kmsMasterKeyId"),
};

/**
 * `aws-native:dynamodb:GlobalTable`: SSE on or off for the whole table, keys per replica
 * (`replicas[].sseSpecification.kmsMasterKeyId`); every replica, the first region included, is a
 * part and the table is as encrypted as its weakest replica.
 */
const globalTableParts = (p: Props): EncryptedPart[] => {
  const table = tableSse(p, "sseSpecification", "sseEnabled");
  return listParts(p, "replicas", (item) => {
    const sse = blockAt(p, `${item}.sseSpecification`);
    return isUnknown(sse) ? sse : replicaSse(p, `${sse ?? `${item}.sseSpecification`}.kmsMasterKeyId`, table);
  });
};

export const dynamodbNativeGlobalTable: StoreAdapter = {
  types: ["aws-native:dynamodb:GlobalTable"],
  kind: "dynamodb-table",
  variant: "dynamodb-global-table",
  nameProperty: "tableName",
  encryption(p) {
    const table = tableSse(p, "sseSpecification", "sseEnabled");
    if (isUnknown(table) || table.keyManager === "aws-owned") return table;
    return encryptionOfParts(globalTableParts(p), "replicas", table);
  },
  parts: globalTableParts,
};
