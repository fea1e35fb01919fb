import { describe, expect, it } from "vitest";
import { adaptApiGateway } from "../../../src/adapters/aws/doors/api-stages";
import { adaptCloudFront } from "../../../src/adapters/aws/doors/cloudfront";
import { adaptElbv2 } from "../../../src/adapters/aws/doors/listeners";
import { isUnknown } from "../../../src/core/value";
import { apigatewayFetcher } from "../../../src/fetchers/aws/apigateway";
import { cloudfrontFetcher } from "../../../src/fetchers/aws/cloudfront";
import { elbv2Fetcher } from "../../../src/fetchers/aws/elbv2";
import type { Setting } from "../../../src/models/hygiene";
import { DOORS_HYGIENE_SOURCES } from "../../../src/scanner/sources/doors-hygiene";
import { everyKeyCustomerManaged } from "../../adapters/aws/fixtures";
import { MOTO_ACCOUNT, scanContext } from "../../support/aws-context";
import { recordActions } from "../../support/data-plane";
import { useMoto } from "../../support/moto/use-moto";
import { DOORS_HYGIENE_SEED as SEED, seedHygieneDoors } from "../../scanner/seed-hygiene-doors";

const REGION = "us-east-1";
const ctx = everyKeyCustomerManaged(MOTO_ACCOUNT);
const restricted = { "data-classification": "restricted" };
const confidential = { "data-classification": "confidential" };

const valueOf = <T>(s: Setting<T> | undefined): unknown => (s === undefined ? "missing" : isUnknown(s.value) ? `unknown:${s.value.reason}` : s.value);

describe("doors hygiene against moto (seeded by seedHygieneDoors)", () => {
  const moto = useMoto();
  let seeded: Promise<void> | undefined;
  const seed = () => (seeded ??= seedHygieneDoors(moto().endpoint, REGION));
  const scan = () => scanContext(moto().endpoint, REGION).ctx;

  it("reads every ELBv2 listener with its load balancer's tags", async () => {
    await seed();
    const c = adaptElbv2(await elbv2Fetcher.fetch(scan()), ctx);
    const byName = new Map((c.hygiene?.endpoints ?? []).map((e) => [e.ref.name, e]));
    const row = (name: string) => {
      const e = byName.get(name);
      return [valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy), e?.tags];
    };
    expect(row(`${SEED.okLoadBalancer}:443`)).toEqual([true, "ELBSecurityPolicy-TLS13-1-2-2021-06", restricted]);
    expect(row(`${SEED.okLoadBalancer}:80`)).toEqual([true, undefined, restricted]);
    expect(row(`${SEED.badLoadBalancer}:80`)).toEqual([false, undefined, confidential]);
    expect(row(`${SEED.badLoadBalancer}:443`)).toEqual([true, "ELBSecurityPolicy-2016-08", confidential]);
    expect(row(`${SEED.badLoadBalancer}:8080`)).toEqual([false, undefined, confidential]);
    expect(byName.get(`${SEED.badLoadBalancer}:8080`)?.httpsOnly.observed).toBe("Protocol=HTTP, listener rule 10, action 1 is forward, not a redirect to HTTPS");
    const ok443 = byName.get(`${SEED.okLoadBalancer}:443`);
    expect(ok443?.ref).toMatchObject({ type: "AWS::ElasticLoadBalancingV2::Listener", account: MOTO_ACCOUNT, region: REGION });
    expect(ok443?.ref.id).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:123456789012:listener\/app\/hyg-ok-alb\//);
    expect(byName.get(`${SEED.okLoadBalancer}:80`)?.httpsOnly.observed).toBe("Protocol=HTTP, every default action and the actions of 1 rule(s) redirect to HTTPS");
    expect(c.tags).toContainEqual([ok443?.ref.id, restricted]);
  });

  it("reads every CloudFront distribution once per account", async () => {
    await seed();
    const raw = await cloudfrontFetcher.fetch(scan());
    const c = adaptCloudFront(raw, ctx);
    const byComment = new Map(raw.distributions.ok ? raw.distributions.value.map((d) => [d.distribution.Comment, d.distribution.ARN]) : []);
    const endpoint = (name: string) => c.hygiene?.endpoints?.find((e) => e.ref.id === byComment.get(name));
    const row = (name: string) => {
      const e = endpoint(name);
      return [valueOf(e?.httpsOnly), valueOf(e?.tlsPolicy), valueOf(e?.originHttpsOnly), e?.tags];
    };
    expect(row(SEED.okDistribution)).toEqual([true, "TLSv1.2_2021", true, restricted]);
    expect(row(SEED.badDistribution)).toEqual([false, "TLSv1", false, confidential]);
    expect(endpoint(SEED.badDistribution)?.tlsPolicy.observed).toBe("CloudFrontDefaultCertificate=true (the default certificate accepts TLSv1)");
    expect(endpoint(SEED.okDistribution)?.ref).toMatchObject({ type: "AWS::CloudFront::Distribution", region: "global", account: MOTO_ACCOUNT });
    expect(cloudfrontFetcher.scope).toBe("account");
  });

  it("reads every REST API stage's method settings and tags", async () => {
    await seed();
    const c = adaptApiGateway(await apigatewayFetcher.fetch(scan()), ctx);
    const byName = new Map((c.hygiene?.apiStages ?? []).map((s) => [s.ref.name, s]));
    expect([valueOf(byName.get(`${SEED.okApi}/prod`)?.logsBodies), byName.get(`${SEED.okApi}/prod`)?.tags]).toEqual([false, restricted]);
    expect([valueOf(byName.get(`${SEED.badApi}/prod`)?.logsBodies), byName.get(`${SEED.badApi}/prod`)?.tags]).toEqual([true, confidential]);
    expect(byName.get(`${SEED.badApi}/prod`)?.logsBodies.observed).toBe("dataTraceEnabled=true for '*/*'");
    expect(byName.get(`${SEED.okApi}/prod`)?.ref.id).toMatch(/^arn:aws:apigateway:us-east-1::\/restapis\/\w+\/stages\/prod$/);
  });

  it("calls only the actions its sources declare", async () => {
    await seed();
    for (const source of DOORS_HYGIENE_SOURCES) {
      const context = scan();
      const called = recordActions(context as never);
      await source.fetcher.fetch(context);
      expect(called.length).toBeGreaterThan(0);
      for (const action of called) expect(source.fetcher.actions).toContain(action);
      expect(source.feeds).toEqual(["hygiene"]);
    }
  });
});

