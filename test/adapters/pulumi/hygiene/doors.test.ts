import { describe, expect, it } from "vitest";
import type { EngineResource } from "../../../../src/adapters/pulumi/engine-resource";
import { doorsHygieneAdapter } from "../../../../src/adapters/pulumi/hygiene/doors";
import { isUnknown, type Unknown } from "../../../../src/core/value";
import type { ApiStage, DataEndpoint, Setting } from "../../../../src/models/hygiene";
import { engineResource, UNKNOWN, urnOf } from "../../../helpers/engine";

const T = {
  lb: "aws:lb/loadBalancer:LoadBalancer",
  albLb: "aws:alb/loadBalancer:LoadBalancer",
  listener: "aws:lb/listener:Listener",
  albListener: "aws:alb/listener:Listener",
  elb: "aws:elb/loadBalancer:LoadBalancer",
  distribution: "aws:cloudfront/distribution:Distribution",
  stage: "aws:apigateway/stage:Stage",
  methodSettings: "aws:apigateway/methodSettings:MethodSettings",
  restApi: "aws:apigateway/restApi:RestApi",
};
const MARKER = "do-not-print-7f3a";
const LB_ARN = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/app/shop/50dc6c495c0c9188";
const CURRENT = "ELBSecurityPolicy-TLS13-1-2-2021-06";
const restricted = { "data-classification": "restricted" };

const build = (...resources: EngineResource[]) => doorsHygieneAdapter.build(resources, []);
const endpoints = (...resources: EngineResource[]): Map<string, DataEndpoint> => new Map((build(...resources).endpoints ?? []).map((e) => [e.ref.name, e]));
const stages = (...resources: EngineResource[]): Map<string, ApiStage> => new Map((build(...resources).apiStages ?? []).map((s) => [s.ref.name, s]));
const planned = (r: EngineResource): EngineResource => ({ ...r, plannedState: true });

/** A setting's value, or "unknown:<reason>". */
function valueOf<T>(s: Setting<T> | undefined): T | string | undefined {
  if (s === undefined) return "missing";
  return isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value;
}

/** Every message a model carries, to check no marker leaked. */
const texts = (e: DataEndpoint | ApiStage): string =>
  JSON.stringify(Object.values(e).flatMap((v) => (typeof v === "object" && v && "observed" in v ? [v.observed, isUnknown(v.value) ? (v.value as Unknown).detail : ""] : [])));

