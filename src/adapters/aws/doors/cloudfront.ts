import type { DistributionSummary } from "@aws-sdk/client-cloudfront";
import { boundValue } from "../../../core/bounded-text";
import type { Val } from "../../../core/value";
import type { CloudFrontAnswers, CloudFrontDistributionAnswer } from "../../../fetchers/aws/cloudfront";
import type { DataEndpoint, Setting } from "../../../models/hygiene";
import { CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL } from "../../../network/tls-policies";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf, readFetched } from "../fetched";
import { awsRef } from "../refs";

const HTTPS_VIEWER_POLICIES = new Set(["redirect-to-https", "https-only"]);

/** CloudFront distributions (global: region "global" in their reference, as AWS's ARN has none). */
export function adaptCloudFront(raw: CloudFrontAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.distributions.ok) return { gaps: [gapOf(raw.distributions.failure, "CloudFront distributions")] };
  const endpoints = raw.distributions.value.map((d) => distributionEndpoint(d, ctx));
  return { hygiene: { endpoints }, tags: endpoints.map((e) => [e.ref.id, e.tags] as const) };
}

function distributionEndpoint(a: CloudFrontDistributionAnswer, ctx: AdaptContext): DataEndpoint {
  const d = a.distribution;
  const id = d.Id ?? "";
  const arn = d.ARN ?? `arn:${ctx.partition}:cloudfront::${ctx.account}:distribution/${id}`;
  const httpsOnly = viewersOverHttps(d);
  return {
    model: "data-endpoint",
    ref: awsRef(arn, "AWS::CloudFront::Distribution", id, "CloudFront distribution", ctx.account, "global"),
    kind: "cloudfront-distribution",
    tags: readFetched(a.tags, (t) => t),
    httpsOnly,
    tlsPolicy: minimumProtocol(d),
    originHttpsOnly: originsOverHttps(d, httpsOnly.value),
  };
}

function viewersOverHttps(d: DistributionSummary): Setting<boolean> {
  const behaviours = [{ what: "the default cache behaviour", policy: d.DefaultCacheBehavior?.ViewerProtocolPolicy }];
  for (const b of d.CacheBehaviors?.Items ?? []) behaviours.push({ what: `the cache behaviour for '${boundValue(b.PathPattern ?? "", 80)}'`, policy: b.ViewerProtocolPolicy });
  const open = behaviours.find((b) => b.policy === undefined || !HTTPS_VIEWER_POLICIES.has(b.policy));
  return open
    ? { value: false, observed: `${open.what} has ViewerProtocolPolicy=${open.policy ?? "unset"}` }
    : { value: true, observed: "every cache behaviour redirects to or requires HTTPS" };
}

/** The default *.cloudfront.net certificate accepts TLSv1 whatever MinimumProtocolVersion says. */
function minimumProtocol(d: DistributionSummary): Setting<string | undefined> {
  const c = d.ViewerCertificate;
  if (c === undefined || c.CloudFrontDefaultCertificate === true) {
    return { value: CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL, observed: "CloudFrontDefaultCertificate=true (the default certificate accepts TLSv1)" };
  }
  const version = c.MinimumProtocolVersion ?? CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL;
  return { value: version, observed: `MinimumProtocolVersion=${version}` };
}

/** Every custom origin uses https-only (match-viewer when viewers are HTTPS-only); S3 origins use HTTPS; VPC origins are not read. */
function originsOverHttps(d: DistributionSummary, viewersHttps: Val<boolean>): Setting<boolean> {
  for (const [i, o] of (d.Origins?.Items ?? []).entries()) {
    const policy = o.CustomOriginConfig?.OriginProtocolPolicy;
    if (o.CustomOriginConfig === undefined || policy === "https-only" || (policy === "match-viewer" && viewersHttps === true)) continue;
    const why = policy === "match-viewer" ? "match-viewer while viewers may use HTTP" : (policy ?? "unset");
    return { value: false, observed: `custom origin ${i + 1} has OriginProtocolPolicy=${why}` };
  }
  return { value: true, observed: "every custom origin is reached over HTTPS" };
}
