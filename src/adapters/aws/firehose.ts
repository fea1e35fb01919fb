import type { DeliveryStreamEncryptionConfiguration } from "@aws-sdk/client-firehose";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import { notYetInherited } from "../../encryption/inheritance";
import type { DeliveryStreamAnswers, DeliveryStreamSummary, FirehoseAnswers } from "../../fetchers/aws/firehose";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KEYLESS = STORE_KIND_FACTS["firehose-delivery-stream"].encryption.keyless;
/** Statuses under which the stream's data is encrypted now. */
const ENCRYPTING = new Set(["ENABLED", "DISABLING", "DISABLING_FAILED"]);

/** Server-side encryption: off by default; AWS_OWNED_CMK or CUSTOMER_MANAGED_CMK with `KeyARN`. */
function ownEncryption(ctx: AdaptContext, region: string, c: DeliveryStreamEncryptionConfiguration | undefined): EncryptionAtRest {
  if (c === undefined) return notEncrypted("DeliveryStreamEncryptionConfiguration not set (default disabled)");
  if (!ENCRYPTING.has(c.Status ?? "DISABLED")) return notEncrypted(`DeliveryStreamEncryptionConfiguration.Status=${c.Status ?? "not set"}`);
  if (c.KeyType !== "CUSTOMER_MANAGED_CMK") return encryptedWith(KEYLESS, `KeyType=${c.KeyType ?? "AWS_OWNED_CMK (default)"}`);
  // The key type says who manages the key: no need of the KMS answers.
  if (c.KeyARN) return { ...keyedEncryption(ctx, c.KeyARN, region, "KeyARN"), keyManager: "customer-managed" };
  return encryptedWith("customer-managed", "KeyType=CUSTOMER_MANAGED_CMK without KeyARN");
}

/** A stream reading from a Kinesis stream or an MSK cluster keeps no data of its own: the source's encryption applies. */
function sourceOf(d: DeliveryStreamSummary): string | undefined {
  if (d.DeliveryStreamType === "KinesisStreamAsSource" || d.Source?.KinesisStreamSourceDescription) return "Kinesis stream";
  if (d.DeliveryStreamType === "MSKAsSource" || d.Source?.MSKSourceDescription) return "MSK cluster";
  return undefined;
}

function adaptStream(ctx: AdaptContext, region: string, s: DeliveryStreamAnswers): DataStore | undefined {
  if (s.stream.ok && s.stream.value === undefined) return undefined;
  const d = s.stream.ok ? s.stream.value : undefined;
  const arn = d?.DeliveryStreamARN ?? arnOf(ctx.partition, "firehose", region, ctx.account, `deliverystream/${s.name}`);
  const source = d && sourceOf(d);
  const common = {
    model: "data-store",
    ref: awsRef(arn, "AWS::KinesisFirehose::DeliveryStream", s.name, storeLabel("firehose-delivery-stream"), ctx.account, region),
    kind: "firehose-delivery-stream",
    physicalName: s.name,
    tags: readFetched(s.tags, tagsOfList),
    parts: [],
  } as const;
  if (source) {
    const encryption = notYetInherited(`${s.name} keeps its data in its source ${source}, encrypted as that source`);
    return { ...common, encryption, encryptionFrom: "source" };
  }
  return { ...common, encryption: readFetched(s.stream, (found) => ownEncryption(ctx, region, found?.DeliveryStreamEncryptionConfiguration)) };
}

export function adaptFirehose(raw: FirehoseAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.streams.ok) return { gaps: [gapOf(raw.streams.failure, "Firehose delivery streams")] };
  return { stores: raw.streams.value.map((s) => adaptStream(ctx, raw.region, s)).filter((s) => s !== undefined) };
}
