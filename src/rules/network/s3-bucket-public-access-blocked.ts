import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown, type Unknown } from "../../core/value";
import { PUBLIC_ACCESS_BLOCK_SETTINGS } from "../../models/exposure";
import { CONTROLS } from "../frameworks";
import { customerBuckets, effectiveSetting, isOutcome, type CustomerBucket } from "./s3-facts";

interface Options {
  acceptAwsDefault: boolean;
}

export const s3BucketPublicAccessBlocked = defineRule<Options>({
  id: "CDG-NET-004",
  slug: "s3-bucket-public-access-blocked",
  title: "S3 Block Public Access is fully on for customer data buckets",
  pillar: "network",
  severity: "high",
  scope: "stack",
  reads: ["stores", "keys", "exposures", "network", "placements", "resourcePolicies", "compute"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience, CONTROLS.gdprByDesign],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciStoredDataNotReachable],
    hipaa: [CONTROLS.hipaaAccessControl],
    "cis-aws-3.0": [CONTROLS.cisS3BlockPublicAccess],
  },
  rationale:
    "Block Public Access overrides any ACL or bucket policy that would make a bucket public, so one " +
    "mistaken grant cannot expose customer data. All four switches (blockPublicAcls, ignorePublicAcls, " +
    "blockPublicPolicy, restrictPublicBuckets) must be on, in the bucket's own block or in the account-level " +
    "block the stack declares. S3 turns them on for buckets created since April 2023, but a program that " +
    "declares no block does not keep them on (anyone with s3:PutBucketPublicAccessBlock may turn them off " +
    "and the next deployment will not restore them), and older buckets may have none.",
  remediation:
    "Declare `aws.s3.BucketPublicAccessBlock` for the bucket with `blockPublicAcls`, `ignorePublicAcls`, " +
    "`blockPublicPolicy` and `restrictPublicBuckets` all `true` (aws-native: `publicAccessBlockConfiguration`), " +
    "or declare `aws.s3.AccountPublicAccessBlock` with all four on.",
  links: ["https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html"],
  options: {
    acceptAwsDefault: {
      type: "boolean",
      default: false,
      description:
        "Pass buckets that declare no public access block, trusting the all-on default S3 gives buckets created since April 2023.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return customerBuckets(inventory, config).map((b) => (isOutcome(b) ? b : judge(b, options.acceptAwsDefault)));
  },
});

function judge({ store, s3 }: CustomerBucket, acceptAwsDefault: boolean): Outcome {
  const who = describe(store.ref);
  const off: string[] = [];
  const on: string[] = [];
  let undetermined: Unknown | undefined;
  for (const setting of PUBLIC_ACCESS_BLOCK_SETTINGS) {
    const state = effectiveSetting(s3, setting, acceptAwsDefault);
    if (isUnknown(state)) undetermined ??= state;
    else (state.on ? on : off).push(state.observed);
  }
  if (off.length > 0) {
    const unique = [...new Set(off)];
    return fail(store.ref, `${who} does not block public access: ${unique.join(", ")}`);
  }
  if (undetermined) return notAssessed(store.ref, `the public access block of ${who}`, undetermined);
  return pass(store.ref, `${who} blocks public access (${[...new Set(on)].join(", ")})`);
}
