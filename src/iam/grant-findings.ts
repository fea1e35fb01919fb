import { isUnknown, type Unknown } from "../core/value";
import { expandAction } from "./actions";
import type { GrantFinding, GrantFindingKind, UnknownVerdict } from "./findings";
import { listText, type Grant } from "./grants";
import { conditionKeysOf, effectivelyUnscoped, resourcesCoverAll } from "./reach";
import { PER_ACTION_KINDS, riskProfile } from "./risk-profile";

export interface GrantVerdicts {
  readonly findings: GrantFinding[];
  readonly unknowns: UnknownVerdict[];
}

function base(grant: Grant): Pick<GrantFinding, "statements" | "resources" | "excludedResources" | "conditionKeys"> {
  const r = grant.resources;
  const resources = r.element === "Resource" ? r.known : ["*"];
  return {
    statements: [grant.ref],
    resources,
    ...(r.element === "NotResource" ? { excludedResources: r.known } : {}),
    conditionKeys: conditionKeysOf(grant),
  };
}

/** The findings one Allow statement yields on its own. */
export function grantVerdicts(grant: Grant): GrantVerdicts {
  const out: GrantVerdicts = { findings: [], unknowns: [] };
  if (grant.actions.length === 0) return out;
  shapeVerdicts(grant, out);
  perActionVerdicts(grant, out);
  return out;
}

/** What the statement's form says: every action, whole services, NotAction, NotResource. */
function shapeVerdicts(grant: Grant, out: GrantVerdicts): void {
  const path = grant.statement.path;
  const fullAdmin = fullAdminVerdict(grant);
  if (fullAdmin === true) {
    out.findings.push({
      kind: "full-admin",
      ...base(grant),
      actions: grant.patterns.map((p) => p.text),
      message: `${path} allows every action on every resource`,
    });
  } else if (isUnknown(fullAdmin)) {
    out.unknowns.push(unknownVerdict(grant, `${path}.Resource`, fullAdmin, ["full-admin"], "whether it allows every action on every resource"));
  }
  const services = wholeServices(grant);
  if (services.length > 0) {
    out.findings.push({
      kind: "service-wildcard",
      ...base(grant),
      actions: services.map((s) => `${s}:*`),
      services,
      message: `${path} allows every action of ${listText(services)}`,
    });
  }
  if (grant.element === "NotAction") {
    const excepted = grant.patterns.map((p) => p.text);
    out.findings.push({
      kind: "not-action-allow",
      ...base(grant),
      actions: ["*"],
      excludedActions: excepted,
      message: `${path} allows every action except ${listText(excepted)}`,
    });
  }
  if (grant.resources.element === "NotResource") {
    const known = grant.resources.known;
    out.findings.push({
      kind: "not-resource-allow",
      ...base(grant),
      actions: grant.patterns.map((p) => p.text),
      message: `${path} allows its actions on every resource except ${known.length > 0 ? listText(known) : "some that are not known"}`,
    });
  }
}

/** The kinds decided action by action: permissions management, unscoped access, exfiltration, exposure. */
function perActionVerdicts(grant: Grant, out: GrantVerdicts): void {
  const path = grant.statement.path;
  const profile = riskProfile(grant.actions);
  PER_ACTION_KINDS.forEach((k, i) => {
    const definite: string[] = [];
    const open: string[] = [];
    let openUnknown: Unknown | undefined;
    for (const a of profile.byKind[i] ?? []) {
      const reach = k.needsUnscoped ? effectivelyUnscoped(grant, a) : true;
      if (reach === true) definite.push(a.id);
      else if (isUnknown(reach)) {
        open.push(a.id);
        openUnknown ??= reach;
      }
    }
    if (definite.length > 0) {
      out.findings.push({ kind: k.kind, ...base(grant), actions: definite, message: `${path} allows ${k.what}: ${listText(definite)}` });
    }
    if (openUnknown !== undefined) {
      const element = openUnknown === grant.statement.conditions ? "Condition" : "Resource";
      out.unknowns.push(unknownVerdict(grant, `${path}.${element}`, openUnknown, [k.kind], `whether ${listText(open)} reach all resources`));
    }
  });
}

function fullAdminVerdict(grant: Grant): boolean | Unknown {
  if (grant.element !== "Action" || grant.shadowed.length > 0) return false;
  const everyAction = grant.patterns.some((p) => p.service === "*" && p.name === "*");
  if (!everyAction) return false;
  const all = resourcesCoverAll(grant);
  return all === true && grant.doubtfulBecause !== undefined ? grant.doubtfulBecause : all;
}

/** Services whose every action the statement names (`s3:*`, `*`, or a NotAction leaving them whole) and still grants. */
function wholeServices(grant: Grant): string[] {
  const grantedServices = riskProfile(grant.actions).services;
  const whole = new Set<string>();
  // Services of an expansion come from its (cached) risk profile: `*` names thousands of actions.
  if (grant.element === "Action") {
    for (const p of grant.patterns) {
      if (p.name !== "*") continue;
      for (const s of riskProfile(expandAction(p.text)).services) if (grantedServices.has(s)) whole.add(s);
    }
  } else {
    const touched = new Set(grant.patterns.flatMap((p) => [...riskProfile(expandAction(p.text)).services]));
    for (const s of grantedServices) if (!touched.has(s)) whole.add(s);
  }
  // A service some of whose actions a Deny takes away (or might) is no longer granted whole.
  const shadowedServices = new Set(grant.shadowed.map((a) => a.service));
  for (const id of grant.doubtful) shadowedServices.add(id.slice(0, id.indexOf(":")));
  return [...whole].filter((s) => !shadowedServices.has(s)).sort();
}

function unknownVerdict(
  grant: Grant,
  path: string,
  unknown: Unknown,
  affects: GrantFindingKind[],
  question: string,
): UnknownVerdict {
  return {
    statements: [grant.ref],
    path,
    unknown,
    affects,
    message: `${grant.statement.path}: ${question} is not known (${unknown.detail || unknown.reason})`,
  };
}
