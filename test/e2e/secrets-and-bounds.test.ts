// What reaches the engine is safe and bounded. Every supported resource type is sent to the compiled
// pack over the Analyzer protocol (Analyze, and AnalyzeStack of all of them) with every property, and
// every value nested in one, marked secret: well-formed and malformed, as ARNs that join, as policy
// documents (objects, JSON text, JSON that does not parse, documents AWS would reject), tags with
// secret segments, classifications and waivers, and 1 MB values. No diagnostic message, URN or
// not-applicable reason may contain any secret (nor any piece of one: every planted text carries a
// marker), and every one is bounded. The example programs, every value made secret, are sent too.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_TYPES } from "../../src/adapters/pulumi/inventory";
import { MESSAGE_LIMIT } from "../../src/core/bounded-text";
import { startPack, secret, type AnalyzeResult, type AnalyzerResourceInput, type PackClient } from "../../src/engine-client/harness";
import { recordProgram } from "../../src/engine-client/record";
import { repoRoot } from "../../src/engine-client/repo-root";
import { resourceOf } from "../../src/engine-client/resource-builder";
import {
  BIG_VARIANTS, discoverShapes, MARK, MARKED, malformedDocument, secretize, tokenDocument, VARIANTS, variantProps,
  type Shape, type Variant,
} from "./secret-variants";

const root = repoRoot(__dirname);
const STACK = { project: "shop", stack: "dev" };
/** A bounded message may exceed the limit by its cut mark ("… (N more characters)"). */
const BOUND = MESSAGE_LIMIT + 40;

let pack: PackClient;
let shapes: Map<string, Shape>;
let examples: AnalyzerResourceInput[][];
let descriptions: Map<string, string>;
const stats = { analyze: 0, analyzeStack: 0, resources: 0, diagnostics: 0, notApplicable: 0, planted: 0 };

beforeAll(async () => {
  const started = startPack(root).then(async (p) => {
    await p.configure({});
    return p;
  });
  const recorded = Promise.all(
    ["segments-violations", "encryption-violations"].map((example) =>
      recordProgram(join(root, "examples", example, "index.ts"), { stack: "dev", project: example, preview: false, config: { "aws:region": "eu-west-1" } }),
    ),
  );
  shapes = discoverShapes(SUPPORTED_TYPES);
  pack = await started;
  descriptions = new Map((await pack.getAnalyzerInfo()).policies.map((p) => [p.name, p.description]));
  // A recorded resource carries its outputs too, which AnalyzeStack sends: both are made secret.
  examples = (await recorded).map((rs) =>
    rs.map((r) => {
      const { outputs } = r as { outputs?: Record<string, unknown> };
      return { ...r, properties: secretize(r.properties, false), ...(outputs === undefined ? {} : { outputs: secretize(outputs, false) }) };
    }),
  );
}, 180_000);
afterAll(async () => {
  await pack?.close();
});

const isNumberOrBoolean = (s: string): boolean => /^[-+]?\d+(\.\d+)?(e[-+]?\d+)?$/i.test(s) || s === "true" || s === "false";
const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

interface Needle {
  readonly secret: string;
  readonly test: (lowerText: string) => boolean;
}

/**
 * A secret of 8 characters or more is found anywhere; a shorter one, a number or a boolean where it
 * stands as a word ("Allow" as a word, not inside "allows"), as the pack redacts them.
 */
