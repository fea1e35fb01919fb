import { isUnknown } from "../core/value";

// AWS's size limits on policy documents. A document over its limit is rejected by AWS (IAM answers
// LimitExceeded, S3 MalformedPolicy...), so it can be judged at once, in time linear in its size,
// without analysing what it grants. Rule-neutral: a rule picks the limit of the place the document
// goes to.
//
// Sources (AWS documentation):
// - IAM and AWS STS quotas, "IAM and STS character quotas": each managed policy at most 6,144
//   characters; the inline policies of one user at most 2,048 characters in all, of one group 5,120,
//   of one role 10,240; "IAM does not count white space when calculating the size of a policy".
// - Amazon S3 user guide, "Bucket policies and user policies": bucket policies are limited to 20 KB.
// - AWS KMS PutKeyPolicy: the key policy size limit is 32 KiB (32,768 bytes).
// - Amazon SQS policy quotas: 8,192 bytes.
// - Amazon SNS policy quotas: 30 KB.
//
// Measured conservatively, so that a document reported over its limit is over it however AWS counts:
// IAM limits count characters without any whitespace (inside strings too); byte limits count the
// UTF-8 bytes of the document without the whitespace between JSON tokens, with KB read as 1,024 bytes.

export type PolicySizeKind =
  | "managed-policy"
  | "role-inline-policy"
  | "user-inline-policy"
  | "group-inline-policy"
  | "s3-bucket-policy"
  | "kms-key-policy"
  | "sqs-queue-policy"
  | "sns-topic-policy";

export type PolicySizeUnit = "characters" | "bytes";

export interface PolicySizeLimit {
  readonly limit: number;
  readonly unit: PolicySizeUnit;
  /** e.g. "a managed policy", for messages. */
  readonly what: string;
}

export const POLICY_SIZE_LIMITS: { readonly [K in PolicySizeKind]: PolicySizeLimit } = {
  "managed-policy": { limit: 6_144, unit: "characters", what: "a managed policy" },
  "role-inline-policy": { limit: 10_240, unit: "characters", what: "a role's inline policies" },
  "user-inline-policy": { limit: 2_048, unit: "characters", what: "a user's inline policies" },
  "group-inline-policy": { limit: 5_120, unit: "characters", what: "a group's inline policies" },
  "s3-bucket-policy": { limit: 20 * 1024, unit: "bytes", what: "an S3 bucket policy" },
  "kms-key-policy": { limit: 32 * 1024, unit: "bytes", what: "a KMS key policy" },
  "sqs-queue-policy": { limit: 8_192, unit: "bytes", what: "an SQS queue policy" },
  "sns-topic-policy": { limit: 30 * 1024, unit: "bytes", what: "an SNS topic policy" },
};

/** A document over its AWS size limit. */
export interface PolicySizeProblem {
  readonly kind: PolicySizeKind;
  readonly limit: number;
  /** The size measured; with `atLeast`, a lower bound (parts of the document are not known yet). */
  readonly size: number;
  readonly atLeast: boolean;
  readonly unit: PolicySizeUnit;
  /** e.g. `is 6,200 characters long (whitespace not counted), over the 6,144-character limit of a managed policy: AWS would reject it`. */
  readonly message: string;
}

/** A measured size: exact, or a lower bound when some values are unknown. */
interface Measure {
  readonly characters: number;
  readonly bytes: number;
  readonly atLeast: boolean;
}

/**
 * The size problem of a policy document that AWS would reject for its size, or undefined when it
 * fits, or when too little of it is known to tell. The document is JSON text or an object (measured
 * as its JSON serialization; Unknown values count for nothing, so a document whose known part alone
 * is over the limit is still caught). O(size of the document).
 */
export function policySizeProblem(document: unknown, kind: PolicySizeKind): PolicySizeProblem | undefined {
  const spec = POLICY_SIZE_LIMITS[kind];
  if (spec === undefined) return undefined;
  const m = measurePolicy(document);
  if (m === undefined) return undefined;
  const size = spec.unit === "characters" ? m.characters : m.bytes;
  if (size <= spec.limit) return undefined;
  return { kind, limit: spec.limit, size, atLeast: m.atLeast, unit: spec.unit, message: sizeMessage(size, m.atLeast, spec) };
}