describe("load balancer listeners", () => {
  const lb = (props: Record<string, unknown> = {}, type = T.lb) => engineResource(type, "shop-lb", { loadBalancerType: "application", tags: restricted, arn: UNKNOWN, ...props });
  /** A listener of shop-lb in a new stack: loadBalancerArn unknown, joined by dependency. */
  const listener = (name: string, props: Record<string, unknown>, type = T.listener) =>
    engineResource(type, name, { loadBalancerArn: UNKNOWN, ...props }, { loadBalancerArn: [urnOf(T.lb, "shop-lb")] });
  const forward = [{ type: "forward", targetGroupArn: UNKNOWN }];

  type Case = [string, Record<string, unknown>, { https: unknown; tls: unknown }];
  const cases: Case[] = [
    ["HTTPS with a current policy", { protocol: "HTTPS", sslPolicy: CURRENT, defaultActions: forward }, { https: true, tls: CURRENT }],
    ["HTTPS with an old policy", { protocol: "HTTPS", sslPolicy: "ELBSecurityPolicy-2016-08", defaultActions: forward }, { https: true, tls: "ELBSecurityPolicy-2016-08" }],
    ["HTTPS without a policy: the API's default", { protocol: "HTTPS", defaultActions: forward }, { https: true, tls: "ELBSecurityPolicy-2016-08" }],
    ["TLS (NLB)", { protocol: "TLS", sslPolicy: "ELBSecurityPolicy-TLS-1-2-2017-01", defaultActions: forward }, { https: true, tls: "ELBSecurityPolicy-TLS-1-2-2017-01" }],
    ["plain HTTP forwarding", { protocol: "HTTP", defaultActions: forward }, { https: false, tls: undefined }],
    ["HTTP unset on an application LB", { defaultActions: forward }, { https: false, tls: undefined }],
    ["lower-case http redirecting to HTTPS", { protocol: "http", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", port: "443", statusCode: "HTTP_301" } }] }, { https: true, tls: undefined }],
    ["HTTP redirecting to the same protocol", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { port: "8080", statusCode: "HTTP_301" } }] }, { https: false, tls: undefined }],
    ["HTTP redirect then forward", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS", statusCode: "HTTP_301" } }, ...forward] }, { https: false, tls: undefined }],
    ["HTTP without default actions", { protocol: "HTTP", defaultActions: [] }, { https: false, tls: undefined }],
    ["TCP", { protocol: "TCP", defaultActions: forward }, { https: false, tls: undefined }],
    ["UDP", { protocol: "UDP", defaultActions: forward }, { https: false, tls: undefined }],
    ["TCP_UDP", { protocol: "TCP_UDP", defaultActions: forward }, { https: false, tls: undefined }],
    ["protocol computed from another output", { protocol: UNKNOWN, defaultActions: forward }, { https: "unknown:preview", tls: "unknown:preview" }],
    ["sslPolicy from an apply", { protocol: "HTTPS", sslPolicy: UNKNOWN, defaultActions: forward }, { https: true, tls: "unknown:preview" }],
    ["redirect protocol from an apply", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: UNKNOWN, statusCode: "HTTP_301" } }] }, { https: "unknown:preview", tls: undefined }],
    ["defaultActions computed", { protocol: "HTTP", defaultActions: UNKNOWN }, { https: "unknown:preview", tls: undefined }],
    ["a protocol ELB does not name", { protocol: MARKER, defaultActions: forward }, { https: "unknown:error", tls: "unknown:error" }],
  ];
  it.each(cases)("%s (new stack, joined by dependency)", (_name, props, want) => {
    const e = endpoints(lb(), listener("l", props)).get("l");
    expect([valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy)]).toEqual([want.https, want.tls]);
    expect(e?.kind).toBe("load-balancer-listener");
    expect(e?.tags).toEqual(restricted);
    expect(e?.ref).toMatchObject({ id: urnOf(T.listener, "l"), type: T.listener, name: "l" });
    expect(texts(e as DataEndpoint)).not.toContain(MARKER);
  });

  it("says why: a redirect-only listener and the API's default policy", () => {
    const e = endpoints(lb(), listener("r", { protocol: "HTTP", defaultActions: [{ type: "redirect", redirect: { protocol: "HTTPS" } }] }), listener("s", { protocol: "HTTPS" }));
    expect(e.get("r")?.httpsOnly.observed).toBe("protocol=HTTP, every default action redirects to HTTPS");
    expect(e.get("s")?.tlsPolicy.observed).toMatch(/sslPolicy not set \(AWS applies ELBSecurityPolicy-2016-08/);
  });

  describe("an HTTP listener that redirects by default, with listener rules", () => {
    const toHttps = [{ type: "redirect", redirect: { protocol: "HTTPS", statusCode: "HTTP_301" } }];
    const http = listener("web", { protocol: "HTTP", defaultActions: toHttps });
    const rule = (name: string, actions: unknown, type = "aws:lb/listenerRule:ListenerRule") =>
      engineResource(type, name, { listenerArn: UNKNOWN, priority: 10, actions }, { listenerArn: [urnOf(T.listener, "web")] });
    it.each<[string, EngineResource[], unknown]>([
      ["a rule that also redirects to HTTPS", [rule("r", toHttps)], true],
      ["a rule that forwards plain HTTP", [rule("r", forward)], false],
      ["a v6 alb rule that forwards", [rule("r", forward, "aws:alb/listenerRule:ListenerRule")], false],
      ["a rule whose actions are computed", [rule("r", UNKNOWN)], "unknown:preview"],
      ["a rule of another listener", [engineResource("aws:lb/listenerRule:ListenerRule", "other", { listenerArn: "arn:other", actions: forward })], true],
    ])("%s (new stack, joined by dependency)", (_name, rules, want) => {
      expect(valueOf(endpoints(lb(), http, ...rules).get("web")?.httpsOnly)).toBe(want);
    });

    it("joins rules by the listener's ARN in an existing stack and names the forwarding rule", () => {
      const known = engineResource(T.listener, "web", { arn: "arn:listener/web", loadBalancerArn: LB_ARN, protocol: "HTTP", defaultActions: toHttps });
      const r = engineResource("aws:lb/listenerRule:ListenerRule", "api-rule", { listenerArn: "arn:listener/web", actions: forward });
      const e = endpoints(known, r).get("web");
      expect(e?.httpsOnly).toEqual({ value: false, observed: "protocol=HTTP, listener rule api-rule, action 1 is forward, not a redirect to HTTPS" });
    });
  });

  it("reads a planned state's unset sslPolicy as not set (the API's default)", () => {
    const e = endpoints(lb(), planned(listener("p", { protocol: "HTTPS", sslPolicy: UNKNOWN })));
    expect(valueOf(e.get("p")?.tlsPolicy)).toBe("ELBSecurityPolicy-2016-08");
  });

  it("joins an existing stack's listener to its load balancer by ARN (v6 alb tokens)", () => {
    const known = engineResource(T.albLb, "shop-lb", { arn: LB_ARN, id: LB_ARN, loadBalancerType: "application", tags: restricted });
    const other = engineResource(T.albLb, "other-lb", { arn: `${LB_ARN}0`, loadBalancerType: "application", tags: { "data-classification": "public" } });
    const l = engineResource(T.albListener, "l", { arn: "arn:listener", loadBalancerArn: LB_ARN, protocol: "HTTPS", sslPolicy: CURRENT });
    const e = endpoints(other, known, l).get("l");
    expect(e?.tags).toEqual(restricted);
    expect([valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy)]).toEqual([true, CURRENT]);
  });

  it("leaves the tags not assessed when the load balancer is outside the stack and the listener has none", () => {
    const l = engineResource(T.listener, "l", { loadBalancerArn: LB_ARN, protocol: "HTTPS" });
    const tagged = engineResource(T.listener, "t", { loadBalancerArn: LB_ARN, protocol: "HTTPS", tags: restricted });
    const e = endpoints(l, tagged);
    expect((e.get("l")?.tags as Unknown).reason).toBe("not-fetched");
    expect(e.get("t")?.tags).toEqual(restricted);
  });

  it("a listener without protocol: none for a gateway LB, not assessed when its LB is unknown", () => {
    const gwlb = engineResource(T.lb, "gw", { loadBalancerType: "gateway", arn: UNKNOWN });
    const gl = engineResource(T.listener, "gl", { loadBalancerArn: UNKNOWN, defaultActions: forward }, { loadBalancerArn: [urnOf(T.lb, "gw")] });
    const geneve = engineResource(T.listener, "gen", { loadBalancerArn: UNKNOWN, protocol: "GENEVE" }, { loadBalancerArn: [urnOf(T.lb, "gw")] });
    const orphan = engineResource(T.listener, "orphan", { loadBalancerArn: LB_ARN, defaultActions: forward });
    const e = endpoints(gwlb, gl, geneve, orphan);
    expect([...e.keys()]).toEqual(["orphan"]);
    expect(valueOf(e.get("orphan")?.httpsOnly)).toBe("unknown:not-fetched");
  });
});