function needlesOf(secrets: Iterable<string>): Needle[] {
  const out: Needle[] = [];
  for (const s of new Set(secrets)) {
    const needle = s.toLowerCase();
    if (needle.trim() === "") continue;
    if (needle.length >= 8 && !isNumberOrBoolean(needle)) out.push({ secret: s, test: (t) => t.includes(needle) });
    else {
      const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRe(needle)}(?![\\p{L}\\p{N}_])`, "u");
      out.push({ secret: s, test: (t) => re.test(t) });
    }
  }
  return out;
}

/** Every text the pack handed the engine, without the policy's own description the server prepends. */
function outputs(result: AnalyzeResult): { where: string; text: string }[] {
  const out: { where: string; text: string }[] = [];
  for (const d of result.diagnostics) {
    const description = descriptions.get(d.policyName) ?? "";
    const text = d.message.startsWith(`${description}\n`) ? d.message.slice(description.length + 1) : d.message;
    out.push({ where: `diagnostic of ${d.policyName}`, text });
  }
  for (const n of result.notApplicable) out.push({ where: `not-applicable reason of ${n.policyName}`, text: n.reason });
  return out;
}

/**
 * A diagnostic names a resource of the stack by its URN (its own name, which is not a property) or
 * none: a property value (an ARN) never travels as a URN.
 */
function expectUrns(result: AnalyzeResult, label: string): void {
  for (const d of result.diagnostics) {
    expect(d.reportedUrn, `${label}: ${d.policyName} reported URN`).toMatch(/^(urn:pulumi:[^\s]*)?$/);
    expect(MARKED.test(d.reportedUrn), `${label}: ${d.policyName} reported URN`).toBe(false);
  }
}

/** Asserts that no output of `result` holds a secret sent in `resources`, and that each is bounded. */
function expectSafe(result: AnalyzeResult, resources: readonly AnalyzerResourceInput[], label: string, extra: readonly string[] = [], plain = false): void {
  const needles = plain ? [] : needlesOf([...valuesOf(resources), ...extra]);
  stats.diagnostics += result.diagnostics.length;
  stats.notApplicable += result.notApplicable.length;
  expectUrns(result, label);
  for (const { where, text } of outputs(result)) {
    expect(text.length, `${label}: ${where} is ${text.length} characters`).toBeLessThanOrEqual(BOUND);
    if (plain) continue;
    expect(MARKED.test(text), `${label}: ${where} holds a planted secret:\n${text.slice(0, 2000)}`).toBe(false);
    const lower = text.toLowerCase();
    const found = needles.find((n) => n.test(lower))?.secret;
    expect(found, `${label}: ${where} holds the secret ${JSON.stringify(found?.slice(0, 80))}:\n${text.slice(0, 2000)}`).toBeUndefined();
  }
}

/**
 * The secret leaf values of the resources, and the keys inside secret objects that carry the marker
 * (other keys are a document's grammar, such as "Statement", which messages name).
 */
function valuesOf(resources: readonly AnalyzerResourceInput[]): Set<string> {
  const out = new Set<string>();
  const walk = (v: unknown, inSecret: boolean): void => {
    if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
      if (inSecret) out.add(String(v));
    } else if (Array.isArray(v)) for (const x of v) walk(x, inSecret);
    else if (typeof v === "object" && v !== null) {
      const o = v as Record<string, unknown>;
      if (o["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270") walk(o.value, true);
      else for (const [k, x] of Object.entries(o)) {
        if (inSecret && MARKED.test(k)) out.add(k);
        walk(x, inSecret);
      }
    }
  };
  for (const r of resources) {
    walk(r.properties, false);
    walk((r as { outputs?: unknown }).outputs, false);
  }
  return out;
}

/** One resource of every supported type, its properties filled by the variant. */
function resourcesOf(variant: Variant, v: number, types: readonly string[] = SUPPORTED_TYPES): AnalyzerResourceInput[] {
  return types.map((type, i) => {
    let n = 0;
    const token = (what: string): string => {
      stats.planted++;
      return `${MARK}-v${v}-t${i}-${n++}-${what.replace(/[^A-Za-z0-9-]/g, "_").slice(0, 40)}`;
    };
    return resourceOf(STACK, type, `r${v}x${i}`, variantProps(shapes.get(type) as Shape, variant, token));
  });
}

async function analyzeEach(resources: readonly AnalyzerResourceInput[], label: string, extra: readonly string[] = [], plain = false): Promise<void> {
  for (const r of resources) {
    stats.analyze++;
    stats.resources++;
    expectSafe(await pack.analyze(r), [r], `${label}, Analyze ${r.type}`, extra, plain);
  }
}

async function analyzeStack(resources: AnalyzerResourceInput[], label: string, extra: readonly string[] = [], plain = false): Promise<void> {
  stats.analyzeStack++;
  expectSafe(await pack.analyzeStack(resources), resources, `${label}, AnalyzeStack`, extra, plain);
}

/** The AWS managed policy the variants attach by a secret ARN: its name is derived from the ARN. */
const DERIVED = ["AdministratorAccess"];

describe("secret-marked properties of every supported type", () => {
  it("discovers the properties the pack reads for every supported type", () => {
    expect([...shapes.keys()].sort()).toEqual([...SUPPORTED_TYPES].sort());
    const unread = [...shapes].filter(([, s]) => s.size === 0).map(([t]) => t);
    expect(unread).toEqual([]);
  });

  it.each(VARIANTS.map((v, i) => [v.name, i] as const))("%s: Analyze and AnalyzeStack print no secret", async (_name, i) => {
    const variant = VARIANTS[i] as Variant;
    const resources = resourcesOf(variant, i);
    await analyzeEach(resources, variant.name, DERIVED);
    await analyzeStack(resources, variant.name, DERIVED);
  });

  it.each(BIG_VARIANTS.map((v, i) => [v.name, i] as const))("%s: every message bounded, no secret printed", async (_name, i) => {
    const variant = BIG_VARIANTS[i] as Variant;
    // Every eighth type (the secret and the plain run take different ones), and a store, a principal,
    // a policy, an attachment and a resource policy.
    const named = ["aws:s3/bucket:Bucket", "aws:iam/role:Role", "aws:iam/policy:Policy", "aws:iam/policyAttachment:PolicyAttachment", "aws:s3/bucketPolicy:BucketPolicy"];
    const types = SUPPORTED_TYPES.filter((t, k) => k % 8 === i * 4 || named.includes(t));
    const resources = resourcesOf(variant, 10 + i, types);
    await analyzeEach(resources, variant.name, [], variant.plain);
    await analyzeStack(resources, variant.name, [], variant.plain);
  }, 60_000);
});

describe("the shapes that reach each message", () => {
  const r = (type: string, name: string, props: Record<string, unknown>, deps: Record<string, string[]> = {}) =>
    resourceOf(STACK, type, name, props, { propertyDependencies: deps });
  const tok = (what: string) => `${MARK}-${what}`;

  it("policy documents with secret Sids, ARNs and condition keys; malformed JSON holding secrets", async () => {
    const docs: unknown[] = [
      secret(tokenDocument(tok) as never),
      secret(JSON.stringify(tokenDocument(tok))),
      secret(JSON.stringify(malformedDocument(tok))),
      secret(`{"Version": "2012-10-17", "Statement": [{"Sid": "${tok("sid-json")}" "Effect": "Allow"}]}`),
      secret(`{"Sid": "${tok("control")}\n"}`),
      secret(`'${tok("single-quoted")}'`),
      secretize({ d: malformedDocument(tok) }, false).d,
      secretize({ d: tokenDocument(tok) }, false).d,
      { Version: secret("2012-10-17"), Statement: [{ Sid: secret(tok("sid-only")), Effect: "Allow", Action: "*", Resource: "*" }] },
    ];
    const resources = docs.flatMap((doc, i) => [
      r("aws:iam/policy:Policy", `policy${i}`, { policy: doc, name: secret(tok(`policy-name-${i}`)) }),
      r("aws:iam/role:Role", `role${i}`, { assumeRolePolicy: doc, name: secret(tok(`role-name-${i}`)), inlinePolicies: [{ name: secret(tok(`inline-${i}`)), policy: doc }] }),
      r("aws:s3/bucketPolicy:BucketPolicy", `bucket-policy${i}`, { bucket: secret(tok(`bucket-${i}`)), policy: doc }),
      r("aws:kms/key:Key", `key${i}`, { policy: doc, enableKeyRotation: true, deletionWindowInDays: 30 }),
    ]);
    await analyzeEach(resources, "documents");
    await analyzeStack(resources, "documents");
  });

  it("secret customer-segment values on stores that share a key, a security group and a principal", async () => {
    const key = r("aws:kms/key:Key", "shared-key", { enableKeyRotation: true, deletionWindowInDays: 30, tags: { "customer-segment": secret(tok("key-segment")) } });
    const sg = r("aws:ec2/securityGroup:SecurityGroup", "shared-sg", { name: secret(tok("sg-name")), ingress: [{ protocol: "tcp", fromPort: 5432, toPort: 5432, cidrBlocks: [secret("0.0.0.0/0")] }] });
    const bucket = (seg: string) =>
      r(
        "aws:s3/bucket:Bucket",
        `docs-${seg}`,
        {
          bucket: secret(tok(`bucket-${seg}`)),
          tags: { "data-classification": "restricted", "customer-segment": secret(tok(`segment-${seg}`)) },
          serverSideEncryptionConfiguration: { rule: { applyServerSideEncryptionByDefault: { sseAlgorithm: "aws:kms", kmsMasterKeyId: secret(`arn:aws:kms:eu-west-1:123456789012:key/${tok("key-id")}`) } } },
        },
        { serverSideEncryptionConfiguration: [key.urn] },
      );
    const db = (seg: string) =>
      r(
        "aws:rds/instance:Instance",
        `db-${seg}`,
        { storageEncrypted: secret(false), publiclyAccessible: secret(true), vpcSecurityGroupIds: [secret(tok("sg-id"))], tags: { "customer-segment": secret(tok(`segment-${seg}`)) } },
        { vpcSecurityGroupIds: [sg.urn] },
      );
    const role = r("aws:iam/role:Role", "reader", {
      name: secret(tok("reader-role")),
      assumeRolePolicy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: secret(`arn:aws:iam::999999999999:root`) }, Action: "sts:AssumeRole" }] },
      inlinePolicies: [{ name: secret(tok("reader-inline")), policy: { Version: "2012-10-17", Statement: [{ Sid: secret(tok("read-all")), Effect: "Allow", Action: "s3:GetObject", Resource: secret("*") }] } }],
    });
    const resources = [key, sg, bucket("a"), bucket("b"), db("a"), db("b"), role];
    await analyzeEach(resources, "segments", ["999999999999"]);
    await analyzeStack(resources, "segments", ["999999999999"]);
  });

  it("IAM attachments with secret policyArn, users and user", async () => {
    const user = r("aws:iam/user:User", "alice", { name: secret(tok("alice")), tags: { "customer-segment": secret(tok("user-segment")) } });
    const group = r("aws:iam/group:Group", "admins", { name: secret(tok("admins")) });
    const managed = ["AdministratorAccess", "PowerUserAccess", "AmazonS3FullAccess", "IAMFullAccess"].map((n) => `arn:aws:iam::aws:policy/${n}`);
    const custom = r("aws:iam/policy:Policy", "custom", { name: secret(tok("custom-policy")), arn: secret(`arn:aws:iam::123456789012:policy/${tok("custom-arn")}`), policy: secret(JSON.stringify(tokenDocument(tok))) });
    const resources = [
      user,
      group,
      custom,
      r("aws:iam/userPolicyAttachment:UserPolicyAttachment", "ua", { user: secret(tok("alice")), policyArn: secret(managed[0] as string) }, { user: [user.urn] }),
      r("aws:iam/userPolicyAttachment:UserPolicyAttachment", "ub", { user: secret(tok("alice")), policyArn: secret(`arn:aws:iam::123456789012:policy/${tok("custom-arn")}`) }, { policyArn: [custom.urn] }),
      r("aws:iam/policyAttachment:PolicyAttachment", "pa", { users: [secret(tok("alice")), secret(tok("nobody"))], groups: secret([tok("admins")]), roles: [secret(tok("ghost-role"))], policyArn: secret(managed[1] as string) }),
      r("aws:iam/groupPolicyAttachment:GroupPolicyAttachment", "ga", { group: secret(tok("admins")), policyArn: secret(managed[2] as string) }),
      r("aws:iam/userPolicy:UserPolicy", "up", { user: secret(tok("alice")), name: secret(tok("user-inline")), policy: secret(JSON.stringify(tokenDocument(tok))) }),
      r("aws:iam/groupMembership:GroupMembership", "gm", { group: secret(tok("admins")), users: [secret(tok("alice"))] }),
      r("aws:iam/userGroupMembership:UserGroupMembership", "ugm", { user: secret(tok("alice")), groups: [secret(tok("admins"))] }),
      r("aws:iam/role:Role", "ops", { name: secret(tok("ops")), managedPolicyArns: [secret(managed[3] as string), secret(managed[0] as string)], assumeRolePolicy: secret(JSON.stringify(tokenDocument(tok))) }),
    ];
    const derived = ["AdministratorAccess", "PowerUserAccess", "AmazonS3FullAccess", "IAMFullAccess"];
    await analyzeEach(resources, "attachments", derived);
    await analyzeStack(resources, "attachments", derived);
  });

  it("1 MB plain values are printed bounded, with a count of what was left out", async () => {
    const huge = (c: string) => c.repeat(1024 * 1024);
    const resources = [
      r("aws:s3/bucket:Bucket", "big-bucket", { bucket: huge("b"), tags: { "data-classification": huge("c"), "customer-segment": huge("s"), "cdguard:waive:CDG-ENC-001": `${huge("w")}; until=2099-01-01` } }),
      r("aws:iam/policy:Policy", "big-policy", { name: huge("n"), policy: { Version: "2012-10-17", Statement: [{ Sid: huge("i"), Effect: "Allow", Action: "*", Resource: "*" }] } }),
      r("aws:iam/policy:Policy", "big-json", { policy: `{"Statement": [{"Sid": "${huge("j")}" }` }),
      r("aws:iam/role:Role", "big-role", { name: huge("r"), inlinePolicies: [{ name: huge("p"), policy: { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "*", Resource: huge("x") }] } }] }),
    ];
    const results = [...(await Promise.all(resources.map((x) => pack.analyze(x)))), await pack.analyzeStack(resources)];
    const texts = results.flatMap(outputs).map((o) => o.text);
    for (const t of texts) expect(t.length).toBeLessThanOrEqual(BOUND);
    expect(texts.some((t) => /… \(\d+ more characters\)/.test(t))).toBe(true);
  });
});

describe("the example programs, every value secret (known values)", () => {
  it("print no secret through Analyze or AnalyzeStack", async () => {
    for (const [i, resources] of examples.entries()) {
      await analyzeEach(resources, `example ${i}`);
      await analyzeStack(resources, `example ${i}`);
    }
  });

  afterAll(() => {
    // What the run covered, for the report.
    console.log(`secrets-and-bounds: ${JSON.stringify(stats)}`);
  });
});
