import {
  DescribeKeyCommand,
  GetKeyPolicyCommand,
  GetKeyRotationStatusCommand,
  KMSClient,
  paginateListAliases,
  paginateListKeys,
  paginateListResourceTags,
  type AliasListEntry,
  type KeyListEntry,
  type KeyMetadata,
  type Tag,
} from "@aws-sdk/client-kms";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";
import { awsAliasedKeyIds } from "./kms-aliases";

/**
 * What KMS answered about one key. Rotation, policy and tags are asked of customer-managed keys
 * only (and of keys DescribeKey did not answer for, unless an `alias/aws/...` names them):
 * AWS-managed keys become no model.
 */
export interface KmsKeyAnswers {
  readonly listed: KeyListEntry;
  readonly metadata: Fetched<KeyMetadata>;
  /** GetKeyRotationStatus; only for keys KMS can rotate (it fails on, or says false for, the others). */
  readonly rotation?: Fetched<boolean>;
  /** The key policy named `default`, the only one a key has. */
  readonly policy?: Fetched<string | undefined>;
  readonly tags?: Fetched<readonly Tag[]>;
}

/** What KMS answered in one region. */
export interface KmsAnswers {
  readonly region: string;
  readonly keys: Fetched<readonly KmsKeyAnswers[]>;
  readonly aliases: Fetched<readonly AliasListEntry[]>;
}

/** The region's KMS keys (AWS- and customer-managed) and aliases: the key directory needs both kinds. */
export const kmsFetcher: Fetcher<KmsAnswers> = {
  name: "kms-keys",
  service: "kms",
  actions: ["kms:ListKeys", "kms:ListAliases", "kms:DescribeKey", "kms:GetKeyRotationStatus", "kms:GetKeyPolicy", "kms:ListResourceTags"],
  scope: "region",
  async fetch(ctx: FetchContext): Promise<KmsAnswers> {
    const client = ctx.client(KMSClient, "kms");
    const [listed, aliases] = await Promise.all([
      ctx.listAll("kms:ListKeys", () => paginateListKeys({ client }, {}), (page) => page.Keys),
      ctx.listAll("kms:ListAliases", () => paginateListAliases({ client }, {}), (page) => page.Aliases),
    ]);
    if (!listed.ok) return { region: ctx.region, keys: listed, aliases };
    const awsAliased = awsAliasedKeyIds(aliases);
    const keys = await Promise.all(listed.value.map((entry) => fetchKey(ctx, client, entry, awsAliased)));
    return { region: ctx.region, keys: { ok: true, value: keys }, aliases };
  },
};

async function fetchKey(ctx: FetchContext, client: KMSClient, listed: KeyListEntry, awsAliased: ReadonlySet<string>): Promise<KmsKeyAnswers> {
  const KeyId = listed.KeyId ?? listed.KeyArn;
  const metadata = await ctx.attempt("kms:DescribeKey", async () => {
    const answer = await client.send(new DescribeKeyCommand({ KeyId }));
    if (answer.KeyMetadata === undefined) throw new Error("DescribeKey answered without KeyMetadata");
    return answer.KeyMetadata;
  });
  const awsManaged = metadata.ok ? metadata.value.KeyManager === "AWS" : listed.KeyId !== undefined && awsAliased.has(listed.KeyId);
  if (awsManaged) return { listed, metadata };
  const [rotation, policy, tags] = await Promise.all([
    // While deletion is pending KMS reports rotation off whatever was set: not asked.
    metadata.ok && canRotate(metadata.value) && metadata.value.KeyState !== "PendingDeletion"
      ? ctx.attempt("kms:GetKeyRotationStatus", async () => (await client.send(new GetKeyRotationStatusCommand({ KeyId }))).KeyRotationEnabled ?? false)
      : undefined,
    ctx.attempt("kms:GetKeyPolicy", async () => (await client.send(new GetKeyPolicyCommand({ KeyId, PolicyName: "default" }))).Policy),
    ctx.listAll("kms:ListResourceTags", () => paginateListResourceTags({ client }, { KeyId }), (page) => page.Tags),
  ]);
  return { listed, metadata, ...(rotation === undefined ? {} : { rotation }), policy, tags };
}

/** Automatic rotation exists for symmetric encryption keys whose material KMS generated. */
function canRotate(m: KeyMetadata): boolean {
  return (m.KeySpec ?? "SYMMETRIC_DEFAULT") === "SYMMETRIC_DEFAULT" && (m.Origin ?? "AWS_KMS") === "AWS_KMS";
}
