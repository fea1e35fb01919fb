import { isUnknown, type Val } from "../../../core/value";
import type { NetworkGraph, NetworkRef } from "../../../models/network";
import type { EngineResource } from "../engine-resource";
import { Props } from "../props";
import { emptyDraft, type GraphDraft } from "./graph-draft";
import { NETWORK_ADAPTERS } from "./network-adapters";
import { awsIdOf, References } from "./references";
import { T } from "./types";

/** Every resource type the network adapter reads. */
export const NETWORK_TYPES: readonly string[] = [...NETWORK_ADAPTERS.keys()];

/**
 * Builds the network graph of a stack: every object keyed by its URN, references joined by
 * dependency URNs (preview) or known AWS ids, separate routes, rules, prefix-list entries and
 * network-ACL rules merged into the object they belong to. Linear in the number of resources.
 */
export function buildNetworkGraph(resources: readonly EngineResource[]): NetworkGraph {
  const props = resources.filter((r) => NETWORK_ADAPTERS.has(r.type)).map((r) => new Props(r));
  const refs = new References(urnsByAwsId(props));
  const draft = emptyDraft();
  for (const p of props) NETWORK_ADAPTERS.get(p.resource.type)?.(p, refs, draft);
  return joinParts(draft);
}

function urnsByAwsId(props: readonly Props[]): Map<string, string> {
  const byId = new Map<string, string>();
  for (const p of props) {
    const id = awsIdOf(p) ?? defaultObjectId(p);
    if (id !== undefined && !byId.has(id)) byId.set(id, p.resource.urn);
  }
  return byId;
}

/** A default route table or network ACL is identified by the id of the VPC's default object it adopts. */
function defaultObjectId(p: Props): string | undefined {
  const path = p.resource.type === T.defaultRouteTable ? "defaultRouteTableId" : p.resource.type === T.defaultNetworkAcl ? "defaultNetworkAclId" : undefined;
  const v = path === undefined ? undefined : p.str(path);
  return typeof v === "string" && v !== "" ? v : undefined;
}

function joinParts(d: GraphDraft): NetworkGraph {
  const tables = new Map(d.routeTables.map((t) => [t.ref.id, t]));
  const groups = new Map(d.securityGroups.map((g) => [g.ref.id, g]));
  const lists = new Map(d.prefixLists.map((l) => [l.ref.id, l]));
  const acls = new Map(d.networkAcls.map((a) => [a.ref.id, a]));
  const gateways = new Map(d.gateways.map((g) => [g.ref.id, g]));
  const unattachedRoutes = d.routes.filter((r) => {
    const table = typeof r.routeTable === "string" ? tables.get(r.routeTable) : undefined;
    table?.routes.push(r.route);
    return !table;
  });
  const unattachedRules = d.rules.filter((r) => {
    const group = typeof r.securityGroup === "string" ? groups.get(r.securityGroup) : undefined;
    group?.[r.rule.direction].push(r.rule);
    return !group;
  });
  for (const e of d.prefixListEntries) {
    const entries = typeof e.prefixList === "string" ? lists.get(e.prefixList)?.entries : undefined;
    if (entries && !isUnknown(entries)) entries.push(e.cidr);
  }
  for (const r of d.networkAclRules) if (typeof r.networkAcl === "string") acls.get(r.networkAcl)?.entries.push(r.entry);
  const aclSubnets = byKnownKey(d.networkAclAssociations.map((a) => [a.networkAcl, a.subnet] as const));
  for (const [urn, subnets] of aclSubnets) {
    const acl = acls.get(urn);
    if (acl && !isUnknown(acl.subnets)) acls.set(urn, { ...acl, subnets: [...new Set([...acl.subnets, ...subnets])] });
  }
  for (const a of d.internetGatewayAttachments) {
    const g = typeof a.gateway === "string" ? gateways.get(a.gateway) : undefined;
    if (g && !(typeof g.vpc === "string")) gateways.set(g.ref.id, { ...g, vpc: a.vpc });
  }
  return {
    vpcs: d.vpcs,
    subnets: d.subnets,
    routeTables: d.routeTables,
    routeTableAssociations: d.routeTableAssociations,
    gateways: [...gateways.values()],
    securityGroups: d.securityGroups,
    prefixLists: d.prefixLists,
    networkAcls: [...acls.values()],
    subnetGroups: d.subnetGroups,
    vpcEndpoints: d.vpcEndpoints,
    peerings: d.peerings,
    transitGatewayAttachments: d.transitGatewayAttachments,
    unattachedRoutes,
    unattachedRules,
  };
}

/** Values grouped by key, for the pairs whose key and value are both known. */
function byKnownKey(pairs: readonly (readonly [Val<NetworkRef | undefined>, Val<NetworkRef | undefined>])[]): Map<NetworkRef, NetworkRef[]> {
  const out = new Map<NetworkRef, NetworkRef[]>();
  for (const [k, v] of pairs) {
    if (typeof k !== "string" || typeof v !== "string") continue;
    const list = out.get(k);
    if (list) list.push(v);
    else out.set(k, [v]);
  }
  return out;
}
