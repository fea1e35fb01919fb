import type { DataStore } from "../../models/data-store";
import { PUBLIC_ACCESS_BLOCK_SETTINGS, type AclGrant, type BucketAcl, type PublicAccessBlock, type S3Exposure } from "../../models/exposure";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { policiesOf } from "./policies";

const T = {
  bucket: "aws:s3/bucket:Bucket",
  encryption: "aws:s3/bucketServerSideEncryptionConfiguration:BucketServerSideEncryptionConfiguration",
  block: "aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock",
  accountBlock: "aws:s3/accountPublicAccessBlock:AccountPublicAccessBlock",
  policy: "aws:s3/bucketPolicy:BucketPolicy",
  acl: "aws:s3/bucketAcl:BucketAcl",
} as const;

const GROUP_URI = { "all-users": "http://acs.amazonaws.com/groups/global/AllUsers", "authenticated-users": "http://acs.amazonaws.com/groups/global/AuthenticatedUsers" } as const;

/**
 * A bucket as v7 splits it: `Bucket`, its `BucketServerSideEncryptionConfiguration`,
 * `BucketPublicAccessBlock` (written with every switch off when the bucket has none: a v7 bucket
 * without one reads as AWS's default for new buckets, all on), `BucketPolicy` and `BucketAcl`.
 */
export function writeBucket(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `S3 bucket ${name}`;
  const bucket = w.add({ type: T.bucket, name, model: store.ref, id: name, props: { bucket: name, arn: store.ref.id, ...tagProps(store.tags, what) } });
  const onBucket = (type: string, props: Record<string, unknown>, refs: Record<string, (string | undefined)[]> = {}) =>
    w.add({ type, name, model: store.ref, id: name, props: { bucket: name, ...props }, refs: { bucket: [bucket], ...refs } });

  const key = keySetting(store.encryption, what);
  const byDefault = key.manager === "aws-owned" ? { sseAlgorithm: "AES256" } : { sseAlgorithm: "aws:kms", ...(key.key ? { kmsMasterKeyId: key.key } : {}) };
  onBucket(T.encryption, { rules: [{ applyServerSideEncryptionByDefault: byDefault }] }, { rules: [key.keyModel] });

  const s3 = w.inventory.exposures?.get(store.ref.id)?.s3;
  if (s3 === undefined) throw new Unwritable(`the public access settings of ${what} were not read`);
  onBucket(T.block, blockProps(known(s3.bucketBlock, `the public access block of ${what}`)));
  writeAccountBlock(w, s3);
  for (const acl of s3.acls) onBucket(T.acl, aclProps(acl));
  for (const policy of policiesOf(w, store.ref.id, "s3")) onBucket(T.policy, { policy });
}

/** The four switches; a switch S3 does not list (or a bucket without a block) is off. */
function blockProps(block: PublicAccessBlock | undefined): Record<string, boolean> {
  const out: Record<string, boolean> = {};
  for (const s of PUBLIC_ACCESS_BLOCK_SETTINGS) out[s] = block === undefined ? false : known(block[s], `${s} of ${block.ref.name}`) === true;
  return out;
}

/** The account's block, once for the account. */
function writeAccountBlock(w: StateWriter, s3: S3Exposure): void {
  if (s3.accountBlock === undefined) return;
  const block = known(s3.accountBlock, "the account's S3 public access block");
  if (w.urnOf(block.ref.id) !== undefined) return;
  const account = block.ref.account ?? block.ref.name;
  w.add({ type: T.accountBlock, name: account, model: block.ref, id: account, regional: false, props: { accountId: account, ...blockProps(block) } });
}

function aclProps(acl: BucketAcl): Record<string, unknown> {
  const canned = known(acl.canned, acl.origin);
  const grants = known(acl.grants, acl.origin).flatMap((g) => grantsOf(g, acl.origin));
  return { ...(canned === undefined ? {} : { acl: canned }), ...(grants.length > 0 ? { accessControlPolicy: { grants } } : {}) };
}

/** One v7 grant per permission. */
function grantsOf(g: AclGrant, origin: string): Record<string, unknown>[] {
  const grantee = known(g.grantee, `a grantee of ${origin}`);
  const who = grantee === "other" ? { type: "CanonicalUser" } : { type: "Group", uri: GROUP_URI[grantee] };
  return known(g.permissions, `the permissions of ${origin}`).map((permission) => ({ grantee: who, permission }));
}
