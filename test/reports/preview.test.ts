// `cdguard preview-report`: a Pulumi run's policy events as a canonical report. Fixtures (test/reports/fixtures,
// see its README): what `pulumi policy analyze --json` (CLI v3.274.1) printed for examples/encryption-violations,
// and a preview event log written to the CLI's Go structs (sdk/v3@v3.274.1/go/common/apitype/events.go).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { findingId } from "../../src/reports/finding-id";
import { EventLogError, previewReport } from "../../src/reports/preview";
import { UNKNOWN_REASON_TEXT } from "../../src/core/outcome";
import { readPackMessage } from "../../src/reports/preview/pack-message";
import { parseReport } from "../../src/reports/read-report";
import type { CanonicalReport, ReportFinding } from "../../src/reports/report";

const fixtures = join(__dirname, "fixtures");
const fixture = (name: string): string => readFileSync(join(fixtures, name), "utf8");
const reportOf = (name: string): CanonicalReport => previewReport(fixture(name), { source: name });

/** "status rule resource-name" per finding. */
const summaryOf = (r: CanonicalReport): string[] => r.findings.map((f) => `${f.status} ${f.ruleId} ${f.resource.name}`);
const find = (r: CanonicalReport, ruleId: string, name: string): ReportFinding => {
  const f = r.findings.find((x) => x.ruleId === ruleId && x.resource.name === name);
  if (!f) throw new Error(`no ${ruleId} finding on ${name}`);
  return f;
};

describe("the events of the real CLI (pulumi policy analyze --json, examples/encryption-violations)", () => {
  const report = reportOf("policy-analyze-encryption-violations.jsonl");

  it("is a valid canonical report of the stack the URNs name", () => {
    expect(() => parseReport(JSON.stringify(report), "report")).not.toThrow();
    expect(report.scope).toEqual({ front: "pulumi", project: "shop-data-violations", stack: "dev", operation: "update" });
    expect(report.tool.name).toBe("customer-data-guard");
    expect(report.tool.version).toBe("0.1.0");
    expect(report.gaps).toEqual([]);
    expect(report.stats).toBeUndefined();
    expect(report.startedAt <= report.finishedAt).toBe(true);
  });

  it("gives one finding per violation: failures, the waived one and the not assessed ones with their reason", () => {
    // The program shows encryption at rest; its privacy-hygiene findings are read the same way (one checked here).
    const outsideHygiene = summaryOf(report).filter((l) => !l.includes(" CDG-HYG-"));
    expect(summaryOf(report)).toContain("fail CDG-HYG-015 ledger-db");
    expect(outsideHygiene.sort()).toEqual([
      "fail CDG-ENC-001 scratch",
      "fail CDG-ENC-001 ledger-db",
      "fail CDG-ENC-001 order-notifications",
      "fail CDG-ENC-002 payment-methods",
      "fail CDG-ENC-002 ledger-db",
      "fail CDG-ENC-002 customer-exports",
      "waived CDG-ENC-002 legacy-import",
      "fail CDG-ENC-003 weak-key",
      "fail CDG-ENC-004 weak-key",
      "fail CDG-ENC-005 accounts-db-replica",
      "not-assessed CDG-NET-002 accounts-db",
      "not-assessed CDG-NET-002 accounts-db-replica",
      "not-assessed CDG-NET-002 ledger-db",
      "fail CDG-NET-003 accounts-db",
      "fail CDG-NET-003 ledger-db",
      "not-assessed CDG-NET-003 accounts-db-replica",
      "fail CDG-NET-004 customer-exports",
      "fail CDG-NET-004 legacy-import",
      "fail CDG-NET-007 customer-exports",
      "fail CDG-NET-007 legacy-import",
    ].sort());
    for (const f of report.findings.filter((x) => x.status === "not-assessed" && !x.ruleId.startsWith("CDG-HYG-"))) expect(f.reason).toBe("not-fetched");
  });

  it("keeps the rule's own message, without the policy description, rule id or waiver", () => {
    const f = find(report, "CDG-ENC-001", "ledger-db");
    expect(f.message).toBe("RDS instance 'ledger-db' is not encrypted at rest (storageEncrypted=false)");
    expect(f.resource).toEqual({ id: "urn:pulumi:dev::shop-data-violations::aws:rds/instance:Instance::ledger-db", type: "aws:rds/instance:Instance", name: "ledger-db", label: "RDS instance" });
    const waived = find(report, "CDG-ENC-002", "legacy-import");
    expect(waived.message).toBe("S3 bucket 'legacy-import' (classified 'restricted') is encrypted with an AWS-owned key (AWS default encryption (SSE-S3)), not a customer-managed KMS key");
    expect(waived.waiver).toEqual({ state: "active", reason: "migrating to the orders key, ticket SEC-142", expires: "2027-03-31", source: "tag" });
    const replica = find(report, "CDG-NET-003", "accounts-db-replica");
    expect(replica.message).toMatch(/^RDS instance 'accounts-db-replica': the subnets cannot be judged: /);
    // The reason travels in words ("not assessed (not visible to this run): ...") and is read back.
    expect(replica.reason).toBe("not-fetched");
  });

  it("ids findings by rule and URN, as findingId does, in the canonical order", () => {
    for (const f of report.findings) expect(f.id).toBe(findingId(f.ruleId, f.resource.id));
    const keys = report.findings.map((f) => [f.ruleId, f.resource.id] as const);
    expect(keys).toEqual([...keys].sort((a, b) => a[0].localeCompare(b[0]) || a[1].localeCompare(b[1])));
  });

  it("lists the rules that reported, in id order, with coverage per rule", () => {
    expect(report.rules.map((r) => r.id).filter((id) => !id.startsWith("CDG-HYG-"))).toEqual(["CDG-ENC-001", "CDG-ENC-002", "CDG-ENC-003", "CDG-ENC-004", "CDG-ENC-005", "CDG-NET-002", "CDG-NET-003", "CDG-NET-004", "CDG-NET-007"]);
    expect(report.coverage.find((c) => c.ruleId === "CDG-ENC-002")).toEqual({ ruleId: "CDG-ENC-002", evaluated: 4, pass: 0, fail: 3, waived: 1, notAssessed: 0 });
    expect(report.coverage.find((c) => c.ruleId === "CDG-NET-003")).toEqual({ ruleId: "CDG-NET-003", evaluated: 2, pass: 0, fail: 2, waived: 0, notAssessed: 1 });
  });
});

