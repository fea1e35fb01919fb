import { describeClassification, type Classification } from "../../core/classification";
import { describe, fail, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown } from "../../core/value";
import { classifyStore } from "../../models/store-kind-facts";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { days, isOutcome, storeSetting, storesOfKinds } from "./readiness-facts";
import { judgeRetentionAtMost } from "./retention-facts";

interface Options {
  maxCustomerDataRetentionDays: number;
  maxRestrictedRetentionDays: number;
}

const LOG_GROUPS: ReadonlySet<string> = new Set(["log-group"]);

export const logGroupsRetainForBoundedTime = defineRule<Options>({
  id: "CDG-HYG-009",
  slug: "log-groups-retain-for-bounded-time",
  title: "CloudWatch log groups expire their events; those tagged as customer data within a maximum",
  pillar: "hygiene",
  severity: "medium",
  scope: "resource",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprStorageLimitation],
    ccpa: [CONTROLS.ccpaDataRetention],
    "pci-dss-4.0": [CONTROLS.pciRetentionLimited],
  },
  rationale:
    "Seed practice: retention. A log group without a retention keeps every event forever, and application logs " +
    "routinely capture personal data (identifiers, addresses, request fields). Every log group must therefore expire " +
    "its events. A log group whose classification tag says it holds customer data must also expire them within a " +
    "maximum (option `maxCustomerDataRetentionDays`, default 365). Untagged log groups only need a finite retention: " +
    "most of them are audit and operations logs, which PCI DSS 10.5.1 requires to be kept at least 12 months, so a " +
    "maximum there would push owners below what auditors expect; the tag is how an owner says the group holds " +
    "customer data and must follow the storage-limitation principle instead. Restricted: its own maximum " +
    "(`maxRestrictedRetentionDays`, default 365, the same as confidential) so it can be tightened on its own. An " +
    "auditor asks for the retention schedule of each log holding personal data and evidence that it is enforced.",
  remediation:
    "Set `retentionInDays` on the log group: `new aws.cloudwatch.LogGroup(\"app\", { retentionInDays: 90 })`; for a " +
    "group tagged as customer data choose a value no longer than the configured maximum.",
  links: [
    "https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html#SettingLogRetention",
  ],
  options: {
    maxCustomerDataRetentionDays: {
      type: "integer",
      minimum: 1,
      default: 365,
      description: "Longest retention in days for a log group tagged as customer data (confidential or another customer-data level).",
    },
    maxRestrictedRetentionDays: {
      type: "integer",
      minimum: 1,
      default: 365,
      description: "Longest retention in days for a log group tagged restricted (or with an unrecognized classification).",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return storesOfKinds(inventory, LOG_GROUPS).map((group) => {
      const retention = storeSetting(inventory, group, "retentionDays", "the retention");
      if (isOutcome(retention)) return retention;
      const who = describe(group.ref);
      if (retention.value === "forever") {
        return fail(group.ref, `${who} keeps its events forever (${retention.observed}); every log group must set a finite retention`);
      }
      const c = classifyStore(group, config);
      const bound = Math.min(options.maxCustomerDataRetentionDays, options.maxRestrictedRetentionDays);
      if (isUnknown(c)) {
        // Within the strictest maximum, the classification cannot change the verdict.
        if (retention.value <= bound) return pass(group.ref, `${who} keeps its events for ${days(retention.value)} (${retention.observed}), within every maximum`);
        return notAssessed(group.ref, `whether ${who} holds customer data, which bounds its ${days(retention.value)} retention`, c);
      }
      const max = maxFor(c, options);
      if (max === undefined) {
        return pass(group.ref, `${who} keeps its events for ${days(retention.value)} (${retention.observed}): a finite retention; it is ${describeClassification(c, config)}, so no maximum applies`);
      }
      return judgeRetentionAtMost(group.ref, retention, max, "its events", `a log group ${describeClassification(c, config)}`);
    });
  },
});

/** The maximum for a group tagged as customer data; none for untagged or non-customer-data groups. */
function maxFor(c: Classification, options: Options): number | undefined {
  if (c.basis === "default" || !c.customerData) return undefined;
  return c.level === "restricted" ? options.maxRestrictedRetentionDays : options.maxCustomerDataRetentionDays;
}
