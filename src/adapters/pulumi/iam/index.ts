import type { IamInlinePolicy, IamInventory, IamManagedPolicy, IamPolicyAttachment, PrincipalKind } from "../../../models/iam";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { applyPermissionsBoundary } from "./boundaries";
import { readPolicyAttachment, readSingleAttachment, roleManagedPolicies } from "./attachments";
import type { IamJoinContext } from "./context";
import { readInlinePolicyResource } from "./inline-policies";
import { PolicyLookup, readManagedPolicy } from "./managed-policies";
import { applyGroupMembership, applyUserGroupMembership } from "./memberships";
import { PrincipalLookup, readPrincipal, toPrincipal, type PrincipalDraft } from "./principals";
import { IAM_TYPE, IAM_TYPES, INLINE_POLICY_TYPES, SINGLE_ATTACHMENT_TYPES } from "./types";

/** Every resource type the IAM adapter reads. */
export const IAM_ADAPTER_TYPES: readonly string[] = IAM_TYPES;

const KIND_OF_TYPE: ReadonlyMap<string, PrincipalKind> = new Map([
  [IAM_TYPE.role, "role"],
  [IAM_TYPE.user, "user"],
  [IAM_TYPE.group, "group"],
]);

/**
 * The IAM inventory of one resource or a whole stack: principals with the inline and managed
 * policies joined to them (through propertyDependencies, else known names and ARNs), managed
 * policies and attachments. Resource policies are read with the stores' exposure (`../exposure`).
 */
export function buildIamInventory(resources: readonly EngineResource[]): IamInventory {
  const props = resources.map((r) => new Props(r));
  const ctx = joinContext(props);
  const inlinePolicies: IamInlinePolicy[] = [];
  const attachments: IamPolicyAttachment[] = [];
  for (const p of props) {
    const type = p.resource.type;
    const kind = KIND_OF_TYPE.get(type);
    const draft = kind === undefined ? undefined : ctx.principals[kind].drafts.get(p.resource.urn);
    if (draft !== undefined) {
      // Its own `inlinePolicies` only: RolePolicy resources met earlier are already listed.
      inlinePolicies.push(...draft.inlinePolicies.filter((i) => i.ref.id === draft.ref.id));
      if (kind === "role") attachments.push(...roleManagedPolicies(p, draft, ctx));
      if (kind !== "group") applyPermissionsBoundary(p, draft, ctx);
    } else if (INLINE_POLICY_TYPES.has(type)) {
      const policy = readInlinePolicyResource(p, ctx);
      if (policy !== undefined) inlinePolicies.push(policy);
    } else if (SINGLE_ATTACHMENT_TYPES.has(type)) {
      const attachment = readSingleAttachment(p, ctx);
      if (attachment !== undefined) attachments.push(attachment);
    } else if (type === IAM_TYPE.policyAttachment) attachments.push(readPolicyAttachment(p, ctx));
    else if (type === IAM_TYPE.groupMembership) applyGroupMembership(p, ctx);
    else if (type === IAM_TYPE.userGroupMembership) applyUserGroupMembership(p, ctx);
  }
  return {
    principals: (["role", "user", "group"] as const).flatMap((k) => [...ctx.principals[k].drafts.values()].map(toPrincipal)),
    policies: [...ctx.policies.policies.values()],
    inlinePolicies,
    attachments,
  };
}

function joinContext(props: readonly Props[]): IamJoinContext {
  const drafts: Record<PrincipalKind, Map<string, PrincipalDraft>> = { role: new Map(), user: new Map(), group: new Map() };
  const policies: IamManagedPolicy[] = [];
  for (const p of props) {
    const kind = KIND_OF_TYPE.get(p.resource.type);
    if (kind !== undefined) drafts[kind].set(p.resource.urn, readPrincipal(p, kind));
    else if (p.resource.type === IAM_TYPE.policy) policies.push(readManagedPolicy(p));
  }
  return {
    principals: {
      role: new PrincipalLookup(drafts.role),
      user: new PrincipalLookup(drafts.user),
      group: new PrincipalLookup(drafts.group),
    },
    policies: new PolicyLookup(policies),
  };
}
