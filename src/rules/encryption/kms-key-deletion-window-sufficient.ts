import { describe, fail, notAssessed, pass } from "../../core/outcome";
import { type Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { isUnknown } from "../../core/value";
import { CONTROLS } from "../frameworks";

/** What AWS uses when no window is given. */
const AWS_DEFAULT_WINDOW_DAYS = 30;

interface Options {
  minimumDays: number;
}

export const kmsKeyDeletionWindowSufficient = defineRule<Options>({
  id: "CDG-ENC-004",
  slug: "kms-key-deletion-window-sufficient",
  title: "KMS keys keep a deletion waiting period long enough to notice a mistake",
  pillar: "encryption",
  severity: "medium",
  scope: "resource",
  reads: ["keys"],
  frameworks: {
    gdpr: [CONTROLS.gdprResilience],
    "pci-dss-4.0": [CONTROLS.pciKeyRetirement],
    hipaa: [CONTROLS.hipaaContingency],
  },
  rationale:
    "Deleting a KMS key makes every byte encrypted under it unrecoverable. The waiting period (7 to 30 " +
    "days, 30 when unset) is the only window in which an accidental or malicious deletion can be " +
    "cancelled; a short window may expire before anyone notices.",
  remediation: "Set `deletionWindowInDays` to at least the configured minimum (default 14), or leave it unset for 30 days.",
  links: ["https://docs.aws.amazon.com/kms/latest/developerguide/deleting-keys.html"],
  options: {
    minimumDays: {
      type: "integer",
      minimum: 7,
      maximum: 30,
      default: 14,
      description: "Shortest acceptable deletion waiting period in days.",
    },
  },
  evaluate(inventory, { options }): Outcome[] {
    return inventory.keys.map((key) => {
      const who = describe(key.ref);
      const days = key.deletionWindowDays;
      if (isUnknown(days)) return notAssessed(key.ref, `the deletion window of ${who}`, days);
      const effective = days ?? AWS_DEFAULT_WINDOW_DAYS;
      const shown = days === undefined ? `${effective} days (AWS default)` : `${effective} days`;
      return effective >= options.minimumDays
        ? pass(key.ref, `${who} has a deletion window of ${shown}`)
        : fail(key.ref, `${who} has a deletion window of ${shown}, shorter than the required ${options.minimumDays} days`);
    });
  },
});