describe("Classic ELB (one endpoint per load balancer)", () => {
  const elb = (listeners: unknown) => engineResource(T.elb, "classic", { listeners, tags: restricted });
  const l = (lbProtocol: string, lbPort: number) => ({ instancePort: 80, instanceProtocol: "http", lbPort, lbProtocol });

  it.each<[string, unknown, unknown, unknown]>([
    ["HTTPS and SSL listeners", [l("https", 443), l("SSL", 8443)], true, "unknown:not-fetched"],
    ["an HTTP listener beside HTTPS", [l("https", 443), l("http", 80)], false, "unknown:not-fetched"],
    ["TCP only", [l("tcp", 5432)], false, undefined],
    ["listeners computed", UNKNOWN, "unknown:preview", "unknown:preview"],
    ["an odd protocol", [l(MARKER, 1)], false, undefined],
  ])("%s", (_name, listeners, https, tls) => {
    const e = endpoints(elb(listeners)).get("classic");
    expect([valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy)]).toEqual([https, tls]);
    expect(e?.tags).toEqual(restricted);
    expect(texts(e as DataEndpoint)).not.toContain(MARKER);
  });

  it("names the plain listeners", () => {
    expect(endpoints(elb([l("https", 443), l("http", 80)])).get("classic")?.httpsOnly.observed).toBe("plain listeners: http on port 80");
  });
});

