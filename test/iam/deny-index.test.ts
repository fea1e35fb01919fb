import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { largePolicyDocument } from "../../bench/iam-documents";
import { isUnknown, unknown } from "../../src/core/value";
import { literalPrefix } from "../../src/iam/deny-index";
import { allowResources, collectGrants, denyCandidates, type Grant } from "../../src/iam/grants";
import { parsePolicy, resourceCovers, type PolicyDocument } from "../../src/iam";
import { denyOnAllow, prepareDeny, type CoverageResult } from "../../src/iam/shadow";

// The Deny index only skips (Allow, Deny) pairs that cannot affect any action, and applies the rest
// without asking every Deny about every action. Checked here against the plain definition: every
// Deny of the document asked about every action of every grant.

type Status = "shadowed" | "doubtful" | "granted";

/** Per action key of the grant: what asking every Deny in turn says. */
function naive(document: PolicyDocument, grant: Grant, keys: readonly string[]): Map<string, { status: Status; scoped: "yes" | "open" | "no" }> {
  const resources = allowResources(grant.statement);
  const pairs = denyCandidates(document).flatMap((d, i) => {
    const p = prepareDeny(d);
    const on = p === undefined ? undefined : denyOnAllow(p, i, resources);
    return on === undefined ? [] : [on];
  });
  const pick = (listed: boolean, ifListed: CoverageResult, otherwise: CoverageResult): CoverageResult => (listed ? ifListed : otherwise);
  const out = new Map<string, { status: Status; scoped: "yes" | "open" | "no" }>();
  for (const key of keys) {
    const coverages = pairs.map((p) => pick(p.listed.has(key), p.coverageIfListed, p.coverageOtherwise).coverage);
    const status: Status = coverages.includes("yes") ? "shadowed" : coverages.includes("maybe") ? "doubtful" : "granted";
    const scopes = pairs.map((p) => pick(p.listed.has(key), p.scopesIfListed, p.scopesOtherwise).coverage);
    const scoped = scopes.includes("yes") ? "yes" : scopes.includes("maybe") ? "open" : "no";
    out.set(key, { status, scoped });
  }
  return out;
}

const BRAND_UNKNOWN = unknown("preview", "masked");

/** At most `n` items, spread over the list (NotAction grants hold thousands of actions). */
function spread<T>(items: readonly T[], n = 60): T[] {
  if (items.length <= n) return [...items];
  return Array.from({ length: n }, (_, i) => items[Math.floor((i * items.length) / n)] as T);
}

/** Replaces a few values with Unknowns (statements, effects, actions, resources, conditions). */
function masked(document: { Statement: Record<string, unknown>[] }, picks: readonly number[]): unknown {
  const statements = document.Statement.map((s) => ({ ...s }));
  picks.forEach((pick, i) => {
    const s = statements[pick % statements.length];
    if (s === undefined) return;
    const field = ["Effect", "Action", "Resource", "Condition", "NotAction"][i % 5] as string;
    if (field in s) s[field] = BRAND_UNKNOWN;
    else if (field === "Resource" && Array.isArray(s.Resource)) s.Resource = [...(s.Resource as unknown[]), BRAND_UNKNOWN];
  });
  return { Version: "2012-10-17", Statement: statements };
}

const EXTRA = [
  { Effect: "Deny", Action: "*", Resource: "*", Condition: { StringNotEquals: { "aws:PrincipalOrgID": "o-1" } } },
  { Effect: "Deny", NotAction: ["iam:*", "s3:Get*"], Resource: "*" },
  { Effect: "Deny", NotAction: "s3:*", Resource: "arn:aws:s3:::bucket-1/*", Condition: { StringNotEqualsIfExists: { "aws:SourceVpce": "v" } } },
  { Effect: "Deny", Action: ["s3:*", "kms:Decrypt"], Resource: ["arn:aws:s3:::bucket-1/*", "arn:aws:s3:::*"] },
  { Effect: "Deny", Action: "dynamodb:*", NotResource: "arn:aws:dynamodb:us-east-1:111122223333:table/table-1" },
  { Effect: "Deny", Action: "S3:getobject", Resource: "arn:AWS:S3:::bucket-2/*" },
  { Effect: "Allow", Action: ["s3:GetObject", "s3:PutObject"], Resource: ["arn:aws:s3:::bucket-2/*", "arn:aws:s3:::BUCKET-2/x"] },
  { Effect: "Allow", NotAction: "s3:*", Resource: "arn:aws:s3:::bucket-3/key" },
];

