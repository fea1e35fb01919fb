import { isUnknown, mapVal, unknown, type Val } from "../../../core/value";
import type { DataStore } from "../../../models/data-store";
import type { HygieneContribution, StoreHygiene } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import type { PulumiHygieneAdapter } from "./adapter";
import {
  auditLogOf,
  auditParameterOf,
  backupsOf,
  DEFAULT_BACKUP_DAYS,
  deletionProtectionOf,
  engineOf,
  majorOf,
  REPLICA_BACKUP_DAYS,
  tlsParameterOf,
  transitRequiredOf,
  type DbEngine,
  type ParameterRead,
} from "../../../hygiene/database-engines";
import { DOCDB_CLUSTER_GROUP_TYPES, INSTANCE_GROUP_TYPES, NEPTUNE_CLUSTER_GROUP_TYPES, ParameterGroups, RDS_CLUSTER_GROUP_TYPES } from "./databases-parameter-groups";

/** Where one database type keeps its hygiene settings. */
interface DatabaseShape {
  /** The `engine` property, or the engine itself for single-engine services. */
  readonly engine: { readonly property: string } | { readonly fixed: DbEngine; readonly name: string };
  readonly parameterGroup?: { readonly property: string; readonly types: readonly string[] };
  readonly logExports: string;
  /** A read replica names its source here; an unset backup retention then defaults to 0. */
  readonly replicaSource?: string;
}

const SHAPES: Readonly<Record<string, DatabaseShape>> = {
  "aws:rds/instance:Instance": {
    engine: { property: "engine" },
    parameterGroup: { property: "parameterGroupName", types: INSTANCE_GROUP_TYPES },
    logExports: "enabledCloudwatchLogsExports",
    replicaSource: "replicateSourceDb",
  },
  "aws-native:rds:DbInstance": {
    engine: { property: "engine" },
    parameterGroup: { property: "dbParameterGroupName", types: INSTANCE_GROUP_TYPES },
    logExports: "enableCloudwatchLogsExports",
    replicaSource: "sourceDbInstanceIdentifier",
  },
  "aws:rds/cluster:Cluster": {
    engine: { property: "engine" },
    parameterGroup: { property: "dbClusterParameterGroupName", types: RDS_CLUSTER_GROUP_TYPES },
    logExports: "enabledCloudwatchLogsExports",
  },
  "aws-native:rds:DbCluster": {
    engine: { property: "engine" },
    parameterGroup: { property: "dbClusterParameterGroupName", types: RDS_CLUSTER_GROUP_TYPES },
    logExports: "enableCloudwatchLogsExports",
  },
  "aws:docdb/cluster:Cluster": {
    engine: { fixed: "docdb", name: "docdb" },
    parameterGroup: { property: "dbClusterParameterGroupName", types: DOCDB_CLUSTER_GROUP_TYPES },
    logExports: "enabledCloudwatchLogsExports",
  },
  "aws:neptune/cluster:Cluster": {
    engine: { fixed: "neptune", name: "neptune" },
    parameterGroup: { property: "neptuneClusterParameterGroupName", types: NEPTUNE_CLUSTER_GROUP_TYPES },
    logExports: "enableCloudwatchLogsExports",
  },
};

const GROUP_TYPES = [...INSTANCE_GROUP_TYPES, ...RDS_CLUSTER_GROUP_TYPES, ...DOCDB_CLUSTER_GROUP_TYPES, ...NEPTUNE_CLUSTER_GROUP_TYPES];

/** A list of strings; Unknown when the list or one of its items is computed. */
function stringList(p: Props, path: string): Val<readonly string[] | undefined> {
  const n = p.count(path);
  if (isUnknown(n)) return n;
  if (p.get(path) === undefined) return undefined;
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const s = p.str(p.itemPath(path, i));
    if (isUnknown(s)) return s;
    if (s !== undefined) out.push(s);
  }
  return out;
}

function engineOfShape(p: Props, shape: DatabaseShape): Val<{ readonly engine: DbEngine; readonly name: string }> {
  if ("fixed" in shape.engine) return { engine: shape.engine.fixed, name: shape.engine.name };
  const name = p.str(shape.engine.property);
  if (isUnknown(name)) return name;
  if (name === undefined) {
    return unknown("not-fetched", `${p.resource.name} sets no engine (a read replica takes its source's)`);
  }
  return { engine: engineOf(name), name };
}

