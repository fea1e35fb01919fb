import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { INVENTORY_CSV_HEADER } from "../../src/reports/inventory/csv";
import { renderInventory } from "../../src/reports/inventory";
import { IDS, INVENTORY, manyPrincipalsInventory, UNKNOWN_REASON, XSS_NAME } from "./inventory-fixture";

/** Strict RFC 4180: no relaxed quotes, every record as wide as the header. */
function records(csv: string): string[][] {
  return parse(csv, { relax_quotes: false, relax_column_count: false, bom: false }) as string[][];
}

const ADMIN_ACTIONS = "dynamodb:DeleteTable, rds:DeleteDBInstance, s3:DeleteBucket, s3:PutBucketAcl, s3:PutBucketPolicy (+407 more)";
const ADMIN_POLICY = "managed policy AdministratorAccess of role admin";
const XSS = [IDS.xss, XSS_NAME, "dynamodb-table", "unknown (assumed)", "yes", "unknown"];
const DB = [IDS.db, "customer-db", "rds-instance", "restricted (tagged)", "yes", "seg-a"];
const BUCKET = [IDS.bucket, "public-exports", "s3-bucket", "confidential (tagged)", "yes", "seg-b"];
const ADMIN = [IDS.admin, "admin", "role", "no"];
const APP = [IDS.app, "seg-a-app", "role", "no"];

describe("inventory CSV", () => {
  const csv = renderInventory(INVENTORY, "csv");

  it("has one row per access edge, in the document's order, and a row for a store nothing reaches", () => {
    expect(records(csv)).toEqual([
      [...INVENTORY_CSV_HEADER],
      [...XSS, ...ADMIN, "manage", "allowed", "", ADMIN_POLICY, "Statement[0]", ADMIN_ACTIONS, "", ""],
      [...XSS, IDS.cmd, "'=cmd|calc", "user", "no", "read", "unknown", UNKNOWN_REASON, "", "", "", "", ""],
      [...DB, ...ADMIN, "manage", "allowed", "", ADMIN_POLICY, "Statement[0]", ADMIN_ACTIONS, "", ""],
      [
        ...DB,
        IDS.auditor,
        "auditor",
        "role",
        "no",
        "read",
        "denied",
        "an unconditional deny removes it",
        "managed policy ReadOnlyAccess of role auditor",
        "Statement[0]",
        "rds:DescribeDBInstances",
        "",
        "deny by inline policy 'no-db' of role auditor, DenyDb (always)",
      ],
      [...DB, ...APP, "read", "allowed", "", "inline policy 'tables' of role seg-a-app", "ReadDb", "rds-db:connect", "", ""],
      [...DB, ...APP, "write", "allowed", "", "inline policy 'tables' of role seg-a-app", "WriteDb", "rds-data:ExecuteStatement", "", ""],
      [...BUCKET, IDS.foreign, "999988887777", "account", "yes", "read", "conditional", "", "bucket policy of public-exports", "CrossAccountRead", "s3:GetObject, s3:ListBucket", "aws:PrincipalOrgID", ""],
      [...BUCKET, ...ADMIN, "manage", "allowed", "", ADMIN_POLICY, "Statement[0]", ADMIN_ACTIONS, "", ""],
      [...BUCKET, IDS.public, "anyone (public)", "public", "no", "read", "allowed", "", "bucket policy of public-exports", "PublicRead", "s3:GetObject", "", ""],
      [IDS.queue, "empty-queue", "sqs-queue", "internal (tagged)", "no", "none", "", "", "", "", "", "", "", "", "", "", "", ""],
    ]);
  });

  it("quotes commas, quotes and line breaks (RFC 4180, CRLF between records)", () => {
    expect(csv).toContain('"policy ""tables"", a pulumi.jsonStringify output\nunknown in preview"');
    expect(csv.split("\r\n")).toHaveLength(INVENTORY.access.length + 1 + 1 + 1);
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("neutralizes cells a spreadsheet would run as formulas", () => {
    const hostile = { ...INVENTORY.principals[0]!, name: "@SUM(1+1)" };
    const plus = { ...INVENTORY.principals[1]!, name: "+1-2" };
    const doc = { ...INVENTORY, principals: [hostile, plus, ...INVENTORY.principals.slice(2)] };
    const names = records(renderInventory(doc, "csv")).map((r) => r[7]);
    expect(names).toContain("'@SUM(1+1)");
    expect(names).toContain("'+1-2");
    expect(names).toContain("'=cmd|calc");
    expect(names.filter((n) => n !== undefined && /^[=+@-]/.test(n))).toEqual([]);
  });

  it("writes every edge of a wide store", () => {
    const rows = records(renderInventory(manyPrincipalsInventory(25), "csv"));
    expect(rows).toHaveLength(26);
    expect(rows[25]?.[7]).toBe("role-25");
  });
});
