import { describe, expect, it } from "vitest";
import { buildNetworkGraph } from "../../src/adapters/pulumi/network";
import { isUnknown } from "../../src/core/value";
import type { SecurityGroup } from "../../src/models/network";
import { admits } from "../../src/network/admits";
import { ingressFromInternet, ingressVerdict } from "../../src/network/ingress-from-internet";
import { indexNetwork } from "../../src/network/network-index";
import { subnetIsPublic } from "../../src/network/subnet-is-public";
import { vpcsJoined } from "../../src/network/vpcs-joined";
import { GROUPS_PER_VPC, SUBNETS_PER_VPC, syntheticStack, VPCS_PER_TRANSIT_GATEWAY } from "./synthetic-stack";

const PG = { protocol: "tcp", ports: { from: 5432, to: 5432 } };

describe("a 10,000-resource stack", () => {
  const vpcs = 100;
  const resources = syntheticStack(vpcs);

  it("is analysed whole: every subnet, group and join", () => {
    expect(resources.length).toBeGreaterThanOrEqual(10_000);
    const net = indexNetwork(buildNetworkGraph(resources));
    const graph = net.graph;

    const exposures = graph.subnets.map((s) => subnetIsPublic(net, s));
    expect(exposures.filter(isUnknown)).toEqual([]);
    expect(exposures.filter((e) => !isUnknown(e) && e.public)).toHaveLength((vpcs * SUBNETS_PER_VPC) / 2);

    const open = graph.securityGroups.filter((g) => ingressVerdict(ingressFromInternet(net, g, { traffic: PG })) === true);
    expect(open).toHaveLength((vpcs * GROUPS_PER_VPC) / 2);

    const byId = new Map(graph.securityGroups.map((g) => [g.ref.id, g]));
    const admitted = graph.securityGroups.filter((g, i) => {
      const previous = graph.securityGroups[i - 1] as SecurityGroup | undefined;
      if (!previous) return false;
      const v = admits(net, previous, byId.get(g.ref.id) as SecurityGroup, PG);
      return !isUnknown(v) && v.admits;
    });
    expect(admitted).toHaveLength((vpcs * GROUPS_PER_VPC) / 2);

    const pairsPerGateway = (VPCS_PER_TRANSIT_GATEWAY * (VPCS_PER_TRANSIT_GATEWAY - 1)) / 2;
    expect(vpcsJoined(net)).toHaveLength((vpcs / VPCS_PER_TRANSIT_GATEWAY) * pairsPerGateway);
  });
});
