import picomatch from "picomatch";

/**
 * A waiver's resource pattern, matched against the whole id of a finding's resource: an ARN
 * (`arn:aws:s3:::legacy-import`) or a Pulumi URN (`urn:pulumi:dev::shop::aws:s3/bucket:Bucket::legacy-import`).
 *
 * Both `:` and `/` separate segments (they match each other), so:
 * - `*` matches any run of characters within one segment, the empty run included;
 * - `?` matches one character within a segment;
 * - `**` standing as a whole segment matches any number of segments, whatever separates them;
 * - `[abc]`, `[a-z]` and `{a,b}` as in a shell; `\` makes the next character plain;
 * - everything else matches itself, case-sensitively. `!` negation and `+(...)`-style groups are off
 *   (ARN names may hold `!`, `+` and parentheses).
 *
 * Matching is picomatch's, on the id and pattern with every `:` turned into `/`.
 */
export type ResourceMatcher = (resourceId: string) => boolean;

const OPTIONS: picomatch.PicomatchOptions = { dot: true, nonegate: true, noextglob: true, strictSlashes: true };

const asPath = (text: string): string => text.replaceAll(":", "/");

/** Compiles a resource pattern; throws on a pattern picomatch refuses (e.g. longer than 65536 characters). */
export function resourceMatcher(pattern: string): ResourceMatcher {
  const isMatch = picomatch(asPath(pattern), OPTIONS);
  return (resourceId) => isMatch(asPath(resourceId));
}
