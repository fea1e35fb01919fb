// Resources of every supported type whose every property is secret, for the secrets-and-bounds tests.
//
// The property shapes are discovered, not written by hand: the adapters and every rule run in this
// process over a resource of the type while Props records each path it reads and how (a string, a
// switch, a number, a block, a list, tags); the paths found are filled with values of that shape and
// the run repeats, so nested blocks are found too. Each variant then fills the paths its own way
// (well-formed, wrong types, ARNs, policy documents as objects or JSON text, 1 MB values) and wraps
// every leaf, or every whole property, in the engine's secret envelope.
import { Props } from "../../src/adapters/pulumi/props";
import { buildInventory } from "../../src/adapters/pulumi/inventory";
import type { EngineResource } from "../../src/adapters/pulumi/engine-resource";
import { evaluate } from "../../src/core/evaluate";
import { settingsFor } from "../../src/core/settings";
import { ALL_RULES } from "../../src/rules";
import { secret, SIG_KEY, type WireValue } from "../../src/engine-client/wire";

export const MARK = "qxsekritqx";
/** Every secret text the tests plant carries MARK, so any piece of one that leaks is found. */
export const MARKED = new RegExp(MARK, "i");
const MARK_ALL = new RegExp(MARK, "gi");

type Kind = "get" | "str" | "bool" | "num" | "obj" | "count" | "tags";

/** Paths of a type's properties and how the pack reads them. */
export type Shape = Map<string, Kind>;

const READERS: readonly Kind[] = ["get", "str", "bool", "num", "obj", "count", "tags"];

/** Records, per resource type, the outermost Props read of each path while `run` runs. */
function recordReads(run: () => void): Map<string, Shape> {
  const seen = new Map<string, Shape>();
  const proto = Props.prototype as unknown as Record<string, (...a: unknown[]) => unknown>;
  const originals = new Map(READERS.map((k) => [k, proto[k]] as const));
  let depth = 0;
  for (const kind of READERS) {
    const original = originals.get(kind) as (...a: unknown[]) => unknown;
    proto[kind] = function (this: Props, ...args: unknown[]) {
      const path = typeof args[0] === "string" ? args[0] : kind === "tags" ? "tags" : "";
      if (depth === 0 && path !== "") {
        const type = this.resource.type;
        const shape = seen.get(type) ?? new Map<string, Kind>();
        seen.set(type, shape);
        if (!shape.has(path)) shape.set(path, kind);
      }
      depth++;
      try {
        return original.apply(this, args);
      } finally {
        depth--;
      }
    };
  }
  try {
    run();
  } finally {
    for (const [k, f] of originals) proto[k] = f as (...a: unknown[]) => unknown;
  }
  return seen;
}

const SETTINGS = new Map(ALL_RULES.map((r) => [r, settingsFor(r, {})]));

function judgeAll(resources: EngineResource[]): void {
  const inventory = buildInventory(resources);
  evaluate(ALL_RULES, inventory, (rule) => SETTINGS.get(rule) as ReturnType<typeof settingsFor>, {
    scope: { id: "stack", type: "pulumi:pulumi:Stack", name: "stack", label: "stack" },
  });
}

const isDocumentPath = (path: string): boolean => /(^|\.)(policy|assumeRolePolicy|accessPolicies|policyDocument|document)$/i.test(path);

/** Sets `value` at a dotted path ("a.0.b"), creating blocks and lists on the way. */
function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: Record<string, unknown> | unknown[] = target;
  for (let i = 0; i < parts.length; i++) {
    const key = parts[i] as string;
    const last = i === parts.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(parts[i + 1] as string);
    const slot = (cur as Record<string, unknown>)[key];
    if (last) {
      if (slot === undefined || typeof slot !== "object") (cur as Record<string, unknown>)[key] = value;
      return;
    }
    if (slot === undefined || slot === null) (cur as Record<string, unknown>)[key] = nextIsIndex ? [] : {};
    else if (typeof slot !== "object" || (nextIsIndex && !Array.isArray(slot))) return;
    cur = (cur as Record<string, unknown>)[key] as Record<string, unknown>;
  }
}

const placeholder = (kind: Kind, path: string): unknown => {
  if (isDocumentPath(path)) return { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "s3:GetObject", Resource: "*" }] };
  switch (kind) {
    case "bool":
      return true;
    case "num":
      return 7;
    case "obj":
      return {};
    case "count":
      return [{}];
    case "tags":
      return { "data-classification": "restricted", "customer-segment": "a" };
    default:
      return kind === "get" && isListPath(path) ? ["x", "x"] : "x";
  }
};

/**
 * The paths the pack reads for each type, nested blocks included. All types are probed in one stack
 * whose every string is the same, so resources join by value and the stack views read their joins too.
 */
