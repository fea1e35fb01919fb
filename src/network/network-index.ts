import { isUnknown, unknown, type Val } from "../core/value";
import type {
  NetworkGraph,
  NetworkNode,
  NetworkRef,
  Route,
  RouteTable,
  RouteTableAssociation,
  SecurityGroup,
  SecurityGroupRule,
  SubnetGroup,
  SubnetGroupService,
  UnattachedRoute,
} from "../models/network";
import { implicitDefaultGroup } from "./default-security-group";

type Kind = NetworkNode["kind"];
type NodeOf<K extends Kind> = Extract<NetworkNode, { kind: K }>;

export interface RouteInTable {
  readonly table: RouteTable;
  readonly route: Route;
}

/**
 * Lookups over a network graph, built once in linear time so every analysis is a map lookup:
 * objects by model id, AWS id or name; associations by subnet and by VPC; routes by target.
 */
export class NetworkIndex {
  private readonly byKey = new Map<string, NetworkNode>();
  private readonly byName = new Map<string, NetworkNode>();
  private readonly explicitBySubnet = new Map<NetworkRef, RouteTableAssociation>();
  private readonly mainByVpc = new Map<NetworkRef, RouteTableAssociation>();
  private readonly defaultTableByVpc = new Map<NetworkRef, RouteTable>();
  private readonly unresolvedSubnetAssociationsByVpc = new Map<NetworkRef, RouteTableAssociation>();
  private readonly extraRulesByGroup = new Map<NetworkRef, SecurityGroupRule[]>();
  private readonly extraRoutesByTable = new Map<NetworkRef, Route[]>();
  private readonly routesByTargetRef = new Map<NetworkRef, RouteInTable[]>();
  /** Associations of an unknown subnet to a table of an unknown VPC: any subnet may be theirs. */
  readonly associationsOfUnknownSubnet: RouteTableAssociation[] = [];
  /** Main-table associations whose VPC is unknown. */
  readonly mainAssociationsOfUnknownVpc: RouteTableAssociation[] = [];
  /** Separate routes whose table is unknown. */
  readonly routesOfUnknownTable: UnattachedRoute[] = [];
  /** Separate rules whose group is unknown. */
  readonly rulesOfUnknownGroup: SecurityGroupRule[] = [];
  private readonly defaultGroupByVpc = new Map<NetworkRef, SecurityGroup>();
  /** A default security group whose VPC is not known yet (it may be any VPC's). */
  private defaultGroupOfUnknownVpc: SecurityGroup | undefined;

  constructor(readonly graph: NetworkGraph) {
    for (const list of nodeLists(graph)) for (const n of list) this.add(n);
    for (const t of graph.routeTables) this.indexTable(t);
    for (const a of graph.routeTableAssociations) this.indexAssociation(a);
    for (const u of graph.unattachedRoutes) this.indexUnattachedRoute(u);
    for (const u of graph.unattachedRules) {
      const group = isUnknown(u.securityGroup) ? undefined : u.securityGroup;
      if (group === undefined) this.rulesOfUnknownGroup.push(u.rule);
      else push(this.extraRulesByGroup, this.resolve(group), u.rule);
    }
    this.indexDefaultGroups(graph);
  }

  /**
   * The VPC's default security group: the graph's, else the one AWS creates with a VPC created
   * here (AWS's rules); Unknown when the VPC is not part of the graph or its default group's rules
   * are not known.
   */
  defaultSecurityGroupOf(vpc: NetworkRef): Val<SecurityGroup> {
    const id = this.resolve(vpc);
    const found = this.defaultGroupByVpc.get(id);
    if (found) return found;
    const pending = this.defaultGroupOfUnknownVpc;
    if (pending) return unknown("preview", `default security group ${pending.ref.name} names a VPC not known yet; it may be ${vpc}'s`);
    const model = this.get(id, "vpc");
    if (!model) return unknown("not-fetched", `VPC ${vpc} is not part of the stack; its default security group is not known`);
    return unknown("not-fetched", `the default security group of VPC ${model.ref.name} is not part of the stack or scan`);
  }

  private indexDefaultGroups(graph: NetworkGraph): void {
    for (const g of graph.securityGroups) {
      if (!g.isDefault) continue;
      if (typeof g.vpc === "string") this.defaultGroupByVpc.set(this.resolve(g.vpc), g);
      else if (isUnknown(g.vpc)) this.defaultGroupOfUnknownVpc ??= g;
    }
    for (const v of graph.vpcs) {
      if (v.defaultSecurityGroup !== "aws-rules" || this.defaultGroupByVpc.has(v.ref.id) || this.defaultGroupOfUnknownVpc) continue;
      const g = implicitDefaultGroup(v);
      this.add(g);
      this.defaultGroupByVpc.set(v.ref.id, g);
    }
  }

  /** The model id a reference stands for: a known AWS id becomes its object's id. */
  resolve(ref: NetworkRef): NetworkRef {
    return this.byKey.get(ref)?.ref.id ?? ref;
  }

  /** The object a reference (model id or AWS id) names, when it is of the kind asked. */
  get<K extends Kind>(ref: NetworkRef, kind: K): NodeOf<K> | undefined {
    const n = this.byKey.get(ref);
    return n?.kind === kind ? (n as NodeOf<K>) : undefined;
  }

