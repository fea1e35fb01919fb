import type { Policies } from "@pulumi/policy";
import type { AnyRule } from "../core/rule";
import { toPolicy } from "./policy";

export { defaultEnforcement, policyTags, toPolicy } from "./policy";

/** The Pulumi policies of the given rules, in the given order. */
export const policiesFor = (rules: readonly AnyRule[]): Policies => rules.map(toPolicy);
