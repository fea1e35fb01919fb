import { isUnknown, unknown, type Val } from "../core/value";
import type { NetworkRef, TransitGatewayAttachment } from "../models/network";
import type { NetworkIndex, RouteInTable } from "./network-index";

export interface VpcJoin {
  readonly via: { readonly kind: "vpc-peering" | "transit-gateway"; readonly ref: NetworkRef; readonly name: string };
  readonly vpcs: readonly [Val<NetworkRef | undefined>, Val<NetworkRef | undefined>];
  /** Routes in either VPC's tables sending traffic over the join; none means the join carries no traffic yet. */
  readonly routes: readonly RouteInTable[];
}

/**
 * Pairs of VPCs joined by a peering connection or by attachments to the same transit gateway,
 * with the routes that use the join. Transit gateway route tables are not modeled: two VPCs
 * attached to one gateway count as joined. An attachment whose gateway is not known yields a
 * join whose second VPC is Unknown.
 */
export function vpcsJoined(net: NetworkIndex): VpcJoin[] {
  const joins: VpcJoin[] = [];
  for (const p of net.graph.peerings) {
    const vpcs = [resolved(net, p.requesterVpc), resolved(net, p.accepterVpc)] as const;
    joins.push({ via: { kind: "vpc-peering", ref: p.ref.id, name: p.ref.name }, vpcs, routes: net.routesTo(p.ref.id) });
  }
  const byGateway = new Map<NetworkRef, TransitGatewayAttachment[]>();
  for (const a of net.graph.transitGatewayAttachments) {
    if (typeof a.transitGateway === "string") {
      const tgw = net.resolve(a.transitGateway);
      push(byGateway, tgw, a);
    } else {
      const reason = isUnknown(a.transitGateway) ? a.transitGateway : unknown("error", `${a.ref.name} names no transit gateway`);
      const other = unknown(reason.reason, `the VPCs sharing the transit gateway of ${a.ref.name}: ${reason.detail}`);
      joins.push({ via: { kind: "transit-gateway", ref: a.ref.id, name: a.ref.name }, vpcs: [resolved(net, a.vpc), other], routes: [] });
    }
  }
  for (const [tgw, attachments] of byGateway) joins.push(...gatewayJoins(net, tgw, attachments));
  return joins;
}

function gatewayJoins(net: NetworkIndex, tgw: NetworkRef, attachments: TransitGatewayAttachment[]): VpcJoin[] {
  const routesByVpc = new Map<string, RouteInTable[]>();
  for (const r of net.routesTo(tgw)) {
    const key = typeof r.table.vpc === "string" ? net.resolve(r.table.vpc) : "";
    push(routesByVpc, key, r);
  }
  const vpcs = distinctVpcs(net, attachments);
  const name = tgw.split("::").pop() ?? tgw;
  const joins: VpcJoin[] = [];
  for (let i = 0; i < vpcs.length; i++) {
    for (let j = i + 1; j < vpcs.length; j++) {
      const a = vpcs[i] as Val<NetworkRef | undefined>;
      const b = vpcs[j] as Val<NetworkRef | undefined>;
      const routes = [...routesOf(routesByVpc, a), ...routesOf(routesByVpc, b)];
      joins.push({ via: { kind: "transit-gateway", ref: tgw, name }, vpcs: [a, b], routes });
    }
  }
  return joins;
}

function distinctVpcs(net: NetworkIndex, attachments: TransitGatewayAttachment[]): Val<NetworkRef | undefined>[] {
  const seen = new Set<string>();
  const out: Val<NetworkRef | undefined>[] = [];
  for (const a of attachments) {
    const vpc = resolved(net, a.vpc);
    if (typeof vpc === "string") {
      if (seen.has(vpc)) continue;
      seen.add(vpc);
    }
    out.push(vpc);
  }
  return out;
}

function routesOf(byVpc: Map<string, RouteInTable[]>, vpc: Val<NetworkRef | undefined>): RouteInTable[] {
  return typeof vpc === "string" ? (byVpc.get(vpc) ?? []) : [];
}

function resolved(net: NetworkIndex, ref: Val<NetworkRef | undefined>): Val<NetworkRef | undefined> {
  return typeof ref === "string" ? net.resolve(ref) : ref;
}

function push<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k);
  if (list) list.push(v);
  else m.set(k, [v]);
}
