import type { GuardConfig } from "../../core/config";
import { describe, notAssessed } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { PublicAccessBlockSetting, ResourcePolicy, S3Exposure } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import { customerDataGate } from "./network-facts";

export interface CustomerBucket {
  readonly store: DataStore;
  readonly s3: S3Exposure;
}

/**
 * Each S3 bucket: an outcome when it is settled without looking further (not customer data,
 * tags unknown, its settings not in the inventory), else the bucket and its settings.
 */
export function customerBuckets(inventory: Inventory, config: GuardConfig): (Outcome | CustomerBucket)[] {
  return inventory.stores
    .filter((store) => store.kind === "s3-bucket")
    .map((store) => {
      const gate = customerDataGate(inventory, { id: store.ref.id, ref: store.ref, store }, config);
      if (gate) return gate;
      const s3 = inventory.exposures?.get(store.ref.id)?.s3;
      if (!s3) return notAssessed(store.ref, `the public-access settings of ${describe(store.ref)}`, unknown("not-fetched", "they are not part of this view"));
      return { store, s3 };
    });
}

export const isOutcome = (v: Outcome | CustomerBucket): v is Outcome => "status" in v;

export interface SettingState {
  readonly on: boolean;
  /** How it was found, for messages: "on in the account-level block", "blockPublicPolicy=false". */
  readonly observed: string;
}

/**
 * One Block Public Access switch as S3 applies it: on when the account-level or the bucket-level
 * block turns it on. A bucket without a block of its own follows `whenNoBucketBlock`: off, or
 * (with `acceptAwsDefault`) the all-on default S3 gives new buckets.
 */
export function effectiveSetting(s3: S3Exposure, setting: PublicAccessBlockSetting, acceptAwsDefault = false): Val<SettingState> {
  const account = s3.accountBlock === undefined ? undefined : isUnknown(s3.accountBlock) ? s3.accountBlock : s3.accountBlock[setting];
  if (account === true) return { on: true, observed: `${setting} on in the account-level block` };
  const bucket = s3.bucketBlock;
  let own: Val<boolean | undefined>;
  let observed: string;
  if (isUnknown(bucket)) return bucket;
  if (bucket === undefined) {
    if (s3.whenNoBucketBlock === "aws-default" && acceptAwsDefault) return { on: true, observed: `${setting} on by AWS default (no block declared)` };
    own = undefined;
    observed = s3.whenNoBucketBlock === "aws-default" ? `no public access block declared for the bucket` : "no bucket-level public access block";
  } else {
    own = bucket[setting];
    observed = `${setting}=${isUnknown(own) ? "unknown" : String(own ?? "not set")}`;
  }
  if (own === true && bucket !== undefined) return { on: true, observed: `${setting} on in ${describe(bucket.ref)}` };
  if (isUnknown(own)) return own;
  if (isUnknown(account)) return account;
  return { on: false, observed };
}

/** The bucket's policies: joined to it, or naming it by its bucket name. */
export function policiesOf(inventory: Inventory, store: DataStore): ResourcePolicy[] {
  return (inventory.resourcePolicies ?? []).filter(
    (p) => p.service === "s3" && (p.target === store.ref.id || (store.physicalName !== undefined && p.target === store.physicalName)),
  );
}

/** A bucket policy whose bucket is not known yet: it may be any bucket's. */
export function policyOfUnknownBucket(inventory: Inventory): Unknown | undefined {
  const p = (inventory.resourcePolicies ?? []).find((x) => x.service === "s3" && isUnknown(x.target));
  return p && isUnknown(p.target) ? unknown(p.target.reason, `${p.origin} names a bucket not known yet (${p.target.detail})`) : undefined;
}
