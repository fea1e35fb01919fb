import { unknown } from "../core/value";
import { iamDataVersion } from "./actions";
import { escalationVerdicts } from "./escalation";
import { GRANT_FINDING_KINDS, type GrantFinding, type PolicyAnalysis, type UnknownVerdict } from "./findings";
import { grantVerdicts } from "./grant-findings";
import { collectGrants } from "./grants";
import type { ParseResult } from "./model";
import { memoByDocument } from "./memo";
import type { PolicyKind } from "./model";
import { parsePolicy, type ParseOptions } from "./parse";
import { policySizeProblem, type PolicySizeKind, type PolicySizeProblem } from "./size-limits";

/**
 * What a policy document grants: full admin, service wildcards, NotAction/NotResource, permissions
 * management, unscoped writes and data reads, escalation paths, exfiltration and exposure.
 * Deny statements only take grants away. Anything that turns on an unknown value is an unknown
 * verdict, never a finding. Never throws for any document.
 */
export function analyzePolicy(input: unknown, options: AnalyzeOptions = {}): PolicyAnalysis {
  if (options.sizeLimit !== undefined) return analyzeSizedMemo(input, `${options.kind ?? ""}\u0000${options.sizeLimit}`);
  return analyzeMemo(input, options.kind);
}

export interface AnalyzeOptions extends ParseOptions {
  /**
   * The AWS size limit of the place the document goes to (a managed policy, a role's inline policy...).
   * Checked first, in time linear in the document's size: a document over it is judged `oversized` at
   * once (AWS would reject it) and not analysed further.
   */
  readonly sizeLimit?: PolicySizeKind;
}

const analyzeMemo = memoByDocument((input, kind) => analyzeParsed(parsePolicy(input, kind === undefined ? {} : { kind: kind as PolicyKind })));

const analyzeSizedMemo = memoByDocument((input, key) => {
  const [kind = "", limit = ""] = (key ?? "").split("\u0000");
  const problem = policySizeProblem(input, limit as PolicySizeKind);
  if (problem !== undefined) return oversized(problem);
  return analyzeMemo(input, kind === "" ? undefined : kind);
});

function oversized(size: PolicySizeProblem): PolicyAnalysis {
  return { status: "oversized", problems: [], findings: [], unknowns: [], unknownActions: [], size, iamDataVersion: iamDataVersion() };
}

/** As analyzePolicy, for a document parsed already. */
export function analyzeParsed(parsed: ParseResult): PolicyAnalysis {
  try {
    return analyzeUnchecked(parsed);
  } catch (error) {
    // A bug must not fail a preview: report the document as not assessed, with the cause.
    const why = error instanceof Error ? error.message : String(error);
    return analyzeUnchecked({ status: "unknown", unknown: unknown("error", `analysis failed: ${why}`), problems: [] });
  }
}

function analyzeUnchecked(parsed: ParseResult): PolicyAnalysis {
  const version = iamDataVersion();
  if (parsed.status === "malformed") {
    return { status: "malformed", problems: parsed.problems, findings: [], unknowns: [], unknownActions: [], iamDataVersion: version };
  }
  if (parsed.status === "unknown") {
    const unknown: UnknownVerdict = {
      statements: [],
      path: "(document)",
      unknown: parsed.unknown,
      affects: GRANT_FINDING_KINDS,
      message: `the policy document is not known (${parsed.unknown.detail || parsed.unknown.reason})`,
    };
    return { status: "unknown", problems: [], findings: [], unknowns: [unknown], unknownActions: [], iamDataVersion: version };
  }
  const { grants, unknowns, unknownActions } = collectGrants(parsed.document);
  const findings: GrantFinding[] = [];
  for (const grant of grants) {
    const v = grantVerdicts(grant);
    findings.push(...v.findings);
    unknowns.push(...v.unknowns);
  }
  const escalation = escalationVerdicts(grants);
  findings.push(...escalation.findings);
  unknowns.push(...escalation.unknowns);
  return { status: "analyzed", problems: [], findings, unknowns, unknownActions, iamDataVersion: version };
}
