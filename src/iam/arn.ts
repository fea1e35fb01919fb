import { isUnknown, type Unknown, type Val } from "../core/value";
import type { ActionInfo, ArnTemplate } from "./actions";
import { globCovers, globMatches, hasWildcard } from "./wildcard";

/** The six colon-separated parts of an ARN; `resource` keeps any further colons. */
export interface ArnParts {
  readonly partition: string;
  readonly service: string;
  readonly region: string;
  readonly account: string;
  readonly resource: string;
}

const parsedArns = new Map<string, ArnParts | undefined>();
const PARSED_ARN_LIMIT = 10_000;

/** Splits an ARN into its parts; undefined when it has fewer than six. Results are shared and frozen. */
export function parseArn(text: string): ArnParts | undefined {
  let parts = parsedArns.get(text);
  if (parts === undefined && !parsedArns.has(text)) {
    parts = splitArn(text);
    if (parsedArns.size >= PARSED_ARN_LIMIT) parsedArns.clear();
    parsedArns.set(text, parts);
  }
  return parts;
}

function splitArn(text: string): ArnParts | undefined {
  const parts = text.split(":");
  if (parts.length < 6 || parts[0] !== "arn") return undefined;
  const [, partition = "", service = "", region = "", account = ""] = parts;
  return Object.freeze({ partition, service, region, account, resource: parts.slice(5).join(":") });
}

const PREFIX_PARTS = ["partition", "service", "region", "account"] as const;

/**
 * Whether a Resource pattern (`*`, `?` wildcards) matches an ARN. Partition, service, region and
 * account compare case-insensitively; the resource part is case-sensitive, as AWS matches it.
 * Unknown in, Unknown out.
 */
export function resourceMatches(resourcePattern: Val<string>, arn: Val<string>): Val<boolean> {
  if (isUnknown(resourcePattern)) return resourcePattern;
  if (isUnknown(arn)) return arn;
  if (resourcePattern === "*") return true;
  const p = parseArn(resourcePattern);
  const a = parseArn(arn);
  // A pattern with fewer than six parts (e.g. `arn:aws:s3:*`) lets its wildcards run across colons.
  if (p === undefined || a === undefined) return globMatches(resourcePattern, arn, false);
  return (
    PREFIX_PARTS.every((k) => globMatches(p[k], a[k], true)) && globMatches(p.resource, a.resource, false)
  );
}

/**
 * Whether a Resource pattern may match an ARN of `service` whose other parts are not known: false
 * only when the pattern's service part rules the service out.
 */
export function mayMatchServiceArn(resourcePattern: string, service: string): boolean {
  const [head = "", , patternService] = resourcePattern.split(":");
  // `*`, `arn:*`: a pattern of fewer parts lets its wildcards run across the colons.
  if (patternService === undefined) return hasWildcard(resourcePattern);
  return globMatches(head, "arn", true) && globMatches(patternService, service, true);
}

/** Whether every ARN matched by `inner` is also matched by `outer` (sound, may miss some inclusions). */
export function resourceCovers(outer: string, inner: string): boolean {
  if (outer === "*") return true;
  if (inner === "*") return false;
  const o = parseArn(outer);
  const i = parseArn(inner);
  if (o === undefined || i === undefined) return globCovers(outer, inner, false);
  return PREFIX_PARTS.every((k) => globCovers(o[k], i[k], true)) && globCovers(o.resource, i.resource, false);
}

/**
 * Whether a Resource pattern reaches every resource of some type the action accepts, e.g. `*`,
 * `arn:aws:s3:::*` or `arn:aws:dynamodb:*:*:table/*`. Region and account are ignored: all tables
 * of one account are still all tables.
 */
export function isUnscopedFor(resourcePattern: string, action: ActionInfo): boolean {
  if (resourcePattern === "*") return true;
  return action.resourceArns.some((t) => reachesAllOfTemplate(resourcePattern, t));
}

/** For isUnscopedFor: whether a pattern other than `*` reaches every resource of one ARN format. */
export function reachesAllOfTemplate(resourcePattern: string, t: ArnTemplate): boolean {
  const p = parseArn(resourcePattern);
  if (p === undefined) {
    // Short patterns such as `arn:*` or `arn:aws:s3:*`: compare with the whole template ARN.
    const written = resourcePattern.split(":")[1];
    const partition = written === undefined || written.includes("*") || written.includes("?") ? "aws" : written;
    return globCovers(resourcePattern, `arn:${partition}:${t.service}:*:*:${t.resource}`, false);
  }
  return globMatches(p.service, t.service, true) && globCovers(p.resource, t.resource, false);
}

/**
 * Whether a Resource pattern reaches every resource of one kind, account and region aside:
 * `arn:aws:iam::123456789012:role/*` reaches every `role/*` of iam.
 */
export function reachesAllOf(resourcePattern: string, service: string, resource: string): boolean {
  if (resourcePattern === "*") return true;
  const p = parseArn(resourcePattern);
  if (p === undefined) return globCovers(resourcePattern, `arn:aws:${service}:*:*:${resource}`, false);
  return globMatches(p.service, service, true) && globCovers(p.resource, resource, false);
}

/** Every Unknown among the values. */
export function unknownsOf(values: readonly Val<string>[]): Unknown[] {
  return values.filter((v): v is Unknown => isUnknown(v));
}
