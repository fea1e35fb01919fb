import { CLASSIFICATION_LEVELS, type ClassificationLevel } from "./classification-levels";
import type { GuardConfig } from "./config";
import { isUnknown, unknown, type Val } from "./value";

export type Tags = Readonly<Record<string, string>>;

export interface Classification {
  readonly level: ClassificationLevel;
  /** How the level was decided, for messages. */
  readonly basis: "tag" | "default" | "unrecognized-tag";
  readonly customerData: boolean;
}

/** The store's classification from its tags; an unrecognized tag value is treated as the strictest level. */
export function classify(tags: Val<Tags | undefined>, config: GuardConfig): Val<Classification> {
  if (isUnknown(tags)) return unknown(tags.reason, `tags: ${tags.detail}`);
  const raw = tags?.[config.tagKeys.classification];
  let level: ClassificationLevel;
  let basis: Classification["basis"];
  if (raw === undefined) {
    level = config.assumeCustomerData ? config.untaggedClassification : "internal";
    basis = "default";
  } else if ((CLASSIFICATION_LEVELS as readonly string[]).includes(raw.trim().toLowerCase())) {
    level = raw.trim().toLowerCase() as ClassificationLevel;
    basis = "tag";
  } else {
    level = "restricted";
    basis = "unrecognized-tag";
  }
  return { level, basis, customerData: config.customerDataLevels.includes(level) };
}

export function describeClassification(c: Classification, config: GuardConfig): string {
  switch (c.basis) {
    case "tag":
      return `classified '${c.level}'`;
    case "default":
      return `untagged (treated as '${c.level}'; tag '${config.tagKeys.classification}' to classify)`;
    case "unrecognized-tag":
      return `tag '${config.tagKeys.classification}' has an unrecognized value (treated as 'restricted')`;
  }
}

