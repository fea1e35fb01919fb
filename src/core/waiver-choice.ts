import type { FindingWaiver } from "./finding";
import type { FileWaiver } from "./waiver-file";
import { resourceMatcher, type ResourceMatcher } from "./waiver-glob";
import { expiryState, type WaiverState } from "./waivers";

/** Compiled once per waiver object: the pack judges each resource on its own, many times a run. */
const matchers = new WeakMap<FileWaiver, ResourceMatcher>();

function matches(waiver: FileWaiver, resourceId: string): boolean {
  let matcher = matchers.get(waiver);
  if (matcher === undefined) {
    matcher = resourceMatcher(waiver.resource);
    matchers.set(waiver, matcher);
  }
  return matcher(resourceId);
}

/**
 * The waiver a failing finding carries, from its resource's tag and the file's entries for its rule and
 * resource: the first active one (the tag, then the file's in order) waives it; else an unreadable tag
 * is named (it is most likely the waiver meant); else the first expired one is attached, so reports
 * list it as expired.
 */
export function chooseWaiver(
  ruleId: string,
  resourceId: string,
  tag: WaiverState,
  fileWaivers: readonly FileWaiver[],
  today: string,
): FindingWaiver | undefined {
  const candidates: FindingWaiver[] = [];
  if (tag.kind === "active" || tag.kind === "expired") candidates.push({ state: tag.kind, waiver: tag.waiver });
  for (const w of fileWaivers) {
    if (w.ruleId === ruleId && matches(w, resourceId)) candidates.push({ state: expiryState(w.until, today), waiver: w });
  }
  const invalid: FindingWaiver | undefined = tag.kind === "invalid" ? { state: "invalid", problem: tag.problem } : undefined;
  return candidates.find((c) => c.state === "active") ?? invalid ?? candidates[0];
}
