import type { Policies } from "@pulumi/policy";
import type { AnyRule } from "../core/rule";
import { toPolicy } from "./policy";
import { shareDeserialization } from "./shared-deserialization";

export { defaultEnforcement, policyTags, toPolicy } from "./policy";

/** The Pulumi policies of the given rules, in the given order; their requests decode resources once. */
export function policiesFor(rules: readonly AnyRule[]): Policies {
  shareDeserialization();
  return rules.map(toPolicy);
}
