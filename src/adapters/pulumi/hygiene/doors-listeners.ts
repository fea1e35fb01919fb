import { boundValue } from "../../../core/bounded-text";
import type { Tags } from "../../../core/classification";
import { isUnknown, unknown, type Val } from "../../../core/value";
import type { DataEndpoint, Setting } from "../../../models/hygiene";
import { LOAD_BALANCER_API_DEFAULT_TLS_POLICY } from "../../../network/tls-policies";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { enumText, joinedBy } from "./doors-props";

export const LOAD_BALANCER_TYPES = ["aws:lb/loadBalancer:LoadBalancer", "aws:alb/loadBalancer:LoadBalancer"];
export const LISTENER_TYPES = ["aws:lb/listener:Listener", "aws:alb/listener:Listener"];
export const LISTENER_RULE_TYPES = ["aws:lb/listenerRule:ListenerRule", "aws:alb/listenerRule:ListenerRule"];
export const CLASSIC_ELB_TYPE = "aws:elb/loadBalancer:LoadBalancer";

const TLS_PROTOCOLS = new Set(["HTTPS", "TLS"]);
const ACTION_TYPES = ["forward", "redirect", "fixed-response", "authenticate-cognito", "authenticate-oidc", "jwt-validation"];
const PLAIN_PROTOCOLS = new Set(["HTTP", "TCP", "UDP", "TCP_UDP", "QUIC", "TCP_QUIC"]);

/** One endpoint per ELBv2 listener; tags from its load balancer. Gateway (GENEVE) listeners carry no client traffic to judge. */
export function listenerEndpoint(p: Props, loadBalancers: readonly Props[], rules: readonly Props[]): DataEndpoint | undefined {
  const lb = joinedBy(p, "loadBalancerArn", loadBalancers, ["arn", "id"]);
  const protocol = protocolOf(p, lb);
  if (protocol === "GENEVE") return undefined;
  const base = { model: "data-endpoint" as const, ref: refOf(p, "load balancer listener"), kind: "load-balancer-listener" as const, tags: tagsOf(p, lb) };
  if (isUnknown(protocol)) return { ...base, httpsOnly: { value: protocol, observed: "protocol unknown" }, tlsPolicy: { value: protocol, observed: "protocol unknown" } };
  if (TLS_PROTOCOLS.has(protocol)) return { ...base, httpsOnly: { value: true, observed: `protocol=${protocol}` }, tlsPolicy: sslPolicyOf(p) };
  const noTls: Setting<undefined> = { value: undefined, observed: `protocol=${protocol}: no TLS` };
  if (protocol === "HTTP") return { ...base, httpsOnly: redirectsToHttps(p, rules), tlsPolicy: noTls };
  if (PLAIN_PROTOCOLS.has(protocol)) return { ...base, httpsOnly: { value: false, observed: `protocol=${protocol}` }, tlsPolicy: noTls };
  const odd = unknown("error", `protocol of ${p.resource.name} is not a protocol ELB names (HTTP, HTTPS, TCP, TLS, UDP, TCP_UDP, GENEVE)`);
  return { ...base, httpsOnly: { value: odd, observed: "protocol not recognised" }, tlsPolicy: { value: odd, observed: "protocol not recognised" } };
}

/** The protocol, upper-cased; unset means HTTP on an application load balancer, GENEVE on a gateway one. */
function protocolOf(p: Props, lb: Props | undefined): Val<string> {
  const protocol = p.str("protocol");
  if (isUnknown(protocol)) return protocol;
  if (protocol !== undefined) return protocol.toUpperCase();
  if (lb === undefined) {
    return unknown("not-fetched", `protocol of ${p.resource.name} is not set and its load balancer is not in the stack: HTTP on an application load balancer, none on a gateway one`);
  }
  const type = lb.str("loadBalancerType");
  if (isUnknown(type)) return type;
  return type === "gateway" ? "GENEVE" : "HTTP";
}

function sslPolicyOf(p: Props): Setting<string | undefined> {
  const policy = p.str("sslPolicy");
  if (isUnknown(policy)) return { value: policy, observed: "sslPolicy unknown" };
  if (policy === undefined || policy === "") {
    return { value: LOAD_BALANCER_API_DEFAULT_TLS_POLICY, observed: `sslPolicy not set (AWS applies ${LOAD_BALANCER_API_DEFAULT_TLS_POLICY} to listeners created through its API)` };
  }
  return { value: policy, observed: `sslPolicy=${boundValue(policy)}` };
}

/**
 * A plain HTTP listener is HTTPS-only when every default action redirects to HTTPS, and so does
 * every action of its listener rules (joined by `listenerArn`): a rule that forwards serves plain HTTP.
 */
