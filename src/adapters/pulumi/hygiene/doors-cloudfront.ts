import { boundValue } from "../../../core/bounded-text";
import { isUnknown, type Val } from "../../../core/value";
import type { DataEndpoint, Setting } from "../../../models/hygiene";
import { CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL } from "../../../network/tls-policies";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { enumText } from "./doors-props";

export const DISTRIBUTION_TYPE = "aws:cloudfront/distribution:Distribution";

const HTTPS_VIEWER_POLICIES = new Set(["redirect-to-https", "https-only"]);

/**
 * A distribution: viewers over HTTPS only when every cache behaviour redirects to or requires
 * HTTPS; the viewer certificate's minimum protocol version; custom origins over HTTPS only.
 */
export function distributionEndpoint(p: Props): DataEndpoint {
  const httpsOnly = viewersOverHttps(p);
  return {
    model: "data-endpoint",
    ref: refOf(p, "CloudFront distribution"),
    kind: "cloudfront-distribution",
    tags: p.tags(),
    httpsOnly,
    tlsPolicy: minimumProtocol(p),
    originHttpsOnly: originsOverHttps(p, httpsOnly.value),
  };
}

function viewersOverHttps(p: Props): Setting<boolean> {
  const paths = ["defaultCacheBehavior"];
  const n = p.count("orderedCacheBehaviors");
  if (isUnknown(n)) return { value: n, observed: "orderedCacheBehaviors unknown" };
  for (let i = 0; i < n; i++) paths.push(p.itemPath("orderedCacheBehaviors", i));
  let pending: Val<boolean> = true;
  for (const path of paths) {
    const block = p.obj(path);
    const policy = isUnknown(block) || block === undefined ? block : p.str(`${p.itemPath(path, 0)}.viewerProtocolPolicy`);
    if (isUnknown(policy)) pending = policy;
    else if (policy === undefined || !HTTPS_VIEWER_POLICIES.has(policy)) {
      const what = path === "defaultCacheBehavior" ? "the default cache behaviour" : `ordered cache behaviour ${path.split(".").pop() ?? ""}`;
      return { value: false, observed: `${what} has viewerProtocolPolicy=${policy === undefined ? "unset" : enumText(policy, ["allow-all"])}` };
    }
  }
  return { value: pending, observed: pending === true ? "every cache behaviour redirects to or requires HTTPS" : "a cache behaviour's viewerProtocolPolicy unknown" };
}

/** The default *.cloudfront.net certificate accepts TLSv1 whatever minimumProtocolVersion says. */
function minimumProtocol(p: Props): Setting<string | undefined> {
  const block = p.obj("viewerCertificate");
  if (isUnknown(block)) return { value: block, observed: "viewerCertificate unknown" };
  const path = p.itemPath("viewerCertificate", 0);
  const defaultCertificate = block === undefined ? true : p.bool(`${path}.cloudfrontDefaultCertificate`);
  if (isUnknown(defaultCertificate)) return { value: defaultCertificate, observed: "cloudfrontDefaultCertificate unknown" };
  if (defaultCertificate === true) {
    return { value: CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL, observed: "cloudfrontDefaultCertificate=true (the default certificate accepts TLSv1)" };
  }
  const version = p.str(`${path}.minimumProtocolVersion`);
  if (isUnknown(version)) return { value: version, observed: "minimumProtocolVersion unknown" };
  if (version === undefined || version === "") {
    return { value: CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL, observed: `minimumProtocolVersion not set (default ${CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL})` };
  }
  return { value: version, observed: `minimumProtocolVersion=${boundValue(version, 40)}` };
}

/**
 * Every custom origin uses https-only; match-viewer counts when viewers are HTTPS-only. S3 origins
 * are reached over HTTPS; VPC origins set their protocol on aws:cloudfront/vpcOrigin (not read).
 */
function originsOverHttps(p: Props, viewersHttps: Val<boolean>): Setting<boolean> {
  const n = p.count("origins");
  if (isUnknown(n)) return { value: n, observed: "origins unknown" };
  let pending: Val<boolean> = true;
  for (let i = 0; i < n; i++) {
    const path = p.itemPath("origins", i);
    const custom = p.obj(`${path}.customOriginConfig`);
    if (custom === undefined) continue;
    const policy = isUnknown(custom) ? custom : p.str(`${p.itemPath(`${path}.customOriginConfig`, 0)}.originProtocolPolicy`);
    if (isUnknown(policy)) pending = policy;
    else if (policy === "match-viewer" && viewersHttps !== false) {
      if (isUnknown(viewersHttps)) pending = viewersHttps;
    } else if (policy !== "https-only") {
      const why = policy === "match-viewer" ? "match-viewer while viewers may use HTTP" : policy === undefined ? "unset" : enumText(policy, ["http-only"]);
      return { value: false, observed: `custom origin ${i + 1} has originProtocolPolicy=${why}` };
    }
  }
  return { value: pending, observed: pending === true ? "every custom origin is reached over HTTPS" : "an origin's protocol policy unknown" };
}
