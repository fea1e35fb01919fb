import { type Val } from "../../core/value";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { SqsAnswers, SqsQueueAnswers } from "../../fetchers/aws/sqs";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";
import { sqsQueueHygiene } from "./services-hygiene";

/**
 * SSE-KMS with `KmsMasterKeyId` (alias/aws/sqs is AWS-managed); else SSE-SQS with an SQS-owned key
 * when `SqsManagedSseEnabled` is true; else not encrypted.
 */
function queueEncryption(ctx: AdaptContext, region: string, attributes: Record<string, string>): EncryptionAtRest {
  const key = attributes.KmsMasterKeyId;
  if (key) return keyedEncryption(ctx, key, region, "KmsMasterKeyId");
  const sse = attributes.SqsManagedSseEnabled;
  if (sse === "true") return encryptedWith(STORE_KIND_FACTS["sqs-queue"].encryption.keyless, "SqsManagedSseEnabled=true (SSE-SQS)");
  return notEncrypted(`SqsManagedSseEnabled=${sse ?? "not set"} without KmsMasterKeyId`);
}

/** `https://sqs.REGION.amazonaws.com/ACCOUNT/NAME` -> its account and name. */
function partsOfUrl(url: string, fallbackAccount: string): { account: string; name: string } {
  const [name = url, account = fallbackAccount] = url.split("/").filter((s) => s !== "").reverse();
  return { account: /^\d{12}$/.test(account) ? account : fallbackAccount, name };
}

function adaptQueue(ctx: AdaptContext, region: string, q: SqsQueueAnswers): StoreWithPolicy | undefined {
  if (q.attributes.ok && q.attributes.value === undefined) return undefined;
  const attributes = q.attributes.ok ? (q.attributes.value ?? {}) : undefined;
  const { account, name } = partsOfUrl(q.url, ctx.account);
  const arn = attributes?.QueueArn ?? arnOf(ctx.partition, "sqs", region, account, name);
  const ref = awsRef(arn, "AWS::SQS::Queue", name, storeLabel("sqs-queue"), account, region);
  const encryption: Val<EncryptionAtRest> = readFetched(q.attributes, (a) => queueEncryption(ctx, region, a ?? {}));
  const store: DataStore = {
    model: "data-store",
    ref,
    kind: "sqs-queue",
    physicalName: name,
    tags: readFetched(q.tags, (t) => ({ ...t })),
    encryption,
    parts: [],
  };
  const policy = inlinePolicy(ref, "sqs", "policy", readFetched(q.attributes, (a) => a?.Policy));
  return { store, ...(policy ? { policy } : {}) };
}

export function adaptSqs(raw: SqsAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.queues.ok) return { gaps: [gapOf(raw.queues.failure, "SQS queues")] };
  const adapted = raw.queues.value.map((q) => {
    const a = adaptQueue(ctx, raw.region, q);
    return a && { ...a, hygiene: [a.store.ref.id, sqsQueueHygiene(q.attributes)] as const };
  });
  return { ...storesAndPolicies(adapted), hygiene: { stores: adapted.flatMap((a) => (a ? [a.hygiene] : [])) } };
}