describe("CloudFront distributions", () => {
  const s3Origin = { originId: "s3", domainName: "b.s3.amazonaws.com", originAccessControlId: UNKNOWN };
  const custom = (originProtocolPolicy: unknown) => ({
    originId: "api",
    domainName: "api.example.com",
    customOriginConfig: { httpPort: 80, httpsPort: 443, originProtocolPolicy, originSslProtocols: ["TLSv1.2"] },
  });
  const good = {
    defaultCacheBehavior: { targetOriginId: "s3", viewerProtocolPolicy: "redirect-to-https", allowedMethods: ["GET"], cachedMethods: ["GET"] },
    orderedCacheBehaviors: [{ pathPattern: "/api/*", targetOriginId: "api", viewerProtocolPolicy: "https-only", allowedMethods: ["GET"], cachedMethods: ["GET"] }],
    origins: [s3Origin, custom("https-only")],
    viewerCertificate: { acmCertificateArn: "arn:aws:acm:us-east-1:111122223333:certificate/x", minimumProtocolVersion: "TLSv1.2_2021", sslSupportMethod: "sni-only" },
    tags: restricted,
  };
  const withBehaviour = (viewerProtocolPolicy: unknown) => ({ orderedCacheBehaviors: [{ ...good.orderedCacheBehaviors[0], viewerProtocolPolicy }] });

  type Case = [string, Record<string, unknown>, { https: unknown; tls: unknown; origin: unknown }];
  const cases: Case[] = [
    ["compliant", {}, { https: true, tls: "TLSv1.2_2021", origin: true }],
    ["an ordered behaviour allows HTTP", withBehaviour("allow-all"), { https: false, tls: "TLSv1.2_2021", origin: true }],
    ["the default behaviour allows HTTP", { defaultCacheBehavior: { ...good.defaultCacheBehavior, viewerProtocolPolicy: "allow-all" } }, { https: false, tls: "TLSv1.2_2021", origin: true }],
    ["no ordered behaviours", { orderedCacheBehaviors: undefined }, { https: true, tls: "TLSv1.2_2021", origin: true }],
    ["viewer policy from an apply", withBehaviour(UNKNOWN), { https: "unknown:preview", tls: "TLSv1.2_2021", origin: true }],
    ["an odd viewer policy", withBehaviour(MARKER), { https: false, tls: "TLSv1.2_2021", origin: true }],
    ["the default certificate", { viewerCertificate: { cloudfrontDefaultCertificate: true, minimumProtocolVersion: "TLSv1.2_2021" } }, { https: true, tls: "TLSv1", origin: true }],
    ["no minimum protocol version", { viewerCertificate: { acmCertificateArn: "arn:x", sslSupportMethod: "sni-only" } }, { https: true, tls: "TLSv1", origin: true }],
    ["an old minimum protocol version", { viewerCertificate: { acmCertificateArn: "arn:x", minimumProtocolVersion: "TLSv1.1_2016" } }, { https: true, tls: "TLSv1.1_2016", origin: true }],
    ["minimum version from an apply", { viewerCertificate: { acmCertificateArn: "arn:x", minimumProtocolVersion: UNKNOWN } }, { https: true, tls: "unknown:preview", origin: true }],
    ["a custom origin over HTTP", { origins: [s3Origin, custom("http-only")] }, { https: true, tls: "TLSv1.2_2021", origin: false }],
    ["match-viewer with HTTPS-only viewers", { origins: [custom("match-viewer")] }, { https: true, tls: "TLSv1.2_2021", origin: true }],
    ["match-viewer with HTTP viewers", { ...withBehaviour("allow-all"), origins: [custom("match-viewer")] }, { https: false, tls: "TLSv1.2_2021", origin: false }],
    ["origin policy from an apply", { origins: [custom(UNKNOWN)] }, { https: true, tls: "TLSv1.2_2021", origin: "unknown:preview" }],
    ["origins computed", { origins: UNKNOWN }, { https: true, tls: "TLSv1.2_2021", origin: "unknown:preview" }],
    ["an odd origin policy", { origins: [custom(MARKER)] }, { https: true, tls: "TLSv1.2_2021", origin: false }],
  ];
  it.each(cases)("%s", (_name, over, want) => {
    const e = endpoints(engineResource(T.distribution, "cdn", { ...good, ...over })).get("cdn");
    expect([valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy), valueOf(e?.originHttpsOnly)]).toEqual([want.https, want.tls, want.origin]);
    expect(e).toMatchObject({ kind: "cloudfront-distribution", tags: restricted, ref: { id: urnOf(T.distribution, "cdn") } });
    expect(texts(e as DataEndpoint)).not.toContain(MARKER);
  });

  it("says the default certificate allows TLSv1, and which behaviour allows HTTP", () => {
    const e = endpoints(engineResource(T.distribution, "cdn", { ...good, ...withBehaviour("allow-all"), viewerCertificate: { cloudfrontDefaultCertificate: true } })).get("cdn");
    expect(e?.tlsPolicy.observed).toBe("cloudfrontDefaultCertificate=true (the default certificate accepts TLSv1)");
    expect(e?.httpsOnly.observed).toBe("ordered cache behaviour 0 has viewerProtocolPolicy=allow-all");
  });
});

