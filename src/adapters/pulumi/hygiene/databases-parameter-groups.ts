import { isUnknown, unknown, type Val } from "../../../core/value";
import { isUnknownSentinel, type EngineResource } from "../engine-resource";
import { Props } from "../props";
import type { ParameterRead } from "../../../hygiene/database-engines";

/** Parameter group types a database names by a property, per kind of group. */
export const INSTANCE_GROUP_TYPES = ["aws:rds/parameterGroup:ParameterGroup", "aws-native:rds:DbParameterGroup"] as const;
export const RDS_CLUSTER_GROUP_TYPES = ["aws:rds/clusterParameterGroup:ClusterParameterGroup", "aws-native:rds:DbClusterParameterGroup"] as const;
export const DOCDB_CLUSTER_GROUP_TYPES = ["aws:docdb/clusterParameterGroup:ClusterParameterGroup"] as const;
export const NEPTUNE_CLUSTER_GROUP_TYPES = ["aws:neptune/clusterParameterGroup:ClusterParameterGroup"] as const;

/** The property holding a group's AWS name, per type (aws-native names it after the resource). */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  "aws-native:rds:DbParameterGroup": "dbParameterGroupName",
  "aws-native:rds:DbClusterParameterGroup": "dbClusterParameterGroupName",
};

/** One declared parameter group: its name, family, and the parameters it sets. */
class ParameterGroup {
  private readonly p: Props;
  constructor(readonly resource: EngineResource) {
    this.p = new Props(resource);
  }

  get name(): Val<string | undefined> {
    return this.p.str(NAME_PROPERTY[this.resource.type] ?? "name");
  }

  /** "postgres15", "aurora-mysql8.0", "docdb5.0". */
  get family(): Val<string | undefined> {
    return this.p.str("family");
  }

  /** How messages name it: its AWS name when known, else its logical name. */
  get label(): string {
    const n = this.name;
    return typeof n === "string" ? n : this.resource.name;
  }

  /** The value the group sets for `parameter`; undefined when it does not set it. */
  valueOf(parameter: string): Val<string | undefined> {
    return this.resource.type.startsWith("aws-native:") ? this.fromMap(parameter) : this.fromList(parameter);
  }

  /** `parameters: [{name, value, applyMethod}]` (v6 and v7). */
  private fromList(parameter: string): Val<string | undefined> {
    const count = this.p.count("parameters");
    if (isUnknown(count)) return count;
    for (let i = 0; i < count; i++) {
      const path = this.p.itemPath("parameters", i);
      const name = this.p.str(`${path}.name`);
      if (isUnknown(name)) return name;
      if (name?.toLowerCase() === parameter) return this.p.str(`${path}.value`);
    }
    return undefined;
  }

  /** aws-native: `parameters` is a JSON object of name -> value; names hold dots, so no path lookup. */
  private fromMap(parameter: string): Val<string | undefined> {
    const map = this.p.obj("parameters");
    if (isUnknown(map) || map === undefined) return map;
    const entry = Object.entries(map).find(([k]) => k.toLowerCase() === parameter);
    if (!entry) return undefined;
    const v = entry[1];
    if (isUnknownSentinel(v)) return unknown("preview", `parameter ${parameter} of ${this.resource.name} is computed during the update`);
    if (typeof v === "string") return v;
    if (typeof v === "number" || typeof v === "boolean") return String(v);
    return unknown("error", `parameter ${parameter} of ${this.resource.name} should be a string`);
  }
}

/** The parameter groups a stack declares, found by URN (a dependency) or by known name. */
export class ParameterGroups {
  private readonly byUrn = new Map<string, ParameterGroup>();
  private readonly byName = new Map<string, ParameterGroup>();

  constructor(resources: readonly EngineResource[], types: readonly string[]) {
    for (const r of resources) {
      if (!types.includes(r.type)) continue;
      const g = new ParameterGroup(r);
      this.byUrn.set(r.urn, g);
      const name = g.name;
      if (typeof name === "string") this.byName.set(name, g);
    }
  }

  /**
   * How a database's `property` (its parameter group name) sets `parameter`, and the group's family.
   * A database that names no group uses AWS's default group (engine defaults); so does one naming a
   * `default.` group. A named group the stack does not declare is not known here.
   */
  read(db: Props, property: string, parameter: string): { readonly read: Val<ParameterRead>; readonly family: Val<string | undefined> } {
    const group = this.groupOf(db, property);
    if (isUnknown(group)) return { read: group, family: group };
    if (typeof group === "string") {
      return { read: { source: "default", group, defaultGroup: true }, family: group.startsWith("default.") ? group.slice("default.".length) : undefined };
    }
    const value = group.valueOf(parameter);
    const read: Val<ParameterRead> = isUnknown(value)
      ? value
      : value === undefined
        ? { source: "default", group: group.label, defaultGroup: false }
        : { source: "set", value, group: group.label };
    return { read, family: group.family };
  }

  /** The declared group, or the name of an AWS default group ("" when the database names none). */
  private groupOf(db: Props, property: string): Val<ParameterGroup | string> {
    for (const urn of db.dependenciesOf(property)) {
      const g = this.byUrn.get(urn);
      if (g) return g;
    }
    const name = db.str(property);
    if (isUnknown(name)) return name;
    if (name === undefined || name === "") return "";
    const g = this.byName.get(name);
    if (g) return g;
    if (name.startsWith("default.")) return name;
    return unknown("not-fetched", `parameter group '${name}' of ${db.resource.name} is not declared in this stack`);
  }
}