export function discoverShapes(types: readonly string[]): Map<string, Shape> {
  const shapes = new Map<string, Shape>(types.map((t) => [t, new Map()]));
  const props = new Map<string, Record<string, unknown>>(types.map((t) => [t, {}]));
  for (let round = 0; round < 6; round++) {
    const resources: EngineResource[] = types.map((type, i) => ({
      urn: `urn:pulumi:dev::p::${type}::probe${i}`,
      type,
      name: `probe${i}`,
      props: props.get(type) as Record<string, unknown>,
      propertyDependencies: {},
    }));
    const found = recordReads(() => {
      judgeAll(resources);
      for (const r of resources) judgeAll([r]);
    });
    let grew = false;
    for (const [type, paths] of found) {
      const shape = shapes.get(type);
      if (shape === undefined) continue;
      for (const [path, kind] of paths) {
        if (shape.has(path)) continue;
        shape.set(path, kind);
        grew = true;
      }
    }
    if (!grew) break;
    for (const [type, shape] of shapes) {
      const next: Record<string, unknown> = {};
      for (const [path, kind] of sortedPaths(shape)) setPath(next, path, placeholder(kind, path));
      props.set(type, next);
    }
  }
  return shapes;
}

const sortedPaths = (shape: Shape): [string, Kind][] =>
  [...shape.entries()].sort((a, b) => a[0].split(".").length - b[0].split(".").length || (a[0] < b[0] ? -1 : 1));

/** A raw read of a plural name is a list of strings. */
const isListPath = (path: string): boolean => /(s|Ids|Arns|Blocks)$/.test(path.split(".").pop() ?? "");

/** How a variant fills the paths. */
export interface Variant {
  readonly name: string;
  /** Wrap each whole top-level property in one secret envelope instead of each leaf. */
  readonly wholeProperties?: boolean;
  /** Leave values unwrapped (bounding checks). */
  readonly plain?: boolean;
  value(kind: Kind, path: string, token: (what: string) => string): unknown;
}

const arn = (service: string, what: string): string => `arn:aws:${service}:eu-west-1:123456789012:${what}`;

/** A policy document whose every free-text element is a planted token. */
export function tokenDocument(token: (what: string) => string): Record<string, unknown> {
  return {
    Version: "2012-10-17",
    Id: token("doc-id"),
    Statement: [
      {
        Sid: token("sid"),
        Effect: "Allow",
        Principal: { AWS: [`arn:aws:iam::210987654321:role/${token("principal")}`, "*"] },
        Action: ["s3:*", "iam:PassRole", "kms:*", "*"],
        Resource: [`arn:aws:s3:::${token("bucket")}/*`, "*"],
        Condition: {
          StringEquals: { [`aws:PrincipalTag/${token("tag-key")}`]: [token("cond-value")] },
          Bool: { "aws:SecureTransport": "false" },
        },
      },
      {
        Sid: token("sid-deny"),
        Effect: "Deny",
        NotPrincipal: { AWS: `arn:aws:iam::210987654321:user/${token("not-principal")}` },
        NotAction: "s3:GetObject",
        NotResource: arn("kms", `key/${token("key")}`),
      },
    ],
  };
}

/** A document AWS would reject, every mistake made with a planted token. */
export function malformedDocument(token: (what: string) => string): Record<string, unknown> {
  return {
    Version: token("version"),
    [token("extra-element")]: 1,
    Statement: [
      {
        Sid: token("sid"),
        Effect: token("effect"),
        Principal: token("principal-string"),
        Action: [token("action-no-colon"), `${token("svc")}:a:b`, `s3:${token("space")} x`],
        Resource: [token("not-an-arn")],
        Condition: { [token("operator")]: { k: "v" }, StringEquals: { [token("cond-key")]: { [token("nested")]: 1 } } },
        [token("effect").toLowerCase()]: "x",
      },
    ],
  };
}

const BIG = 1024 * 1024;
const big = (token: (what: string) => string, what: string): string => {
  const head = token(what);
  return head + "y".repeat(BIG - head.length);
};

export const VARIANTS: readonly Variant[] = [
  {
    name: "well-formed values, documents as objects",
    value: (kind, path, token) => {
      if (isDocumentPath(path)) return tokenDocument(token);
      switch (kind) {
        case "bool":
          return false;
        case "num":
          return 5;
        case "count":
          return [{}];
        case "obj":
          return {};
        case "tags":
          return tags(token);
        default:
          return /arn|kms|key/i.test(path) ? arn("kms", `key/${token(path)}`) : token(path);
      }
    },
  },
  {
    name: "ARNs and names that join, documents as JSON text",
    value: (kind, path, token) => {
      if (isDocumentPath(path)) return JSON.stringify(tokenDocument(token));
      switch (kind) {
        case "bool":
          return true;
        case "num":
          return 70000;
        case "count":
          return [{}];
        case "obj":
          return {};
        case "tags":
          return tags(token);
        default: {
          const last = path.split(".").filter((s) => !/^\d+$/.test(s)).pop() ?? path;
          if (/policyArn|managedPolicyArns/i.test(path)) return "arn:aws:iam::aws:policy/AdministratorAccess";
          if (/^(user|users|role|roles|group|groups|name|bucket)$/.test(last)) return `${MARK}-shared-${last.replace(/s$/, "")}`;
          return arn("iam", `role/${token(path)}`);
        }
      }
    },
  },
  {
    name: "wrong types and malformed documents",
    value: (kind, path, token) => {
      if (isDocumentPath(path)) return malformedDocument(token);
      switch (kind) {
        case "tags":
          return { ...tags(token), [token("tag-key")]: [token("not-a-string")] };
        case "count":
          return token(`${path}-not-a-list`);
        default:
          return token(`${path}-wrong-type`);
      }
    },
  },
  {
    name: "whole properties secret, JSON text that does not parse",
    wholeProperties: true,
    value: (kind, path, token) => {
      if (isDocumentPath(path)) return `{"Version": "2012-10-17", "Statement": [{"Sid": "${token("sid")}", "Effect": "Allow" "Action": "${token("action")}"`;
      switch (kind) {
        case "bool":
          return "true";
        case "num":
          return 22;
        case "count":
          return [{}];
        case "obj":
          return {};
        case "tags":
          return tags(token);
        default:
          return token(path);
      }
    },
  },
];

