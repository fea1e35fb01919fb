import type { CoverageGap } from "../adapters/aws/contribution";
import type { Finding, FindingRule, FindingStatus } from "../core/finding";
import type { ResourceRef } from "../core/ref";
import { findingRule } from "../core/evaluate";
import type { ScanResult } from "../scanner/scan";

/** Bumped on any change a reader must know of; minor for additions. */
export const REPORT_SCHEMA_VERSION = "1.0";

export interface RuleCoverage {
  readonly ruleId: string;
  readonly pass: number;
  readonly fail: number;
  readonly waived: number;
  readonly notAssessed: number;
}

export interface ReportFinding {
  readonly ruleId: string;
  readonly status: FindingStatus;
  readonly reason?: Finding["reason"];
  readonly resource: ResourceRef;
  readonly message: string;
  readonly waiver?: Finding["waiver"];
}

/** The scan's one report: every other format renders from it. */
export interface CanonicalReport {
  readonly schemaVersion: string;
  readonly tool: { readonly name: string; readonly version: string };
  readonly scan: {
    readonly front: "aws";
    readonly accounts: readonly string[];
    readonly regions: readonly string[];
    readonly regionsNotEnabled: readonly string[];
    readonly startedAt: string;
    readonly finishedAt: string;
  };
  readonly rules: readonly FindingRule[];
  readonly findings: readonly ReportFinding[];
  readonly coverage: readonly RuleCoverage[];
  readonly gaps: readonly CoverageGap[];
  readonly stats: {
    readonly apiCalls: number;
    readonly retries: number;
    readonly callsPerService: Readonly<Record<string, number>>;
    readonly resources: number;
  };
}

export function canonicalReport(result: ScanResult, tool: { name: string; version: string }): CanonicalReport {
  const findings = [...result.findings].sort(byRuleResourceMessage).map(reportFinding);
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool,
    scan: {
      front: "aws",
      accounts: [result.identity.account],
      regions: result.regions.scan,
      regionsNotEnabled: result.regions.notEnabled,
      startedAt: result.startedAt,
      finishedAt: result.finishedAt,
    },
    rules: result.rules.map(findingRule),
    findings,
    coverage: result.rules.map((r) => coverageOf(r.id, findings)),
    gaps: result.gaps,
    stats: {
      apiCalls: result.stats.totalRequests,
      retries: result.stats.totalRetries,
      callsPerService: Object.fromEntries([...result.stats.requests].sort(([a], [b]) => a.localeCompare(b))),
      resources: result.resources,
    },
  };
}

function reportFinding(f: Finding): ReportFinding {
  return {
    ruleId: f.rule.id,
    status: f.status,
    ...(f.reason ? { reason: f.reason } : {}),
    resource: f.resource,
    message: f.message,
    ...(f.waiver ? { waiver: f.waiver } : {}),
  };
}

function coverageOf(ruleId: string, findings: readonly ReportFinding[]): RuleCoverage {
  const count = (s: FindingStatus) => findings.filter((f) => f.ruleId === ruleId && f.status === s).length;
  return { ruleId, pass: count("pass"), fail: count("fail"), waived: count("waived"), notAssessed: count("not-assessed") };
}

const byRuleResourceMessage = (a: Finding, b: Finding): number =>
  a.rule.id.localeCompare(b.rule.id) || a.resource.id.localeCompare(b.resource.id) || a.message.localeCompare(b.message);
