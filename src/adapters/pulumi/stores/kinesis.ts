import { isUnknown, unknown, type Val } from "../../../core/value";
import { encryptedWith, notEncrypted, switchUnknown } from "../../../encryption/at-rest";
import type { EncryptionAtRest } from "../../../models/data-store";
import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { Props } from "../props";
import type { InheritedEncryption, StoreAdapter } from "../store-adapter";
import { blockAt, inheritsEncryption, keyedOr } from "./shared";

const FIREHOSE_KEYLESS = STORE_KIND_FACTS["firehose-delivery-stream"].encryption.keyless;

/** v7 documents the Kinesis-managed key as `aws/kinesis`, v6 as `alias/aws/kinesis`. */
const KINESIS_MANAGED = /^(alias\/)?aws\/kinesis$/;

/**
 * `aws:kinesis/stream:Stream` (v6, v7): `encryptionType` NONE (default) or KMS with `kmsKeyId`
 * (alias/aws/kinesis: AWS-managed).
 */
export const kinesisStream: StoreAdapter = {
  types: ["aws:kinesis/stream:Stream"],
  kind: "kinesis-stream",
  nameProperty: "name",
  encryption(p) {
    const type = p.str("encryptionType");
    if (isUnknown(type)) return switchUnknown(type, "encryptionType unknown");
    const upper = type?.toUpperCase() ?? "NONE";
    if (upper === "NONE") return notEncrypted(type === undefined ? "encryptionType not set (NONE)" : "encryptionType=NONE");
    if (upper !== "KMS") {
      return unknown("error", `property 'encryptionType' of ${p.resource.name} should be NONE or KMS, got another string`);
    }
    const key = p.str("kmsKeyId");
    if (typeof key === "string" && KINESIS_MANAGED.test(key) && p.dependenciesOf("kmsKeyId").length === 0) {
      return encryptedWith("aws-managed", "encryptionType=KMS with the AWS-managed key aws/kinesis");
    }
    return keyedOr(p, "kmsKeyId", () => encryptedWith("aws-managed", "encryptionType=KMS without kmsKeyId"));
  },
};

/**
 * Firehose `serverSideEncryption {enabled, keyType, keyArn}`: off by default; AWS_OWNED_CMK
 * (default key type) or CUSTOMER_MANAGED_CMK with `keyArn`. A delivery stream reading from a
 * Kinesis stream or an MSK cluster keeps no data at rest of its own: the source's encryption
 * applies (and server-side encryption cannot be enabled).
 */
function firehoseEncryption(p: Props): Val<EncryptionAtRest> | InheritedEncryption {
  for (const source of ["kinesisSourceConfiguration", "mskSourceConfiguration"]) {
    if (p.get(source) !== undefined) {
      return inheritsEncryption("source", `${p.resource.name} keeps its data in the source named in '${source}', encrypted as that source`);
    }
  }
  const block = blockAt(p, "serverSideEncryption");
  if (isUnknown(block)) return block;
  if (block === undefined) return notEncrypted("serverSideEncryption not set (default disabled)");
  const on = p.bool(`${block}.enabled`);
  if (isUnknown(on)) return switchUnknown(on, "serverSideEncryption.enabled unknown");
  if (!on) return notEncrypted(`serverSideEncryption.enabled=${String(on ?? false)}`);
  const keyType = p.str(`${block}.keyType`);
  if (isUnknown(keyType)) return { enabled: true, keyManager: keyType, observed: "serverSideEncryption.keyType unknown" };
  if (keyType === undefined || keyType === "AWS_OWNED_CMK") {
    return encryptedWith(FIREHOSE_KEYLESS, `serverSideEncryption.keyType=${keyType ?? "AWS_OWNED_CMK (default)"}`);
  }
  if (keyType !== "CUSTOMER_MANAGED_CMK") {
    return unknown(
      "error",
      `property 'serverSideEncryption.keyType' of ${p.resource.name} should be AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK, got another string`,
    );
  }
  return keyedOr(p, `${block}.keyArn`, () =>
    encryptedWith("customer-managed", "serverSideEncryption.keyType=CUSTOMER_MANAGED_CMK without keyArn"),
  );
}

/** `aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream` (v6, v7). */
export const firehoseDeliveryStream: StoreAdapter = {
  types: ["aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream"],
  kind: "firehose-delivery-stream",
  nameProperty: "name",
  encryption: firehoseEncryption,
};
