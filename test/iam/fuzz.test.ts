import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import {
  GRANT_FINDING_KINDS,
  PRINCIPAL_FINDING_KINDS,
  analyzePolicy,
  analyzePrincipals,
  parsePolicy,
  verdictFor,
  type PolicyAnalysis,
  type PrincipalAnalysis,
} from "../../src/iam";

const GITHUB = "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com";

const action = fc.constantFrom(
  "*",
  "s3:GetObject",
  "S3:get*",
  "s3:*",
  "iam:PassRole",
  "iam:*Policy*",
  "iam:PutRolePolicy",
  "ec2:RunInstances",
  "ec2:Describe*",
  "sts:AssumeRole",
  "sts:AssumeRoleWithWebIdentity",
  "kms:Decrypt",
  "kms:PutKeyPolicy",
  "dynamodb:Scan",
  "lambda:CreateFunction",
  "lambda:InvokeFunction",
  "foo:Bar",
);
const resource = fc.constantFrom(
  "*",
  "arn:aws:s3:::*",
  "arn:aws:s3:::data/*",
  "arn:aws:s3:::data",
  "arn:aws:iam::111122223333:role/app",
  "arn:aws:ec2:*:*:instance/*",
  "arn:aws:dynamodb:*:*:table/orders",
);
const condition = fc.constantFrom<Record<string, Record<string, unknown>>>(
  { StringEquals: { "aws:ResourceAccount": "111122223333" } },
  { Bool: { "aws:SecureTransport": "true" } },
  { StringLike: { "aws:SourceVpce": "*" } },
  { StringLike: { "aws:SourceVpce": ["vpce-1", "vpce-2"] } },
  { StringNotEquals: { "aws:PrincipalOrgID": "o-abc" } },
  { StringEquals: { "iam:PassedToService": "ec2.amazonaws.com" } },
  { StringLike: { "token.actions.githubusercontent.com:sub": "repo:*" } },
  { StringLike: { "token.actions.githubusercontent.com:sub": "repo:acme/app:*" } },
  { StringEqualsIfExists: { "aws:SourceVpce": "vpce-1" } },
  { StringEquals: { "sts:ExternalId": "x" } },
);
const principal = fc.constantFrom<unknown>(
  "*",
  { AWS: "*" },
  { AWS: "999988887777" },
  { AWS: ["arn:aws:iam::111122223333:root", "arn:aws:iam::999988887777:role/x"] },
  { Federated: GITHUB },
  { Service: "ec2.amazonaws.com" },
);
const oneOrMany = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | T[]> =>
  fc.oneof(arb, fc.array(arb, { minLength: 1, maxLength: 3 }));

/** Well-formed documents built from values that matter to the analyzer. */
function documents(actions: fc.Arbitrary<string>, resources: fc.Arbitrary<string>, principals: fc.Arbitrary<unknown>): fc.Arbitrary<Json> {
  const statement = fc
    .record({
      effect: fc.constantFrom("Allow", "Allow", "Deny"),
      notAction: fc.constantFrom(false, false, false, true),
      actions: oneOrMany(actions),
      notResource: fc.constantFrom(false, false, false, true),
      resources: oneOrMany(resources),
      condition: fc.option(condition, { nil: undefined }),
      principal: fc.option(principals, { nil: undefined }),
    })
    .map((s) => ({
      Effect: s.effect,
      [s.notAction ? "NotAction" : "Action"]: s.actions,
      [s.notResource ? "NotResource" : "Resource"]: s.resources,
      ...(s.condition === undefined ? {} : { Condition: s.condition }),
      ...(s.principal === undefined ? {} : { Principal: s.principal }),
    }));
  return fc.array(statement, { minLength: 1, maxLength: 4 }).map((Statement) => ({ Version: "2012-10-17", Statement }));
}

const document = documents(action, resource, principal);
/** Few values, so that combinations that interact (trust actions, org conditions, Denies) come up often. */
const focusedDocument = documents(
  fc.constantFrom("*", "sts:AssumeRole", "sts:AssumeRoleWithWebIdentity", "s3:GetObject", "iam:PassRole", "ec2:RunInstances"),
  fc.constantFrom("*", "arn:aws:s3:::data/*"),
  fc.constantFrom<unknown>({ AWS: "999988887777" }, "*", { Federated: GITHUB }),
);

type Json = Record<string, unknown> | unknown[];

/** Paths to every value in the document's statements that could be unknown during a preview. */
function unknownablePaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  const out: (string | number)[][] = path.length >= 2 ? [path] : [];
  if (Array.isArray(value)) value.forEach((v, i) => out.push(...unknownablePaths(v, [...path, i])));
  else if (typeof value === "object" && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...unknownablePaths(v, [...path, k]));
  }
  return out;
}

