import { describe, expect, it } from "vitest";
import type { DataEndpoint } from "../../../src/models/hygiene";
import { dataEndpointsServeOnlyCurrentTls as rule } from "../../../src/rules/hygiene/data-endpoints-serve-only-current-tls";
import { run, statuses } from "../../helpers/models";
import { DENIED, hygiene, PREVIEW, setting } from "./transit-audit-fixtures";

const listener = (over: Partial<DataEndpoint> = {}): DataEndpoint => ({
  model: "data-endpoint",
  ref: { id: "urn:https", type: "aws:lb/listener:Listener", name: "https", label: "load balancer listener" },
  kind: "load-balancer-listener",
  tags: { "data-classification": "confidential" },
  httpsOnly: setting(true, "protocol=HTTPS"),
  tlsPolicy: setting<string | undefined>("ELBSecurityPolicy-TLS13-1-2-2021-06", "sslPolicy=ELBSecurityPolicy-TLS13-1-2-2021-06"),
  ...over,
});
const distribution = (over: Partial<DataEndpoint> = {}): DataEndpoint => ({
  model: "data-endpoint",
  ref: { id: "urn:cdn", type: "aws:cloudfront/distribution:Distribution", name: "cdn", label: "CloudFront distribution" },
  kind: "cloudfront-distribution",
  tags: { "data-classification": "confidential" },
  httpsOnly: setting(true, "every cache behaviour redirects to or requires HTTPS"),
  tlsPolicy: setting<string | undefined>("TLSv1.2_2021", "minimumProtocolVersion=TLSv1.2_2021"),
  originHttpsOnly: setting(true, "every custom origin is https-only"),
  ...over,
});

const judge = (...endpoints: DataEndpoint[]) => run(rule, { hygiene: hygiene("stack", {}, { endpoints }) });

describe("CDG-HYG-004 data-endpoints-serve-only-current-tls", () => {
  it.each<[string, DataEndpoint, string]>([
    ["compliant: HTTPS listener with a TLS 1.2+ policy", listener(), "pass"],
    ["compliant: HTTP listener that only redirects to HTTPS", listener({ httpsOnly: setting(true, "protocol=HTTP, every default action redirects to HTTPS"), tlsPolicy: setting<string | undefined>(undefined, "protocol=HTTP: no TLS") }), "pass"],
    ["compliant: NLB TLS listener with FS-1-2", listener({ tlsPolicy: setting<string | undefined>("ELBSecurityPolicy-FS-1-2-Res-2020-10", "sslPolicy=ELBSecurityPolicy-FS-1-2-Res-2020-10") }), "pass"],
    ["violation: plain HTTP listener", listener({ httpsOnly: setting(false, "protocol=HTTP, default action 1 is forward, not a redirect to HTTPS"), tlsPolicy: setting<string | undefined>(undefined, "protocol=HTTP: no TLS") }), "fail"],
    ["violation: HTTPS listener on the API default policy (TLS 1.0)", listener({ tlsPolicy: setting<string | undefined>("ELBSecurityPolicy-2016-08", "sslPolicy not set (AWS applies ELBSecurityPolicy-2016-08)") }), "fail"],
    ["violation: TLS13 policy still accepting TLS 1.0", listener({ tlsPolicy: setting<string | undefined>("ELBSecurityPolicy-TLS13-1-0-2021-06", "sslPolicy=ELBSecurityPolicy-TLS13-1-0-2021-06") }), "fail"],
    ["unknown: protocol computed in preview", listener({ httpsOnly: setting<boolean>(PREVIEW, "protocol unknown"), tlsPolicy: setting<string | undefined>(PREVIEW, "protocol unknown") }), "unknown"],
    ["unknown: the TLS policy is not readable", listener({ tlsPolicy: setting<string | undefined>(DENIED, "listener policies not read") }), "unknown"],
    ["compliant: distribution with HTTPS viewers, TLSv1.2_2021 and HTTPS origins", distribution(), "pass"],
    ["compliant: distribution without custom origins (originHttpsOnly not set)", distribution({ originHttpsOnly: undefined }), "pass"],
    ["violation: distribution allowing HTTP viewers", distribution({ httpsOnly: setting(false, "the default cache behaviour has viewerProtocolPolicy=allow-all") }), "fail"],
    ["violation: distribution on the default certificate (TLSv1)", distribution({ tlsPolicy: setting<string | undefined>("TLSv1", "cloudfrontDefaultCertificate=true (the default certificate accepts TLSv1)") }), "fail"],
    ["violation: distribution with TLSv1.1_2016", distribution({ tlsPolicy: setting<string | undefined>("TLSv1.1_2016", "minimumProtocolVersion=TLSv1.1_2016") }), "fail"],
    ["violation: distribution reaching an origin over HTTP", distribution({ originHttpsOnly: setting(false, "origin 'api' has originProtocolPolicy=http-only") }), "fail"],
    ["unknown: distribution's origins computed", distribution({ originHttpsOnly: setting<boolean>(PREVIEW, "origins unknown") }), "unknown"],
  ])("%s", (_name, endpoint, expected) => {
    expect(statuses(judge(endpoint))).toEqual([expected]);
  });

  it("names the endpoint, the observed setting and the requirement", () => {
    const [o] = judge(listener({ tlsPolicy: setting<string | undefined>("ELBSecurityPolicy-2016-08", "sslPolicy=ELBSecurityPolicy-2016-08") }));
    expect(o?.message).toBe(
      "load balancer listener 'https' does not serve customer data only over current TLS: sslPolicy=ELBSecurityPolicy-2016-08 (required: a current policy refusing TLS older than 1.2)",
    );
  });

  describe("classification: the endpoint's tags, like a store's", () => {
    const weak = { tlsPolicy: setting<string | undefined>("TLSv1_2016", "minimumProtocolVersion=TLSv1_2016") };
    it.each<[string, DataEndpoint["tags"], string]>([
      ["violation: restricted needs the same TLS 1.2 floor", { "data-classification": "restricted" }, "fail"],
      ["violation: confidential", { "data-classification": "confidential" }, "fail"],
      ["violation: untagged is customer data by default", {}, "fail"],
      ["compliant: public content is not judged", { "data-classification": "public" }, "not-applicable"],
      ["unknown: tags computed in preview", PREVIEW, "unknown"],
    ])("%s", (_name, tags, expected) => {
      expect(statuses(judge(distribution({ ...weak, tags })))).toEqual([expected]);
    });
  });

  it("judges nothing when no endpoint is declared or found", () => {
    expect(judge()).toEqual([]);
    expect(run(rule, {})).toEqual([]);
  });
});