describe("the Deny index", () => {
  it("agrees with asking every Deny about every action", { timeout: 120_000 }, () => {
    const docs = fc.record({
      size: fc.integer({ min: 1, max: 30 }),
      seed: fc.integer({ min: 1, max: 1_000_000 }),
      denyShare: fc.constantFrom(0.2, 0.5, 0.8),
      extra: fc.array(fc.constantFrom(...EXTRA), { maxLength: 4 }),
      picks: fc.array(fc.nat(), { maxLength: 4 }),
    });
    fc.assert(
      fc.property(docs, ({ size, seed, denyShare, extra, picks }) => {
        const base = largePolicyDocument({ statements: size, seed, denyShare });
        base.Statement.push(...extra.map((s) => ({ ...s })));
        const parsed = parsePolicy(masked(base, picks));
        if (parsed.status !== "ok") return;
        for (const grant of collectGrants(parsed.document).grants) {
          const doubtful = spread(grant.doubtful.map((id) => id.toLowerCase()));
          const shadowed = spread(grant.shadowed);
          const granted = spread(grant.actions);
          const keys = [...granted, ...shadowed].map((a) => a.key).concat(doubtful);
          const expected = naive(parsed.document, grant, keys);
          for (const a of shadowed) expect({ key: a.key, ...expected.get(a.key) }).toMatchObject({ key: a.key, status: "shadowed" });
          for (const key of doubtful) expect({ key, ...expected.get(key) }).toMatchObject({ key, status: "doubtful" });
          for (const a of granted) {
            const e = expected.get(a.key);
            expect({ key: a.key, status: e?.status }).toEqual({ key: a.key, status: "granted" });
            const scoped = grant.denyScoped.has(a.key) ? "yes" : grant.denyScopeOpen.has(a.key) ? "open" : "no";
            expect({ key: a.key, scoped }).toEqual({ key: a.key, scoped: e?.scoped });
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it("finds a covering Deny by the literal beginning of its patterns", () => {
    const patterns = ["arn:aws:s3:::orders/*", "arn:AWS:S3:::Orders/*", "arn:aws:s3:::*", "arn:*:s3:::orders/x", "arn:aws:s3:::ord?rs/*", "arn:aws:iam::1:role/a*b"];
    const arns = ["arn:aws:s3:::orders/x", "arn:aws:s3:::Orders/x", "arn:aws:s3:::orders/*", "arn:aws:iam::1:role/axxb", "arn:aws:iam::1:role/*"];
    for (const p of patterns) {
      for (const a of arns) {
        if (resourceCovers(p, a)) expect(a.toLowerCase().startsWith(literalPrefix(p)), `${p} covers ${a}`).toBe(true);
      }
    }
    expect(literalPrefix("arn:aws:s3:::orders/*")).toBe("arn:aws:s3:::orders/");
    expect(literalPrefix("arn:aws:s3:::ord?rs")).toBe("arn:aws:s3:::ord");
    expect(literalPrefix("arn:aws:s3:::Ωrders/*")).toBe("arn:aws:s3:::");
  });

  it("keeps statements that are not known in the reckoning", () => {
    const parsed = parsePolicy({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }, BRAND_UNKNOWN] });
    if (parsed.status !== "ok") throw new Error(parsed.status);
    const [grant] = collectGrants(parsed.document).grants;
    expect(grant?.actions).toEqual([]);
    expect(grant?.doubtful).toEqual(["s3:GetObject"]);
    expect(isUnknown(grant?.doubtfulBecause)).toBe(true);
  });
});
