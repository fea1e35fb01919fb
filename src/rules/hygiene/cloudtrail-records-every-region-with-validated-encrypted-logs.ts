import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { unknown } from "../../core/value";
import type { Trail } from "../../models/hygiene";
import type { Inventory } from "../../models/inventory";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { accountRef, trailChecks } from "./audit-facts";
import { judgeChecks } from "./transit-facts";

const VERDICT = { pass: "records every region with validated, KMS-encrypted log files", fail: "is not a complete audit trail" };

export const cloudtrailRecordsEveryRegionWithValidatedEncryptedLogs = defineRule({
  id: "CDG-HYG-005",
  slug: "cloudtrail-records-every-region-with-validated-encrypted-logs",
  title: "A CloudTrail trail records every region with validated, KMS-encrypted log files",
  pillar: "hygiene",
  severity: "high",
  scope: "stack",
  reads: ["stores", "hygiene", "ownAccountIds"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.gdprBreachNotification],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciAuditLogsEnabled, CONTROLS.pciAuditLogsProtected, CONTROLS.pciAuditLogHistory],
    hipaa: [CONTROLS.hipaaAuditControls],
    "cis-aws-3.0": [CONTROLS.cisCloudTrailAllRegions, CONTROLS.cisCloudTrailValidation, CONTROLS.cisCloudTrailKms],
  },
  rationale:
    "Seed practices: audit and breach preparation. CloudTrail is the record of who changed or read what through " +
    "the AWS APIs: without a trail that is logging in every region, activity in an unwatched region (a copied " +
    "snapshot, a new access key) leaves no lasting trace; without log file validation nobody can show the log was " +
    "not edited; without a KMS key anyone who can read the log bucket reads the log. An auditor asks for the trail, " +
    "its coverage and proof of its integrity when a breach must be scoped and notified within 72 hours (GDPR " +
    "Art. 33). A scan reads the whole account: with no such trail the account fails, and each trail missing one " +
    "of the four settings is a finding too. A stack is judged only on the trails it declares (the account may " +
    "have an organisation trail): none declared is not applicable. Classification: the same for every level; a " +
    "trail covers the whole account, so restricted data needs nothing more here (object-level reads are " +
    "CDG-HYG-006).",
  remediation:
    "`new aws.cloudtrail.Trail(\"audit\", { s3BucketName: logs.id, isMultiRegionTrail: true, includeGlobalServiceEvents: true, " +
    "enableLogFileValidation: true, kmsKeyId: trailKey.arn, enableLogging: true })`, with a key policy letting " +
    "cloudtrail.amazonaws.com encrypt; or rely on an organisation trail and run `cdguard scan` to prove it.",
  links: [
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/best-practices-security.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/cloudtrail-log-file-validation-intro.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/encrypting-cloudtrail-log-files-with-aws-kms.html",
  ],
  evaluate(inventory): Outcome[] {
    const hygiene = inventory.hygiene;
    const account = accountRef(inventory);
    if (!hygiene) return [notAssessed(account, "its CloudTrail trails", unknown("not-fetched", "trails are not part of this view"))];
    const judged = hygiene.trails.map((t) => judgeChecks(t.ref, trailChecks(t), VERDICT));
    if (hygiene.scope === "stack") {
      return judged.length > 0 ? judged : [notApplicable(account, "the stack declares no CloudTrail trail; the account's trails are judged by a scan")];
    }
    return [...judged, accountOutcome(inventory, hygiene.trails, judged)];
  },
});

/** The account passes with one complete trail; fails with none; not assessed when the only candidates are unknown. */
function accountOutcome(inventory: Inventory, trails: readonly Trail[], judged: readonly Outcome[]): Outcome {
  const account = accountRef(inventory);
  const complete = trails.filter((_, i) => judged[i]?.status === "pass");
  if (complete[0]) return pass(account, `${describe(account)} has a complete audit trail: trail ${complete[0].ref.name}`);
  const open = judged.find((o) => o.status === "unknown");
  if (open) return notAssessed(account, "whether a trail records every region with validated, KMS-encrypted logs", unknown(open.reason ?? "error", open.message));
  const seen = trails.length === 0 ? "it has no CloudTrail trail" : `none of its ${trails.length} trail(s) is logging in every region with validated, KMS-encrypted log files`;
  return fail(account, `${describe(account)} has no complete audit trail: ${seen} (required: a logging, multi-region trail with log file validation and a KMS key)`);
}