function sizeMessage(size: number, atLeast: boolean, spec: PolicySizeLimit): string {
  const n = (x: number): string => x.toLocaleString("en-US");
  const how = spec.unit === "characters" ? " (whitespace not counted)" : "";
  const unit = spec.unit === "characters" ? "character" : "byte";
  return `is ${atLeast ? "at least " : ""}${n(size)} ${spec.unit} long${how}, over the ${n(spec.limit)}-${unit} limit of ${spec.what}: AWS would reject it`;
}

/** Characters without whitespace and bytes without inter-token whitespace; undefined when not measurable. */
export function measurePolicy(document: unknown): Measure | undefined {
  if (isUnknown(document) || document === undefined) return undefined;
  if (typeof document === "string") return measureText(document);
  const acc = { characters: 0, bytes: 0, atLeast: false };
  return measureValue(document, acc, new Set(), 0) ? acc : undefined;
}

const MAX_DEPTH = 256;

function isWhitespace(code: number): boolean {
  // JavaScript's \s: the JSON whitespace and every other Unicode space, so that none is counted.
  return (
    code === 32 || (code >= 9 && code <= 13) || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000 || code === 0xfeff
  );
}

function utf8Bytes(code: number): number {
  if (code < 0x80) return 1;
  if (code < 0x800) return 2;
  // A surrogate pair is four bytes: two for each half.
  if (code >= 0xd800 && code <= 0xdfff) return 2;
  return 3;
}

/** Counts text as written: whitespace never counts as a character, and outside strings not as a byte. */
function measureText(text: string, acc?: { characters: number; bytes: number; atLeast: boolean }, insideString = false): Measure {
  let characters = 0;
  let bytes = 0;
  let inString = insideString;
  let escaped = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    const space = isWhitespace(code);
    // A low surrogate completes a character already counted.
    if (!space && !(code >= 0xdc00 && code <= 0xdfff)) characters++;
    if (!space || inString) bytes += utf8Bytes(code);
    if (insideString) continue;
    if (escaped) escaped = false;
    else if (inString && code === 92 /* \ */) escaped = true;
    else if (code === 34 /* " */) inString = !inString;
  }
  if (acc !== undefined) {
    acc.characters += characters;
    acc.bytes += bytes;
  }
  return { characters, bytes, atLeast: acc?.atLeast ?? false };
}

function add(acc: { characters: number; bytes: number }, ascii: number): void {
  acc.characters += ascii;
  acc.bytes += ascii;
}

/** Adds the compact JSON serialization of a value; false when it has none (a cycle, too deep). */
function measureValue(value: unknown, acc: { characters: number; bytes: number; atLeast: boolean }, open: Set<object>, depth: number): boolean {
  if (isUnknown(value)) {
    acc.atLeast = true;
    return true;
  }
  switch (typeof value) {
    case "string":
      measureText(JSON.stringify(value), acc, true);
      return true;
    case "number":
      add(acc, Number.isFinite(value) ? String(value).length : 4);
      return true;
    case "boolean":
      add(acc, value ? 4 : 5);
      return true;
    case "bigint":
      return false;
    case "object":
      break;
    default:
      // undefined, functions and symbols: JSON.stringify writes `null` in a list and drops them elsewhere.
      add(acc, 4);
      return true;
  }
  if (value === null) {
    add(acc, 4);
    return true;
  }
  if (open.has(value) || depth >= MAX_DEPTH) return false;
  open.add(value);
  let ok = true;
  if (Array.isArray(value)) {
    add(acc, 2 + Math.max(0, value.length - 1));
    for (const item of value) if (!(ok = measureValue(item, acc, open, depth + 1))) break;
  } else {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== "function" && typeof v !== "symbol");
    add(acc, 2 + Math.max(0, entries.length - 1) + entries.length);
    for (const [key, v] of entries) {
      measureText(JSON.stringify(key), acc, true);
      if (!(ok = measureValue(v, acc, open, depth + 1))) break;
    }
  }
  open.delete(value);
  return ok;
}
