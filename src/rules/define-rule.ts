import type { Rule } from "../core/rule";
import type { Inventory } from "../models/inventory";

/** A rule over the models' inventory; the helper keeps its option type inferred. */
export function defineRule<O = Record<string, never>>(rule: Rule<O, Inventory>): Rule<O, Inventory> {
  return rule;
}