describe("a preview's event log (every form of the pack's messages, summaries, other packs)", () => {
  const report = reportOf("preview-shop-dev.jsonl");
  const stack = "urn:pulumi:dev::shop::pulumi:pulumi:Stack::shop-dev";

  it("reads the scope, times and tool from the events", () => {
    expect(() => parseReport(JSON.stringify(report), "report")).not.toThrow();
    expect(report.scope).toEqual({ front: "pulumi", project: "shop", stack: "dev", operation: "preview" });
    expect(report.startedAt).toBe("2026-11-30T00:53:20.000Z");
    expect(report.finishedAt).toBe("2026-11-30T00:53:26.000Z");
    expect(report.tool.version).toBe("0.1.0");
  });

  it("gives every status; other packs' events, types the pack does not read and rules with nothing to judge give nothing", () => {
    expect(summaryOf(report).sort()).toEqual([
      "fail CDG-ENC-001 ledger",
      "fail CDG-ENC-001 orders",
      "fail CDG-ENC-005 shop-dev",
      "fail CDG-NET-002 ledger",
      "not-assessed CDG-NET-007 orders",
      "not-assessed CDG-SEG-005 shop-dev",
      "pass CDG-ENC-001 logs", // not CDG-ENC-003 or CDG-NET-001 on the bucket orders: the engine lists them as passed, but they judge no bucket
      "pass CDG-IAM-006 deployer",
      "pass CDG-NET-001 ledger",
      "pass CDG-SEG-003 shop-dev",
      "waived CDG-ENC-002 orders",
      "waived CDG-NET-003 ledger",
    ]);
    expect(report.rules.map((r) => r.id)).toEqual([
      "CDG-ENC-001", "CDG-ENC-002", "CDG-ENC-003", "CDG-ENC-005", "CDG-IAM-006", "CDG-NET-001", "CDG-NET-002", "CDG-NET-003", "CDG-NET-007", "CDG-SEG-003", "CDG-SEG-005",
    ]);
  });

  it("strips the preview's color directives and final new line", () => {
    expect(find(report, "CDG-ENC-001", "orders").message).toBe("S3 bucket 'orders' is not encrypted at rest (serverSideEncryptionConfiguration not set)");
  });

  it("recovers not assessed with its reason, waivers, expired waivers, waiver problems and policy exceptions", () => {
    expect(find(report, "CDG-NET-007", "orders")).toMatchObject({ status: "not-assessed", reason: "preview" });
    expect(find(report, "CDG-ENC-002", "orders").waiver).toEqual({ state: "active", reason: "migrating to the orders key, ticket SEC-142", expires: "2027-03-31", source: "tag" });
    const expired = find(report, "CDG-ENC-001", "ledger");
    expect(expired).toMatchObject({ status: "fail", message: "RDS instance 'ledger' is not encrypted at rest (storageEncrypted=false)" });
    expect(expired.waiver).toMatchObject({ state: "expired", expires: "2026-01-31", source: "tag" });
    expect(find(report, "CDG-NET-002", "ledger")).toMatchObject({ status: "fail", waiverProblem: "waiver tag 'cdguard:waive:CDG-NET-002' gives no reason" });
    expect(find(report, "CDG-NET-003", "ledger").waiver).toEqual({ state: "active", reason: "legacy network until the Q3 migration", source: "policy exception EXC-7" });
  });

  it("attributes a rule that could not run, and a violation naming no resource, to the root stack", () => {
    const error = find(report, "CDG-SEG-005", "shop-dev");
    expect(error).toMatchObject({ status: "not-assessed", reason: "error", message: "CDG-SEG-005 could not evaluate: policy document of role 'deployer' is too large to analyze" });
    expect(error.resource).toEqual({ id: stack, type: "pulumi:pulumi:Stack", name: "shop-dev", label: "Pulumi stack" });
    expect(find(report, "CDG-ENC-005", "shop-dev").resource.id).toBe(stack);
  });

  it("labels a resource alike in every finding, and reads a component child's own type", () => {
    expect(find(report, "CDG-NET-001", "ledger").resource.label).toBe("RDS instance");
    expect(find(report, "CDG-NET-001", "ledger").message).toBe("RDS instance 'ledger': no violation reported");
    expect(find(report, "CDG-IAM-006", "deployer").resource.label).toBe("IAM role");
    expect(find(report, "CDG-ENC-001", "logs").resource).toEqual({ id: "urn:pulumi:dev::shop::my:app:Storage$aws:s3/bucket:Bucket::logs", type: "aws:s3/bucket:Bucket", name: "logs", label: "S3 bucket" });
  });

  it("refuses a policy that is not a rule it knows, naming the line", () => {
    expect(() => previewReport(fixture("preview-shop-dev.jsonl"), { source: "x", packName: "aws-guard", rules: [] })).toThrow(
      /^x:6: policy 's3-bucket-public-access-blocked' of aws-guard 0.3.1 is not a rule this cdguard knows: the run used another version of the pack$/,
    );
  });
});

