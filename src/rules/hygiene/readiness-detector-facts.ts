import { describe } from "../../core/outcome";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import type { Setting, ThreatDetector } from "../../models/hygiene";

/** One requirement: met, not met (with what was seen) or not known. */
export interface Part {
  readonly holds: boolean | Unknown;
  readonly text: string;
}

export const S3_PROTECTION = "s3-data-events";
export const RDS_PROTECTION = "rds-login-events";

const settingPart = (s: Setting<boolean> | undefined, name: string, off: string): Part => {
  if (!s) return { holds: unknown("not-fetched", `${name} is not part of this view`), text: name };
  if (isUnknown(s.value)) return { holds: s.value, text: `${name} (${s.observed})` };
  return { holds: s.value, text: s.value ? `${name} on (${s.observed})` : `${off} (${s.observed})` };
};

/**
 * A GuardDuty detector: enabled, with S3 data event protection and, where RDS databases hold customer
 * data (`needsRds`; Unknown when their classification is not known), RDS login monitoring.
 */
export function guardDutyPart(d: ThreatDetector, needsRds: Val<boolean>): Part {
  const who = describe(d.ref);
  const parts = [settingPart(d.enabled, `whether ${who} is enabled`, `${who} is disabled`)];
  parts.push(protectionPart(d, S3_PROTECTION));
  if (needsRds !== false) {
    const rds = protectionPart(d, RDS_PROTECTION);
    // Off but perhaps not needed: not known until the RDS stores' classification is.
    parts.push(isUnknown(needsRds) && rds.holds === false ? { holds: needsRds, text: `whether ${who} needs ${RDS_PROTECTION} protection` } : rds);
  }
  const missing = parts.filter((p) => p.holds === false);
  if (missing.length > 0) return { holds: false, text: missing.map((p) => p.text).join("; ") };
  const open = parts.find((p) => isUnknown(p.holds));
  if (open) return open;
  return { holds: true, text: `${who} is enabled with ${needsRds === true ? `${S3_PROTECTION} and ${RDS_PROTECTION}` : S3_PROTECTION} protection` };
}

function protectionPart(d: ThreatDetector, key: string): Part {
  const who = describe(d.ref);
  return settingPart(d.protections?.[key], `the ${key} protection of ${who}`, `${who} has ${key} protection off`);
}

export function maciePart(d: ThreatDetector): Part {
  const who = describe(d.ref);
  const p = settingPart(d.enabled, `whether Macie (${who}) is enabled`, `Macie (${who}) is not enabled`);
  return p.holds === true ? { holds: true, text: `Macie is enabled (${d.enabled.observed})` } : p;
}

/** The best of several detectors of one service: one that meets the requirement is enough. */
export function bestOf(parts: readonly Part[], none: string): Part {
  if (parts.length === 0) return { holds: false, text: none };
  const met = parts.find((p) => p.holds === true);
  if (met) return met;
  const open = parts.find((p) => isUnknown(p.holds));
  return open ?? { holds: false, text: parts.map((p) => p.text).join("; ") };
}
