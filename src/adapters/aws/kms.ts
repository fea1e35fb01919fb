import type { KeyMetadata, Tag } from "@aws-sdk/client-kms";
import type { Tags } from "../../core/classification";
import { unknown, type Val } from "../../core/value";
import type { Fetched } from "../../fetchers/aws/fetched";
import { awsAliasedKeyIds } from "../../fetchers/aws/kms-aliases";
import type { KmsAnswers, KmsKeyAnswers } from "../../fetchers/aws/kms";
import type { ResourcePolicy } from "../../models/exposure";
import { KMS_KEY_LABEL, type KmsKey } from "../../models/kms-key";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { kmsKeyModelId } from "./kms-key-id";
import { awsRef } from "./refs";

export const KMS_KEY_CFN_TYPE = "AWS::KMS::Key";

/**
 * The region's customer-managed keys and their key policies. AWS-managed keys become no model,
 * as in the Pulumi front: their owner cannot set rotation, deletion or policy; the key directory
 * still answers for them.
 */
export function adaptKms(raw: KmsAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.keys.ok) return { gaps: [gapOf(raw.keys.failure, "KMS keys")] };
  const awsAliased = awsAliasedKeyIds(raw.aliases);
  const keys: KmsKey[] = [];
  const resourcePolicies: ResourcePolicy[] = [];
  for (const answers of raw.keys.value) {
    if (isAwsManaged(answers, awsAliased)) continue;
    const key = keyModel(answers, raw.region, ctx);
    keys.push(key);
    const policy = keyPolicy(answers, key, ctx.account);
    if (policy !== undefined) resourcePolicies.push(policy);
  }
  return { keys, resourcePolicies };
}

function isAwsManaged(k: KmsKeyAnswers, awsAliased: ReadonlySet<string>): boolean {
  if (k.metadata.ok) return k.metadata.value.KeyManager === "AWS";
  return k.listed.KeyId !== undefined && awsAliased.has(k.listed.KeyId);
}

function keyModel(k: KmsKeyAnswers, region: string, ctx: AdaptContext): KmsKey {
  const id = kmsKeyModelId(k.listed, ctx.partition, region, ctx.account);
  const keyId = k.listed.KeyId ?? id.slice(id.lastIndexOf("/") + 1);
  const m = k.metadata;
  return {
    model: "kms-key",
    ref: awsRef(id, KMS_KEY_CFN_TYPE, keyId, KMS_KEY_LABEL, ctx.account, region),
    arn: id,
    manager: "customer",
    spec: readFetched(m, (v) => v.KeySpec ?? v.CustomerMasterKeySpec ?? "SYMMETRIC_DEFAULT"),
    usage: readFetched(m, (v) => v.KeyUsage ?? "ENCRYPT_DECRYPT"),
    origin: readFetched(m, (v) => v.Origin ?? "AWS_KMS"),
    rotationEnabled: readFetched(m, (v) => rotationOf(v, k.rotation, keyId)),
    deletionWindowDays: readFetched(m, (v) => deletionWindowOf(v, keyId)),
    tags: k.tags === undefined ? unknown("not-fetched", `the tags of KMS key ${keyId} were not read`) : readFetched(k.tags, tagsOfKms),
  };
}

/** Rotation as KMS reports it; keys it cannot rotate (asymmetric, HMAC, imported, external) were not asked and never rotate. */
function rotationOf(m: KeyMetadata, rotation: Fetched<boolean> | undefined, keyId: string): Val<boolean> {
  // KMS reports rotation off while deletion is pending, whatever was set: that is no verdict on the setting.
  if (m.KeyState === "PendingDeletion") return unknown("not-fetched", `KMS key ${keyId} is pending deletion: KMS suspends its rotation setting until the deletion is cancelled`);
  return rotation === undefined ? false : readFetched(rotation, (v) => v);
}

/**
 * A live key has no waiting period until someone schedules its deletion (then AWS's default is 30
 * days): undefined, as for a Pulumi key that sets none. A key pending deletion had one chosen,
 * which KMS does not tell (only the deletion date); a multi-Region primary waiting for its
 * replicas tells it.
 */
function deletionWindowOf(m: KeyMetadata, keyId: string): Val<number | undefined> {
  if (m.KeyState === "PendingReplicaDeletion" && m.PendingDeletionWindowInDays !== undefined) return m.PendingDeletionWindowInDays;
  if (m.KeyState === "PendingDeletion" || m.KeyState === "PendingReplicaDeletion") {
    const on = m.DeletionDate === undefined ? "" : ` (deleted on ${m.DeletionDate.toISOString().slice(0, 10)})`;
    return unknown("not-fetched", `KMS key ${keyId} is pending deletion${on}: KMS does not tell the waiting period chosen`);
  }
  return undefined;
}

const tagsOfKms = (list: readonly Tag[]): Tags => tagsOfList(list.map((t) => ({ Key: t.TagKey, Value: t.TagValue })));

/** The key policy: every key has one (KMS's default when none was set). */
function keyPolicy(k: KmsKeyAnswers, key: KmsKey, account: string): ResourcePolicy | undefined {
  if (k.policy === undefined) return undefined;
  if (k.policy.ok && (k.policy.value === undefined || k.policy.value === "")) return undefined;
  return {
    ref: key.ref,
    target: key.ref.id,
    service: "kms",
    document: k.policy.ok ? k.policy.value : unknownOf(k.policy.failure),
    origin: `the policy of ${KMS_KEY_LABEL} '${key.ref.name}'`,
    accountId: account,
  };
}
