// `cdguard scan --org` against a seeded moto organization, under moto's IAM enforcement: the scanner holds
// exactly its generated policies, assumes the scan role in each member, and may not assume it in one.
// The same scan split into shards and merged gives the very same report.
import { beforeAll, describe, expect, it } from "vitest";
import { ALL_RULES } from "../../src/rules";
import { scanReport, type CanonicalReport } from "../../src/reports/canonical";
import { scanOrganization, scanShard, type OrgScanRequest } from "../../src/scanner/org/org-scan";
import { mergeShards } from "../../src/scanner/shards/merge-shards";
import { shardFileText } from "../../src/scanner/shards/shard-file";
import { ALL_SOURCES, keyDirectory } from "../../src/scanner/sources";
import { emulatorAccess } from "../support/aws-context";
import { useMoto } from "../support/moto/use-moto";
import { TOOL } from "../../src/cli/tool";
import { ORG_REGION, REPORTS_BUCKET, SCAN_ROLE, seedOrganization, type SeededOrg } from "./seed-org";

const moto = useMoto();
let org: SeededOrg;
let unsharded: CanonicalReport;

const request = (over: Partial<OrgScanRequest> = {}): OrgScanRequest => ({
  rules: ALL_RULES,
  entries: {},
  access: emulatorAccess(moto().endpoint, { credentials: async () => org.scanner, timeoutMs: 20_000, limits: { concurrency: 4, ratePerSecond: 1_000, burst: 1_000 } }),
  regions: [ORG_REGION],
  homeRegion: ORG_REGION,
  sources: ALL_SOURCES,
  keyDirectory,
  org: { roleName: SCAN_ROLE, sessionName: "cdguard-test", sessionSeconds: 3600 },
  accountConcurrency: 2,
  today: "2026-11-30",
  ...over,
});

/** The report without what differs between any two runs (times, call counts). */
const judged = (r: CanonicalReport) => ({ scope: r.scope, rules: r.rules, findings: r.findings, coverage: r.coverage, gaps: r.gaps });

beforeAll(async () => {
  org = await seedOrganization(moto().endpoint);
  await moto().enableIamAuth();
  unsharded = scanReport(await scanOrganization(request()), TOOL);
}, 600_000);

describe("cdguard scan --org on a moto organization", () => {
  it("scans every active account: the caller's own with its credentials, the members through the scan role", () => {
    const { payments, analytics, sandbox } = org.members;
    expect(unsharded.scope).toEqual({ front: "aws", accounts: [org.management, payments, analytics, sandbox].sort(), regions: [ORG_REGION], regionsNotEnabled: [] });
    const tables = unsharded.findings.filter((f) => f.resource.type.includes("DynamoDB") && f.status !== "not-assessed").map((f) => f.resource.account);
    expect(new Set(tables)).toEqual(new Set([org.management, payments, analytics]));
    // Each account's bucket, judged in its own account (none denies plain HTTP).
    const plainHttp = unsharded.findings.filter((f) => f.ruleId === "CDG-NET-007" && f.status === "fail").map((f) => `${f.resource.account} ${f.resource.name}`);
    const expected = [`${org.management} ${REPORTS_BUCKET}`, ...[org.management, payments, analytics].map((a) => `${a} ${a === org.management ? "management" : a === payments ? "payments" : "analytics"}-exports-${a}`)];
    expect(plainHttp.sort()).toEqual(expected.sort());
  });

  it("reports the account whose role cannot be assumed as not assessed, with the reason, for every rule", () => {
    const sandbox = unsharded.findings.filter((f) => f.resource.account === org.denied);
    expect(sandbox).toHaveLength(ALL_RULES.length);
    expect(new Set(sandbox.map((f) => `${f.status} ${f.reason} ${f.resource.type}`))).toEqual(new Set(["not-assessed access-denied AWS::Account"]));
    expect(sandbox[0]!.message).toContain(`sts:AssumeRole`);
    expect(sandbox[0]!.message).toContain(`arn:aws:iam::${org.denied}:role/${SCAN_ROLE}`);
    expect(unsharded.gaps.filter((g) => g.account === org.denied).map((g) => `${g.action} ${g.reason}`)).toEqual(["sts:AssumeRole access-denied"]);
  });

  it("gives, split into 1 to 5 shards and merged, exactly the unsharded report", async () => {
    for (const total of [1, 2, 3, 5]) {
      const texts: string[] = [];
      for (let index = 1; index <= total; index++) {
        const shard = await scanShard(request(), { index, total });
        texts.push(shardFileText(shard, { tool: TOOL, homeRegion: ORG_REGION, requestedRegions: [ORG_REGION], rules: ALL_RULES.map((r) => r.id), entries: {}, waivers: undefined, today: "2026-11-30" }));
      }
      // Any order of the files: the merge gathers each account from whichever shards hold it.
      const order = texts.map((text, i) => ({ source: `shard-${i + 1}.jsonl`, text })).reverse();
      const merged = await mergeShards(order.map((t) => async () => t), { allRules: ALL_RULES, sources: ALL_SOURCES, keyDirectory, progress: { accountStarted: () => undefined, fetched: () => undefined, accountDone: () => undefined } });
      expect(judged(scanReport(merged, TOOL)), `${total} shards`).toEqual(judged(unsharded));
    }
  }, 600_000);

  it("narrows the accounts with --accounts, --exclude-accounts and --ou", async () => {
    const accountsOf = async (over: Partial<NonNullable<OrgScanRequest["org"]>>) =>
      (await scanOrganization(request({ rules: ALL_RULES.filter((r) => r.id === "CDG-ENC-003"), org: { roleName: SCAN_ROLE, sessionName: "cdguard-test", sessionSeconds: 3600, ...over } }))).accounts.map((a) => a.account);
    const { payments, analytics, sandbox } = org.members;
    expect(await accountsOf({ ous: [org.ou] })).toEqual([payments, analytics].sort());
    expect(await accountsOf({ accounts: [payments] })).toEqual([payments]);
    expect(await accountsOf({ ous: [org.root], excludeAccounts: [sandbox, org.management] })).toEqual([payments, analytics].sort());
    await expect(accountsOf({ accounts: ["111122223333"] })).rejects.toThrow(/--accounts: 111122223333 is not an active account of the organization/);
  }, 300_000);
});
