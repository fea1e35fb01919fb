import type { DataStore } from "../../models/data-store";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting, keyValue } from "./key-setting";

const T = {
  stream: "aws:kinesis/stream:Stream",
  deliveryStream: "aws:kinesis/firehoseDeliveryStream:FirehoseDeliveryStream",
} as const;

/** A data stream: `encryptionType` NONE or KMS with `kmsKeyId` (the AWS-managed key as alias/aws/kinesis, as AWS reports it). */
export function writeStream(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `Kinesis data stream ${name}`;
  const key = keySetting(store.encryption, what);
  const kmsKeyId = keyValue(key, store, what, "alias/aws/kinesis");
  w.add({
    type: T.stream,
    name,
    model: store.ref,
    id: name,
    props: { name, arn: store.ref.id, encryptionType: key.enabled ? "KMS" : "NONE", ...(kmsKeyId ? { kmsKeyId } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [key.keyModel] },
  });
}

/**
 * A delivery stream's own server-side encryption: off, `AWS_OWNED_CMK`, or `CUSTOMER_MANAGED_CMK`
 * with `keyArn` when the scan could print it. A stream reading from a Kinesis stream or an MSK
 * cluster keeps its source's encryption, and the model does not name that source: not written.
 */
function serverSideEncryption(store: DataStore, what: string): { props: Record<string, unknown>; keyModel?: string } {
  if (store.encryptionFrom === "source") throw new Unwritable(`${what} keeps its data in its source, which the model does not name (v7 needs it in kinesisSourceConfiguration or mskSourceConfiguration)`);
  const e = known(store.encryption, `the encryption of ${what}`);
  if (!known(e.enabled, `whether ${what} is encrypted`)) return { props: { enabled: false } };
  const manager = known(e.keyManager, `the manager of the key of ${what}`);
  if (manager === "aws-owned") return { props: { enabled: true, keyType: "AWS_OWNED_CMK" } };
  if (manager !== "customer-managed") throw new Unwritable(`${what} uses an AWS-managed key, which a v7 delivery stream cannot name`);
  const keyArn = e.keyId ?? e.keyRef;
  return { props: { enabled: true, keyType: "CUSTOMER_MANAGED_CMK", ...(keyArn ? { keyArn } : {}) }, ...(e.keyRef ? { keyModel: e.keyRef } : {}) };
}

/** A Firehose delivery stream with its `serverSideEncryption` block. */
export function writeDeliveryStream(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `Firehose delivery stream ${name}`;
  const sse = serverSideEncryption(store, what);
  w.add({
    type: T.deliveryStream,
    name,
    model: store.ref,
    id: store.ref.id,
    props: { name, arn: store.ref.id, serverSideEncryption: sse.props, ...tagProps(store.tags, what) },
    refs: { serverSideEncryption: [sse.keyModel] },
  });
}
