import type { StoreExposure } from "../../../models/exposure";
import { placementOf } from "../network/placement";
import { refOf } from "../store-adapter";
import type { Groups } from "./groups";
import type { TargetIndex } from "./targets";
import { X } from "./types";

const CLUSTER_INSTANCES: readonly { type: string; label: string; owners: ReadonlySet<string> }[] = [
  { type: X.rdsClusterInstance, label: "RDS cluster instance", owners: new Set([X.rdsCluster]) },
  { type: X.neptuneClusterInstance, label: "Neptune cluster instance", owners: new Set([X.neptuneCluster]) },
];

export const SUBJECT_TYPES: readonly string[] = [...CLUSTER_INSTANCES.map((c) => c.type), X.dmsReplicationInstance];

/**
 * Resources with a network endpoint but no store model: cluster instances (public access is set
 * per instance; `partOf` names their cluster when it is in the view, whose placement then
 * includes them) and DMS replication instances (their placement is in `placements`).
 */
export function addSubjects(out: Map<string, StoreExposure>, groups: Groups, index: TargetIndex): void {
  for (const c of CLUSTER_INSTANCES) {
    for (const p of groups.of(c.type)) {
      const partOf = index.joined(p, "clusterIdentifier", c.owners);
      const placement = placementOf(p);
      out.set(p.resource.urn, {
        resource: {
          ref: refOf(p, c.label),
          kind: "cluster-instance",
          tags: p.tags(),
          ...(partOf ? { partOf } : {}),
          ...(placement ? { placement } : {}),
        },
      });
    }
  }
  for (const p of groups.of(X.dmsReplicationInstance)) {
    out.set(p.resource.urn, { resource: { ref: refOf(p, "DMS replication instance"), kind: "dms-replication-instance", tags: p.tags() } });
  }
}