/**
 * 1 MB values, secret (redaction before bounding) or plain (bounding alone): the first string of
 * each resource (a name, an ARN, a segment tag) and its documents' Sids are 1 MB, the rest tokens.
 */
export const BIG_VARIANTS: readonly Variant[] = [true, false].map((isSecret) => {
  const seen = new WeakSet<object>();
  /** The first string of each resource is 1 MB (each resource has its own `token`). */
  const sized = (token: (what: string) => string, what: string): string => {
    if (seen.has(token)) return token(what);
    seen.add(token);
    return big(token, what);
  };
  return {
    name: isSecret ? "1 MB secret values" : "1 MB plain values",
    plain: !isSecret,
    value: (kind: Kind, path: string, token: (what: string) => string) => {
      if (isDocumentPath(path)) {
        const doc = tokenDocument(token);
        return { ...doc, Statement: [{ ...(doc.Statement as object[])[0], Sid: big(token, "sid") }] };
      }
      switch (kind) {
        case "tags":
          return { "data-classification": token("class"), "customer-segment": sized(token, "segment") };
        case "bool":
          return true;
        case "num":
          return 5;
        case "count":
          return [{}];
        case "obj":
          return {};
        default:
          return sized(token, path);
      }
    },
  };
});

function tags(token: (what: string) => string): Record<string, string> {
  return {
    "data-classification": token("classification"),
    "customer-segment": token("segment"),
    "cdguard:approved-admin": token("approved"),
    "cdguard:waive:CDG-ENC-001": `${token("waiver-reason")}; until=2099-01-01`,
    "cdguard:waive:CDG-NET-001": `${token("expired-waiver")}; until=2001-01-01`,
    "cdguard:waive:CDG-SEG-001": `${token("bad-waiver")}; until=${token("not-a-date")}`,
    "cdguard:waive:CDG-IAM-001": `${token("iam-waiver")}`,
  };
}

/** Wraps every leaf (or, for `wholeProperties`, every top-level value) in a secret envelope. */
export function secretize(props: Record<string, unknown>, wholeProperties: boolean): Record<string, unknown> {
  const leaf = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(leaf);
    if (typeof v === "object" && v !== null) {
      // An asset, archive or reference is one value: its signature must stay readable.
      if (SIG_KEY in v) return secret(v as WireValue);
      // Keys stay plain when only the values are secret: the marker would flag them wrongly.
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k.replace(MARK_ALL, "plainkey"), leaf(x)]));
    }
    return secret(v as WireValue);
  };
  return Object.fromEntries(Object.entries(props).map(([k, v]) => [k, wholeProperties ? secret(v as WireValue) : leaf(v)]));
}

/** The properties of `type` for one variant; `token(what)` names each planted value. */
export function variantProps(shape: Shape, variant: Variant, token: (what: string) => string): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  // Shorter paths first, so a block is set before the fields inside it.
  for (const [path, kind] of sortedPaths(shape)) {
    if (path === "tagsAll") continue;
    const value = variant.value(kind, path, token);
    setPath(props, path, kind === "get" && isListPath(path) && typeof value === "string" ? [value, `${value}-2`] : value);
  }
  return variant.plain ? props : secretize(props, variant.wholeProperties === true);
}

/** Every string, number and boolean inside the secret envelopes of a wire value. */
export function secretLeaves(wire: unknown, inSecret = false, out: Set<string> = new Set()): Set<string> {
  if (typeof wire === "string" || typeof wire === "number" || typeof wire === "boolean") {
    if (inSecret) out.add(String(wire));
  } else if (Array.isArray(wire)) {
    for (const x of wire) secretLeaves(x, inSecret, out);
  } else if (typeof wire === "object" && wire !== null) {
    const o = wire as Record<string, unknown>;
    if (o["4dabf18193072939515e22adb298388d"] === "1b47061264138c4ac30d75fd1eb44270") secretLeaves(o.value, true, out);
    else for (const [k, x] of Object.entries(o)) {
      if (inSecret) out.add(k);
      secretLeaves(x, inSecret, out);
    }
  }
  return out;
}
