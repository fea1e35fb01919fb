import { unknown, type Val } from "../../core/value";
import { analyzePrincipals } from "../../iam";
import { IMPLICIT_RESOURCE_SERVICES, type ResourcePolicy } from "../../models/exposure";

const PUBLIC_KINDS: ReadonlySet<string> = new Set(["public-principal", "not-principal-allow"]);

/**
 * What a resource policy grants to everyone: a description per public grant (`Principal: *` or
 * `{"AWS": "*"}` without a scoping condition such as aws:SourceVpce, aws:PrincipalOrgID or
 * aws:SourceAccount, or an Allow with NotPrincipal); an empty list when nothing; Unknown when a
 * principal, action or condition that decides it is not known, or the document is malformed.
 */
export function publicGrants(policy: ResourcePolicy): Val<string[]> {
  const analysis = analyzePrincipals(policy.document, { kind: "resource", implicitResource: IMPLICIT_RESOURCE_SERVICES.has(policy.service) });
  if (analysis.status === "malformed") {
    const problems = analysis.problems.slice(0, 3).map((p) => `${p.path} ${p.problem}`).join("; ");
    return unknown("error", `${policy.origin} is not a valid policy (AWS would reject it): ${problems}`);
  }
  const found = analysis.findings.filter((f) => PUBLIC_KINDS.has(f.kind)).map((f) => `${policy.origin}: ${f.message}`);
  if (found.length > 0) return found;
  const open = analysis.unknowns.find((u) => u.affects.some((k) => PUBLIC_KINDS.has(k)));
  return open ? unknown(open.unknown.reason, `${policy.origin}: ${open.message}`) : [];
}
