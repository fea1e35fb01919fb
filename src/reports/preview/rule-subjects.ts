import { buildInventory } from "../../adapters/pulumi/inventory";
import { evaluate } from "../../core/evaluate";
import { configFor } from "../../core/pack-config";
import type { AnyRule } from "../../core/rule";
import { settingsFor } from "../../core/settings";

/**
 * Whether a resource policy has anything to judge on a resource of `type`. The engine lists a policy as passed
 * on a resource whenever it reported no violation and no "not applicable", and this pack reports nothing for a
 * rule with nothing to judge, so a summary's "passed" mixes passes with rules that do not apply (an IAM rule on
 * an S3 bucket). A rule that gives no outcome on a resource of the type with no properties set, under the
 * default settings, is taken to have nothing to judge there. A rule that judges only some resources of a type
 * (an S3 bucket with an inline policy) loses those passes: passes are left out rather than made up.
 */
export class RuleSubjects {
  private readonly judged = new Map<string, boolean>();

  judges(rule: AnyRule, type: string): boolean {
    const key = `${rule.id}\n${type}`;
    let judges = this.judged.get(key);
    if (judges === undefined) {
      judges = probe(rule, type);
      this.judged.set(key, judges);
    }
    return judges;
  }
}

function probe(rule: AnyRule, type: string): boolean {
  const urn = `urn:pulumi:probe::probe::${type}::probe`;
  const inventory = () => buildInventory([{ urn, type, name: "probe", props: {}, propertyDependencies: {} }]);
  const settings = settingsFor(rule, configFor(rule, {}));
  const findings = evaluate([rule], inventory, () => settings, { scope: { id: urn, type, name: "probe", label: type } });
  return findings.some((f) => !f.evaluationError && f.resource.id === urn);
}
