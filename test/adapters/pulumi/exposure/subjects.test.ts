import { describe, expect, it } from "vitest";
import { buildExposures } from "../../../../src/adapters/pulumi/exposure";
import { placementOf } from "../../../../src/adapters/pulumi/network/placement";
import { Props } from "../../../../src/adapters/pulumi/props";
import { isUnknown } from "../../../../src/core/value";
import { effectivePublicAccess } from "../../../../src/network/merge-placements";
import { engineResource, UNKNOWN } from "../../../helpers/engine";

const CLUSTER = "aws:rds/cluster:Cluster";
const INSTANCE = "aws:rds/clusterInstance:ClusterInstance";

describe("resources without a store model", () => {
  it("a cluster instance alone carries its own placement", () => {
    const i = engineResource(INSTANCE, "inst-1", { clusterIdentifier: "orders", publiclyAccessible: true });
    const r = buildExposures([i]).exposures.get(i.urn)?.resource;
    expect(r).toMatchObject({ kind: "cluster-instance", ref: { label: "RDS cluster instance", name: "inst-1" } });
    expect(r?.partOf).toBeUndefined();
    expect(r?.placement && effectivePublicAccess(r.placement)).toBe(true);
  });

  it("a cluster instance names its cluster when the cluster is in the view (by dependency or identifier)", () => {
    const cluster = engineResource(CLUSTER, "orders", { clusterIdentifier: "orders-cluster" });
    const byDep = engineResource(INSTANCE, "a", { clusterIdentifier: UNKNOWN }, { clusterIdentifier: [cluster.urn] });
    const byName = engineResource("aws:neptune/clusterInstance:ClusterInstance", "b", { clusterIdentifier: "graph" });
    const graph = engineResource("aws:neptune/cluster:Cluster", "graph", { clusterIdentifier: "graph" });
    const e = buildExposures([cluster, byDep, byName, graph]).exposures;
    expect(e.get(byDep.urn)?.resource?.partOf).toBe(cluster.urn);
    expect(e.get(byName.urn)?.resource?.partOf).toBe(graph.urn);
  });

  it("a DMS replication instance is described with its tags", () => {
    const d = engineResource("aws:dms/replicationInstance:ReplicationInstance", "replicator", { tags: { "data-classification": "restricted" } });
    expect(buildExposures([d]).exposures.get(d.urn)?.resource).toMatchObject({
      kind: "dms-replication-instance",
      tags: { "data-classification": "restricted" },
      ref: { label: "DMS replication instance" },
    });
  });
});

describe("EC2 placement (fix in the placement reader)", () => {
  const subnets = (props: Record<string, unknown>) => {
    const p = placementOf(new Props(engineResource("aws:ec2/instance:Instance", "i", props)));
    return { defaultVpc: p?.defaultVpc ?? false, subnets: p && isUnknown(p.subnets) ? p.subnets.detail : p?.subnets };
  };
  it.each<[string, Record<string, unknown>, unknown]>([
    ["no subnet, no interface: default VPC", {}, { defaultVpc: true, subnets: "i names no subnet: AWS places it in the default VPC" }],
    ["placed by network interfaces", { networkInterfaces: [{ networkInterfaceId: "eni-1", deviceIndex: 0 }] }, { defaultVpc: false, subnets: "i names no subnet: its networkInterfaces setting decides where it sits" }],
    ["placed by a launch template", { launchTemplate: { id: "lt-1" } }, { defaultVpc: false, subnets: "i names no subnet: its launchTemplate setting decides where it sits" }],
    ["a subnet given", { subnetId: "subnet-1" }, { defaultVpc: false, subnets: ["subnet-1"] }],
  ])("%s", (_name, props, expected) => {
    expect(subnets(props)).toEqual(expected);
  });
});
