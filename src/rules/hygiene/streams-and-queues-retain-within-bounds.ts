import { describeClassification } from "../../core/classification";
import type { Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { isOutcome, judgeCustomerStores, storeSetting } from "./readiness-facts";
import { judgeRetentionAtMost } from "./retention-facts";

interface Options {
  maxStreamRetentionDays: number;
  maxQueueRetentionDays: number;
}

const STREAM = "kinesis-stream";
const QUEUE = "sqs-queue";
const KINDS: ReadonlySet<string> = new Set([STREAM, QUEUE]);

export const streamsAndQueuesRetainWithinBounds = defineRule<Options>({
  id: "CDG-HYG-011",
  slug: "streams-and-queues-retain-within-bounds",
  title: "Customer data streams and queues keep records no longer than consumers need",
  pillar: "hygiene",
  severity: "low",
  scope: "resource",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprStorageLimitation],
    ccpa: [CONTROLS.ccpaDataRetention],
    "pci-dss-4.0": [CONTROLS.pciRetentionLimited],
  },
  rationale:
    "Seed practice: retention (minimisation). A Kinesis stream or an SQS queue is a buffer between systems, not a " +
    "store: it needs to hold records only as long as a consumer may be down. Raised retention (Kinesis up to 365 " +
    "days, SQS up to 14) turns it into an unmanaged copy of customer data that no deletion or access request reaches. " +
    "Kinesis data streams must keep records at most `maxStreamRetentionDays` (default 7) and SQS queues messages at most " +
    "`maxQueueRetentionDays` (default 4, the SQS default). Restricted: the same limits, since a buffer's retention is " +
    "set by how long its consumers may be down rather than by sensitivity; tighten the options for stricter packs. An " +
    "auditor asks where personal data is copied and how long each copy lives.",
  remediation:
    "Lower the retention: `new aws.kinesis.Stream(\"events\", { retentionPeriod: 24, shardCount: 1 })` (hours); " +
    "`new aws.sqs.Queue(\"orders\", { messageRetentionSeconds: 345600 })` (4 days).",
  links: [
    "https://docs.aws.amazon.com/streams/latest/dev/kinesis-extended-retention.html",
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-basic-architecture.html",
  ],
  options: {
    maxStreamRetentionDays: {
      type: "number",
      minimum: 1,
      maximum: 365,
      default: 7,
      description: "Longest record retention in days for a Kinesis data stream holding customer data (1 = the 24-hour minimum).",
    },
    maxQueueRetentionDays: {
      type: "number",
      minimum: 0.0007,
      maximum: 14,
      default: 4,
      description: "Longest message retention in days for an SQS queue holding customer data (fractions allowed: 0.5 = 12 hours).",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return judgeCustomerStores(inventory, config, KINDS, (store, c) => {
      const retention = storeSetting(inventory, store, "retentionDays", "the retention");
      if (isOutcome(retention)) return retention;
      const [max, what] = store.kind === STREAM ? [options.maxStreamRetentionDays, "records"] : [options.maxQueueRetentionDays, "messages"];
      return judgeRetentionAtMost(store.ref, retention, max, what, `a ${store.kind === STREAM ? "stream" : "queue"} ${describeClassification(c, config)}`);
    });
  },
});
