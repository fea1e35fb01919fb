import type { DataInventory } from "../access/model";
import type { CoverageGap } from "../adapters/aws/contribution";
import type { Finding, FindingStatus } from "../core/finding";
import type { AnyRule } from "../core/rule";
import type { Waiver } from "../core/waivers";
import { iamDataVersion } from "../iam";
import type { ScanOutcome } from "../scanner/org/org-scan";
import type { ScanResult } from "../scanner/scan";
import { uniqueFindingIds } from "./finding-id";
import {
  REPORT_SCHEMA_VERSION,
  type CanonicalReport,
  type ReportCoverage,
  type ReportFinding,
  type ReportRule,
  type ReportScanStats,
  type ReportScope,
  type ReportWaiver,
} from "./report";

export { REPORT_SCHEMA_VERSION, type CanonicalReport } from "./report";

export interface ToolIdentity {
  readonly name: string;
  readonly version: string;
}

/** The parts every canonical report has, whichever front produced the findings. */
export interface ReportInput {
  readonly tool: ToolIdentity;
  readonly scope: ReportScope;
  readonly startedAt: string;
  readonly finishedAt: string;
  readonly rules: readonly AnyRule[];
  readonly findings: readonly Finding[];
  readonly gaps?: readonly CoverageGap[];
  readonly stats?: ReportScanStats;
  /** The customer-data inventory and access map to include. */
  readonly dataInventory?: DataInventory;
}

/** The canonical report of any run: findings sorted, given stable ids, and counted per rule. */
export function buildReport(input: ReportInput): CanonicalReport {
  const sorted = [...input.findings].sort(byRuleResourceMessage);
  const ids = uniqueFindingIds(sorted.map((f) => ({ ruleId: f.rule.id, resourceId: f.resource.id, message: f.message })));
  const findings = sorted.map((f, i) => reportFinding(f, ids[i]!));
  const rules = [...input.rules].sort((a, b) => a.id.localeCompare(b.id));
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: input.tool.name, version: input.tool.version, iamDataVersion: iamDataVersion() },
    scope: input.scope,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    rules: rules.map(reportRule),
    findings,
    coverage: coverageOf(rules, findings),
    gaps: input.gaps ?? [],
    ...(input.stats ? { stats: input.stats } : {}),
    ...(input.dataInventory ? { dataInventory: input.dataInventory } : {}),
  };
}

/** The canonical report of an account scan. */
export function canonicalReport(result: ScanResult, tool: ToolIdentity): CanonicalReport {
  return buildReport({
    tool,
    scope: { front: "aws", accounts: [result.identity.account], regions: result.regions.scan, regionsNotEnabled: result.regions.notEnabled },
    startedAt: result.startedAt,
    finishedAt: result.finishedAt,
    rules: result.rules,
    findings: result.findings,
    gaps: result.gaps,
    stats: {
      apiCalls: result.stats.totalRequests,
      retries: result.stats.totalRetries,
      callsPerService: Object.fromEntries([...result.stats.requests].sort(([a], [b]) => a.localeCompare(b))),
      resources: result.resources,
    },
  });
}

/** The canonical report of a scan of one or many accounts (unsharded, or merged from shards): scope = every account. */
export function scanReport(outcome: ScanOutcome, tool: ToolIdentity, extra: { readonly dataInventory?: DataInventory } = {}): CanonicalReport {
  const regions = new Set<string>();
  const notEnabled = new Set<string>();
  for (const a of outcome.accounts) {
    for (const r of a.regions.scan) regions.add(r);
    for (const r of a.regions.notEnabled) notEnabled.add(r);
  }
  return buildReport({
    tool,
    scope: { front: "aws", accounts: outcome.accounts.map((a) => a.account), regions: [...regions], regionsNotEnabled: [...notEnabled] },
    startedAt: outcome.startedAt,
    finishedAt: outcome.finishedAt,
    rules: outcome.rules,
    findings: outcome.accounts.flatMap((a) => a.findings),
    gaps: outcome.accounts.flatMap((a) => a.gaps),
    stats: {
      apiCalls: outcome.stats.totalRequests,
      retries: outcome.stats.totalRetries,
      callsPerService: Object.fromEntries([...outcome.stats.requests].sort(([a], [b]) => a.localeCompare(b))),
      resources: outcome.accounts.reduce((n, a) => n + a.resources, 0),
    },
    ...(extra.dataInventory ? { dataInventory: extra.dataInventory } : {}),
  });
}

export function reportRule(rule: AnyRule): ReportRule {
  return {
    id: rule.id,
    slug: rule.slug,
    title: rule.title,
    pillar: rule.pillar,
    severity: rule.severity,
    rationale: rule.rationale,
    remediation: rule.remediation,
    links: rule.links,
    frameworks: Object.fromEntries(Object.entries(rule.frameworks).filter((e): e is [string, readonly string[]] => e[1] !== undefined)),
  };
}

function reportFinding(f: Finding, id: string): ReportFinding {
  const waiver = f.waiver;
  return {
    id,
    ruleId: f.rule.id,
    status: f.status,
    ...(f.reason ? { reason: f.reason } : {}),
    resource: {
      id: f.resource.id,
      type: f.resource.type,
      name: f.resource.name,
      label: f.resource.label,
      ...(f.resource.account ? { account: f.resource.account } : {}),
      ...(f.resource.region ? { region: f.resource.region } : {}),
    },
    message: f.message,
    ...(waiver && waiver.state !== "invalid" ? { waiver: reportWaiver(waiver.state, waiver.waiver) } : {}),
    ...(waiver?.state === "invalid" ? { waiverProblem: waiver.problem } : {}),
  };
}

function reportWaiver(state: "active" | "expired", w: Waiver): ReportWaiver {
  return {
    state,
    reason: w.reason,
    ...(w.owner ? { owner: w.owner } : {}),
    ...(w.until ? { expires: w.until } : {}),
    source: w.source,
    ...(w.line !== undefined ? { line: w.line } : {}),
  };
}

function coverageOf(rules: readonly AnyRule[], findings: readonly ReportFinding[]): ReportCoverage[] {
  const counts = new Map<string, Record<FindingStatus, number>>(rules.map((r) => [r.id, { pass: 0, fail: 0, waived: 0, "not-assessed": 0 }]));
  for (const f of findings) {
    const c = counts.get(f.ruleId);
    if (c) c[f.status]++;
  }
  return rules.map((r) => {
    const c = counts.get(r.id)!;
    return { ruleId: r.id, evaluated: c.pass + c.fail + c.waived, pass: c.pass, fail: c.fail, waived: c.waived, notAssessed: c["not-assessed"] };
  });
}

const byRuleResourceMessage = (a: Finding, b: Finding): number =>
  a.rule.id.localeCompare(b.rule.id) || a.resource.id.localeCompare(b.resource.id) || a.message.localeCompare(b.message);
