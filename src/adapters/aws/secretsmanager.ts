import type { ReplicationStatusType } from "@aws-sdk/client-secrets-manager";
import { encryptedWith } from "../../encryption/at-rest";
import type { SecretAnswers, SecretsManagerAnswers } from "../../fetchers/aws/secretsmanager";
import type { DataStore, EncryptedPart, EncryptionAtRest } from "../../models/data-store";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { awsRef } from "./refs";

const KEYLESS = STORE_KIND_FACTS.secret.encryption.keyless;

/** Always encrypted: with the key `setting` names, else the AWS-managed aws/secretsmanager key. */
function secretEncryption(ctx: AdaptContext, key: string | undefined, region: string, setting: string): EncryptionAtRest {
  if (key) return keyedEncryption(ctx, key, region, setting);
  return encryptedWith(KEYLESS, `always encrypted: AWS-managed key aws/secretsmanager (${setting} not set)`);
}

/** Each replica in another region is a part, with its own key. */
function replicaParts(ctx: AdaptContext, s: SecretAnswers): EncryptedPart[] {
  if (!s.replicas.ok) return [{ name: "replicas", encryption: unknownOf(s.replicas.failure) }];
  return s.replicas.value.map((r: ReplicationStatusType, i) => ({
    name: `replicas[${i}]`,
    encryption: secretEncryption(ctx, r.KmsKeyId, r.Region ?? "", "ReplicationStatus[].KmsKeyId"),
  }));
}

/** A replica seen in its own region is a replica of the secret of the same name in its primary region. */
function copyOfReplica(arn: string, region: string, primary: string | undefined): DataStore["copyOf"] {
  if (primary === undefined || primary === region) return undefined;
  const parts = arn.split(":");
  parts[3] = primary;
  const source = parts.join(":");
  return { relation: "replica", source, sourceRef: source };
}

function adaptSecret(ctx: AdaptContext, region: string, s: SecretAnswers): StoreWithPolicy {
  const arn = s.entry.ARN ?? "";
  const name = s.entry.Name ?? arn.slice(arn.lastIndexOf(":") + 1);
  const ref = awsRef(arn, "AWS::SecretsManager::Secret", name, storeLabel("secret"), arn.split(":")[4] || ctx.account, region);
  const copyOf = copyOfReplica(arn, region, s.entry.PrimaryRegion);
  const policy = inlinePolicy(ref, "secretsmanager", "policy", readFetched(s.policy, (d) => d));
  return {
    store: {
      model: "data-store",
      ref,
      kind: "secret",
      physicalName: name,
      tags: tagsOfList(s.entry.Tags),
      encryption: secretEncryption(ctx, s.entry.KmsKeyId, region, "KmsKeyId"),
      parts: replicaParts(ctx, s),
      ...(copyOf ? { copyOf } : {}),
    },
    ...(policy ? { policy } : {}),
  };
}

export function adaptSecretsManager(raw: SecretsManagerAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.secrets.ok) return { gaps: [gapOf(raw.secrets.failure, "Secrets Manager secrets")] };
  return storesAndPolicies(raw.secrets.value.map((s) => adaptSecret(ctx, raw.region, s)));
}