describe("API Gateway stages", () => {
  const api = urnOf(T.restApi, "orders-api");
  /** New stack: restApi is the REST API's unknown id. */
  const stage = (name: string, stageName = name, tags: Record<string, string> = restricted) =>
    engineResource(T.stage, name, { restApi: UNKNOWN, stageName, deployment: UNKNOWN, tags }, { restApi: [api] });
  const settings = (name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
    engineResource(T.methodSettings, name, { restApi: UNKNOWN, methodPath: "*/*", ...props }, { restApi: [api], ...deps });
  const trace = (on: unknown) => ({ settings: { dataTraceEnabled: on, loggingLevel: "INFO", metricsEnabled: true } });

  it.each<[string, EngineResource[], unknown]>([
    ["no method settings: off by default", [], false],
    ["dataTraceEnabled on, stageName from the stage", [settings("ms", { stageName: UNKNOWN, ...trace(true) }, { stageName: [urnOf(T.stage, "prod")] })], true],
    ["dataTraceEnabled on, same API and literal stage name", [settings("ms", { stageName: "prod", ...trace(true) })], true],
    ["dataTraceEnabled off", [settings("ms", { stageName: "prod", ...trace(false) })], false],
    ["settings without dataTraceEnabled", [settings("ms", { stageName: "prod", settings: { metricsEnabled: true } })], false],
    ["dataTraceEnabled on for another stage", [settings("ms", { stageName: "dev", ...trace(true) })], false],
    ["dataTraceEnabled from an apply", [settings("ms", { stageName: "prod", ...trace(UNKNOWN) })], "unknown:preview"],
    ["settings computed", [settings("ms", { stageName: "prod", settings: UNKNOWN })], "unknown:preview"],
    ["stage name from an apply on another resource", [settings("ms", { stageName: UNKNOWN, ...trace(true) }, { stageName: [urnOf("pulumi:pulumi:StackReference", "ref")] })], "unknown:preview"],
  ])("%s (new stack)", (_name, extra, want) => {
    const s = stages(stage("prod"), ...extra).get("prod");
    expect(valueOf(s?.logsBodies)).toBe(want);
    expect(s).toMatchObject({ model: "api-stage", tags: restricted, ref: { id: urnOf(T.stage, "prod"), type: T.stage } });
  });

  it("joins by known REST API id and stage name in an existing stack, and says where", () => {
    const prod = engineResource(T.stage, "prod", { restApi: "a1b2c3", stageName: "prod", tags: restricted });
    const otherApi = engineResource(T.stage, "other", { restApi: "zzz999", stageName: "prod" });
    const ms = engineResource(T.methodSettings, "ms", { restApi: "a1b2c3", stageName: "prod", methodPath: "orders/GET", ...trace(true) });
    const s = stages(prod, otherApi, ms);
    expect(valueOf(s.get("prod")?.logsBodies)).toBe(true);
    expect(s.get("prod")?.logsBodies.observed).toBe("dataTraceEnabled=true in ms for 'orders/GET'");
    expect(valueOf(s.get("other")?.logsBodies)).toBe(false);
  });

  it("keeps stages of another REST API apart in a new stack", () => {
    const other = engineResource(T.stage, "other", { restApi: UNKNOWN, stageName: "prod" }, { restApi: [urnOf(T.restApi, "other-api")] });
    const ms = settings("ms", { stageName: "prod", ...trace(true) });
    expect(valueOf(stages(other, ms).get("other")?.logsBodies)).toBe(false);
  });
});
