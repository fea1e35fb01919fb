import type { StreamDescriptionSummary } from "@aws-sdk/client-kinesis";
import { unknown, type Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { KinesisAnswers, KinesisStreamAnswers } from "../../fetchers/aws/kinesis";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import { storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList } from "./fetched";
import { keyedEncryption } from "./keyed-encryption";
import { awsRef } from "./refs";
import { kinesisStreamHygiene } from "./services-hygiene";

/** The Kinesis-managed key, as the API names it. */
const KINESIS_MANAGED = /^(alias\/)?aws\/kinesis$/;

/** `EncryptionType` NONE, or KMS with `KeyId` (alias/aws/kinesis: AWS-managed). */
function streamEncryption(ctx: AdaptContext, region: string, name: string, s: Pick<StreamDescriptionSummary, "EncryptionType" | "KeyId">): Val<EncryptionAtRest> {
  const type = s.EncryptionType ?? "NONE";
  if (type === "NONE") return notEncrypted(`EncryptionType=${s.EncryptionType ?? "not set (NONE)"}`);
  if (type !== "KMS") return unknown("error", `EncryptionType of Kinesis data stream '${name}' should be NONE or KMS, got another string`);
  if (s.KeyId === undefined || KINESIS_MANAGED.test(s.KeyId)) {
    return encryptedWith("aws-managed", "EncryptionType=KMS with the AWS-managed key aws/kinesis");
  }
  return keyedEncryption(ctx, s.KeyId, region, "KeyId");
}

function adaptStream(ctx: AdaptContext, region: string, s: KinesisStreamAnswers): DataStore | undefined {
  if (s.summary.ok && s.summary.value === undefined) return undefined;
  return {
    model: "data-store",
    ref: awsRef(s.arn, "AWS::Kinesis::Stream", s.name, storeLabel("kinesis-stream"), s.arn.split(":")[4] || ctx.account, region),
    kind: "kinesis-stream",
    physicalName: s.name,
    tags: readFetched(s.tags, tagsOfList),
    encryption: readFetched(s.summary, (summary) => streamEncryption(ctx, region, s.name, summary ?? {})),
    parts: [],
  };
}

export function adaptKinesis(raw: KinesisAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.streams.ok) return { gaps: [gapOf(raw.streams.failure, "Kinesis data streams")] };
  const adapted = raw.streams.value.flatMap((s) => {
    const store = adaptStream(ctx, raw.region, s);
    return store ? [{ store, hygiene: [store.ref.id, kinesisStreamHygiene(s.summary)] as const }] : [];
  });
  return { stores: adapted.map((a) => a.store), hygiene: { stores: adapted.map((a) => a.hygiene) } };
}
