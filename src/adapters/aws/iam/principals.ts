import type { AttachedPolicy, GroupDetail, PolicyDetail, RoleDetail, Tag, UserDetail } from "@aws-sdk/client-iam";
import type { Val } from "../../../core/value";
import type { IamAttachedPolicy, IamInlinePolicy, IamPolicyAttachment, IamPrincipal, PrincipalKind, PrincipalLink } from "../../../models/iam";
import type { ResourceRef } from "../../../models/ref";
import { tagsOfList } from "../fetched";
import { awsRef } from "../refs";
import { decodedDocument } from "./documents";
import { IAM_REGION, PRINCIPAL_CFN_TYPE, PRINCIPAL_LABEL } from "./types";

/** A role, user or group as GetAccountAuthorizationDetails describes it, whatever its kind. */
export interface PrincipalDetail {
  readonly kind: PrincipalKind;
  readonly name: string;
  readonly arn?: string;
  readonly path?: string;
  readonly tags?: readonly Tag[];
  readonly trustPolicy?: string;
  readonly inline: readonly PolicyDetail[];
  readonly attached: readonly AttachedPolicy[];
  /** Users only: names of their groups. */
  readonly groups?: readonly string[];
  /** Roles and users: the boundary's policy ARN; undefined when none is set. */
  readonly boundary?: string;
}

export const roleDetail = (r: RoleDetail): PrincipalDetail => ({
  kind: "role",
  name: r.RoleName ?? "",
  arn: r.Arn,
  path: r.Path,
  tags: r.Tags ?? [],
  trustPolicy: r.AssumeRolePolicyDocument,
  inline: r.RolePolicyList ?? [],
  attached: r.AttachedManagedPolicies ?? [],
  boundary: r.PermissionsBoundary?.PermissionsBoundaryArn,
});

export const userDetail = (u: UserDetail): PrincipalDetail => ({
  kind: "user",
  name: u.UserName ?? "",
  arn: u.Arn,
  path: u.Path,
  tags: u.Tags ?? [],
  inline: u.UserPolicyList ?? [],
  attached: u.AttachedManagedPolicies ?? [],
  groups: u.GroupList ?? [],
  boundary: u.PermissionsBoundary?.PermissionsBoundaryArn,
});

export const groupDetail = (g: GroupDetail): PrincipalDetail => ({
  kind: "group",
  name: g.GroupName ?? "",
  arn: g.Arn,
  path: g.Path,
  inline: g.GroupPolicyList ?? [],
  attached: g.AttachedManagedPolicies ?? [],
});

/** What the adapter knows while building principals. */
export interface PrincipalContext {
  readonly account: string;
  readonly partition: string;
  /** Managed policy model ids (ARNs) in the inventory. */
  readonly policyIds: ReadonlySet<string>;
  /** Group name -> group model id (ARN). */
  readonly groupIds: ReadonlyMap<string, string>;
}

export interface BuiltPrincipal {
  readonly principal: IamPrincipal;
  readonly attachments: readonly IamPolicyAttachment[];
}

export function principalArn(d: PrincipalDetail, ctx: Pick<PrincipalContext, "account" | "partition">): string {
  return d.arn ?? `arn:${ctx.partition}:iam::${ctx.account}:${d.kind}${d.path ?? "/"}${d.name}`;
}

/** The principal model with its inline policies, and one attachment per managed policy it has. */
export function buildPrincipal(d: PrincipalDetail, ctx: PrincipalContext): BuiltPrincipal {
  const ref = awsRef(principalArn(d, ctx), PRINCIPAL_CFN_TYPE[d.kind], d.name, PRINCIPAL_LABEL[d.kind], ctx.account, IAM_REGION);
  const link: PrincipalLink = { kind: d.kind, name: d.name, principalRef: ref.id };
  const inlinePolicies = d.inline.map((p, i) => inlinePolicy(p, i, d, ref, link));
  const attachments = d.attached.map((a) => attachment(a, ref, link, ctx.policyIds));
  const attachedPolicies = attachments.map(
    (a): IamAttachedPolicy => ({ policyArn: a.policyArn, via: ref, ...(a.policyRef === undefined ? {} : { policyRef: a.policyRef }) }),
  );
  const principal: IamPrincipal = {
    model: "iam-principal",
    ref,
    kind: d.kind,
    name: d.name,
    arn: ref.id,
    tags: d.kind === "group" ? undefined : tagsOfList(d.tags),
    ...(d.kind === "role" ? { trustPolicy: decodedDocument(d.trustPolicy, `the trust policy of IAM role '${d.name}'`) } : {}),
    inlinePolicies,
    attachedPolicies,
    groups: (d.groups ?? []).map((name) => ctx.groupIds.get(name) ?? name),
    ...(d.kind === "group" ? {} : { permissionsBoundary: d.boundary }),
    ...(d.boundary !== undefined && ctx.policyIds.has(d.boundary) ? { permissionsBoundaryRef: d.boundary } : {}),
  };
  return { principal, attachments };
}

function inlinePolicy(p: PolicyDetail, index: number, d: PrincipalDetail, ref: ResourceRef, link: PrincipalLink): IamInlinePolicy {
  const name = p.PolicyName ?? `inline[${index}]`;
  const document: Val<unknown> = decodedDocument(p.PolicyDocument, `inline policy '${name}' of ${PRINCIPAL_LABEL[d.kind]} '${d.name}'`);
  return { name, document, documentSources: [], ref, principal: link };
}

/** The principal attaches the policy itself: GetAccountAuthorizationDetails tells no attachment resource. */
function attachment(a: AttachedPolicy, ref: ResourceRef, link: PrincipalLink, policyIds: ReadonlySet<string>): IamPolicyAttachment {
  const policyArn = a.PolicyArn;
  const policyRef = policyArn !== undefined && policyIds.has(policyArn) ? policyArn : undefined;
  return { ref, policyArn, ...(policyRef === undefined ? {} : { policyRef }), principals: [link], unknownPrincipals: [] };
}
