import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown } from "../../core/value";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { isOutcome, judgeCustomerStores, storeSetting } from "./readiness-facts";

interface Options {
  expiringDataTagKey: string;
}

const TABLES: ReadonlySet<string> = new Set(["dynamodb-table"]);

export const expiringDataTablesHaveTtl = defineRule<Options>({
  id: "CDG-HYG-012",
  slug: "expiring-data-tables-have-ttl",
  title: "DynamoDB tables tagged as holding expiring customer data delete items by time to live",
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
    "Seed practice: retention. A DynamoDB table has no table-wide expiry; items whose purpose ends (sessions, " +
    "one-time tokens, carts, temporary profiles) are deleted only when an application does it, or by DynamoDB's time " +
    "to live (TTL) on an expiry attribute. A table carrying the tag named by `expiringDataTagKey` (default " +
    "`data-retention`, any value) is declared by its owner to hold data that expires, so it must have TTL enabled; " +
    "tables without the tag are not judged. Restricted: the same, since the tag, not the level, says the data " +
    "expires. An auditor asks how deletion at the end of the retention period is enforced, not just documented.",
  remediation:
    "Enable TTL on the attribute holding each item's expiry time (epoch seconds): `new aws.dynamodb.Table(\"sessions\", " +
    "{ ..., ttl: { attributeName: \"expiresAt\", enabled: true } })`.",
  links: ["https://docs.aws.amazon.com/amazondynamodb/latest/developerguide/TTL.html"],
  options: {
    expiringDataTagKey: {
      type: "string",
      default: "data-retention",
      description: "Tag key marking a table whose items expire (any value, e.g. '30d'); tables carrying it must have TTL enabled.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    const key = options.expiringDataTagKey;
    return judgeCustomerStores(inventory, config, TABLES, (table) => {
      const who = describe(table.ref);
      // TTL is set on the table and replicated to every replica: the table answers for them.
      if (table.variant === "dynamodb-table-replica") return notApplicable(table.ref, `${who} takes its time to live from its table`);
      if (isUnknown(table.tags)) return notAssessed(table.ref, `whether ${who} carries tag '${key}'`, unknown(table.tags.reason, `tags: ${table.tags.detail}`));
      const declared = table.tags?.[key];
      if (declared === undefined) return notApplicable(table.ref, `${who} has no tag '${key}': its items are not declared to expire`);
      const ttl = storeSetting(inventory, table, "ttl", "the time to live");
      if (isOutcome(ttl)) return ttl;
      const tagged = `it is tagged ${key}='${declared}'`;
      return ttl.value
        ? pass(table.ref, `${who} deletes expired items by time to live (${ttl.observed}); ${tagged}`)
        : fail(table.ref, `${who} has no time to live (${ttl.observed}) though ${tagged}: enable TTL on its expiry attribute`);
    });
  },
});
