import { describe, expect, it } from "vitest";
import { isUnknown, unknown } from "../../src/core/value";
import { parsePolicy, type ParseOptions, type ParseProblem, type Statement } from "../../src/iam";
import { allow, doc } from "./helpers";

interface MalformedCase {
  readonly name: string;
  readonly input: unknown;
  readonly options?: ParseOptions;
  readonly problem: ParseProblem | { path: string; problem: RegExp };
}

const malformed: readonly MalformedCase[] = [
  {
    name: "not JSON",
    input: "{ Statement: ",
    problem: { path: "(document)", problem: "is not valid JSON: expected a property name in double quotes at line 1, column 3 (character 2)" },
  },
  { name: "a JSON list", input: "[]", problem: { path: "(document)", problem: "expected a JSON object, got an empty list" } },
  { name: "a number", input: 42, problem: { path: "(document)", problem: "expected a JSON object, got a number" } },
  { name: "null", input: null, problem: { path: "(document)", problem: "expected a JSON object, got null" } },
  { name: "Statement missing", input: { Version: "2012-10-17" }, problem: { path: "Statement", problem: "is missing" } },
  {
    name: "Statement of the wrong type",
    input: { Statement: "Allow" },
    problem: { path: "Statement", problem: "expected an object or a list of objects, got a string" },
  },
  {
    name: "Action a number",
    input: doc(allow("s3:GetObject"), allow("s3:PutObject"), { Effect: "Allow", Action: 3, Resource: "*" }),
    problem: { path: "Statement[2].Action", problem: "expected a string or a list of strings, got a number" },
  },
  {
    name: "an Action entry not a string",
    input: doc(allow(["s3:GetObject", true])),
    problem: { path: "Statement[0].Action[1]", problem: "expected a string, got a boolean" },
  },
  {
    name: "an empty Action list",
    input: doc(allow([])),
    problem: { path: "Statement[0].Action", problem: "expected at least one action, got an empty list" },
  },
  {
    name: "an empty resource string",
    input: doc(allow("s3:GetObject", "")),
    problem: { path: "Statement[0].Resource", problem: "expected a non-empty resource, got an empty string" },
  },
  {
    name: "both Action and NotAction",
    input: doc({ Effect: "Allow", Action: "s3:*", NotAction: "iam:*", Resource: "*" }),
    problem: { path: "Statement[0]", problem: "has both Action and NotAction; a statement takes only one of them" },
  },
  {
    name: "neither Action nor NotAction",
    input: doc({ Effect: "Allow", Resource: "*" }),
    problem: { path: "Statement[0]", problem: "needs Action or NotAction" },
  },
  {
    name: "both Resource and NotResource",
    input: doc({ Effect: "Allow", Action: "s3:*", Resource: "*", NotResource: "arn:aws:s3:::x" }),
    problem: { path: "Statement[0]", problem: "has both Resource and NotResource; a statement takes only one of them" },
  },
  { name: "Effect missing", input: doc({ Action: "s3:*", Resource: "*" }), problem: { path: "Statement[0].Effect", problem: "is missing" } },
  {
    name: "Effect in the wrong case",
    input: doc({ Effect: "allow", Action: "s3:*", Resource: "*" }),
    problem: { path: "Statement[0].Effect", problem: 'expected "Allow" or "Deny", got another string (the value is case-sensitive)' },
  },
  {
    name: "Effect something else",
    input: doc({ Effect: "Permit", Action: "s3:*", Resource: "*" }),
    problem: { path: "Statement[0].Effect", problem: 'expected "Allow" or "Deny", got another string' },
  },
  {
    name: "an action without a service",
    input: doc(allow("GetObject")),
    problem: { path: "Statement[0].Action", problem: 'expected "service:action" or "*", got a string without ":"' },
  },
  {
    name: "a resource that is not an ARN",
    input: doc(allow("ec2:*", ["*", "vpc-123"])),
    problem: { path: "Statement[0].Resource[1]", problem: 'expected an ARN or "*", got a string that does not start with "arn:"' },
  },
  {
    name: "a Principal string other than *",
    input: doc({ ...allow("s3:GetObject"), Principal: "bob" }),
    problem: {
      path: "Statement[0].Principal",
      problem: 'expected "*" or an object keyed by AWS, Service, Federated or CanonicalUser, got another string',
    },
  },
  {
    name: "a Principal type in the wrong case",
    input: doc({ ...allow("s3:GetObject"), Principal: { Aws: "*" } }),
    problem: { path: "Statement[0].Principal", problem: 'unexpected element (the 1st key): element names are case-sensitive, did you mean "AWS"?' },
  },
  {
    name: "an unknown condition operator",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringEqual: { "aws:SourceVpce": "vpce-1" } } })),
    problem: { path: "Statement[0].Condition", problem: "unknown condition operator (the 1st key)" },
  },
  {
    name: "a condition value that is an object",
    input: doc(allow("s3:GetObject", "*", { Condition: { StringEquals: { "aws:SourceVpce": { a: 1 } } } })),
    problem: {
      path: "Statement[0].Condition.StringEquals (the 1st key)",
      problem: "expected a string, number or boolean condition value, got an object",
    },
  },
  {
    name: "a Sid that is a number",
    input: doc({ Sid: 7, ...allow("s3:GetObject") }),
    problem: { path: "Statement[0].Sid", problem: "expected a string, got a number" },
  },
  {
    name: "an unsupported Version",
    input: { Version: "2020-01-01", Statement: [allow("s3:GetObject")] },
    problem: { path: "Version", problem: 'expected "2012-10-17" or "2008-10-17", got another string' },
  },
  {
    name: "an unexpected top-level element",
    input: { Statement: [allow("s3:GetObject")], Extra: 1 },
    problem: { path: "(document)", problem: "unexpected element (the 2nd key); expected one of Version, Id, Statement" },
  },
  {
    name: "a statement element in the wrong case",
    input: doc({ effect: "Allow", Effect: "Allow", Action: "s3:*", Resource: "*" }),
    problem: { path: "Statement[0]", problem: 'unexpected element (the 1st key): element names are case-sensitive, did you mean "Effect"?' },
  },
  {
    name: "a Principal in an identity policy",
    input: doc({ ...allow("s3:GetObject"), Principal: "*" }),
    options: { kind: "identity" },
    problem: { path: "Statement[0].Principal", problem: "identity policies cannot name a principal" },
  },
  {
    name: "a resource policy statement without a principal",
    input: doc(allow("s3:GetObject")),
    options: { kind: "resource" },
    problem: { path: "Statement[0]", problem: "needs Principal or NotPrincipal" },
  },
  {
    name: "an identity statement without Resource",
    input: doc({ Effect: "Allow", Action: "s3:GetObject" }),
    options: { kind: "identity" },
    problem: { path: "Statement[0]", problem: "needs Resource or NotResource" },
  },
];

