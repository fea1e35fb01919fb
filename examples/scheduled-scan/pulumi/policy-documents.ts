// The scanner's generated read-only policy, read at program run time, and its split into documents a managed
// policy can hold. Pure but for the one file read.
import { existsSync, readFileSync } from "node:fs";
import { resolve } from "node:path";

export interface Statement {
  Sid?: string;
  Effect: "Allow" | "Deny";
  Action?: string | string[];
  Resource?: string | string[];
  Condition?: Record<string, Record<string, string | string[]>>;
  [key: string]: unknown;
}
export interface PolicyDocument {
  Version: "2012-10-17";
  Statement: Statement[];
}

/** IAM counts a managed policy's size without white space: 6,144 characters. */
export const MANAGED_POLICY_MAX_CHARS = 6144;

const REPO_ROOT = resolve(__dirname, "..", "..", "..");
/** `npm run docs` writes it; `cdguard iam-policy` prints it. Every scanned account's role needs it. */
export const SCANNER_POLICY_FILE = resolve(REPO_ROOT, "scanner-iam-policy.json");
/** The extra statements of the principal that lists the organization (`scan --org`), when generated. */
export const SCANNER_ORG_POLICY_FILE = resolve(REPO_ROOT, "scanner-org-iam-policy.json");

export function readPolicyDocument(file: string): PolicyDocument {
  const doc = JSON.parse(readFileSync(file, "utf8")) as Partial<PolicyDocument>;
  if (doc.Version !== "2012-10-17" || !Array.isArray(doc.Statement) || doc.Statement.length === 0) {
    throw new Error(`${file} is not an IAM policy document with statements`);
  }
  return { Version: "2012-10-17", Statement: doc.Statement };
}

/** What listing the organization needs, as the scanner documents it (used until scanner-org-iam-policy.json exists). */
const ORGANIZATION_READ: Statement = {
  Sid: "ListOrganizationAccounts",
  Effect: "Allow",
  Action: [
    "organizations:DescribeOrganization",
    "organizations:ListAccounts",
    "organizations:ListAccountsForParent",
    "organizations:ListOrganizationalUnitsForParent",
  ],
  Resource: "*",
};

/** The organization-listing statements of the generated org policy; its sts:AssumeRole is replaced by the program's own. */
export function organizationReadStatements(file = SCANNER_ORG_POLICY_FILE): Statement[] {
  if (!existsSync(file)) return [ORGANIZATION_READ];
  const actions = (s: Statement) => [s.Action ?? []].flat();
  return readPolicyDocument(file).Statement.filter((s) => !actions(s).some((a) => a.toLowerCase().startsWith("sts:")));
}

const size = (v: unknown): number => JSON.stringify(v).length;

/**
 * Splits a document into as few documents as needed, each within `maxChars` (minified): whole statements in
 * order, and a statement too large on its own cut into runs of its actions (its Sid numbered). Deterministic:
 * the same document always gives the same parts.
 */
export function splitPolicyDocument(doc: PolicyDocument, maxChars = MANAGED_POLICY_MAX_CHARS): PolicyDocument[] {
  const empty = size({ Version: doc.Version, Statement: [] });
  const pieces = doc.Statement.flatMap((s) => splitStatement(s, maxChars - empty));
  const parts: Statement[][] = [];
  let current: Statement[] = [];
  let used = empty;
  for (const piece of pieces) {
    const extra = size(piece) + (current.length > 0 ? 1 : 0);
    if (current.length > 0 && used + extra > maxChars) {
      parts.push(current);
      current = [];
      used = empty;
    }
    current.push(piece);
    used += size(piece) + (current.length > 1 ? 1 : 0);
  }
  if (current.length > 0) parts.push(current);
  return parts.map((Statement) => ({ Version: doc.Version, Statement }));
}

function splitStatement(s: Statement, maxChars: number): Statement[] {
  if (size(s) <= maxChars) return [s];
  const actions = [s.Action ?? []].flat();
  if (actions.length < 2) throw new Error(`statement ${s.Sid ?? ""} alone is larger than ${maxChars} characters`);
  const chunks: string[][] = [];
  let chunk: string[] = [];
  const withActions = (as: string[], n: number): Statement => ({ ...s, ...(s.Sid ? { Sid: `${s.Sid}${n}` } : {}), Action: as });
  for (const a of actions) {
    if (chunk.length > 0 && size(withActions([...chunk, a], chunks.length + 1)) > maxChars) {
      chunks.push(chunk);
      chunk = [];
    }
    chunk.push(a);
  }
  chunks.push(chunk);
  return chunks.map((as, i) => withActions(as, i + 1));
}
