import type { IamInlinePolicy } from "../../../models/iam";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { principalLink, type IamJoinContext } from "./context";
import { requiredDocument } from "../policy-document";
import { singleReference } from "./references";
import { INLINE_POLICY_TYPES } from "./types";

/** A RolePolicy, UserPolicy or GroupPolicy, joined to its principal when that is in the stack. */
export function readInlinePolicyResource(p: Props, ctx: IamJoinContext): IamInlinePolicy | undefined {
  const spec = INLINE_POLICY_TYPES.get(p.resource.type);
  if (spec === undefined) return undefined;
  const name = p.str("name");
  const policy: IamInlinePolicy = {
    name: typeof name === "string" && name !== "" ? name : p.resource.name,
    document: requiredDocument(p, "policy"),
    documentSources: p.dependenciesOf("policy"),
    ref: refOf(p, spec.label),
    principal: principalLink(spec.kind, singleReference(p, spec.property, ctx.principals[spec.kind]), ctx),
  };
  const owner = policy.principal.principalRef;
  if (owner !== undefined) ctx.principals[spec.kind].drafts.get(owner)?.inlinePolicies.push(policy);
  return policy;
}
