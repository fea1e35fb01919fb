import type { PrincipalKind, PrincipalLink } from "../../../models/iam";
import type { PolicyLookup } from "./managed-policies";
import type { PrincipalLookup } from "./principals";
import type { Reference } from "./references";

/** What the joins look things up in: the stack's principals by kind and its managed policies. */
export interface IamJoinContext {
  readonly principals: Readonly<Record<PrincipalKind, PrincipalLookup>>;
  readonly policies: PolicyLookup;
}

export function principalLink(kind: PrincipalKind, r: Reference, ctx: IamJoinContext): PrincipalLink {
  const name = ctx.principals[kind].nameOf(r.joined, r.value);
  return r.joined === undefined ? { kind, name } : { kind, name, principalRef: r.joined };
}
