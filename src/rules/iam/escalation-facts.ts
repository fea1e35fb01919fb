import { describe } from "../../core/outcome";
import { isUnknown, unknown, type Unknown, type Val } from "../../core/value";
import { analyzePolicy, parsePolicy } from "../../iam";
import { awsManagedPolicyName, type IamInventory, type IamManagedPolicy, type IamPrincipal } from "../../models/iam";
import { AWS_MANAGED_ESCALATION } from "./aws-managed-policy-facts";
import { listed } from "./iam-inventory-facts";

/** Where a principal's permissions come from, as far as the inventory tells. */
export type PolicySource =
  | { readonly kind: "document"; readonly label: string; readonly document: Val<unknown> }
  /** An AWS managed policy known without its document: the escalation paths it completes. */
  | { readonly kind: "known"; readonly label: string; readonly paths: readonly string[] }
  | { readonly kind: "open"; readonly label: string; readonly unknown: Unknown };

export type EscalationVerdict =
  | { readonly verdict: "escalates"; readonly findings: readonly string[] }
  | { readonly verdict: "unknown"; readonly unknown: Unknown; readonly why: string }
  | { readonly verdict: "none"; readonly ignored: readonly string[] };

/** A principal's inline and attached policies and, for a user, those of its groups. */
export function principalSources(principal: IamPrincipal, iam: IamInventory): PolicySource[] {
  const own = ownSources(principal, iam, "");
  if (principal.kind !== "user") return own;
  if (isUnknown(principal.groups)) return [...own, { kind: "open", label: "its group memberships", unknown: principal.groups }];
  const groups = iam.principals.filter((p) => p.kind === "group");
  return [
    ...own,
    ...principal.groups.flatMap((g): PolicySource[] => {
      const group = groups.find((p) => p.ref.id === g || p.name === g);
      if (group === undefined) return [{ kind: "open", label: `group '${g}'`, unknown: unknown("not-fetched", `group '${g}' is not part of the inventory`) }];
      return ownSources(group, iam, `${describe(group.ref)}: `);
    }),
  ];
}

function ownSources(principal: IamPrincipal, iam: IamInventory, prefix: string): PolicySource[] {
  const inline: PolicySource[] = principal.inlinePolicies.map((p) => ({
    kind: "document",
    label: `${prefix}${p.ref.id === principal.ref.id ? `inline policy '${p.name}'` : describe(p.ref)}`,
    document: p.document,
  }));
  const byId = new Map(iam.policies.map((p) => [p.ref.id, p]));
  const attached = principal.attachedPolicies.flatMap((a): PolicySource[] => {
    const policy = a.policyRef === undefined ? undefined : byId.get(a.policyRef);
    if (policy !== undefined) return [managedSource(policy, prefix)];
    if (isUnknown(a.policyArn)) return [{ kind: "open", label: `${prefix}${describe(a.via)}`, unknown: a.policyArn }];
    if (a.policyArn === undefined) return [];
    return [arnSource(a.policyArn, prefix)];
  });
  return [...inline, ...attached];
}

function managedSource(policy: IamManagedPolicy, prefix: string): PolicySource {
  const label = `${prefix}${describe(policy.ref)}`;
  if (!isUnknown(policy.document)) return { kind: "document", label, document: policy.document };
  const known = policy.awsManaged && typeof policy.name === "string" ? AWS_MANAGED_ESCALATION.get(policy.name) : undefined;
  return known !== undefined ? { kind: "known", label, paths: known } : { kind: "open", label, unknown: policy.document };
}

function arnSource(arn: string, prefix: string): PolicySource {
  const name = awsManagedPolicyName(arn);
  const known = name === undefined ? undefined : AWS_MANAGED_ESCALATION.get(name);
  if (name !== undefined && known !== undefined) return { kind: "known", label: `${prefix}AWS managed policy '${name}'`, paths: known };
  return { kind: "open", label: `${prefix}policy ${arn}`, unknown: unknown("not-fetched", `the document of policy ${arn} is not part of the inventory`) };
}

interface Origin {
  readonly label: string;
  readonly index: number;
  readonly sid?: string;
}

/**
 * Privilege-escalation paths the sources complete together: every document's statements are
 * judged as one policy (an escalation may need PassRole from one policy and RunInstances from
 * another; a Deny anywhere applies everywhere). Malformed documents grant nothing (AWS rejects
 * them) and are ignored; a source that is not known leaves the verdict open unless known ones
 * already escalate.
 */
export function escalationVerdict(sources: readonly PolicySource[]): EscalationVerdict {
  const statements: unknown[] = [];
  const origins: Origin[] = [];
  const ignored: string[] = [];
  const findings: string[] = [];
  let open: { unknown: Unknown; why: string } | undefined;
  for (const s of sources) {
    if (s.kind === "known") {
      if (s.paths.length > 0) findings.push(`${s.label} allows ${listed(s.paths)}`);
      continue;
    }
    if (s.kind === "open") {
      open ??= { unknown: s.unknown, why: `the permissions of ${s.label} are not known` };
      continue;
    }
    const parsed = parsePolicy(s.document, { kind: "identity" });
    if (parsed.status === "malformed") ignored.push(s.label);
    else if (parsed.status === "unknown") open ??= { unknown: parsed.unknown, why: `the document of ${s.label} is not known` };
    else addStatements(s.label, s.document, statements, origins);
  }
  if (statements.length > 0) {
    const analysis = analyzePolicy({ Version: "2012-10-17", Statement: statements }, { kind: "identity" });
    for (const f of analysis.findings) {
      if (f.kind !== "privilege-escalation") continue;
      const where = f.statements.map((r) => originText(origins[r.index])).join(" + ");
      findings.push(`${where} ${f.statements.length > 1 ? "allow" : "allows"} ${f.escalationPath?.description ?? "privilege escalation"} (${listed(f.actions)})`);
    }
    const u = analysis.unknowns.find((v) => v.affects.includes("privilege-escalation"));
    if (u !== undefined) open ??= { unknown: u.unknown, why: u.message.replace(/Statement\[(\d+)\]/g, (_m, i: string) => originText(origins[Number(i)])) };
  }
  if (findings.length > 0) return { verdict: "escalates", findings };
  if (open !== undefined) return { verdict: "unknown", ...open };
  return { verdict: "none", ignored };
}

/** Appends a well-formed document's statements, remembering where each came from. */
function addStatements(label: string, document: unknown, statements: unknown[], origins: Origin[]): void {
  const raw = (typeof document === "string" ? JSON.parse(document) : document) as { Statement?: unknown };
  const list = Array.isArray(raw.Statement) ? raw.Statement : [raw.Statement];
  list.forEach((statement, index) => {
    const sid = typeof statement === "object" && statement !== null ? (statement as { Sid?: unknown }).Sid : undefined;
    statements.push(statement);
    origins.push({ label, index, ...(typeof sid === "string" && sid !== "" ? { sid } : {}) });
  });
}

function originText(o: Origin | undefined): string {
  if (o === undefined) return "a statement";
  return `${o.label} Statement[${o.index}]${o.sid === undefined ? "" : ` (Sid "${o.sid}")`}`;
}