function redirectsToHttps(p: Props, rules: readonly Props[]): Setting<boolean> {
  const own = actionsRedirect(p, "defaultActions", "default action");
  if (own.value !== true && !isUnknown(own.value)) return own;
  const joined = rules.filter((r) => joinedBy(r, "listenerArn", [p], ["arn", "id"]) !== undefined);
  let result = own;
  for (const rule of joined) {
    const r = actionsRedirect(rule, "actions", `listener rule ${rule.resource.name}, action`);
    if (r.value === false) return r;
    if (isUnknown(r.value)) result = r;
  }
  return result.value === true && joined.length > 0
    ? { value: true, observed: `protocol=HTTP, every default action and the actions of ${joined.length} listener rule(s) redirect to HTTPS` }
    : result;
}

/** Whether every action in the list at `listPath` redirects to HTTPS. */
function actionsRedirect(p: Props, listPath: string, what: string): Setting<boolean> {
  const n = p.count(listPath);
  if (isUnknown(n)) return { value: n, observed: `protocol=HTTP, ${listPath} of ${p.resource.name} unknown` };
  if (n === 0) return { value: listPath === "defaultActions" ? false : true, observed: `protocol=HTTP without ${what}s` };
  let pending: Val<boolean> = true;
  for (let i = 0; i < n; i++) {
    const path = p.itemPath(listPath, i);
    const type = p.str(`${path}.type`);
    if (isUnknown(type)) {
      pending = type;
      continue;
    }
    if (type !== "redirect") return { value: false, observed: `protocol=HTTP, ${what} ${i + 1} is ${type === undefined ? "unset" : enumText(type, ACTION_TYPES)}, not a redirect to HTTPS` };
    const block = p.obj(`${path}.redirect`);
    const protocol = isUnknown(block) || block === undefined ? block : p.str(`${p.itemPath(`${path}.redirect`, 0)}.protocol`);
    if (isUnknown(protocol)) pending = protocol;
    else if (protocol?.toUpperCase() !== "HTTPS") {
      return { value: false, observed: `protocol=HTTP, ${what} ${i + 1} redirects to ${protocol === undefined ? "the same protocol (HTTP)" : enumText(protocol, ["HTTP", "HTTPS", "#{protocol}"])}` };
    }
  }
  return { value: pending, observed: pending === true ? `protocol=HTTP, every ${what} redirects to HTTPS` : `protocol=HTTP, a ${what} unknown` };
}

/** The load balancer's tags; without it in the stack, the listener's own tags if it has any. */
function tagsOf(p: Props, lb: Props | undefined): Val<Tags | undefined> {
  if (lb) return lb.tags();
  const own = p.tags();
  if (isUnknown(own) || (own !== undefined && Object.keys(own).length > 0)) return own;
  return unknown("not-fetched", `the load balancer of ${p.resource.name} is not in the stack: its tags are not known`);
}

/**
 * A Classic ELB as one endpoint (its listeners share the load balancer's tags and name): HTTPS-only
 * when every `listeners[].lbProtocol` is https or ssl. Its TLS policy is set by separate
 * aws:elb/listenerPolicy resources this adapter does not read yet: not assessed when TLS is served.
 */
export function classicElbEndpoint(p: Props): DataEndpoint {
  const base = { model: "data-endpoint" as const, ref: refOf(p, "Classic load balancer"), kind: "load-balancer-listener" as const, tags: p.tags() };
  const n = p.count("listeners");
  if (isUnknown(n)) return { ...base, httpsOnly: { value: n, observed: "listeners unknown" }, tlsPolicy: { value: n, observed: "listeners unknown" } };
  const plain: string[] = [];
  let tls = 0;
  let unsure: Val<boolean> | undefined;
  for (let i = 0; i < n; i++) {
    const path = p.itemPath("listeners", i);
    const protocol = p.str(`${path}.lbProtocol`);
    if (isUnknown(protocol)) unsure = protocol;
    else if (protocol !== undefined && ["HTTPS", "SSL"].includes(protocol.toUpperCase())) tls++;
    else {
      const port = p.num(`${path}.lbPort`);
      plain.push(`${protocol === undefined ? "unset" : enumText(protocol.toLowerCase(), ["http", "tcp"])} on port ${typeof port === "number" ? port : "?"}`);
    }
  }
  const httpsOnly: Setting<boolean> =
    plain.length > 0
      ? { value: false, observed: `plain listeners: ${plain.join(", ")}` }
      : { value: unsure ?? n > 0, observed: n === 0 ? "no listeners" : "every listener is HTTPS or SSL" };
  const tlsPolicy: Setting<string | undefined> =
    tls === 0
      ? { value: undefined, observed: "no HTTPS or SSL listener" }
      : { value: unknown("not-fetched", `the TLS policy of ${p.resource.name} is set by aws:elb/listenerPolicy resources, which are not read`), observed: "listener policies not read" };
  return { ...base, httpsOnly, tlsPolicy };
}
