import { classify } from "../../core/classification";
import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { ResourcePolicy } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import { PUBLIC_EXPOSURE_FRAMEWORKS } from "../frameworks";
import { classificationGate, listed } from "./network-facts";
import { publicGrants } from "./policy-facts";
import { customerBuckets, effectiveSetting, isOutcome, policiesOf, type CustomerBucket } from "./s3-facts";

export const s3BucketPolicyNotPublic = defineRule({
  id: "CDG-NET-006",
  slug: "s3-bucket-policy-not-public",
  title: "No bucket policy grants a customer data bucket to everyone",
  pillar: "network",
  severity: "critical",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: PUBLIC_EXPOSURE_FRAMEWORKS,
  rationale:
    "A bucket policy statement allowing `Principal: \"*\"` (or `{\"AWS\": \"*\"}`, an account wildcard, or " +
    "an Allow with NotPrincipal) opens the bucket to anyone on the internet unless a condition ties the " +
    "request to the organization's network, accounts or callers (aws:SourceVpce, aws:SourceVpc, " +
    "the keys aws:PrincipalOrgID, aws:PrincipalAccount, aws:SourceAccount, aws:SourceArn...). Policies set on the " +
    "bucket (`policy`) and by `BucketPolicy` resources are judged; a public policy the bucket's effective " +
    "`restrictPublicBuckets` switch neutralizes passes. A policy for a bucket outside the stack is judged " +
    "on its own, as untagged data.",
  remediation:
    "Name the principals (accounts, roles) that need access, or add a scoping condition such as " +
    "`StringEquals: {aws:PrincipalOrgID: \"o-...\"}` or `{aws:SourceVpce: \"vpce-...\"}`; turn on " +
    "Block Public Access (`restrictPublicBuckets`, `blockPublicPolicy`) for the bucket.",
  links: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html#access-control-block-public-access-policy-status",
  ],
  evaluate(inventory, { config }): Outcome[] {
    const buckets = customerBuckets(inventory, config).map((b) => (isOutcome(b) ? b : judge(inventory, b)));
    const outside = unjoined(inventory).map((p) => {
      const who = `${p.origin} (for a bucket outside the stack)`;
      return classificationGate(p.ref, who, classify(undefined, config), config) ?? judgeAlone(p, who);
    });
    return [...buckets, ...outside];
  },
});

function judge(inventory: Inventory, { store, s3 }: CustomerBucket): Outcome {
  const who = describe(store.ref);
  const found: string[] = [];
  let undetermined: Unknown | undefined;
  const policies = policiesOf(inventory, store);
  for (const policy of policies) {
    const grants = publicGrants(policy);
    if (isUnknown(grants)) undetermined ??= grants;
    else found.push(...grants);
  }
  if (found.length > 0) {
    const restricted = effectiveSetting(s3, "restrictPublicBuckets");
    if (isUnknown(restricted)) return notAssessed(store.ref, `whether S3 restricts the public policy of ${who}`, restricted);
    if (restricted.on) return pass(store.ref, `${who} has a public policy that S3 restricts (${restricted.observed}): ${listed(found)}`);
    return fail(store.ref, `${who} is public through its policy: ${listed(found)}`);
  }
  undetermined ??= pendingPublicPolicy(inventory);
  if (undetermined) return notAssessed(store.ref, `whether a policy makes ${who} public`, undetermined);
  return pass(store.ref, `no policy of ${who} grants access to everyone (${policies.length === 0 ? "no policy" : `${policies.length} checked`})`);
}

function judgeAlone(p: ResourcePolicy, who: string): Outcome {
  const grants = publicGrants(p);
  if (isUnknown(grants)) return notAssessed(p.ref, `whether ${who} grants access to everyone`, grants);
  return grants.length > 0 ? fail(p.ref, `${who} grants access to everyone: ${listed(grants)}`) : pass(p.ref, `${who} grants nothing to everyone`);
}

/** S3 policies naming a bucket that is not a bucket of the inventory. */
function unjoined(inventory: Inventory): ResourcePolicy[] {
  const known = new Set(inventory.stores.filter((s) => s.kind === "s3-bucket").flatMap((s) => [s.ref.id, ...(s.physicalName ? [s.physicalName] : [])]));
  return (inventory.resourcePolicies ?? []).filter((p) => p.service === "s3" && typeof p.target === "string" && !known.has(p.target));
}

/** A policy naming a bucket not known yet that may be public: it may be this bucket's. */
function pendingPublicPolicy(inventory: Inventory): Unknown | undefined {
  for (const p of inventory.resourcePolicies ?? []) {
    if (p.service !== "s3" || !isUnknown(p.target)) continue;
    const grants = publicGrants(p);
    if (isUnknown(grants) || grants.length > 0) return unknown(p.target.reason, `${p.origin} names a bucket not known yet and may be public (${p.target.detail})`);
  }
  return undefined;
}
