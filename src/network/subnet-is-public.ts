import { isUnknown, unknown, type Unknown, type Val } from "../core/value";
import type { Route, Subnet } from "../models/network";
import { DEFAULT_PRIVATE_RANGES, type AddressRanges } from "./address-ranges";
import { describeDestination, destinationReachesBeyond } from "./destinations";
import type { NetworkIndex } from "./network-index";
import { routeTableOf } from "./route-table-of";

export interface SubnetExposure {
  readonly public: boolean;
  /** The route that makes the subnet public, for messages. */
  readonly via?: string;
}

/**
 * A subnet is public when its route table sends addresses outside the private ranges
 * (`0.0.0.0/0`, `::/0`, any public block, a prefix list holding one) to an internet gateway.
 * An egress-only internet gateway or a NAT gateway does not make it public. A route whose
 * target or destination is not known, or a route whose table is not known, leaves an otherwise
 * private subnet Unknown; a known public route decides whatever else is unknown.
 */
export function subnetIsPublic(
  net: NetworkIndex,
  subnet: Subnet,
  privateRanges: AddressRanges = DEFAULT_PRIVATE_RANGES,
): Val<SubnetExposure> {
  const table = routeTableOf(net, subnet);
  if (isUnknown(table)) return table;
  let undetermined: Unknown | undefined;
  for (const route of net.routesOf(table)) {
    const verdict = routeToInternet(net, route, privateRanges);
    if (verdict === true) return { public: true, via: `${describeRoute(net, route)} in ${table.ref.name}` };
    if (isUnknown(verdict)) undetermined ??= verdict;
  }
  const stray = strayInternetRoute(net, privateRanges);
  if (stray) {
    undetermined ??= unknown("preview", `${stray.origin} may belong to the route table of subnet ${subnet.ref.name}, which is not known yet`);
  }
  return undetermined ?? { public: false };
}

const strayRoutes = new WeakMap<NetworkIndex, Map<AddressRanges, Route | undefined>>();

/** A route whose table is not known and that may send traffic to the internet (computed once per index). */
function strayInternetRoute(net: NetworkIndex, privateRanges: AddressRanges): Route | undefined {
  let byRanges = strayRoutes.get(net);
  if (!byRanges) strayRoutes.set(net, (byRanges = new Map()));
  if (!byRanges.has(privateRanges)) {
    const found = net.routesOfUnknownTable.find(({ route }) => routeToInternet(net, route, privateRanges) !== false);
    byRanges.set(privateRanges, found?.route);
  }
  return byRanges.get(privateRanges);
}

/** Whether a route sends internet-bound traffic to an internet gateway. */
export function routeToInternet(net: NetworkIndex, route: Route, privateRanges: AddressRanges): Val<boolean> {
  const kind = route.target.kind;
  if (!isUnknown(kind) && kind !== "internet-gateway") return false;
  const beyond = destinationReachesBeyond(net, route.destination, privateRanges, route.origin);
  if (beyond === false) return false;
  if (isUnknown(kind)) return unknown(kind.reason, `the target of ${route.origin}: ${kind.detail}`);
  return beyond;
}

function describeRoute(net: NetworkIndex, route: Route): string {
  const destination = isUnknown(route.destination) ? "an unknown destination" : describeDestination(net, route.destination);
  const target = typeof route.target.ref === "string" ? net.resolve(route.target.ref) : undefined;
  const targetName = target === undefined ? "" : ` ${net.get(target, "gateway")?.ref.name ?? target}`;
  return `${destination} to internet gateway${targetName} (${route.origin})`;
}
