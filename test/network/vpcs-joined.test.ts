import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import type { TransitGatewayAttachment, VpcPeering } from "../../src/models/network";
import { indexNetwork } from "../../src/network/network-index";
import { vpcsJoined } from "../../src/network/vpcs-joined";
import { graph, ipv4, route, table, vpc } from "./graph-fixtures";

const PREVIEW = unknown("preview", "computed");
const ref = (id: string) => ({ id, type: "t", name: id, label: "l" });
const peering = (id: string, a: string, b: string): VpcPeering => ({
  kind: "vpc-peering",
  ref: ref(id),
  requesterVpc: a,
  accepterVpc: b,
  peerOwnerId: undefined,
  peerRegion: undefined,
});
const attachment = (id: string, v: string, tgw: typeof PREVIEW | string): TransitGatewayAttachment => ({
  kind: "transit-gateway-attachment",
  ref: ref(id),
  vpc: v,
  transitGateway: tgw,
  subnets: [],
});

describe("vpcsJoined", () => {
  it("a peering joins its two VPCs, with the routes using it", () => {
    const g = graph({
      vpcs: [vpc("vpc-a"), vpc("vpc-b", { awsId: "vpc-0b" })],
      peerings: [peering("pcx-1", "vpc-a", "vpc-0b")],
      routeTables: [table("rt-a", "vpc-a", [route(ipv4("10.1.0.0/16"), "vpc-peering", "pcx-1")]), table("rt-b", "vpc-b", [route(ipv4("0.0.0.0/0"), "nat-gateway", "nat-1")])],
    });
    const joins = vpcsJoined(indexNetwork(g));
    expect(joins).toHaveLength(1);
    expect(joins[0]?.vpcs).toEqual(["vpc-a", "vpc-b"]);
    expect(joins[0]?.routes.map((r) => r.table.ref.id)).toEqual(["rt-a"]);
  });

  it.each([
    ["two VPCs on one gateway", ["vpc-a", "vpc-b"], 1],
    ["three VPCs on one gateway", ["vpc-a", "vpc-b", "vpc-c"], 3],
    ["one VPC attached twice", ["vpc-a", "vpc-a"], 0],
  ])("%s -> %i pair(s)", (_name, vpcs, pairs) => {
    const g = graph({ transitGatewayAttachments: vpcs.map((v, i) => attachment(`att-${i}`, v, "tgw-1")) });
    expect(vpcsJoined(indexNetwork(g))).toHaveLength(pairs);
  });

  it("routes to the gateway are split by VPC", () => {
    const g = graph({
      transitGatewayAttachments: [attachment("att-a", "vpc-a", "tgw-1"), attachment("att-b", "vpc-b", "tgw-1"), attachment("att-c", "vpc-c", "tgw-1")],
      routeTables: [table("rt-a", "vpc-a", [route(ipv4("10.2.0.0/16"), "transit-gateway", "tgw-1")]), table("rt-c", "vpc-c", [route(ipv4("10.1.0.0/16"), "transit-gateway", "tgw-1")])],
    });
    const routes = Object.fromEntries(vpcsJoined(indexNetwork(g)).map((j) => [j.vpcs.join("+"), j.routes.map((r) => r.table.ref.id)]));
    expect(routes).toEqual({ "vpc-a+vpc-b": ["rt-a"], "vpc-a+vpc-c": ["rt-a", "rt-c"], "vpc-b+vpc-c": ["rt-c"] });
  });

  it("an attachment to an unknown gateway joins its VPC to Unknown", () => {
    const joins = vpcsJoined(indexNetwork(graph({ transitGatewayAttachments: [attachment("att-a", "vpc-a", PREVIEW)] })));
    expect(joins[0]?.vpcs[0]).toBe("vpc-a");
    expect(isUnknown(joins[0]?.vpcs[1]) && (joins[0]?.vpcs[1] as { reason: string }).reason).toBe("preview");
  });
});