describe("input that is not a usable event log", () => {
  const event = (n: number, body: object) => JSON.stringify({ sequence: n, timestamp: 1796000000, ...body });
  const summary = event(9, { summaryEvent: { maybeCorrupt: false, durationSeconds: 1, resourceChanges: {}, PolicyPacks: { "customer-data-guard": "0.1.0" }, isPreview: true, result: "succeeded" } });
  const policy = (urn: string) =>
    event(1, { policyEvent: { resourceUrn: urn, message: "[CDG-ENC-001] S3 bucket 'b' is not encrypted at rest", color: "", policyName: "data-store-encrypted-at-rest", policyPackName: "customer-data-guard", policyPackVersion: "0.1.0", policyPackVersionTag: "0.1.0", enforcementLevel: "mandatory", severity: "high" } });
  const fails = (text: string, message: RegExp) => {
    expect(() => previewReport(text, { source: "events.jsonl" })).toThrow(EventLogError);
    expect(() => previewReport(text, { source: "events.jsonl" })).toThrow(message);
  };

  it("names the file and the line that is not JSON, without quoting it", () => {
    fails(`${policy("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b")}\n{"sequence": 2, oops secret-ish text\n${summary}\n`, /^events\.jsonl:2: not JSON; an event log has one JSON engine event per line$/);
    fails(`${policy("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b")}\n{"sequence": 2, "timest`, /^events\.jsonl:2: not JSON; the last line is cut short/);
  });

  it("refuses JSON that is not an engine event, and tells a preview digest and a state file apart", () => {
    fails(`{"version": 3, "deployment": {}}\n`, /^events\.jsonl:1: not a Pulumi engine event \(an object with a numeric "sequence" and "timestamp"\)$/);
    fails(`${event(0, { policyEvent: {}, summaryEvent: {} })}\n`, /events\.jsonl:1: not a Pulumi engine event \(it should hold exactly one "...Event" field; it holds "policyEvent", "summaryEvent"\)/);
    fails(`{\n  "steps": [],\n  "changeSummary": {"create": 1}\n}\n`, /^events\.jsonl: this is the JSON digest `pulumi preview --json` prints, not an event log/);
    fails(`${event(0, { policyEvent: { message: 1 } })}\n`, /events\.jsonl:1: policyEvent has no text "message"/);
    fails("\n\n", /^events\.jsonl: the event log is empty$/);
  });

  it("refuses a log that did not finish, has no event of the pack, or names several stacks", () => {
    fails(`${policy("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b")}\n`, /^events\.jsonl: no summaryEvent: the run did not finish/);
    const otherPack = event(9, { summaryEvent: { maybeCorrupt: false, durationSeconds: 1, resourceChanges: {}, PolicyPacks: {}, isPreview: true, result: "succeeded" } });
    fails(`${event(0, { preludeEvent: { config: {} } })}\n${otherPack}\n`, /^events\.jsonl: no event of policy pack 'customer-data-guard': run `pulumi preview --policy-pack/);
    fails(`${policy("urn:pulumi:dev::p::aws:s3/bucket:Bucket::b")}\n${policy("urn:pulumi:prod::p::aws:s3/bucket:Bucket::b")}\n${summary}\n`, /events\.jsonl: the events name more than one stack: project 'p' stack 'dev' \(line 1\), project 'p' stack 'prod' \(line 2\)/);
    fails(`${summary}\n`, /events\.jsonl: no event names a resource URN/);
  });

  it("accepts a clean run: the pack ran and reported nothing", () => {
    const clean = `${event(0, { resourcePreEvent: { metadata: { op: "same", urn: "urn:pulumi:dev::p::aws:s3/bucket:Bucket::b", type: "aws:s3/bucket:Bucket" } } })}\n${summary}\n`;
    const r = previewReport(clean, { source: "events.jsonl" });
    expect(r.findings).toEqual([]);
    expect(r.scope).toEqual({ front: "pulumi", project: "p", stack: "dev", operation: "preview" });
  });
});

describe("readPackMessage", () => {
  it("reads every form report-findings.ts writes", () => {
    expect(readPackMessage("Title [CDG-ENC-001]\n[CDG-ENC-001] S3 bucket 'b' is bad", "CDG-ENC-001")).toEqual({ status: "fail", message: "S3 bucket 'b' is bad" });
    expect(readPackMessage("[CDG-NET-003] not assessed: RDS instance 'd': the subnets of RDS instance 'd' is unknown (access-denied: x)", "CDG-NET-003")).toEqual({
      status: "not-assessed",
      reason: "access-denied",
      message: "RDS instance 'd': the subnets of RDS instance 'd' is unknown (access-denied: x)",
    });
    expect(readPackMessage("[CDG-NET-003] not assessed: something else", "CDG-NET-003")).toMatchObject({ status: "not-assessed", reason: "error" });
    // Today's form: the reason in words before the message, for each reason there is.
    for (const [reason, words] of Object.entries(UNKNOWN_REASON_TEXT)) {
      expect(readPackMessage(`[CDG-NET-003] not assessed (${words}): RDS instance 'd': the subnets cannot be judged: x`, "CDG-NET-003")).toEqual({
        status: "not-assessed",
        reason,
        message: "RDS instance 'd': the subnets cannot be judged: x",
      });
    }
    expect(readPackMessage(`not assessed (${UNKNOWN_REASON_TEXT.error}): CDG-NET-003 could not evaluate: boom`, "CDG-NET-003")).toMatchObject({ status: "not-assessed", reason: "error" });
    expect(readPackMessage("[CDG-ENC-002] S3 bucket 'b' is bad — WAIVED: (reason withheld)", "CDG-ENC-002")).toEqual({
      status: "waived",
      message: "S3 bucket 'b' is bad",
      waiver: { state: "active", reason: "(reason withheld)" },
    });
    expect(readPackMessage("'b' violates this policy (details withheld: this @pulumi/policy version does not let the pack see which values are secret)", "CDG-ENC-001").status).toBe("fail");
  });
});
