import type { IamManagedPolicy, IamPrincipal } from "../../models/iam";
import { known, tagProps, Unwritable, type StateWriter } from "./context";
import { documentText } from "./policies";

const T = {
  role: "aws:iam/role:Role",
  user: "aws:iam/user:User",
  group: "aws:iam/group:Group",
  policy: "aws:iam/policy:Policy",
  userPolicy: "aws:iam/userPolicy:UserPolicy",
  groupPolicy: "aws:iam/groupPolicy:GroupPolicy",
  userAttachment: "aws:iam/userPolicyAttachment:UserPolicyAttachment",
  groupAttachment: "aws:iam/groupPolicyAttachment:GroupPolicyAttachment",
  membership: "aws:iam/userGroupMembership:UserGroupMembership",
} as const;

const lastPart = (arn: string): string => arn.slice(arn.lastIndexOf("/") + 1);

/** A customer managed policy with its default version's document. AWS managed policies are AWS's: not written. */
export function writeManagedPolicy(w: StateWriter, p: IamManagedPolicy): void {
  if (p.awsManaged) return;
  const arn = known(p.arn, `the ARN of IAM policy ${p.ref.name}`) ?? p.ref.id;
  const name = known(p.name, `the name of IAM policy ${p.ref.name}`) ?? lastPart(arn);
  w.add({
    type: T.policy,
    name,
    model: p.ref,
    id: arn,
    regional: false,
    props: { name, arn, policy: documentText(p.document, `the document of IAM policy ${name}`) },
  });
}

/** The principal's managed policies: their ARNs, and the policy models they name. */
function attached(p: IamPrincipal, what: string): { arn: string; model?: string }[] {
  return p.attachedPolicies.map((a) => {
    const arn = known(a.policyArn, `a policy attached to ${what}`);
    if (arn === undefined) throw new Unwritable(`a policy attached to ${what} has no ARN`);
    return { arn, ...(a.policyRef ? { model: a.policyRef } : {}) };
  });
}

/**
 * A role with its trust policy, inline policies (`inlinePolicies[]`) and managed policies
 * (`managedPolicyArns`): v7 roles keep both as the account has them.
 */
function writeRole(w: StateWriter, p: IamPrincipal, name: string): void {
  const what = `IAM role ${name}`;
  const policies = attached(p, what);
  w.add({
    type: T.role,
    name,
    model: p.ref,
    id: name,
    regional: false,
    props: {
      name,
      arn: known(p.arn, `the ARN of ${what}`),
      assumeRolePolicy: documentText(p.trustPolicy, `the trust policy of ${what}`),
      inlinePolicies: p.inlinePolicies.map((i) => ({ name: i.name, policy: documentText(i.document, `inline policy ${i.name} of ${what}`) })),
      managedPolicyArns: policies.map((a) => a.arn),
      ...tagProps(p.tags, what),
    },
    refs: { managedPolicyArns: policies.map((a) => a.model) },
  });
}

/**
 * A user or group, with a `UserPolicy`/`GroupPolicy` per inline policy, a
 * `UserPolicyAttachment`/`GroupPolicyAttachment` per managed policy, and a user's
 * `UserGroupMembership`: v7 users and groups hold none of these themselves.
 */
function writeUserOrGroup(w: StateWriter, p: IamPrincipal, name: string, groupNames: ReadonlyMap<string, string>): void {
  const user = p.kind === "user";
  const what = `${p.ref.label} ${name}`;
  const field = user ? "user" : "group";
  const principal = w.add({
    type: user ? T.user : T.group,
    name,
    model: p.ref,
    id: name,
    regional: false,
    props: { name, arn: known(p.arn, `the ARN of ${what}`), ...(user ? tagProps(p.tags, what) : {}) },
  });
  const on = (type: string, suffix: string, props: Record<string, unknown>, refs: Record<string, (string | undefined)[]> = {}) =>
    w.add({ type, name: `${name}-${suffix}`, model: p.ref, id: `${name}-${suffix}`, regional: false, props: { [field]: name, ...props }, refs: { [field]: [principal], ...refs } });
  for (const i of p.inlinePolicies) {
    on(user ? T.userPolicy : T.groupPolicy, i.name, { name: i.name, policy: documentText(i.document, `inline policy ${i.name} of ${what}`) });
  }
  for (const a of attached(p, what)) on(user ? T.userAttachment : T.groupAttachment, lastPart(a.arn), { policyArn: a.arn }, { policyArn: [a.model] });
  const groups = user ? known(p.groups, `the groups of ${what}`) : [];
  if (groups.length > 0) {
    on(T.membership, "groups", { groups: groups.map((g) => groupNames.get(g) ?? g) }, { groups: [...groups] });
  }
}

/** Roles, users and groups; groups first, so memberships depend on them. */
export function writePrincipals(w: StateWriter, principals: readonly IamPrincipal[]): void {
  const named = principals.map((p) => ({ p, name: p.name }));
  const groupNames = new Map<string, string>();
  for (const { p, name } of named) if (p.kind === "group" && typeof name === "string") groupNames.set(p.ref.id, name);
  const order = { group: 0, role: 1, user: 2 } as const;
  for (const { p } of [...named].sort((a, b) => order[a.p.kind] - order[b.p.kind])) {
    w.write(p.ref, () => {
      const name = known(p.name, `the name of ${p.ref.label} ${p.ref.name}`) ?? p.ref.name;
      if (p.kind === "role") writeRole(w, p, name);
      else writeUserOrGroup(w, p, name, groupNames);
    });
  }
}
