import { describeClassification } from "../../core/classification";
import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { Setting } from "../../models/hygiene";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { hygieneOf, isOutcome, isRestricted, judgeCustomerStores, storeSetting } from "./readiness-facts";

const BUCKETS: ReadonlySet<string> = new Set(["s3-bucket"]);

export const customerDataBucketsVersioned = defineRule({
  id: "CDG-HYG-016",
  slug: "customer-data-buckets-versioned",
  title: "Customer data buckets keep object versions; restricted ones also resist deletion",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprRestoreAvailability, CONTROLS.gdprResilience],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    hipaa: [CONTROLS.hipaaIntegrity, CONTROLS.hipaaDataBackup],
    "cis-aws-3.0": [CONTROLS.cisS3MfaDelete],
  },
  rationale:
    "Seed practice: breach preparation. S3 has no automated backup of its own: versioning is what lets an overwritten " +
    "or deleted object be recovered after ransomware, a compromised writer or a faulty deployment. Every customer data " +
    "bucket must have versioning enabled (suspended counts as off). Restricted: an intruder holding delete rights can " +
    "still remove every version, so a restricted bucket must also have Object Lock (versions cannot be deleted before " +
    "their retention ends) or MFA Delete (permanent deletes need the root user's MFA). Versioning is a resource of its " +
    "own in current programs, so the rule joins the stack. An auditor asks how lost or tampered personal data is restored.",
  remediation:
    "Enable versioning: `new aws.s3.BucketVersioningV2(\"orders\", { bucket: bucket.id, versioningConfiguration: { " +
    "status: \"Enabled\" } })` (`aws.s3.BucketVersioning` in @pulumi/aws v7); for restricted data create the bucket with " +
    "`objectLockEnabled: true` and an `aws.s3.BucketObjectLockConfigurationV2` default retention, or enable MFA Delete " +
    "with the root user's credentials.",
  links: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/object-lock.html",
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/MultiFactorAuthenticationDelete.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return judgeCustomerStores(inventory, config, BUCKETS, (bucket, c) => {
      const who = describe(bucket.ref);
      const versioning = storeSetting(inventory, bucket, "versioning", "the versioning");
      if (isOutcome(versioning)) return versioning;
      if (!versioning.value) return fail(bucket.ref, `${who} does not keep object versions (${versioning.observed}); a customer data bucket must enable versioning`);
      if (!isRestricted(c)) return pass(bucket.ref, `${who} keeps object versions (${versioning.observed})`);
      const h = hygieneOf(inventory).stores.get(bucket.ref.id);
      const guards = [guard("Object Lock", h?.objectLock), guard("MFA Delete", h?.mfaDelete)];
      const on = guards.find((g) => g.value === true);
      if (on) return pass(bucket.ref, `${who} keeps object versions (${versioning.observed}) and ${on.name} protects them (${on.observed})`);
      const open = guards.find((g) => isUnknown(g.value));
      if (open && isUnknown(open.value)) return notAssessed(bucket.ref, `whether ${open.name} protects the versions of ${who}`, open.value);
      return fail(
        bucket.ref,
        `${who} keeps object versions but nothing stops their deletion (${guards.map((g) => g.observed).join("; ")}); a bucket ${describeClassification(c, config)} also needs Object Lock or MFA Delete`,
      );
    });
  },
});

function guard(name: string, s: Setting<boolean> | undefined): { name: string; value: boolean | Unknown; observed: string } {
  if (!s) return { name, value: unknown("not-fetched", "the setting is not part of this view"), observed: `${name} not in view` };
  return { name, value: s.value, observed: s.observed };
}
