import { createHash } from "node:crypto";

/**
 * A finding's id, stable across runs: the rule id and the first 16 hex digits of SHA-256 over the rule
 * id and the resource's identity (ARN or URN). Two reports of the same resources give the same ids
 * whatever else changed (messages, waivers, times), so a diff matches findings by id.
 */
export function findingId(ruleId: string, resourceId: string): string {
  const digest = createHash("sha256").update(`${ruleId}\n${resourceId}`).digest("hex");
  return `${ruleId}-${digest.slice(0, 16)}`;
}

/**
 * Ids for a report's findings, in order. A rule that reports one resource more than once (two
 * statements of one policy...) gets the message's hash appended from the second finding on, so ids
 * stay unique; the first keeps the plain id.
 */
export function uniqueFindingIds(findings: readonly { ruleId: string; resourceId: string; message: string }[]): string[] {
  const seen = new Set<string>();
  return findings.map((f) => {
    let id = findingId(f.ruleId, f.resourceId);
    if (seen.has(id)) id = `${id}-${createHash("sha256").update(f.message).digest("hex").slice(0, 8)}`;
    for (let n = 2; seen.has(id); n++) id = `${findingId(f.ruleId, f.resourceId)}-${n}`;
    seen.add(id);
    return id;
  });
}