describe("doors hygiene adapters on failed and edge answers", () => {
  const denied = (action: string) =>
    ({ ok: false, failure: { reason: "access-denied", service: action.split(":")[0], action, region: REGION, detail: "AccessDenied: not authorized" } }) as const;
  const ok = <T>(value: T) => ({ ok: true, value }) as const;
  const LB = `arn:aws:elasticloadbalancing:${REGION}:${MOTO_ACCOUNT}:loadbalancer/app/shop/1`;

  it("a load balancer listing that fails is a coverage gap", () => {
    const c = adaptElbv2({ region: REGION, loadBalancers: denied("elasticloadbalancing:DescribeLoadBalancers") as never }, ctx);
    expect(c.gaps).toEqual([expect.objectContaining({ action: "elasticloadbalancing:DescribeLoadBalancers", reason: "access-denied", what: "Elastic Load Balancing load balancers" })]);
    expect(c.hygiene).toBeUndefined();
  });

  it("denied listeners leave the load balancer not assessed; denied tags leave its listeners' tags unknown; GENEVE is skipped", () => {
    const c = adaptElbv2(
      {
        region: REGION,
        loadBalancers: ok([
          { loadBalancer: { LoadBalancerArn: LB, LoadBalancerName: "shop", Type: "application" }, listeners: denied("elasticloadbalancing:DescribeListeners"), tags: ok(restricted) },
          {
            loadBalancer: { LoadBalancerArn: `${LB}2`, LoadBalancerName: "net", Type: "network" },
            listeners: ok([{ ListenerArn: `${LB}2/l1`, Protocol: "TCP", Port: 5432 }, { ListenerArn: `${LB}2/l2`, Protocol: "TLS", Port: 443, SslPolicy: "ELBSecurityPolicy-TLS13-1-2-2021-06" }]),
            tags: denied("elasticloadbalancing:DescribeTags"),
          },
          { loadBalancer: { LoadBalancerArn: `${LB}3`, LoadBalancerName: "gw", Type: "gateway" }, listeners: ok([{ ListenerArn: `${LB}3/l`, Protocol: "GENEVE", Port: 6081 }]), tags: ok({}) },
        ]) as never,
      },
      ctx,
    );
    const byName = new Map((c.hygiene?.endpoints ?? []).map((e) => [e.ref.name, e]));
    expect([...byName.keys()]).toEqual(["shop", "net:5432", "net:443"]);
    expect([valueOf(byName.get("shop")?.httpsOnly), byName.get("shop")?.tags]).toEqual(["unknown:access-denied", restricted]);
    expect([valueOf(byName.get("net:5432")?.httpsOnly), valueOf(byName.get("net:443")?.tlsPolicy)]).toEqual([false, "ELBSecurityPolicy-TLS13-1-2-2021-06"]);
    expect(isUnknown(byName.get("net:443")?.tags)).toBe(true);
  });

  it("an HTTP listener redirecting to the same protocol is plain", () => {
    const listener = { ListenerArn: `${LB}/l`, Protocol: "HTTP", Port: 80, DefaultActions: [{ Type: "redirect", RedirectConfig: { Protocol: "#{protocol}", StatusCode: "HTTP_301" } }] };
    const c = adaptElbv2({ region: REGION, loadBalancers: ok([{ loadBalancer: { LoadBalancerArn: LB, LoadBalancerName: "shop" }, listeners: ok([listener]), tags: ok({}) }]) as never }, ctx);
    expect(c.hygiene?.endpoints?.[0]?.httpsOnly).toEqual({ value: false, observed: "Protocol=HTTP, default action 1 redirects to the same protocol (HTTP)" });
  });

  it("an HTTP listener redirecting by default is not assessed when its rules could not be read", () => {
    const toHttps = [{ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", StatusCode: "HTTP_301" } }];
    const listeners = [
      { ListenerArn: `${LB}/denied`, Protocol: "HTTP", Port: 80, DefaultActions: toHttps },
      { ListenerArn: `${LB}/only-default`, Protocol: "HTTP", Port: 81, DefaultActions: toHttps },
    ];
    const rules = { [`${LB}/denied`]: denied("elasticloadbalancing:DescribeRules"), [`${LB}/only-default`]: ok([{ IsDefault: true, Actions: [{ Type: "forward" }] }]) };
    const c = adaptElbv2({ region: REGION, loadBalancers: ok([{ loadBalancer: { LoadBalancerArn: LB, LoadBalancerName: "shop" }, listeners: ok(listeners), tags: ok({}), rules }]) as never }, ctx);
    const byName = new Map((c.hygiene?.endpoints ?? []).map((e) => [e.ref.name, e]));
    expect(valueOf(byName.get("shop:80")?.httpsOnly)).toBe("unknown:access-denied");
    // The default rule is the default actions, already judged.
    expect(valueOf(byName.get("shop:81")?.httpsOnly)).toBe(true);
  });

  it("CloudFront: a failed listing is a gap, denied tags are unknown, match-viewer follows the viewers", () => {
    expect(adaptCloudFront({ region: REGION, distributions: denied("cloudfront:ListDistributions") as never }, ctx).gaps).toHaveLength(1);
    const summary = (viewer: string) => ({
      Id: `E${viewer.length}`,
      ARN: `arn:aws:cloudfront::${MOTO_ACCOUNT}:distribution/E${viewer.length}`,
      DefaultCacheBehavior: { ViewerProtocolPolicy: "https-only" },
      CacheBehaviors: { Quantity: 1, Items: [{ PathPattern: "/api/*", ViewerProtocolPolicy: viewer }] },
      Origins: { Quantity: 2, Items: [{ Id: "s3", DomainName: "b.s3.amazonaws.com", S3OriginConfig: {} }, { Id: "app", DomainName: "app", CustomOriginConfig: { OriginProtocolPolicy: "match-viewer" } }] },
      ViewerCertificate: { CloudFrontDefaultCertificate: false, MinimumProtocolVersion: "TLSv1.2_2019" },
    });
    const c = adaptCloudFront({ region: REGION, distributions: ok([{ distribution: summary("redirect-to-https"), tags: denied("cloudfront:ListTagsForResource") }, { distribution: summary("allow-all"), tags: ok({}) }]) as never }, ctx);
    const [https, open] = c.hygiene?.endpoints ?? [];
    expect([valueOf(https?.httpsOnly), valueOf(https?.originHttpsOnly), valueOf(https?.tlsPolicy), isUnknown(https?.tags)]).toEqual([true, true, "TLSv1.2_2019", true]);
    expect([valueOf(open?.httpsOnly), valueOf(open?.originHttpsOnly)]).toEqual([false, false]);
    expect(open?.httpsOnly.observed).toBe("the cache behaviour for '/api/*' has ViewerProtocolPolicy=allow-all");
  });

  it("API Gateway: a failed listing is a gap; denied stages leave the REST API not assessed; a per-method trace counts", () => {
    expect(adaptApiGateway({ region: REGION, restApis: denied("apigateway:GET") as never }, ctx).gaps).toEqual([expect.objectContaining({ what: "API Gateway REST APIs" })]);
    const c = adaptApiGateway(
      {
        region: REGION,
        restApis: ok([
          { api: { id: "a1", name: "orders", tags: restricted }, stages: denied("apigateway:GET") },
          { api: { id: "b2", name: "users" }, stages: ok([{ stageName: "v1", tags: confidential, methodSettings: { "*/*": { dataTraceEnabled: false }, "users/GET": { dataTraceEnabled: true } } }]) },
        ]) as never,
      },
      ctx,
    );
    const byName = new Map((c.hygiene?.apiStages ?? []).map((s) => [s.ref.name, s]));
    expect([valueOf(byName.get("orders")?.logsBodies), byName.get("orders")?.tags]).toEqual(["unknown:access-denied", restricted]);
    expect([valueOf(byName.get("users/v1")?.logsBodies), byName.get("users/v1")?.logsBodies.observed]).toEqual([true, "dataTraceEnabled=true for 'users/GET'"]);
  });
});