function replaced(doc: Json, path: readonly (string | number)[]): Json {
  const copy = structuredClone(doc);
  let at: Record<string | number, unknown> = copy as Record<string | number, unknown>;
  path.slice(0, -1).forEach((k) => {
    at = at[k] as Record<string | number, unknown>;
  });
  at[path[path.length - 1] as string | number] = unknown("preview", `value at ${path.join(".")}`);
  return copy;
}

function expectWellFormed(a: PolicyAnalysis | PrincipalAnalysis): void {
  expect(["analyzed", "malformed", "unknown"]).toContain(a.status);
  if (a.status === "malformed") {
    expect(a.problems.length).toBeGreaterThan(0);
    for (const p of a.problems) {
      expect(typeof p.path).toBe("string");
      expect(p.problem.length).toBeGreaterThan(0);
    }
    expect(a.findings).toEqual([]);
  } else expect(a.problems).toEqual([]);
  for (const f of a.findings) {
    expect([...GRANT_FINDING_KINDS, ...PRINCIPAL_FINDING_KINDS]).toContain(f.kind);
    expect(f.statements.length).toBeGreaterThan(0);
    expect(f.message.length).toBeGreaterThan(0);
  }
  for (const u of a.unknowns) {
    expect(isUnknown(u.unknown)).toBe(true);
    expect(u.affects.length).toBeGreaterThan(0);
  }
}

const runs = { numRuns: 300 };

describe("analyzer under random input", () => {
  it("never throws on random JSON values, as objects or strings", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.boolean(), (value, asString) => {
        const input = asString ? JSON.stringify(value) : value;
        expectWellFormed(analyzePolicy(input));
        expectWellFormed(analyzePrincipals(input, { accountId: "111122223333" }));
      }),
      runs,
    );
  });

  it("never throws on random strings", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        expectWellFormed(analyzePolicy(text));
        expect(parsePolicy(text).status).not.toBe("ok");
      }),
      runs,
    );
  });

  it("never throws on random nested statements with wrong types and Unknowns", () => {
    const anyValue = fc.oneof(
      fc.jsonValue({ maxDepth: 2 }),
      fc.constant(unknown("preview", "x")),
      action,
      resource,
      fc.array(fc.oneof(action, resource, fc.constant(unknown("preview", "y")), fc.integer()), { maxLength: 3 }),
    );
    const key = fc.constantFrom("Sid", "Effect", "Action", "NotAction", "Resource", "NotResource", "Principal", "NotPrincipal", "Condition", "Bogus");
    const rawStatement = fc.dictionary(key, anyValue, { maxKeys: 6 });
    const rawDoc = fc.record({ Version: fc.constantFrom("2012-10-17", 3, undefined), Statement: fc.oneof(fc.array(rawStatement, { maxLength: 4 }), rawStatement, anyValue) });
    fc.assert(
      fc.property(rawDoc, (d) => {
        expectWellFormed(analyzePolicy(d));
        expectWellFormed(analyzePrincipals(d, { accountId: "111122223333" }));
      }),
      runs,
    );
  });

  it("well-formed random documents parse without problems", () => {
    fc.assert(
      fc.property(document, (d) => {
        expect(parsePolicy(d).problems).toEqual([]);
      }),
      runs,
    );
  });

  // Soundness: making one value unknown may turn a verdict into "unknown", never into another verdict.
  // A violation with the value unknown must hold for the known value too, and so must "fine".
  it.each([
    ["broad", document],
    ["focused", focusedDocument],
  ] as const)("a verdict reached with an Unknown holds for the known value it stood for (%s documents)", (_label, docs) => {
    const withPath = docs.chain((d) => fc.record({ doc: fc.constant(d), path: fc.constantFrom(...unknownablePaths(d)) }));
    fc.assert(
      fc.property(withPath, ({ doc, path }) => {
        const masked = replaced(doc, path);
        const known = analyzePolicy(doc);
        const open = analyzePolicy(masked);
        expect(open.status).not.toBe("malformed");
        for (const kind of GRANT_FINDING_KINDS) {
          const v = verdictFor(open, kind).verdict;
          if (v !== "unknown") expect({ kind, path, verdict: verdictFor(known, kind).verdict }).toEqual({ kind, path, verdict: v });
        }
        const options = { accountId: "111122223333" };
        const knownP = analyzePrincipals(doc, options);
        const openP = analyzePrincipals(masked, options);
        for (const kind of PRINCIPAL_FINDING_KINDS) {
          const v = verdictFor(openP, kind).verdict;
          if (v !== "unknown") expect({ kind, path, verdict: verdictFor(knownP, kind).verdict }).toEqual({ kind, path, verdict: v });
        }
      }),
      { numRuns: 400 },
    );
  });
});
