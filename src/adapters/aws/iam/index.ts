import type { IamInventory } from "../../../models/iam";
import type { AccountAuthorizationDetails, IamAnswers } from "../../../fetchers/aws/iam";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf } from "../fetched";
import { managedPolicies } from "./policies";
import { buildPrincipal, groupDetail, principalArn, roleDetail, userDetail, type PrincipalDetail } from "./principals";

/** The account's IAM inventory; a failed GetAccountAuthorizationDetails leaves a coverage gap instead. */
export function adaptIam(raw: IamAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.details.ok) return { gaps: [gapOf(raw.details.failure, "IAM principals and policies")] };
  const iam = iamInventory(raw.details.value, ctx);
  // Tags of roles and users carry waivers; keys and stores carry their own.
  const tags = iam.principals.filter((p) => p.kind !== "group").map((p) => [p.ref.id, p.tags] as const);
  return { iam, tags };
}

export function iamInventory(details: AccountAuthorizationDetails, ctx: Pick<AdaptContext, "account" | "partition">): IamInventory {
  const all: PrincipalDetail[] = [...details.roles.map(roleDetail), ...details.users.map(userDetail), ...details.groups.map(groupDetail)];
  // A boundary is modelled like an attached policy: from the answer when listed, else known by ARN only.
  const attached = new Set(all.flatMap((d) => [...d.attached.map((a) => a.PolicyArn), d.boundary].filter((arn): arn is string => arn !== undefined)));
  const policies = managedPolicies(details.policies, attached, ctx.account);
  const groupIds = new Map(all.filter((d) => d.kind === "group").map((d) => [d.name, principalArn(d, ctx)] as const));
  const principalCtx = { account: ctx.account, partition: ctx.partition, policyIds: new Set(policies.keys()), groupIds };
  const built = all.map((d) => buildPrincipal(d, principalCtx));
  return {
    principals: built.map((b) => b.principal),
    policies: [...policies.values()],
    inlinePolicies: built.flatMap((b) => b.principal.inlinePolicies),
    attachments: built.flatMap((b) => b.attachments),
  };
}
