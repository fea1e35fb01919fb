import type { IamPolicyAttachment, PrincipalKind, PrincipalLink } from "../../../models/iam";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { principalLink, type IamJoinContext } from "./context";
import type { PrincipalDraft } from "./principals";
import { listReference, singleReference, type Reference } from "./references";
import { SINGLE_ATTACHMENT_TYPES } from "./types";

/** A Role/User/GroupPolicyAttachment. */
export function readSingleAttachment(p: Props, ctx: IamJoinContext): IamPolicyAttachment | undefined {
  const spec = SINGLE_ATTACHMENT_TYPES.get(p.resource.type);
  if (spec === undefined) return undefined;
  const principal = principalLink(spec.kind, singleReference(p, spec.property, ctx.principals[spec.kind]), ctx);
  return attach(ctx, { ref: refOf(p, spec.label), ...policyOf(singleReference(p, "policyArn", ctx.policies)), principals: [principal], unknownPrincipals: [] });
}

const LIST_PROPERTIES: readonly [PrincipalKind, string][] = [
  ["user", "users"],
  ["role", "roles"],
  ["group", "groups"],
];

/** An `aws:iam/policyAttachment:PolicyAttachment`: one policy, lists of users, roles and groups. */
export function readPolicyAttachment(p: Props, ctx: IamJoinContext): IamPolicyAttachment {
  const principals: PrincipalLink[] = [];
  const unknownPrincipals: IamPolicyAttachment["unknownPrincipals"][number][] = [];
  for (const [kind, property] of LIST_PROPERTIES) {
    const list = listReference(p, property, ctx.principals[kind]);
    if (list.unknownList !== undefined) unknownPrincipals.push({ kind, unknown: list.unknownList });
    for (const item of list.items) principals.push(principalLink(kind, item, ctx));
  }
  const policy = policyOf(singleReference(p, "policyArn", ctx.policies));
  return attach(ctx, { ref: refOf(p, "IAM policy attachment"), ...policy, principals, unknownPrincipals, manyPrincipals: true });
}

/** A role's `managedPolicyArns`: one attachment per policy, made by the role itself. */
export function roleManagedPolicies(p: Props, role: PrincipalDraft, ctx: IamJoinContext): IamPolicyAttachment[] {
  const list = listReference(p, "managedPolicyArns", ctx.policies);
  const principals: PrincipalLink[] = [{ kind: "role", name: role.name, principalRef: role.ref.id }];
  const attachments = list.items.map((item) => attach(ctx, { ref: role.ref, ...policyOf(item), principals, unknownPrincipals: [] }));
  if (list.unknownList !== undefined) {
    attachments.push(attach(ctx, { ref: role.ref, policyArn: list.unknownList, principals, unknownPrincipals: [] }));
  }
  return attachments;
}

function policyOf(r: Reference): Pick<IamPolicyAttachment, "policyArn" | "policyRef"> {
  return r.joined === undefined ? { policyArn: r.value } : { policyArn: r.value, policyRef: r.joined };
}

/** Records the attachment on every joined principal. */
function attach(ctx: IamJoinContext, attachment: IamPolicyAttachment): IamPolicyAttachment {
  for (const link of attachment.principals) {
    if (link.principalRef === undefined) continue;
    const draft = ctx.principals[link.kind].drafts.get(link.principalRef);
    draft?.attachedPolicies.push({
      policyArn: attachment.policyArn,
      via: attachment.ref,
      ...(attachment.policyRef === undefined ? {} : { policyRef: attachment.policyRef }),
    });
  }
  return attachment;
}
