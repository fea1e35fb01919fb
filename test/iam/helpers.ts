import type { GrantFindingKind, PolicyAnalysis, PrincipalAnalysis, PrincipalFindingKind } from "../../src/iam";

/** A policy document object with the given statements. */
export function doc(...statements: unknown[]): Record<string, unknown> {
  return { Version: "2012-10-17", Statement: statements };
}

export function allow(action: unknown, resource: unknown = "*", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: "Allow", Action: action, Resource: resource, ...extra };
}

export function deny(action: unknown, resource: unknown = "*", extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { Effect: "Deny", Action: action, Resource: resource, ...extra };
}

export function kindsOf(a: PolicyAnalysis | PrincipalAnalysis): string[] {
  return [...new Set((a.findings as readonly { kind: string }[]).map((f) => f.kind))].sort();
}

/** Every action named by findings of one kind (merged over statements). */
export function actionsOf(a: PolicyAnalysis, kind: GrantFindingKind): string[] {
  return [...new Set(a.findings.filter((f) => f.kind === kind).flatMap((f) => f.actions))].sort();
}

export function escalationIds(a: PolicyAnalysis): string[] {
  return a.findings.flatMap((f) => (f.escalationPath === undefined ? [] : [f.escalationPath.id])).sort();
}

/** The kinds named by unknown verdicts. */
export function unknownKinds(a: PolicyAnalysis | PrincipalAnalysis): (GrantFindingKind | PrincipalFindingKind)[] {
  return [...new Set(a.unknowns.flatMap((u) => u.affects))].sort();
}
