import {
  GetBucketAclCommand,
  GetBucketEncryptionCommand,
  GetBucketOwnershipControlsCommand,
  GetBucketPolicyCommand,
  GetBucketTaggingCommand,
  GetPublicAccessBlockCommand,
  S3Client,
  type GetBucketAclOutput,
  type OwnershipControls,
  type PublicAccessBlockConfiguration,
  type ServerSideEncryptionConfiguration,
  type Tag,
} from "@aws-sdk/client-s3";
import type { PublicAccessBlockConfiguration as AccountBlockConfiguration } from "@aws-sdk/client-s3-control";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";
import { bucketsInRegion, LIST_ACTION, LOCATION_ACTION, type UnlocatedBucket } from "./s3-buckets";
import { ACCOUNT_BLOCK_ACTION, fetchAccountBlock } from "./s3-control";
import { fetchBucketHygiene, HYGIENE_ACTIONS, type S3BucketHygieneAnswers } from "./s3-hygiene";
import { codeOf, unlessNotSet } from "./s3-not-set";
import { aclsDisabled } from "./s3-ownership";

/** The owner and grants of a bucket ACL. */
export type BucketAclAnswer = Pick<GetBucketAclOutput, "Owner" | "Grants">;

/**
 * One bucket's settings; an undefined value is a setting the bucket does not have. The fetcher always
 * reads the hygiene settings; answers recorded without them leave those facts unset (not assessed).
 */
export interface S3BucketAnswers extends Partial<S3BucketHygieneAnswers> {
  readonly name: string;
  readonly region: string;
  readonly encryption: Fetched<ServerSideEncryptionConfiguration | undefined>;
  readonly publicAccessBlock: Fetched<PublicAccessBlockConfiguration | undefined>;
  readonly ownershipControls: Fetched<OwnershipControls | undefined>;
  /** Not asked (undefined) when the ownership controls disable ACLs (`BucketOwnerEnforced`). */
  readonly acl?: Fetched<BucketAclAnswer | undefined>;
  readonly policy: Fetched<string | undefined>;
  readonly tagSet: Fetched<Tag[] | undefined>;
}

/** What S3 says about the account's buckets in one region. */
export interface S3Answers {
  readonly region: string;
  /** Buckets deleted while they were read are left out. */
  readonly buckets: Fetched<readonly S3BucketAnswers[]>;
  /** Buckets listed whose region could not be read. */
  readonly unlocated: readonly UnlocatedBucket[];
  /** The account-level block; not asked (undefined) when the region has no bucket. */
  readonly accountBlock?: Fetched<AccountBlockConfiguration | undefined>;
}

const ACTIONS = {
  encryption: "s3:GetEncryptionConfiguration",
  publicAccessBlock: "s3:GetBucketPublicAccessBlock",
  ownershipControls: "s3:GetBucketOwnershipControls",
  acl: "s3:GetBucketAcl",
  policy: "s3:GetBucketPolicy",
  tagging: "s3:GetBucketTagging",
} as const;

/**
 * The buckets of the scanned region with their encryption, public access blocks, ACL, policy, tags,
 * access logging, lifecycle, versioning and Object Lock (8 calls per bucket, one more when its ACLs
 * are enabled, one more when versioning is on), and the account's Block Public Access.
 */
export const s3BucketsFetcher: Fetcher<S3Answers> = {
  name: "s3-buckets",
  service: "s3",
  actions: [LIST_ACTION, LOCATION_ACTION, ...Object.values(ACTIONS), ...Object.values(HYGIENE_ACTIONS), ACCOUNT_BLOCK_ACTION],
  scope: "region",
  async fetch(ctx) {
    const listed = await bucketsInRegion(ctx);
    if (!listed.ok) return { region: ctx.region, buckets: listed, unlocated: [] };
    const { names, unlocated } = listed.value;
    const [buckets, accountBlock] = await Promise.all([
      Promise.all(names.map((name) => fetchBucket(ctx, name))),
      names.length > 0 ? fetchAccountBlock(ctx) : Promise.resolve(undefined),
    ]);
    const found = buckets.filter((b): b is S3BucketAnswers => b !== undefined);
    return { region: ctx.region, buckets: { ok: true, value: found }, unlocated, ...(accountBlock ? { accountBlock } : {}) };
  },
};

/** One bucket's settings, or undefined when the bucket was deleted since it was listed. */
async function fetchBucket(ctx: FetchContext, name: string): Promise<S3BucketAnswers | undefined> {
  const client = ctx.client(S3Client, "s3");
  const Bucket = name;
  let gone = false;
  /** One call; `notSet` are the error codes meaning the setting is not configured. */
  const read = <T>(action: string, notSet: readonly string[], call: () => Promise<T>): Promise<Fetched<T | undefined>> =>
    ctx.attempt(action, async () => {
      try {
        return await unlessNotSet(notSet, call);
      } catch (e) {
        if (codeOf(e) !== "NoSuchBucket") throw e;
        gone = true;
        return undefined;
      }
    });

  const ownershipThenAcl = async (): Promise<Pick<S3BucketAnswers, "ownershipControls" | "acl">> => {
    const ownershipControls = await read(ACTIONS.ownershipControls, ["OwnershipControlsNotFoundError"], async () => {
      return (await client.send(new GetBucketOwnershipControlsCommand({ Bucket }))).OwnershipControls;
    });
    // With ACLs disabled they grant nothing: no need to read them.
    if (ownershipControls.ok && aclsDisabled(ownershipControls.value)) return { ownershipControls };
    const acl = await read(ACTIONS.acl, [], async () => {
      const out = await client.send(new GetBucketAclCommand({ Bucket }));
      return { Owner: out.Owner, Grants: out.Grants };
    });
    return { ownershipControls, acl };
  };

  const [encryption, publicAccessBlock, ownership, policy, tagSet, hygiene] = await Promise.all([
    read(ACTIONS.encryption, ["ServerSideEncryptionConfigurationNotFoundError"], async () => {
      return (await client.send(new GetBucketEncryptionCommand({ Bucket }))).ServerSideEncryptionConfiguration;
    }),
    read(ACTIONS.publicAccessBlock, ["NoSuchPublicAccessBlockConfiguration"], async () => {
      return (await client.send(new GetPublicAccessBlockCommand({ Bucket }))).PublicAccessBlockConfiguration;
    }),
    ownershipThenAcl(),
    read(ACTIONS.policy, ["NoSuchBucketPolicy"], async () => (await client.send(new GetBucketPolicyCommand({ Bucket }))).Policy),
    read(ACTIONS.tagging, ["NoSuchTagSet"], async () => (await client.send(new GetBucketTaggingCommand({ Bucket }))).TagSet),
    fetchBucketHygiene(client, Bucket, read),
  ]);
  if (gone) return undefined;
  return { name, region: ctx.region, encryption, publicAccessBlock, ...ownership, policy, tagSet, ...hygiene };
}