describe("parsePolicy: malformed documents", () => {
  it.each(malformed.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    const r = parsePolicy(c.input, c.options);
    expect(r.status).toBe("malformed");
    const expected = c.problem;
    expect(r.problems).toContainEqual(
      expected.problem instanceof RegExp ? { path: expected.path, problem: expect.stringMatching(expected.problem) } : expected,
    );
  });
});

function onlyStatement(input: unknown): Statement {
  const r = parsePolicy(input);
  if (r.status !== "ok") throw new Error(`expected ok, got ${r.status}: ${JSON.stringify(r.problems)}`);
  const s = r.document.statements[0];
  if (s === undefined || isUnknown(s)) throw new Error("no known statement");
  return s;
}

describe("parsePolicy: normalized model", () => {
  it("accepts a trust policy without Resource when no kind is given", () => {
    expect(parsePolicy(doc({ Effect: "Allow", Principal: { Service: "ec2.amazonaws.com" }, Action: "sts:AssumeRole" })).status).toBe("ok");
  });

  it("splits actions into a lowercase service and the name as written", () => {
    const s = onlyStatement(doc(allow(["S3:GetObject", "*"])));
    expect(s.actions).toEqual({
      element: "Action",
      values: [
        { text: "S3:GetObject", service: "s3", name: "GetObject" },
        { text: "*", service: "*", name: "*" },
      ],
    });
  });

  it("reads a single statement object at path Statement", () => {
    const s = onlyStatement({ Statement: allow("s3:GetObject") });
    expect(s).toMatchObject({ index: 0, path: "Statement", effect: "Allow" });
  });

  it('reads Principal "*" as AWS "*"', () => {
    const s = onlyStatement(doc({ ...allow("s3:GetObject"), Principal: "*" }));
    expect(s.principals).toEqual({ element: "Principal", entries: [{ type: "AWS", value: "*" }] });
  });

  it("reads every principal type, single or listed", () => {
    const s = onlyStatement(
      doc({
        ...allow("sts:AssumeRole"),
        Principal: {
          AWS: ["111122223333", "arn:aws:iam::444455556666:root"],
          Service: "lambda.amazonaws.com",
          Federated: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com",
          CanonicalUser: "79a59df900b949e55d96a1e698fbaced",
        },
      }),
    );
    expect(s.principals).toEqual({
      element: "Principal",
      entries: [
        { type: "AWS", value: "111122223333" },
        { type: "AWS", value: "arn:aws:iam::444455556666:root" },
        { type: "Service", value: "lambda.amazonaws.com" },
        { type: "Federated", value: "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com" },
        { type: "CanonicalUser", value: "79a59df900b949e55d96a1e698fbaced" },
      ],
    });
  });

  it("splits condition operators and stringifies values", () => {
    const s = onlyStatement(
      doc(
        allow("s3:GetObject", "*", {
          Condition: {
            "ForAnyValue:StringLikeIfExists": { "aws:TagKeys": ["a*", "b"] },
            Bool: { "aws:SecureTransport": true },
            NumericLessThan: { "s3:max-keys": 10 },
          },
        }),
      ),
    );
    expect(s.conditions).toEqual([
      {
        operator: "ForAnyValue:StringLikeIfExists",
        baseOperator: "StringLike",
        setQualifier: "ForAnyValue",
        ifExists: true,
        key: "aws:TagKeys",
        keyLower: "aws:tagkeys",
        values: ["a*", "b"],
      },
      { operator: "Bool", baseOperator: "Bool", setQualifier: undefined, ifExists: false, key: "aws:SecureTransport", keyLower: "aws:securetransport", values: ["true"] },
      { operator: "NumericLessThan", baseOperator: "NumericLessThan", setQualifier: undefined, ifExists: false, key: "s3:max-keys", keyLower: "s3:max-keys", values: ["10"] },
    ]);
  });

  it("keeps nested Unknowns where they stand", () => {
    const arn = unknown("preview", "bucket arn");
    const s = onlyStatement(doc(allow("s3:GetObject", ["arn:aws:s3:::a/*", arn], { Condition: { StringEquals: { "aws:SourceVpce": arn } } })));
    expect(s.resources).toEqual({ element: "Resource", values: ["arn:aws:s3:::a/*", arn] });
    expect(s.conditions).toMatchObject([{ key: "aws:SourceVpce", values: [arn] }]);
  });

  it("reports an unknown document or Statement as unknown", () => {
    const u = unknown("preview", "policy");
    expect(parsePolicy(u)).toEqual({ status: "unknown", unknown: u, problems: [] });
    expect(parsePolicy({ Version: "2012-10-17", Statement: u })).toEqual({ status: "unknown", unknown: u, problems: [] });
  });

  it("reads a JSON string exactly like the object", () => {
    const d = doc(allow(["s3:GetObject"], "arn:aws:s3:::a/*", { Sid: "x" }));
    expect(parsePolicy(JSON.stringify(d))).toEqual(parsePolicy(d));
  });

  it("reports every problem, not only the first", () => {
    const r = parsePolicy(doc({ Effect: "Maybe", Action: 1, Resource: 2 }));
    expect(r.problems.map((p) => p.path)).toEqual(["Statement[0].Effect", "Statement[0].Action", "Statement[0].Resource"]);
  });

  it("never throws on an object whose getter throws", () => {
    const evil = Object.defineProperty({}, "Statement", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(parsePolicy(evil)).toEqual({ status: "malformed", document: undefined, problems: [{ path: "(document)", problem: "could not be read (reading it threw a generic error)" }] });
  });
});

describe("parsePolicy: resource policies that name no Resource (ECR)", () => {
  const ecr = doc({ Effect: "Allow", Principal: "*", Action: "ecr:BatchGetImage" });

  it("reads a statement without Resource as governing the one resource the policy is attached to", () => {
    const parsed = parsePolicy(ecr, { kind: "resource", implicitResource: true });
    expect(parsed.status).toBe("ok");
    const statement = parsed.status === "ok" ? (parsed.document.statements[0] as Statement) : undefined;
    expect(statement?.resources).toEqual({ element: "Resource", values: ["*"] });
  });

  it("still requires Resource of every other resource policy, and remembers the two readings apart", () => {
    expect(parsePolicy(ecr, { kind: "resource" }).problems).toEqual([{ path: "Statement[0]", problem: "needs Resource or NotResource" }]);
    expect(parsePolicy(ecr, { kind: "resource", implicitResource: true }).status).toBe("ok");
    expect(parsePolicy(ecr, { kind: "resource" }).status).toBe("malformed");
  });
});
