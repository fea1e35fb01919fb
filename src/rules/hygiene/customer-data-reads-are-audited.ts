import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { HygieneInventory } from "../../models/hygiene";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { trailRecordsReads } from "./audit-facts";
import { customerStores, isRestricted, isSettled, type CustomerStore } from "./transit-facts";

interface Options {
  requireCoverageInStack: boolean;
}

const RESOURCE_TYPE = { "s3-bucket": "s3-object", "dynamodb-table": "dynamodb-table" } as const;

export const customerDataReadsAreAudited = defineRule<Options>({
  id: "CDG-HYG-006",
  slug: "customer-data-reads-are-audited",
  title: "Reads of customer data in S3 buckets and DynamoDB tables are recorded",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing, CONTROLS.gdprBreachNotification],
    ccpa: [CONTROLS.ccpaReasonableSecurity],
    "pci-dss-4.0": [CONTROLS.pciAuditLogsEnabled],
    hipaa: [CONTROLS.hipaaAuditControls],
    "cis-aws-3.0": [CONTROLS.cisS3ObjectReadEvents],
  },
  rationale:
    "Seed practice: audit. CloudTrail's management events do not record who read an object or an item: a " +
    "bucket's reads are recorded only by S3 server access logging or by CloudTrail S3 data events, a DynamoDB " +
    "table's only by CloudTrail data events. Without them, after a leak nobody can say whose data was read, by " +
    "whom and when, which a breach notification needs (GDPR Art. 33) and an auditor asks for (PCI DSS 10.2.1, " +
    "HIPAA 164.312(b)). A trail counts when it is logging and its data event selectors record reads (ReadOnly or " +
    "all) of every object of the bucket (all buckets, a prefix covering the bucket, or the bucket by reference) " +
    "or of the table. Classification drives strictness: confidential buckets may rely on server access logs; " +
    "restricted buckets need CloudTrail data events, which are delivered reliably and name the IAM identity " +
    "that read each object, where server access logs are best effort. In a stack, a trail the stack does not " +
    "declare may still record the reads: without its own logging a store is not assessed there (option " +
    "`requireCoverageInStack` makes it a failure); a scan reads every trail, so missing is missing.",
  remediation:
    "S3: `new aws.s3.BucketLogging(\"orders\", { bucket: orders.id, targetBucket: logs.id, targetPrefix: \"orders/\" })`; " +
    "restricted buckets and DynamoDB tables: a trail with data events, e.g. `advancedEventSelectors: [{ name: \"reads\", " +
    "fieldSelectors: [{ field: \"eventCategory\", equals: [\"Data\"] }, { field: \"resources.type\", equals: [\"AWS::S3::Object\"] }, " +
    "{ field: \"resources.ARN\", startsWiths: [pulumi.interpolate`${orders.arn}/`] }] }]`.",
  links: [
    "https://docs.aws.amazon.com/AmazonS3/latest/userguide/logging-with-S3.html",
    "https://docs.aws.amazon.com/awscloudtrail/latest/userguide/logging-data-events-with-cloudtrail.html",
    "https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/logging-using-cloudtrail.html",
  ],
  options: {
    requireCoverageInStack: {
      type: "boolean",
      default: false,
      description: "In a stack, fail a store whose reads no logging of the stack records (default: not assessed, since a trail outside the stack may record them).",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    const hygiene = inventory.hygiene;
    return customerStores(inventory, config, (s) => s.kind in RESOURCE_TYPE).map((s) => {
      if (isSettled(s)) return s;
      if (!hygiene) return notAssessed(s.store.ref, `who records reads of ${describe(s.store.ref)}`, unknown("not-fetched", "logging and trails are not part of this view"));
      return judge(s, hygiene, options);
    });
  },
});

function judge({ store, hygiene: own, classification }: CustomerStore, hygiene: HygieneInventory, options: Options): Outcome {
  const who = describe(store.ref);
  const resourceType = RESOURCE_TYPE[store.kind as keyof typeof RESOURCE_TYPE];
  let undetermined: Unknown | undefined;
  for (const t of hygiene.trails) {
    const recorded = trailRecordsReads(t, store, resourceType);
    if (isUnknown(recorded)) undetermined ??= recorded;
    else if (recorded) return pass(store.ref, `reads of ${who} are recorded: ${recorded}`);
  }
  const restricted = isRestricted(classification);
  const serverLog = store.kind === "s3-bucket" ? own?.auditLog : undefined;
  if (serverLog && serverLog.value === true && !restricted) return pass(store.ref, `reads of ${who} are recorded: ${serverLog.observed}`);
  if (undetermined) return notAssessed(store.ref, `whether a trail records reads of ${who}`, undetermined);
  if (store.kind === "s3-bucket" && !restricted) {
    if (!serverLog) return notAssessed(store.ref, `whether ${who} logs server access`, unknown("not-fetched", "its server access logging is not part of this view"));
    if (isUnknown(serverLog.value)) return notAssessed(store.ref, `whether ${who} logs server access`, unknown(serverLog.value.reason, `${serverLog.observed}: ${serverLog.value.detail}`));
  }
  const seen = observedOf(store.kind, serverLog?.observed, restricted, hygiene.trails.length);
  const required =
    store.kind === "dynamodb-table"
      ? "a logging trail recording the table's data events (reads)"
      : restricted
        ? "restricted: a logging trail recording object-level read data events of the bucket; server access logs are not enough"
        : "server access logging, or a logging trail recording the bucket's object read data events";
  if (hygiene.scope === "stack" && !options.requireCoverageInStack) {
    return notAssessed(
      store.ref,
      `whether reads of ${who} are recorded`,
      unknown("not-fetched", `${seen}; a trail outside the stack may record them (required: ${required}; \`cdguard scan\` judges the account's trails)`),
    );
  }
  return fail(store.ref, `reads of ${who} are not recorded: ${seen} (required: ${required})`);
}

function observedOf(kind: string, serverLog: string | undefined, restricted: boolean, trails: number): string {
  const trailText = trails === 0 ? "no CloudTrail trail" : `none of ${trails} trail(s) records its data events`;
  if (kind !== "s3-bucket") return trailText;
  if (serverLog === undefined) return trailText;
  return restricted ? `${serverLog} (not enough for restricted data), ${trailText}` : `${serverLog}, ${trailText}`;
}
