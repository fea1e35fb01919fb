import type { Action, Listener, Rule } from "@aws-sdk/client-elastic-load-balancing-v2";
import { boundValue } from "../../../core/bounded-text";
import { unknown } from "../../../core/value";
import type { Elbv2Answers, Elbv2LoadBalancerAnswer } from "../../../fetchers/aws/elbv2";
import type { Fetched } from "../../../fetchers/aws/fetched";
import type { DataEndpoint, Setting } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf, readFetched, unknownOf } from "../fetched";
import { awsRef } from "../refs";

const TLS_PROTOCOLS = new Set(["HTTPS", "TLS"]);

/** One endpoint per ELBv2 listener (gateway load balancers' GENEVE listeners carry no client traffic), tagged as its load balancer. */
export function adaptElbv2(raw: Elbv2Answers, ctx: AdaptContext): InventoryContribution {
  if (!raw.loadBalancers.ok) return { gaps: [gapOf(raw.loadBalancers.failure, "Elastic Load Balancing load balancers")] };
  const endpoints = raw.loadBalancers.value.flatMap((lb) => endpointsOf(lb, ctx.account, raw.region));
  const tags = endpoints.map((e) => [e.ref.id, e.tags] as const);
  return { hygiene: { endpoints }, tags };
}

function endpointsOf(a: Elbv2LoadBalancerAnswer, account: string, region: string): DataEndpoint[] {
  const lb = a.loadBalancer;
  const lbArn = lb.LoadBalancerArn ?? "";
  const lbName = lb.LoadBalancerName ?? lbArn;
  const tags = readFetched(a.tags, (t) => t);
  if (!a.listeners.ok) {
    // The load balancer stands for its listeners: not assessed, not silently absent.
    const why = unknownOf(a.listeners.failure);
    const ref = awsRef(lbArn, "AWS::ElasticLoadBalancingV2::LoadBalancer", lbName, "load balancer", account, region);
    return [{ model: "data-endpoint", ref, kind: "load-balancer-listener", tags, httpsOnly: { value: why, observed: "listeners not read" }, tlsPolicy: { value: why, observed: "listeners not read" } }];
  }
  return a.listeners.value.flatMap((l) => {
    const protocol = (l.Protocol ?? "").toUpperCase();
    if (protocol === "GENEVE" || lb.Type === "gateway") return [];
    const arn = l.ListenerArn ?? `${lbArn}/listener`;
    const ref = awsRef(arn, "AWS::ElasticLoadBalancingV2::Listener", `${lbName}:${l.Port ?? ""}`, "load balancer listener", account, region);
    return [{ model: "data-endpoint" as const, ref, kind: "load-balancer-listener" as const, tags, ...transit(l, protocol, a.rules?.[arn]) }];
  });
}

function transit(l: Listener, protocol: string, rules: Fetched<Rule[]> | undefined): Pick<DataEndpoint, "httpsOnly" | "tlsPolicy"> {
  if (TLS_PROTOCOLS.has(protocol)) {
    const policy = l.SslPolicy;
    const tlsPolicy: Setting<string | undefined> = policy
      ? { value: policy, observed: `SslPolicy=${boundValue(policy)}` }
      : { value: unknown("error", `listener ${l.ListenerArn ?? ""} serves ${protocol} but DescribeListeners reported no SslPolicy`), observed: "SslPolicy not reported" };
    return { httpsOnly: { value: true, observed: `Protocol=${protocol}` }, tlsPolicy };
  }
  const noTls: Setting<string | undefined> = { value: undefined, observed: `Protocol=${protocol}: no TLS` };
  if (protocol === "HTTP") return { httpsOnly: withRules(redirectsToHttps(l.DefaultActions ?? [], "default action"), rules), tlsPolicy: noTls };
  if (["TCP", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"].includes(protocol)) return { httpsOnly: { value: false, observed: `Protocol=${protocol}` }, tlsPolicy: noTls };
  const odd = unknown("error", `listener ${l.ListenerArn ?? ""} reports a protocol ELB does not name`);
  return { httpsOnly: { value: odd, observed: "Protocol not recognised" }, tlsPolicy: { value: odd, observed: "Protocol not recognised" } };
}

/** A plain HTTP listener is HTTPS-only when every default action redirects to HTTPS. */
function redirectsToHttps(actions: readonly Action[], what: string): Setting<boolean> {
  if (actions.length === 0) return { value: false, observed: `Protocol=HTTP without ${what}s` };
  const i = actions.findIndex((a) => a.Type !== "redirect" || a.RedirectConfig?.Protocol?.toUpperCase() !== "HTTPS");
  if (i < 0) return { value: true, observed: `Protocol=HTTP, every ${what} redirects to HTTPS` };
  const a = actions[i] as Action;
  const how = a.Type === "redirect" ? `redirects to ${a.RedirectConfig?.Protocol === "#{protocol}" || !a.RedirectConfig?.Protocol ? "the same protocol (HTTP)" : "HTTP"}` : `is ${a.Type ?? "unset"}, not a redirect to HTTPS`;
  return { value: false, observed: `Protocol=HTTP, ${what} ${i + 1} ${how}` };
}

/** ...and when every action of its other rules does too (the fetcher reads rules only for such listeners). */
function withRules(byDefault: Setting<boolean>, rules: Fetched<Rule[]> | undefined): Setting<boolean> {
  if (byDefault.value !== true || rules === undefined) return byDefault;
  if (!rules.ok) return { value: unknownOf(rules.failure), observed: "Protocol=HTTP, listener rules not read" };
  const others = rules.value.filter((r) => r.IsDefault !== true);
  for (const r of others) {
    const judged = redirectsToHttps(r.Actions ?? [], `listener rule ${r.Priority ?? "?"}, action`);
    if (judged.value !== true) return judged;
  }
  return others.length === 0 ? byDefault : { value: true, observed: `Protocol=HTTP, every default action and the actions of ${others.length} rule(s) redirect to HTTPS` };
}
