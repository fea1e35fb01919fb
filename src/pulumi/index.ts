import type { Policies } from "@pulumi/policy";
import type { AnyRule } from "../core/rule";
import { packSettingsPolicy, toPolicy } from "./policy";
import { installConfigureCheck } from "./configure-check";
import { shareDeserialization } from "./shared-deserialization";
import { installLazyRequestDecoding } from "./lazy-request-decoding";
import { serveConfigSchemasAsBytes } from "./analyzer-info-schemas";

export { defaultEnforcement, policyTags, toPolicy } from "./policy";

/**
 * The Pulumi policies of the given rules, in the given order, and the pack-wide settings entry. Their
 * requests are read from their bytes on demand and decode resources once, and a configuration mistake
 * fails the engine's Configure call; their config schemas reach the engine as bytes encoded once.
 */
export function policiesFor(rules: readonly AnyRule[]): Policies {
  shareDeserialization();
  installLazyRequestDecoding();
  installConfigureCheck(rules);
  return serveConfigSchemasAsBytes([...rules.map(toPolicy), packSettingsPolicy(rules)]);
}
