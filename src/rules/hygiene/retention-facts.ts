import { describe, fail, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import type { ResourceRef } from "../../models/ref";
import { days, type KnownSetting } from "./readiness-facts";

/**
 * Judges a known retention against a maximum. `what` names what is kept ("data", "objects",
 * "messages"); `limitFor` says whose limit applies ("a store classified 'restricted'").
 */
export function judgeRetentionAtMost(
  ref: ResourceRef,
  retention: KnownSetting<number | "forever">,
  max: number,
  what: string,
  limitFor: string,
): Outcome {
  const who = describe(ref);
  const { value, observed } = retention;
  if (value === "forever") {
    return fail(ref, `${who} keeps ${what} forever (${observed}); ${limitFor} must expire ${what} within ${days(max)}`);
  }
  return value <= max
    ? pass(ref, `${who} keeps ${what} for ${days(value)} (${observed}), within the ${days(max)} allowed for ${limitFor}`)
    : fail(ref, `${who} keeps ${what} for ${days(value)} (${observed}), longer than the ${days(max)} allowed for ${limitFor}`);
}
