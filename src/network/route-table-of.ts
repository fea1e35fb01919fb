import { isUnknown, unknown, type Val } from "../core/value";
import type { NetworkRef, Route, RouteTable, Subnet } from "../models/network";
import type { NetworkIndex } from "./network-index";

/**
 * The route table a subnet uses: its explicit association, else its VPC's main table (an
 * explicit main-table association, else the VPC's default table, else the main table AWS
 * created with the VPC, which holds only local routes). An association that could be the
 * subnet's but is not known yet makes the answer Unknown.
 */
export function routeTableOf(net: NetworkIndex, subnet: Subnet): Val<RouteTable> {
  const name = subnet.ref.name;
  const explicit = net.explicitAssociationOf(subnet.ref.id);
  if (explicit) return tableNamed(net, explicit.routeTable, `route table associated with subnet ${name}`);
  const vpc = subnet.vpc;
  if (isUnknown(vpc)) return unknown(vpc.reason, `the VPC of subnet ${name}: ${vpc.detail}`);
  if (vpc === undefined) return unknown("error", `subnet ${name} names no VPC`);
  const vpcId = net.resolve(vpc);
  const pending = net.unresolvedAssociationIn(vpcId);
  if (pending) {
    return unknown("preview", `the subnet association ${pending.ref.name} may be subnet ${name}'s and is not known yet`);
  }
  return mainTableOf(net, vpcId, name);
}

/** A VPC's main route table. */
export function mainTableOf(net: NetworkIndex, vpc: NetworkRef, forSubnet = vpc): Val<RouteTable> {
  const main = net.mainAssociationOf(vpc);
  if (main) return tableNamed(net, main.routeTable, `main route table of the VPC of subnet ${forSubnet}`);
  const pending = net.mainAssociationsOfUnknownVpc[0];
  if (pending) return unknown("preview", `the main route table association ${pending.ref.name} names a VPC not known yet`);
  const model = net.get(vpc, "vpc");
  const named = model?.mainRouteTable === undefined ? undefined : net.get(model.mainRouteTable, "route-table");
  if (named) return named;
  const fallback = net.defaultTableOf(vpc);
  if (fallback) return fallback;
  if (!model) return unknown("not-fetched", `VPC ${vpc} of subnet ${forSubnet} is not part of the stack; its main route table is not known`);
  return implicitMainTable(vpc, model.ref.name, model.isDefault === true);
}

function tableNamed(net: NetworkIndex, table: Val<NetworkRef | undefined>, what: string): Val<RouteTable> {
  if (isUnknown(table)) return unknown(table.reason, `${what}: ${table.detail}`);
  if (table === undefined) return unknown("error", `${what} is not set`);
  return net.get(table, "route-table") ?? unknown("not-fetched", `${what} (${table}) is not part of the stack`);
}

/**
 * The main table AWS creates with a VPC: local routes only, plus, in a default VPC, a route
 * from 0.0.0.0/0 to the internet gateway AWS attaches to it.
 */
function implicitMainTable(vpc: NetworkRef, vpcName: string, defaultVpc: boolean): RouteTable {
  const defaultRoute: Route = {
    origin: `the default route AWS creates in default VPC ${vpcName}`,
    destination: { kind: "ipv4", cidr: "0.0.0.0/0" },
    target: { kind: "internet-gateway", ref: undefined },
  };
  return {
    kind: "route-table",
    ref: { id: `${vpc}#main-route-table`, type: "implicit-main-route-table", name: `main route table of ${vpcName}`, label: "route table" },
    vpc,
    routes: defaultVpc ? [defaultRoute] : [],
    main: "implicit",
  };
}
