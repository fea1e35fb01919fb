import { notEncrypted } from "../../encryption/at-rest";
import type { SnsAnswers, SnsTopicAnswers } from "../../fetchers/aws/sns";
import type { EncryptionAtRest } from "../../models/data-store";
import { storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { awsRef } from "./refs";

/** A topic is encrypted only with the key `KmsMasterKeyId` names (alias/aws/sns is AWS-managed). */
function topicEncryption(ctx: AdaptContext, region: string, attributes: Record<string, string>): EncryptionAtRest {
  const key = attributes.KmsMasterKeyId;
  return key ? keyedEncryption(ctx, key, region, "KmsMasterKeyId") : notEncrypted("KmsMasterKeyId not set");
}

function adaptTopic(ctx: AdaptContext, region: string, t: SnsTopicAnswers): StoreWithPolicy | undefined {
  if (t.attributes.ok && t.attributes.value === undefined) return undefined;
  const name = t.arn.slice(t.arn.lastIndexOf(":") + 1);
  const account = t.arn.split(":")[4] || ctx.account;
  const ref = awsRef(t.arn, "AWS::SNS::Topic", name, storeLabel("sns-topic"), account, region);
  const policy = inlinePolicy(ref, "sns", "policy", readFetched(t.attributes, (a) => a?.Policy));
  return {
    store: {
      model: "data-store",
      ref,
      kind: "sns-topic",
      physicalName: name,
      tags: readFetched(t.tags, tagsOfList),
      encryption: readFetched(t.attributes, (a) => topicEncryption(ctx, region, a ?? {})),
      parts: [],
    },
    ...(policy ? { policy } : {}),
  };
}

export function adaptSns(raw: SnsAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.topics.ok) return { gaps: [gapOf(raw.topics.failure, "SNS topics")] };
  return storesAndPolicies(raw.topics.value.map((t) => adaptTopic(ctx, raw.region, t)));
}
