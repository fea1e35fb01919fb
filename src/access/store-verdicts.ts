import type { Finding } from "../core/finding";
import type { Fact } from "./model";

// Facts the rules already judged: the inventory reads them from the findings on the store instead of
// judging again, so a report's inventory and its findings never disagree.

/** Rules judging whether a network path from the internet reaches a store. */
export const INTERNET_PATH_RULES: readonly string[] = ["CDG-NET-001", "CDG-NET-002", "CDG-NET-003"];
/** Rules that fail when anyone on the internet can read or reach a store (public endpoint, ACL, bucket or resource policy). */
export const PUBLIC_RULES: readonly string[] = ["CDG-NET-001", "CDG-NET-005", "CDG-NET-006", "CDG-NET-008"];
/** Backups (databases, file systems) and S3 versioning, the repo's backup of a bucket. */
export const BACKUP_RULES: readonly string[] = ["CDG-HYG-014", "CDG-HYG-016"];
/** Bucket expiry, log group retention, stream and queue retention, table TTL. */
export const RETENTION_RULES: readonly string[] = ["CDG-HYG-009", "CDG-HYG-010", "CDG-HYG-011", "CDG-HYG-012"];

/** Findings per resource id, plus the rules that could not run at all (they judged no store). */
export interface FindingIndex {
  readonly byResource: ReadonlyMap<string, readonly Finding[]>;
  readonly failedToRun: ReadonlyMap<string, Finding>;
}

export function indexFindings(findings: readonly Finding[]): FindingIndex {
  const byResource = new Map<string, Finding[]>();
  const failedToRun = new Map<string, Finding>();
  for (const f of findings) {
    if (f.evaluationError) failedToRun.set(f.rule.id, f);
    else byResource.set(f.resource.id, [...(byResource.get(f.resource.id) ?? []), f]);
  }
  return { byResource, failedToRun };
}

export interface VerdictMapping {
  /** The fact's state when a rule fails (or is waived): "yes" for a problem that exists, "no" for a protection that is missing. */
  readonly onFail: "yes" | "no";
  /** Detail when no rule judged the store. */
  /** What no finding means: "not known" with this text, or a fact of its own. */
  readonly none: string | Fact;
}

/**
 * One fact from the store's findings of the given rules: a failure (waived or not) decides, else a
 * finding not assessed (or a rule that could not run) makes it unknown, else the passes decide.
 */
export function factFromFindings(index: FindingIndex, storeId: string, ruleIds: readonly string[], m: VerdictMapping): Fact {
  const own = (index.byResource.get(storeId) ?? []).filter((f) => ruleIds.includes(f.rule.id));
  const failing = own.filter((f) => f.status === "fail" || f.status === "waived");
  if (failing.length > 0) return { state: m.onFail, detail: joined(failing.map(failText)) };
  const open = own.filter((f) => f.status === "not-assessed");
  const notRun = ruleIds.flatMap((id) => (own.some((f) => f.rule.id === id) ? [] : [index.failedToRun.get(id)].filter((f) => f !== undefined)));
  if (open.length > 0 || notRun.length > 0) return { state: "unknown", detail: joined([...open, ...notRun].map((f) => f.message)) };
  const passing = own.filter((f) => f.status === "pass");
  if (passing.length > 0) return { state: m.onFail === "yes" ? "no" : "yes", detail: joined(passing.map((f) => f.message)) };
  return typeof m.none === "string" ? { state: "unknown", detail: m.none } : m.none;
}

/** Whether any of the rules failed on the store (waived included), and its message. */
export function failureOf(index: FindingIndex, storeId: string, ruleIds: readonly string[]): Finding | undefined {
  return (index.byResource.get(storeId) ?? []).find((f) => ruleIds.includes(f.rule.id) && (f.status === "fail" || f.status === "waived"));
}

/** The store's findings of the rules that were not assessed, and rules that could not run. */
export function openOf(index: FindingIndex, storeId: string, ruleIds: readonly string[]): Finding[] {
  const own = (index.byResource.get(storeId) ?? []).filter((f) => ruleIds.includes(f.rule.id) && f.status === "not-assessed");
  const notRun = ruleIds.flatMap((id) => [index.failedToRun.get(id)].filter((f) => f !== undefined));
  return [...own, ...notRun];
}

/** A waived failure keeps its verdict; the detail says it is waived and why. */
export function failText(f: Finding): string {
  if (f.status !== "waived") return f.message;
  const reason = f.waiver && f.waiver.state !== "invalid" ? f.waiver.waiver.reason : "no reason given";
  return `waived (${reason}): ${f.message}`;
}

const joined = (messages: readonly string[]): string => [...new Set(messages)].join("; ");
