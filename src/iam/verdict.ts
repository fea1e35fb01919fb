import type {
  GrantFinding,
  GrantFindingKind,
  PolicyAnalysis,
  PrincipalAnalysis,
  PrincipalFinding,
  PrincipalFindingKind,
} from "./findings";

export type KindVerdict<F> =
  | { readonly verdict: "violation"; readonly findings: readonly F[] }
  | { readonly verdict: "unknown"; readonly reasons: readonly string[] }
  | { readonly verdict: "malformed"; readonly reasons: readonly string[] }
  | { readonly verdict: "fine" };

/**
 * Folds an analysis into one verdict for one finding kind: a finding of that kind is a violation;
 * otherwise an unknown that could add one makes it unknown; otherwise it is fine. A document AWS
 * would reject (malformed, or over its size limit) is `malformed`.
 */
export function verdictFor(analysis: PolicyAnalysis, kind: GrantFindingKind): KindVerdict<GrantFinding>;
export function verdictFor(analysis: PrincipalAnalysis, kind: PrincipalFindingKind): KindVerdict<PrincipalFinding>;
export function verdictFor(
  analysis: PolicyAnalysis | PrincipalAnalysis,
  kind: GrantFindingKind | PrincipalFindingKind,
): KindVerdict<GrantFinding | PrincipalFinding> {
  if (analysis.status === "malformed") {
    return { verdict: "malformed", reasons: analysis.problems.map((p) => `${p.path}: ${p.problem}`) };
  }
  // AWS rejects an oversized document as it rejects a malformed one.
  if (analysis.status === "oversized") {
    return { verdict: "malformed", reasons: [`the policy document ${analysis.size?.message ?? "is over its size limit: AWS would reject it"}`] };
  }
  const findings = (analysis.findings as readonly (GrantFinding | PrincipalFinding)[]).filter((f) => f.kind === kind);
  if (findings.length > 0) return { verdict: "violation", findings };
  const open = analysis.unknowns.filter((u) => u.affects.includes(kind));
  if (open.length > 0) return { verdict: "unknown", reasons: open.map((u) => u.message) };
  return { verdict: "fine" };
}
