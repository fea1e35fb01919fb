import { describeClassification } from "../../core/classification";
import type { Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { isOutcome, isRestricted, judgeCustomerStores, storeSetting } from "./readiness-facts";
import { judgeRetentionAtMost } from "./retention-facts";

interface Options {
  maxConfidentialObjectAgeDays: number;
  maxRestrictedObjectAgeDays: number;
}

const BUCKETS: ReadonlySet<string> = new Set(["s3-bucket"]);

export const customerDataBucketsExpireObjects = defineRule<Options>({
  id: "CDG-HYG-010",
  slug: "customer-data-buckets-expire-objects",
  title: "Customer data buckets expire objects within a maximum age set by classification",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprStorageLimitation],
    ccpa: [CONTROLS.ccpaDataRetention],
    "pci-dss-4.0": [CONTROLS.pciRetentionLimited],
  },
  rationale:
    "Seed practice: retention. Personal data may be kept no longer than its purpose needs (storage limitation); in S3 " +
    "nothing is ever deleted unless a lifecycle rule expires it, so a bucket without an expiration keeps every object " +
    "forever. Each customer data bucket must have an enabled lifecycle expiration covering all its objects, no longer " +
    "than the maximum for its classification: `maxConfidentialObjectAgeDays` (default 2555, seven years, the longest " +
    "common statutory record period) and, for restricted data, the stricter `maxRestrictedObjectAgeDays` (default 1825, " +
    "five years). The lifecycle configuration is a resource of its own in most programs, so the rule joins the stack. " +
    "An auditor asks for the retention schedule of each store of personal data and evidence that deletion is automated.",
  remediation:
    "Add a lifecycle rule expiring every object: `new aws.s3.BucketLifecycleConfigurationV2(\"orders\", { bucket: " +
    "bucket.id, rules: [{ id: \"expire\", status: \"Enabled\", filter: {}, expiration: { days: 1825 } }] })` " +
    "(`aws.s3.BucketLifecycleConfiguration` in @pulumi/aws v7).",
  links: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lifecycle-mgmt.html",
  ],
  // Two numbers rather than one object per level: OptionSchema cannot describe an object's fields, so Pulumi's
  // policy config could not validate them, and a partial object would replace both defaults.
  options: {
    maxConfidentialObjectAgeDays: {
      type: "integer",
      minimum: 1,
      default: 2555,
      description: "Longest object age in days for a customer data bucket that is not restricted (confidential, or untagged).",
    },
    maxRestrictedObjectAgeDays: {
      type: "integer",
      minimum: 1,
      default: 1825,
      description: "Longest object age in days for a bucket classified restricted (or with an unrecognized classification).",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return judgeCustomerStores(inventory, config, BUCKETS, (bucket, c) => {
      const expiry = storeSetting(inventory, bucket, "retentionDays", "the lifecycle expiration");
      if (isOutcome(expiry)) return expiry;
      const max = isRestricted(c) ? options.maxRestrictedObjectAgeDays : options.maxConfidentialObjectAgeDays;
      return judgeRetentionAtMost(bucket.ref, expiry, max, "objects", `a bucket ${describeClassification(c, config)}`);
    });
  },
});