  /** A security group or prefix list by model id, AWS id or name. */
  find<K extends "security-group" | "prefix-list">(refOrName: string, kind: K): NodeOf<K> | undefined {
    const n = this.get(refOrName, kind) ?? this.byName.get(nameKey(kind, refOrName));
    return n?.kind === kind ? (n as NodeOf<K>) : undefined;
  }

  /** A subnet group by model id, AWS id or its name within its service. */
  findSubnetGroup(refOrName: string, service: SubnetGroupService): SubnetGroup | undefined {
    const n = this.get(refOrName, "subnet-group") ?? this.byName.get(nameKey("subnet-group", refOrName, service));
    return n?.kind === "subnet-group" ? n : undefined;
  }

  explicitAssociationOf(subnet: NetworkRef): RouteTableAssociation | undefined {
    return this.explicitBySubnet.get(subnet);
  }

  /** An association of an unknown subnet that may be this VPC's subnet. */
  unresolvedAssociationIn(vpc: NetworkRef): RouteTableAssociation | undefined {
    return this.unresolvedSubnetAssociationsByVpc.get(vpc) ?? this.associationsOfUnknownSubnet[0];
  }

  mainAssociationOf(vpc: NetworkRef): RouteTableAssociation | undefined {
    return this.mainByVpc.get(vpc);
  }

  defaultTableOf(vpc: NetworkRef): RouteTable | undefined {
    return this.defaultTableByVpc.get(vpc);
  }

  /** Inline rules and separate rules given by a reference the adapter could not join. */
  ingressOf(group: SecurityGroup): readonly SecurityGroupRule[] {
    const extra = this.extraRulesByGroup.get(group.ref.id)?.filter((r) => r.direction === "ingress") ?? [];
    return extra.length === 0 ? group.ingress : [...group.ingress, ...extra];
  }

  /** A table's inline routes and the separate routes naming it by a reference the adapter could not join. */
  routesOf(table: RouteTable): readonly Route[] {
    const extra = this.extraRoutesByTable.get(table.ref.id);
    return extra ? [...table.routes, ...extra] : table.routes;
  }

  /** Every route, in any table, that sends traffic to the object. */
  routesTo(target: NetworkRef): readonly RouteInTable[] {
    return this.routesByTargetRef.get(this.resolve(target)) ?? [];
  }

  private add(n: NetworkNode): void {
    this.byKey.set(n.ref.id, n);
    if (n.awsId !== undefined && !this.byKey.has(n.awsId)) this.byKey.set(n.awsId, n);
    const name = "name" in n && typeof n.name === "string" ? n.name : undefined;
    const service = n.kind === "subnet-group" ? n.service : undefined;
    if (name !== undefined) this.byName.set(nameKey(n.kind, name, service), n);
  }

  private indexTable(t: RouteTable): void {
    if (t.main === "default" && typeof t.vpc === "string") this.defaultTableByVpc.set(this.resolve(t.vpc), t);
    for (const route of t.routes) {
      const target = route.target.ref;
      if (typeof target === "string") push(this.routesByTargetRef, this.resolve(target), { table: t, route });
    }
  }

  private indexUnattachedRoute(u: UnattachedRoute): void {
    const table = typeof u.routeTable === "string" ? this.get(u.routeTable, "route-table") : undefined;
    if (table) {
      push(this.extraRoutesByTable, table.ref.id, u.route);
      const target = u.route.target.ref;
      if (typeof target === "string") push(this.routesByTargetRef, this.resolve(target), { table, route: u.route });
    } else if (isUnknown(u.routeTable)) this.routesOfUnknownTable.push(u);
  }

  private indexAssociation(a: RouteTableAssociation): void {
    if (a.mainOfVpc !== undefined) {
      if (typeof a.mainOfVpc === "string") this.mainByVpc.set(this.resolve(a.mainOfVpc), a);
      else if (isUnknown(a.mainOfVpc)) this.mainAssociationsOfUnknownVpc.push(a);
      return;
    }
    if (a.subnet === undefined) return;
    if (typeof a.subnet === "string") {
      const subnet = this.resolve(a.subnet);
      if (!this.explicitBySubnet.has(subnet)) this.explicitBySubnet.set(subnet, a);
      return;
    }
    if (!isUnknown(a.subnet)) return;
    const vpc = this.vpcOfTable(a.routeTable);
    if (typeof vpc === "string") this.unresolvedSubnetAssociationsByVpc.set(this.resolve(vpc), a);
    else this.associationsOfUnknownSubnet.push(a);
  }

  private vpcOfTable(table: Val<NetworkRef | undefined>): Val<NetworkRef | undefined> {
    return typeof table === "string" ? this.get(table, "route-table")?.vpc : undefined;
  }
}

function nodeLists(g: NetworkGraph): readonly (readonly NetworkNode[])[] {
  return [
    g.vpcs,
    g.subnets,
    g.routeTables,
    g.routeTableAssociations,
    g.gateways,
    g.securityGroups,
    g.prefixLists,
    g.networkAcls,
    g.subnetGroups,
    g.vpcEndpoints,
    g.peerings,
    g.transitGatewayAttachments,
  ];
}

const nameKey = (kind: Kind, name: string, service?: string): string => [kind, service ?? "", name].join("\u0000");

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}

const indexes = new WeakMap<NetworkGraph, NetworkIndex>();

/** The graph's index, built once per graph and shared by every rule that reads it. */
export function indexNetwork(graph: NetworkGraph): NetworkIndex {
  let index = indexes.get(graph);
  if (index === undefined) indexes.set(graph, (index = new NetworkIndex(graph)));
  return index;
}
