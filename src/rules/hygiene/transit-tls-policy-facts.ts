import { unknown, type Val } from "../../core/value";

/** TLS versions a rule may require as a floor, oldest first. */
export const TLS_VERSIONS = ["1.0", "1.1", "1.2", "1.3"] as const;
export type TlsVersion = (typeof TLS_VERSIONS)[number];

/** SSL 3.0 and older sort below every TLS version. */
const SSL = -1;

/**
 * The oldest protocol a named TLS policy accepts, as an index into TLS_VERSIONS (SSL: -1), or
 * undefined when the name is not one AWS publishes in a form recognized here. Names read:
 * ELB/ALB/NLB `ELBSecurityPolicy-TLS13-1-2-2021-06`, `ELBSecurityPolicy-TLS-1-2-2017-01`,
 * `ELBSecurityPolicy-FS-1-2-Res-2020-10`, dated `ELBSecurityPolicy-2016-08` (TLS 1.0); CloudFront
 * `TLSv1.2_2021`, `TLSv1_2016`, `SSLv3`; OpenSearch `Policy-Min-TLS-1-2-2019-07`; plain `TLSv1.2`, `TLS_1_2`, `1.2`.
 */
export function oldestAcceptedTls(policy: string): number | undefined {
  const p = policy.trim();
  const versioned =
    /^ELBSecurityPolicy-(?:TLS13-|TLS-|FS-)1-([0-3])(?:-|$)/i.exec(p) ??
    /^Policy-Min-TLS-1-([0-3])(?:-|$)/i.exec(p) ??
    /^TLSv1\.([0-3])(?:_\d{4})?$/i.exec(p) ??
    /^(?:TLS)?[_-]?v?1[._-]([0-3])$/i.exec(p);
  if (versioned) return Number(versioned[1]);
  if (/^ELBSecurityPolicy-(?:FS-)?\d{4}-\d{2}$/i.test(p)) return 0;
  if (/^TLSv1(?:_\d{4})?$/i.test(p)) return 0;
  if (/^SSLv3$/i.test(p)) return SSL;
  return undefined;
}

/**
 * Whether the policy accepts nothing older than `floor`: Unknown ("error") when the policy's name
 * is not recognized, so an unfamiliar policy is reported, never guessed.
 */
export function isCurrentTlsPolicy(policy: string, floor: TlsVersion = "1.2"): Val<boolean> {
  const oldest = oldestAcceptedTls(policy);
  if (oldest === undefined) return unknown("error", `TLS policy '${policy}' is not one this rule recognizes; check its oldest protocol by hand`);
  return oldest >= TLS_VERSIONS.indexOf(floor);
}

/** The option schema of a TLS floor. */
export const tlsFloorOption = (description: string, defaultVersion: TlsVersion = "1.2") =>
  ({ type: "string", enum: [...TLS_VERSIONS], default: defaultVersion, description }) as const;
