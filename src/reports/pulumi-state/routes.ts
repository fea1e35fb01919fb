import type { Route, RouteTargetKind } from "../../models/network";
import { known, type StateWriter } from "./context";

/** The inline-route field each target kind is named in ("other": an interface, instance, carrier gateway...). */
const TARGET_FIELD: Readonly<Record<Exclude<RouteTargetKind, "local">, string>> = {
  "internet-gateway": "gatewayId",
  "egress-only-internet-gateway": "egressOnlyGatewayId",
  "nat-gateway": "natGatewayId",
  "vpc-peering": "vpcPeeringConnectionId",
  "transit-gateway": "transitGatewayId",
  "vpc-endpoint": "vpcEndpointId",
  other: "networkInterfaceId",
};

/** One route of a table as a v7 inline route (`routes[]`), and the model its target names. */
export function routeProps(w: StateWriter, r: Route): { props: Record<string, unknown>; target?: string } {
  const destination = known(r.destination, `the destination of ${r.origin}`);
  const dest =
    destination.kind === "ipv4"
      ? { cidrBlock: known(destination.cidr, `the destination of ${r.origin}`) }
      : destination.kind === "ipv6"
        ? { ipv6CidrBlock: known(destination.cidr, `the destination of ${r.origin}`) }
        : { destinationPrefixListId: w.awsIdOf(known(destination.prefixList, `the destination of ${r.origin}`)) };
  const kind = known(r.target.kind, `the target of ${r.origin}`);
  if (kind === "local") return { props: { ...dest, gatewayId: "local" } };
  const ref = known(r.target.ref, `the target of ${r.origin}`);
  if (ref === undefined) return { props: dest };
  return { props: { ...dest, [TARGET_FIELD[kind]]: w.awsIdOf(ref) }, target: ref };
}
