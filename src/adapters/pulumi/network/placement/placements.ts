import type { Placement } from "../../../../models/placement";
import { mergePlacements } from "../../../../network/merge-placements";
import type { EngineResource } from "../../engine-resource";
import { Props } from "../../props";
import { typeOfUrn } from "../../urn";
import { awsIdOf } from "../references";
import { optStr } from "../values";
import { PART_READERS, PLACEMENT_READERS, type PlacementReader } from "./readers";

/** A resource that places another: EFS mount targets, cluster instances, Redshift Serverless workgroups. */
export interface PlacementJoin {
  readonly read: PlacementReader;
  /** Types of the resource it places. */
  readonly ownerTypes: readonly string[];
  /** The part's property naming the owner. */
  readonly ownerProperty: string;
  /** The owner's property that value matches; undefined: the owner's AWS id. */
  readonly ownerKey?: string;
  /** The part adds only its public access (cluster instances share their cluster's network). */
  readonly accessOnly: boolean;
}

export const PLACEMENT_JOINS: ReadonlyMap<string, PlacementJoin> = new Map([
  ["aws:efs/mountTarget:MountTarget", { read: PART_READERS.efsMountTarget, ownerTypes: ["aws:efs/fileSystem:FileSystem"], ownerProperty: "fileSystemId", accessOnly: false }],
  [
    "aws:rds/clusterInstance:ClusterInstance",
    { read: PART_READERS.clusterInstance, ownerTypes: ["aws:rds/cluster:Cluster"], ownerProperty: "clusterIdentifier", ownerKey: "clusterIdentifier", accessOnly: true },
  ],
  [
    "aws:neptune/clusterInstance:ClusterInstance",
    { read: PART_READERS.clusterInstance, ownerTypes: ["aws:neptune/cluster:Cluster"], ownerProperty: "clusterIdentifier", ownerKey: "clusterIdentifier", accessOnly: true },
  ],
  [
    "aws:redshiftserverless/workgroup:Workgroup",
    {
      read: PART_READERS.redshiftWorkgroup,
      ownerTypes: ["aws:redshiftserverless/namespace:Namespace"],
      ownerProperty: "namespaceName",
      ownerKey: "namespaceName",
      accessOnly: false,
    },
  ],
]);

/** Every type whose placement is read: stores on their own, and the parts placing another store. */
export const PLACEMENT_TYPES: readonly string[] = [...PLACEMENT_READERS.keys(), ...PLACEMENT_JOINS.keys()];

/**
 * Where one resource sits in the network: a store or compute resource of `PLACEMENT_READERS`,
 * or a part placing another store (EFS mount target, cluster instance, Redshift Serverless
 * workgroup; `buildPlacements` joins those to their store).
 */
export function placementOf(p: Props): Placement | undefined {
  return (PLACEMENT_READERS.get(p.resource.type) ?? PLACEMENT_JOINS.get(p.resource.type)?.read)?.(p);
}

/**
 * Placements of the stack's stores and compute, keyed by URN: each resource's own placement,
 * merged with the parts that place it (joined by dependency, else by known name or id).
 * A part whose owner is not found is left out.
 */
export function buildPlacements(resources: readonly EngineResource[]): Map<string, Placement> {
  const out = new Map<string, Placement>();
  const parts: Props[] = [];
  const ownerTypes = new Set([...PLACEMENT_JOINS.values()].flatMap((j) => j.ownerTypes));
  const owners = new Map<string, string>();
  for (const r of resources) {
    const p = new Props(r);
    const reader = PLACEMENT_READERS.get(r.type);
    if (reader) out.set(r.urn, reader(p));
    if (PLACEMENT_JOINS.has(r.type)) parts.push(p);
    if (ownerTypes.has(r.type)) for (const key of ownerKeys(p)) owners.set(`${r.type}\u0000${key}`, r.urn);
  }
  for (const p of parts) {
    const join = PLACEMENT_JOINS.get(p.resource.type) as PlacementJoin;
    const owner = ownerOf(p, join, owners);
    if (owner === undefined) continue;
    const part = join.read(p);
    const current = out.get(owner);
    out.set(owner, current ? mergePlacements(current, part, join.accessOnly) : part);
  }
  return out;
}

function ownerKeys(p: Props): string[] {
  const keys = [awsIdOf(p)];
  for (const j of PLACEMENT_JOINS.values()) {
    if (j.ownerKey !== undefined && j.ownerTypes.includes(p.resource.type)) {
      const v = optStr(p, j.ownerKey);
      keys.push(typeof v === "string" ? v : undefined);
    }
  }
  return keys.filter((k): k is string => k !== undefined);
}

function ownerOf(p: Props, join: PlacementJoin, owners: Map<string, string>): string | undefined {
  const dep = p.dependenciesOf(join.ownerProperty).find((u) => join.ownerTypes.includes(typeOfUrn(u)));
  if (dep) return dep;
  const value = optStr(p, join.ownerProperty);
  if (typeof value !== "string") return undefined;
  for (const t of join.ownerTypes) {
    const urn = owners.get(`${t}\u0000${value}`);
    if (urn) return urn;
  }
  return undefined;
}
