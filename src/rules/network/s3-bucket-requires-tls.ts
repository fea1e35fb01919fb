import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Unknown } from "../../core/value";
import type { Inventory } from "../../models/inventory";
import { CONTROLS } from "../frameworks";
import { customerBuckets, isOutcome, policiesOf, policyOfUnknownBucket, type CustomerBucket } from "./s3-facts";
import { deniesInsecureTransport } from "./tls-facts";

export const s3BucketRequiresTls = defineRule({
  id: "CDG-NET-007",
  slug: "s3-bucket-requires-tls",
  title: "Customer data buckets refuse requests that are not over TLS",
  pillar: "network",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciStrongCryptoInTransit],
    hipaa: [CONTROLS.hipaaTransmissionSecurity],
    "cis-aws-3.0": [CONTROLS.cisS3DenyHttp],
  },
  rationale:
    "S3 answers plain HTTP as well as HTTPS; without a policy refusing it, a misconfigured client or SDK " +
    "sends customer data and credentials-bearing requests in clear text. The bucket policy must hold a " +
    "Deny for everyone (`Principal: \"*\"`) on all S3 actions (`s3:*`) covering the bucket's objects, " +
    "conditioned on `Bool aws:SecureTransport = false`, or on `NumericLessThan s3:TlsVersion` to require a " +
    "minimum TLS version. Policies set on the bucket and by `BucketPolicy` resources both count.",
  remediation:
    "Add a statement to the bucket policy: `{Effect: \"Deny\", Principal: \"*\", Action: \"s3:*\", Resource: " +
    "[bucketArn, `${bucketArn}/*`], Condition: {Bool: {'aws:SecureTransport': \"false\"}}}`.",
  links: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html#transit"],
  evaluate(inventory, { config }): Outcome[] {
    return customerBuckets(inventory, config).map((b) => (isOutcome(b) ? b : judge(inventory, b)));
  },
});

function judge(inventory: Inventory, { store }: CustomerBucket): Outcome {
  const who = describe(store.ref);
  let undetermined: Unknown | undefined;
  const policies = policiesOf(inventory, store);
  for (const policy of policies) {
    const found = deniesInsecureTransport(policy, store.physicalName);
    if (isUnknown(found)) undetermined ??= found;
    else if (found) return pass(store.ref, `${who} refuses requests without TLS: ${found}`);
  }
  undetermined ??= policyOfUnknownBucket(inventory);
  if (undetermined) return notAssessed(store.ref, `whether a policy of ${who} refuses requests without TLS`, undetermined);
  const observed = policies.length === 0 ? "it has no bucket policy" : `none of its ${policies.length} policies denies aws:SecureTransport=false`;
  return fail(store.ref, `${who} accepts requests without TLS: ${observed}`);
}
