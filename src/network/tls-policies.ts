/**
 * Which TLS security policies (load balancers) and minimum protocol versions (CloudFront) count as
 * current: they refuse every protocol older than TLS 1.2. Matched by pattern, so a policy AWS adds
 * later in the same families (a new date, a FIPS or post-quantum variant) counts without a release.
 */

/**
 * Elastic Load Balancing predefined policies (ALB HTTPS, NLB TLS and Classic ELB listeners), named
 * `ELBSecurityPolicy-<family>-<minimum TLS version>-...`:
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
 * https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html
 * Current: ELBSecurityPolicy-TLS13-1-2-2021-06 and every later TLS13 policy whose minimum is 1.2 or 1.3
 * (Res, Ext1, Ext2, FIPS, PQ variants), ELBSecurityPolicy-TLS-1-2-* and ELBSecurityPolicy-FS-1-2-*.
 * Not current: TLS13-1-0/1-1, FS-1-1, FS-2018-06, TLS-1-1-2017-01, 2016-08 (the API's default) and 2015-05.
 */
export const CURRENT_LOAD_BALANCER_TLS_POLICIES: readonly RegExp[] = [
  /^ELBSecurityPolicy-TLS13-1-[23]-/,
  /^ELBSecurityPolicy-TLS-1-2-/,
  /^ELBSecurityPolicy-FS-1-2-/,
];

/**
 * CloudFront viewer minimum protocol versions:
 * https://docs.aws.amazon.com/AmazonCloudFront/latest/DeveloperGuide/secure-connections-supported-viewer-protocols-ciphers.html
 * Current: TLSv1.2_2018, TLSv1.2_2019, TLSv1.2_2021 and later TLSv1.2_* / TLSv1.3_*.
 * Not current: SSLv3, TLSv1, TLSv1_2016, TLSv1.1_2016 (and TLSv1, which the default certificate always allows).
 */
export const CURRENT_CLOUDFRONT_MINIMUM_PROTOCOLS: readonly RegExp[] = [/^TLSv1\.[23]_\d{4}$/];

/** The ELB policy AWS applies to an HTTPS or TLS listener created through the API without one. */
export const LOAD_BALANCER_API_DEFAULT_TLS_POLICY = "ELBSecurityPolicy-2016-08";

/** The minimum protocol version CloudFront applies with its default certificate or when none is set. */
export const CLOUDFRONT_DEFAULT_MINIMUM_PROTOCOL = "TLSv1";

/** True when `name` is a load balancer TLS policy or a CloudFront minimum protocol version refusing TLS < 1.2. */
export function isCurrentTlsPolicy(name: string): boolean {
  return [...CURRENT_LOAD_BALANCER_TLS_POLICIES, ...CURRENT_CLOUDFRONT_MINIMUM_PROTOCOLS].some((p) => p.test(name));
}
