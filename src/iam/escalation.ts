import { isUnknown, type Unknown, type Val } from "../core/value";
import type { ActionInfo } from "./actions";
import { parseArn, reachesAllOf } from "./arn";
import { POSITIVE_MATCH_OPERATORS } from "./condition-operators";
import type { GrantFinding, StatementRef, UnknownVerdict } from "./findings";
import { listText, type Grant } from "./grants";
import { conditionKeysOf, conditionsScopeCached } from "./reach";
import { ESCALATION_PATHS, type EscalationPath } from "./risk-actions";
import { riskProfile } from "./risk-profile";
import { globMatches } from "./wildcard";

interface Contribution {
  readonly grant: Grant;
  readonly action: ActionInfo;
}

/** Privilege-escalation paths the grants complete, possibly across statements. */
export function escalationVerdicts(grants: readonly Grant[]): { findings: GrantFinding[]; unknowns: UnknownVerdict[] } {
  const findings: GrantFinding[] = [];
  const unknowns: UnknownVerdict[] = [];
  const byKey = new Map<string, Contribution[]>();
  for (const grant of grants) {
    for (const a of riskProfile(grant.actions).escalation) {
      const list = byKey.get(a.key) ?? [];
      list.push({ grant, action: a });
      byKey.set(a.key, list);
    }
  }
  for (const path of ESCALATION_PATHS) {
    const result = completePath(path, byKey);
    if (result.kind === "complete") findings.push(toFinding(path, result.contributions));
    else if (result.kind === "open") {
      unknowns.push({
        statements: result.statements,
        path: `Statement[${result.statements[0]?.index ?? 0}]`,
        unknown: result.unknown,
        affects: ["privilege-escalation"],
        message: `whether ${path.description} applies is not known (${result.unknown.detail || result.unknown.reason})`,
      });
    }
  }
  return { findings, unknowns };
}

type PathResult =
  | { kind: "complete"; contributions: Contribution[] }
  | { kind: "open"; unknown: Unknown; statements: StatementRef[] }
  | { kind: "absent" };

function completePath(path: EscalationPath, byKey: ReadonlyMap<string, Contribution[]>): PathResult {
  const contributions: Contribution[] = [];
  let open: PathResult | undefined;
  for (const group of path.requires) {
    const qualifying: Contribution[] = [];
    for (const c of group.flatMap((key) => byKey.get(key) ?? [])) {
      const q = qualifies(path, c);
      if (q === true) qualifying.push(c);
      else if (isUnknown(q)) open ??= { kind: "open", unknown: q, statements: [c.grant.ref] };
    }
    if (qualifying.length === 0) return open ?? { kind: "absent" };
    contributions.push(...qualifying);
  }
  // Every group met for certain; an open contribution elsewhere changes nothing.
  return { kind: "complete", contributions };
}

/** Whether a granted action serves the path: PassRole to the right service, other actions on enough resources. */
function qualifies(path: EscalationPath, c: Contribution): Val<boolean> {
  if (c.action.key === "iam:passrole") return path.passedTo === undefined ? true : passRoleAllows(c.grant, path.passedTo);
  if (path.mustReach === undefined) return mayReachCustomerResources(c.grant);
  const { service, resource } = path.mustReach;
  const r = c.grant.resources;
  let reach: Val<boolean> = r.element !== "Resource" || r.known.some((p) => reachesAllOf(p, service, resource) || namesAnyOf(p, service, path.orAnyOf));
  if (!reach && r.unknowns[0] !== undefined) reach = r.unknowns[0];
  if (reach !== true) return reach;
  const scoped = conditionsScopeCached(c.grant.statement.conditions);
  return scoped === true ? false : isUnknown(scoped) ? scoped : true;
}

/** Whether a Resource pattern names one of the resources that are as good as all (`document/AWS-RunShellScript`). */
function namesAnyOf(pattern: string, service: string, resources: readonly string[] | undefined): boolean {
  if (resources === undefined) return false;
  const p = parseArn(pattern);
  if (p === undefined) return resources.some((r) => globMatches(pattern, `arn:aws:${service}:*:*:${r}`, false));
  return globMatches(p.service, service, true) && resources.some((r) => globMatches(p.resource, r, false));
}

/**
 * False when every Resource pattern can only name AWS-owned resources (`arn:aws:iam::aws:policy/*`:
 * AWS managed policies, which nobody else can rewrite); any other pattern, a customer's policy
 * included, may name something the principal uses. Unknown when an unknown pattern decides it.
 */
function mayReachCustomerResources(grant: Grant): Val<boolean> {
  const r = grant.resources;
  if (r.element !== "Resource") return true;
  if (r.known.some((p) => parseArn(p)?.account.toLowerCase() !== "aws")) return true;
  return r.unknowns[0] ?? r.known.length === 0;
}

/** Whether the statement's `iam:PassedToService` conditions (if any) let the role go to one of `services`. */
function passRoleAllows(grant: Grant, services: readonly string[]): Val<boolean> {
  const conditions = grant.statement.conditions;
  if (isUnknown(conditions)) return conditions;
  for (const entry of conditions) {
    if (entry.keyLower !== "iam:passedtoservice" || !POSITIVE_MATCH_OPERATORS.has(entry.baseOperator)) continue;
    if (entry.ifExists || entry.setQualifier === "ForAllValues") continue;
    const wildcards = entry.baseOperator === "StringLike";
    let open: Unknown | undefined;
    let allows = false;
    for (const v of entry.values) {
      if (isUnknown(v)) open ??= v;
      else if (services.some((s) => (wildcards ? globMatches(v, s, true) : v.toLowerCase() === s))) allows = true;
    }
    if (!allows) return open ?? false;
  }
  return true;
}

function toFinding(path: EscalationPath, contributions: readonly Contribution[]): GrantFinding {
  const grants = [...new Set(contributions.map((c) => c.grant))].sort((a, b) => a.ref.index - b.ref.index);
  const actions = [...new Set(contributions.map((c) => c.action.id))].sort();
  const resources = [...new Set(grants.flatMap((g) => (g.resources.element === "Resource" ? g.resources.known : ["*"])))];
  const statements = grants.map((g) => g.ref);
  return {
    kind: "privilege-escalation",
    statements,
    actions,
    resources,
    escalationPath: { id: path.id, description: path.description },
    conditionKeys: [...new Set(grants.flatMap(conditionKeysOf))],
    message: `${statements.map((s) => `Statement[${s.index}]`).join(" + ")} allow ${path.description} (${listText(actions)})`,
  };
}
