import { classify } from "../../core/classification";
import { describe } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import type { DataEndpoint } from "../../models/hygiene";
import { isCurrentTlsPolicy } from "../../network/tls-policies";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { classificationGate } from "../network/network-facts";
import { isTrue, judgeChecks, type AnyCheck } from "./transit-facts";

export const dataEndpointsServeOnlyCurrentTls = defineRule({
  id: "CDG-HYG-004",
  slug: "data-endpoints-serve-only-current-tls",
  title: "Load balancers and CloudFront distributions serving customer data use HTTPS with a current TLS policy",
  pillar: "hygiene",
  severity: "high",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity, CONTROLS.ccpaSecurityDuty],
    "pci-dss-4.0": [CONTROLS.pciStrongCryptoInTransit],
    hipaa: [CONTROLS.hipaaTransmissionSecurity, CONTROLS.hipaaEncryptionInTransit],
  },
  rationale:
    "Seed practice: encrypt in transmission. Load balancer listeners and CloudFront distributions are where " +
    "customers' browsers and apps send personal data. A plain HTTP listener (other than one that only " +
    "redirects to HTTPS), a viewer protocol policy of `allow-all`, a TLS policy still accepting TLS 1.0/1.1 " +
    "(`ELBSecurityPolicy-2016-08`, the API's default; CloudFront's default certificate, `TLSv1_2016`) or an " +
    "origin reached over HTTP exposes that data to interception or downgrade. An auditor asks which endpoints " +
    "serve personal data and evidence that each accepts only TLS 1.2 or newer. An endpoint serves customer " +
    "data when its load balancer's or distribution's classification tag says so (untagged: customer data by " +
    "default). Restricted data: the same (HTTPS only, TLS 1.2 or newer, origins over HTTPS); TLS 1.2 is " +
    "already the floor AWS's current policies offer for both levels.",
  remediation:
    "ALB: `new aws.lb.Listener(\"https\", { protocol: \"HTTPS\", port: 443, sslPolicy: \"ELBSecurityPolicy-TLS13-1-2-2021-06\", ... })` " +
    "and make port 80 a `redirect` to HTTPS; CloudFront: `viewerProtocolPolicy: \"redirect-to-https\"` on every cache " +
    "behaviour, a custom certificate with `minimumProtocolVersion: \"TLSv1.2_2021\"`, and `originProtocolPolicy: \"https-only\"` " +
    "on custom origins.",
  links: [
    "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html",
    "https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/using-https-cloudfront-to-custom-origin.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    const endpoints = inventory.hygiene?.endpoints ?? [];
    return endpoints.map((e) => classificationGate(e.ref, describe(e.ref), classify(e.tags, config), config) ?? judge(e));
  },
});

function judge(e: DataEndpoint): Outcome {
  const checks: AnyCheck[] = [
    { setting: e.httpsOnly, name: "whether it serves clients over TLS only", required: "HTTPS/TLS only, or a redirect to HTTPS", ok: isTrue },
    {
      setting: e.tlsPolicy,
      name: "its TLS policy",
      required: "a current policy refusing TLS older than 1.2",
      // No policy: nothing is served over TLS here (a redirect-only listener), or httpsOnly already fails.
      ok: (policy: string | undefined) => policy === undefined || isCurrentTlsPolicy(policy),
    },
  ];
  if (e.originHttpsOnly) checks.push({ setting: e.originHttpsOnly, name: "whether it reaches its origins over TLS", required: "origins over HTTPS only", ok: isTrue });
  return judgeChecks(e.ref, checks, { pass: "serves customer data only over current TLS", fail: "does not serve customer data only over current TLS" });
}