type GroupsOf = (types: readonly string[]) => ParameterGroups;

function transitOf(p: Props, shape: DatabaseShape, engine: DbEngine, engineName: string, groupsOf: GroupsOf, replica: boolean): StoreHygiene["transitRequired"] {
  const parameter = tlsParameterOf(engine);
  const version = mapVal(p.str("engineVersion"), (v) => (v === undefined ? undefined : majorOf(v)));
  if (!parameter || !shape.parameterGroup) return transitRequiredOf(engine, engineName, version, unknown("not-fetched", "no parameter group"));
  const property = shape.parameterGroup.property;
  if (replica && p.dependenciesOf(property).length === 0 && p.str(property) === undefined) {
    // A same-Region replica that names no group takes its source's, a cross-Region one the default.
    const why = unknown("not-fetched", `${p.resource.name} is a read replica naming no parameter group: it uses its source's (same Region) or the default (another Region)`);
    return transitRequiredOf(engine, engineName, version, why);
  }
  const { read, family } = groupsOf(shape.parameterGroup.types).read(p, property, parameter);
  // The group's family fixes the major version its defaults come from; else the engine version does.
  const familyMajor = typeof family === "string" ? majorOf(family) : undefined;
  return transitRequiredOf(engine, engineName, familyMajor ?? version, read);
}

/** How the group sets the parameter an engine's audit records need (Aurora MySQL, DocumentDB, Neptune). */
function auditRead(p: Props, shape: DatabaseShape, engine: DbEngine, groupsOf: GroupsOf): Val<ParameterRead> | undefined {
  const parameter = auditParameterOf(engine);
  if (!parameter || !shape.parameterGroup) return undefined;
  return groupsOf(shape.parameterGroup.types).read(p, shape.parameterGroup.property, parameter).read;
}

function hygieneOf(r: EngineResource, shape: DatabaseShape, groupsOf: GroupsOf): StoreHygiene {
  const p = new Props(r);
  const engine = engineOfShape(p, shape);
  const replica = shape.replicaSource !== undefined && (p.dependenciesOf(shape.replicaSource).length > 0 || p.str(shape.replicaSource) !== undefined);
  const transitRequired = isUnknown(engine)
    ? { value: engine, observed: "engine unknown" }
    : transitOf(p, shape, engine.engine, engine.name, groupsOf, replica);
  const exports = stringList(p, shape.logExports);
  const auditLog = isUnknown(engine)
    ? { value: engine, observed: "engine unknown" }
    : auditLogOf(engine.engine, engine.name, exports, shape.logExports, auditRead(p, shape, engine.engine, groupsOf));
  return {
    transitRequired,
    auditLog,
    ...backupsOf(p.num("backupRetentionPeriod"), "backupRetentionPeriod", replica ? REPLICA_BACKUP_DAYS : DEFAULT_BACKUP_DAYS),
    deletionProtection: deletionProtectionOf(p.bool("deletionProtection"), "deletionProtection"),
  };
}

/**
 * RDS instances and clusters (Aurora included), DocumentDB and Neptune clusters: TLS required by
 * their (cluster) parameter group, audit log exported (with the group's audit switch where the engine
 * has one), automated backups, deletion protection. An
 * Aurora cluster's instances (`ClusterInstance`) are no stores: the cluster's settings are what count.
 */
export const databaseHygieneAdapter: PulumiHygieneAdapter = {
  types: [...Object.keys(SHAPES), ...GROUP_TYPES],
  build(resources: readonly EngineResource[], stores: readonly DataStore[]): HygieneContribution {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const groups = new Map<readonly string[], ParameterGroups>();
    const groupsOf: GroupsOf = (types) => {
      let g = groups.get(types);
      if (!g) groups.set(types, (g = new ParameterGroups(resources, types)));
      return g;
    };
    const out: [string, StoreHygiene][] = [];
    for (const store of stores) {
      const r = byUrn.get(store.ref.id);
      const shape = r ? SHAPES[r.type] : undefined;
      if (r && shape) out.push([store.ref.id, hygieneOf(r, shape, groupsOf)]);
    }
    return { stores: out };
  },
};
