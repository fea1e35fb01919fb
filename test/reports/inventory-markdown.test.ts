import { describe, expect, it } from "vitest";
import { renderInventory } from "../../src/reports/inventory";
import { INVENTORY, manyPrincipalsInventory } from "./inventory-fixture";

const lines = (md: string) => md.split("\n");

describe("inventory Markdown", () => {
  const md = renderInventory(INVENTORY, "markdown");

  it("opens with the summary counts", () => {
    expect(md.startsWith("# Customer-data inventory: prod scan\n\nSource: AWS scan · accounts: 111122223333\n\n")).toBe(true);
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        "- Stores: 4 (3 holding customer data, 1 public)",
        "- Principals: 6",
        "- Access edges: 9 (1 unknown)",
        "- Not assessed (gaps): 2",
      ]),
    );
  });

  it("has a stores table with one escaped row per store", () => {
    const table = lines(md).filter((l) => l.startsWith("| "));
    expect(table[0]).toBe("| store | kind | classification | segment | encryption | public | internet path | cross-account | backups | retention | owner | read | write | manage |");
    expect(lines(md)).toContain(
      '| customer-db | RDS instance | restricted (tagged) | seg-a | customer-managed key, arn:aws:kms:us-east-1:111122223333:key/1234, key owner own-account | no: no public policy or ACL | no: private subnets only | none | yes: 7 days of automated backups | yes: backup retention 7 days | team=data, "core"<br>platform, contact=dba@&#8203;example.com | 1 | 1 | 1 |',
    );
    expect(lines(md)).toContain(
      "| public-exports | S3 bucket | confidential (tagged) | seg-b | aws-managed key, key owner aws | yes: bucket policy allows Principal \\* | yes: public bucket | 999988887777 | no: no backup plan | unknown: no lifecycle rule read | owner==cmd | 2 | 0 | 1 |",
    );
    // The <script> name and the <img> owner are inert text; every table row keeps its 14 cells.
    expect(md).not.toMatch(/<script|<img/);
    expect(md).toContain("&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;");
    const storeRows = table.slice(1, 5);
    expect(storeRows.map((r) => r.split(/(?<!\\)\|/).length - 2)).toEqual([14, 14, 14, 14]);
  });

  it("says who can reach each store: the count line and the principals with their grants", () => {
    expect(lines(md)).toEqual(
      expect.arrayContaining([
        "### customer-db (RDS instance)",
        "1 principal can read customer-db · 1 can write · 1 can manage",
        "- **seg-a-app (role)**: read allowed (via inline policy 'tables' of role seg-a-app, ReadDb: rds-db:connect); write allowed (via inline policy 'tables' of role seg-a-app, WriteDb: rds-data:ExecuteStatement)",
        "- **auditor (role)**: read denied: an unconditional deny removes it (via managed policy ReadOnlyAccess of role auditor, Statement\\[0\\]: rds:DescribeDBInstances) \\[deny by inline policy 'no-db' of role auditor, DenyDb (always)\\]",
        "2 principals can read public-exports · 0 can write · 1 can manage",
        "- **999988887777 (foreign account)**: read conditional (via bucket policy of public-exports, CrossAccountRead: s3:GetObject, s3:ListBucket (if aws:PrincipalOrgID))",
        '- **=cmd\\|calc (user)**: read unknown: policy "tables", a pulumi.jsonStringify output<br>unknown in preview',
        "0 principals can read empty-queue · 0 can write · 0 can manage",
        "No principal reaches it.",
      ]),
    );
  });

  it("ranks the widest-reaching principals", () => {
    const ranking = md.slice(md.indexOf("## Widest-reaching principals"), md.indexOf("## Not assessed"));
    expect(lines(ranking).filter((l) => l.startsWith("| "))).toEqual([
      "| # | principal | kind | foreign | customer-data stores | read | write | manage | unknown | segments |",
      "| 1 | admin | role | no | 3 | 0 | 0 | 3 | 0 | seg-a, seg-b |",
      "| 2 | 999988887777 | account | yes (999988887777) | 1 | 1 | 0 | 0 | 0 | seg-b |",
      "| 3 | seg-a-app | role | no | 1 | 1 | 1 | 0 | 0 | seg-a |",
      "| 4 | anyone (public) | public | no | 1 | 1 | 0 | 0 | 0 | seg-b |",
      "| 5 | =cmd\\|calc | user | no | 0 | 0 | 0 | 0 | 1 | none |",
      "| 6 | auditor | role | no | 0 | 0 | 0 | 0 | 0 | none |",
    ]);
  });

  it("lists gaps and shadow stores", () => {
    const tail = md.slice(md.indexOf("## Not assessed"));
    expect(tail).toBe(
      [
        "## Not assessed",
        "",
        "- &lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;: DescribeTable and GetResourcePolicy were denied (access-denied)",
        "- =cmd\\|calc: inline policy 'tables' is unknown in preview",
        "",
        "## Shadow stores",
        "",
        "Compared with: stacks/prod.json",
        "",
        "### Unmanaged (no stack manages them)",
        "",
        "- empty-queue (SQS queue, arn:aws:sqs:us-east-1:111122223333:empty-queue)",
        "",
        "### Drifted from the stack",
        "",
        "| store | stack resource | state file | setting | stack | live |",
        "|---|---|---|---|---|---|",
        "| public-exports (S3 bucket, arn:aws:s3:::public-exports) | urn:pulumi:prod::app::aws:s3/bucketV2:BucketV2::exports | stacks/prod.json | public access block | all blocked | none |",
        "",
      ].join("\n"),
    );
  });

  it("has no shadow section when the document has none", () => {
    const { shadow: _shadow, ...rest } = INVENTORY;
    expect(renderInventory(rest, "markdown")).not.toContain("Shadow stores");
  });

  it("bounds the per-store list and the ranking at 20, then counts the rest", () => {
    const wide = renderInventory(manyPrincipalsInventory(25), "markdown");
    const reach = wide.slice(wide.indexOf("## Who can reach each store"), wide.indexOf("## Widest-reaching principals"));
    expect(lines(reach)).toContain("25 principals can read public-exports · 0 can write · 0 can manage");
    const entries = lines(reach).filter((l) => l.startsWith("- "));
    expect(entries).toHaveLength(21);
    expect(entries[19]).toBe("- **role-20 (role)**: read allowed (via managed policy S3Read, Read: s3:GetObject)");
    expect(entries[20]).toBe("- … and 5 more");
    const ranking = wide.slice(wide.indexOf("## Widest-reaching principals"));
    const rows = lines(ranking).filter((l) => /^\| \d+ \|/.test(l));
    expect(rows).toHaveLength(20);
    expect(rows[19]).toMatch(/^\| 20 \| role-20 \|/);
    expect(lines(ranking)).toContain("… and 5 more");
    const exactly = renderInventory(manyPrincipalsInventory(20), "markdown");
    expect(exactly).not.toContain("more");
  });
});
