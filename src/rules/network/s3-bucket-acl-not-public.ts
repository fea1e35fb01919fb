import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Unknown, type Val } from "../../core/value";
import type { BucketAcl } from "../../models/exposure";
import { PUBLIC_EXPOSURE_FRAMEWORKS } from "../frameworks";
import { listed } from "./network-facts";
import { customerBuckets, effectiveSetting, isOutcome, type CustomerBucket } from "./s3-facts";

/** Canned ACLs granting to AllUsers or AuthenticatedUsers. */
const PUBLIC_CANNED: ReadonlySet<string> = new Set(["public-read", "public-read-write", "authenticated-read"]);

export const s3BucketAclNotPublic = defineRule({
  id: "CDG-NET-005",
  slug: "s3-bucket-acl-not-public",
  title: "No ACL grants public access to a customer data bucket",
  pillar: "network",
  severity: "critical",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: PUBLIC_EXPOSURE_FRAMEWORKS,
  rationale:
    "The canned ACLs public-read, public-read-write and authenticated-read, and grants to the AllUsers or " +
    "AuthenticatedUsers groups, let anyone (or anyone with any AWS account) list, read or write the " +
    "bucket. ACLs set on the bucket (`acl`, `grants`, aws-native `accessControl`) and by separate " +
    "`BucketAcl`/`BucketAclV2` resources are judged; a public ACL the bucket's effective " +
    "`ignorePublicAcls` switch neutralizes passes.",
  remediation:
    "Remove the public canned ACL or grant (use `private`, or no ACL at all), disable ACLs with " +
    "`BucketOwnershipControls` `BucketOwnerEnforced`, and share data through scoped bucket policies, " +
    "access points or pre-signed URLs instead.",
  links: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/acl-overview.html"],
  evaluate(inventory, { config }): Outcome[] {
    return customerBuckets(inventory, config).map((b) => (isOutcome(b) ? b : judge(b)));
  },
});

/** What in the ACL is public: descriptions of public parts, or Unknown when that is not known. */
function publicParts(acl: BucketAcl): { parts: string[]; unknown?: Unknown } {
  const parts: string[] = [];
  let open: Unknown | undefined;
  if (isUnknown(acl.canned)) open = acl.canned;
  else if (acl.canned !== undefined && PUBLIC_CANNED.has(acl.canned)) parts.push(`canned ACL ${acl.canned}`);
  if (isUnknown(acl.grants)) open ??= acl.grants;
  else {
    for (const g of acl.grants) {
      if (isUnknown(g.grantee)) open ??= g.grantee;
      else if (g.grantee !== "other") parts.push(`a grant of ${describePermissions(g.permissions)} to ${g.grantee === "all-users" ? "AllUsers" : "AuthenticatedUsers"}`);
    }
  }
  return { parts, ...(open ? { unknown: open } : {}) };
}

const describePermissions = (p: Val<readonly string[]>): string => (isUnknown(p) ? "unknown permissions" : p.join("+") || "no permission");

function judge({ store, s3 }: CustomerBucket): Outcome {
  const who = describe(store.ref);
  const found: string[] = [];
  let undetermined: Unknown | undefined;
  for (const acl of s3.acls) {
    const { parts, unknown } = publicParts(acl);
    if (parts.length > 0 && acl.maybeOtherBucket) undetermined ??= acl.maybeOtherBucket;
    else if (parts.length > 0) found.push(`${acl.origin}: ${parts.join(", ")}`);
    else if (unknown) undetermined ??= unknown;
  }
  if (found.length > 0) {
    const ignored = effectiveSetting(s3, "ignorePublicAcls");
    if (isUnknown(ignored)) return notAssessed(store.ref, `whether S3 ignores the public ACL of ${who}`, ignored);
    if (ignored.on) return pass(store.ref, `${who} has a public ACL that S3 ignores (${ignored.observed}): ${listed(found)}`);
    return fail(store.ref, `${who} is public through its ACL: ${listed(found)}`);
  }
  if (undetermined) return notAssessed(store.ref, `whether the ACL of ${who} is public`, undetermined);
  return pass(store.ref, `no ACL of ${who} grants public access (${s3.acls.length === 0 ? "none declared" : `${s3.acls.length} checked`})`);
}
