// The HTML report at scale: renders a synthetic report of 50,000 findings (`--findings N`), opens it in
// headless Chromium (Debian's `chromium`, through playwright-core) from a file:// URL with the network
// blocked, and measures the file's size, the time from navigation to the first page of rows, and searches
// and filters over every finding. `npx tsc -p tsconfig.bench.json && node dist-bench/bench/html-report.js`
// (`--runs N`, `--json`).
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import type { PillarKey, Severity } from "../src/core/rule";
import { renderHtml } from "../src/reports/render/html";
import { REPORT_SCHEMA_VERSION, type CanonicalReport, type ReportFinding, type ReportRule } from "../src/reports/report";
import { median, round } from "./stats";

export interface HtmlReportBenchOptions {
  readonly findings?: number;
  /** Fresh pages loaded; medians are reported. */
  readonly runs?: number;
}

export interface HtmlReportBench {
  readonly findings: number;
  readonly bytes: number;
  readonly renderMs: number;
  /** Navigation start to the first row in the table, measured in the page. */
  readonly firstRowsMs: number;
  /** goto() called to the first row visible, measured by the driver. */
  readonly firstRowsWallMs: number;
  /** A search over every finding: filtering and the new page of rows, until the next frame. */
  readonly searchMs: number;
  readonly searchNoMatchMs: number;
  readonly statusFilterMs: number;
  /** Rows in the table after load (one page). */
  readonly rowsInDom: number;
}

const PILLARS: readonly PillarKey[] = ["encryption", "network", "segregation", "iam"];
const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
const STATUSES = ["fail", "pass", "fail", "not-assessed", "waived"] as const;

function syntheticRules(count: number): ReportRule[] {
  return Array.from({ length: count }, (_, i) => {
    const pillar = PILLARS[i % PILLARS.length] ?? "encryption";
    const id = `CDG-${pillar.slice(0, 3).toUpperCase()}-${String(i + 1).padStart(3, "0")}`;
    return {
      id,
      slug: `synthetic-rule-${i + 1}`,
      title: `Synthetic rule ${i + 1} of the ${pillar} pillar`,
      pillar,
      severity: SEVERITIES[i % SEVERITIES.length] ?? "high",
      rationale: "A rationale of realistic length: why customer data is at risk when this rule fails. ".repeat(3),
      remediation: "What to change, with the property to set (e.g. `storageEncrypted: true`). ".repeat(2),
      links: ["https://docs.aws.amazon.com/"],
      frameworks: (i % 3 === 0 ? { gdpr: ["Art.32(1)(a)"], "pci-dss-4.0": ["3.5.1"] } : { "cis-aws-3.0": [`2.${i}`] }) as Record<string, string[]>,
    };
  });
}

/** A scan of `n` findings over 7 accounts and 3 regions, every status, some waivers expired. */
export function syntheticReport(n: number): CanonicalReport {
  const rules = syntheticRules(30);
  const findings: ReportFinding[] = [];
  for (let i = 0; i < n; i++) {
    const rule = rules[i % rules.length] as ReportRule;
    const status = STATUSES[i % STATUSES.length] ?? "fail";
    const account = `1000000000${String(i % 7).padStart(2, "0")}`;
    const region = ["us-east-1", "eu-west-1", "ap-southeast-2"][i % 3] ?? "us-east-1";
    const name = `data-${i}`;
    const expired = status === "fail" && i % 50 === 0;
    findings.push({
      id: `${rule.id}-${i.toString(16).padStart(16, "0")}`,
      ruleId: rule.id,
      status,
      ...(status === "not-assessed" ? { reason: "access-denied" as const } : {}),
      resource: { id: `arn:aws:s3:::${name}`, type: "AWS::S3::Bucket", name, label: "S3 bucket", account, region },
      message:
        status === "pass"
          ? `S3 bucket '${name}' is encrypted with a customer-managed key`
          : `S3 bucket '${name}' is not encrypted with a customer-managed key (ServerSideEncryptionConfiguration: AES256), finding ${i}`,
      ...(status === "waived" || expired
        ? { waiver: { state: expired ? ("expired" as const) : ("active" as const), reason: "accepted until migration", owner: "data-team", expires: expired ? "2026-01-01" : "2027-06-30", source: "waivers.yaml", line: 3 } }
        : {}),
    });
  }
  findings.sort((a, b) => (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : a.resource.id < b.resource.id ? -1 : a.resource.id > b.resource.id ? 1 : 0));
  const coverage = rules.map((r) => {
    const count = (s: string) => findings.filter((f) => f.ruleId === r.id && f.status === s).length;
    return { ruleId: r.id, evaluated: count("pass") + count("fail") + count("waived"), pass: count("pass"), fail: count("fail"), waived: count("waived"), notAssessed: count("not-assessed") };
  });
  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: "customer-data-guard", version: "bench", iamDataVersion: "bench" },
    scope: { front: "aws", accounts: Array.from({ length: 7 }, (_, i) => `1000000000${String(i).padStart(2, "0")}`), regions: ["ap-southeast-2", "eu-west-1", "us-east-1"], regionsNotEnabled: [] },
    startedAt: "2026-11-30T10:00:00.000Z",
    finishedAt: "2026-11-30T10:20:00.000Z",
    rules,
    findings,
    coverage,
    gaps: [{ service: "dynamodb", region: "us-east-1", what: "DynamoDB tables", action: "dynamodb:ListTables", reason: "access-denied", detail: "AccessDeniedException" }],
  };
}

function chromiumPath(): string {
  const which = spawnSync("which", ["chromium"], { encoding: "utf8" });
  const path = which.stdout?.trim();
  if (which.status !== 0 || !path) throw new Error("chromium is not installed: apt-get install -y chromium (Debian's package; playwright-core uses it)");
  return path;
}

/**
 * Time in the page from setting the search or a filter to the next frame with the new rows. Page-side code
 * is passed as source: this project compiles without the DOM library.
 */
function timeInput(page: Page, selector: string, value: string): Promise<number> {
  return page.evaluate<number>(`new Promise((done) => {
    const input = document.querySelector(${JSON.stringify(selector)});
    const t0 = performance.now();
    input.value = ${JSON.stringify(value)};
    input.dispatchEvent(new Event(input.tagName === "SELECT" ? "change" : "input"));
    requestAnimationFrame(() => done(performance.now() - t0));
  })`);
}

/** Records when the first row appears in the findings table, in the page's clock (0 = navigation start). */
const FIRST_ROWS_PROBE = `new MutationObserver((_, observer) => {
  const rows = document.getElementById("finding-rows");
  if (rows && rows.children.length > 0) {
    window.firstRowsAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { childList: true, subtree: true });`;

type LoadFigures = Omit<HtmlReportBench, "findings" | "bytes" | "renderMs">;

async function loadOnce(browser: Browser, url: string): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort("blockedbyclient")));
  try {
    const page = await context.newPage();
    await page.addInitScript(FIRST_ROWS_PROBE);
    const started = performance.now();
    await page.goto(url);
    await page.locator("#finding-rows tr.finding").first().waitFor();
    const firstRowsWallMs = performance.now() - started;
    const firstRowsMs = await page.evaluate<number>("window.firstRowsAt ?? NaN");
    const rowsInDom = await page.locator("#finding-rows tr.finding").count();
    // Searches after the page has built its search texts in idle time, as a person typing would meet them.
    await page.evaluate("new Promise((done) => requestIdleCallback(() => setTimeout(done, 0)))");
    const searchMs = await timeInput(page, "#search", "finding 4242");
    const searchNoMatchMs = await timeInput(page, "#search", "no-such-resource");
    await timeInput(page, "#search", "");
    const statusFilterMs = await timeInput(page, "#filter-status", "not-assessed");
    return { firstRowsMs, firstRowsWallMs, searchMs, searchNoMatchMs, statusFilterMs, rowsInDom };
  } finally {
    await context.close();
  }
}

export async function benchHtmlReport(options: HtmlReportBenchOptions = {}): Promise<HtmlReportBench> {
  const findings = options.findings ?? 50_000;
  const runs = options.runs ?? 3;
  const report = syntheticReport(findings);
  const renderStarted = performance.now();
  const html = renderHtml(report);
  const renderMs = performance.now() - renderStarted;
  const dir = mkdtempSync(join(tmpdir(), "cdguard-html-bench-"));
  const file = join(dir, `report-${findings}.html`);
  writeFileSync(file, html);
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: process.getuid?.() === 0 ? ["--no-sandbox"] : [] });
  try {
    const loads: LoadFigures[] = [];
    for (let i = 0; i < runs; i++) loads.push(await loadOnce(browser, pathToFileURL(file).href));
    const med = (key: keyof LoadFigures) => round(median(loads.map((l) => l[key])));
    return {
      findings,
      bytes: Buffer.byteLength(html),
      renderMs: round(renderMs),
      firstRowsMs: med("firstRowsMs"),
      firstRowsWallMs: med("firstRowsWallMs"),
      searchMs: med("searchMs"),
      searchNoMatchMs: med("searchNoMatchMs"),
      statusFilterMs: med("statusFilterMs"),
      rowsInDom: Math.max(...loads.map((l) => l.rowsInDom)),
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

function intFlag(argv: readonly string[], flag: string): number | undefined {
  const at = argv.indexOf(flag);
  if (at < 0) return undefined;
  const n = Number(argv[at + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} takes a positive integer`);
  return n;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const options = { findings: intFlag(argv, "--findings"), runs: intFlag(argv, "--runs") };
  benchHtmlReport({ ...(options.findings ? { findings: options.findings } : {}), ...(options.runs ? { runs: options.runs } : {}) }).then(
    (r) => {
      if (argv.includes("--json")) return console.log(JSON.stringify(r, null, 2));
      console.log(`HTML report of ${r.findings.toLocaleString("en-US")} findings (medians of the runs)`);
      console.log(`  file size            ${(r.bytes / 1e6).toFixed(2)} MB (rendered in ${r.renderMs} ms)`);
      console.log(`  first rows           ${r.firstRowsMs} ms after navigation start (${r.firstRowsWallMs} ms from goto), ${r.rowsInDom} rows in the DOM`);
      console.log(`  search, some match   ${r.searchMs} ms to the next frame`);
      console.log(`  search, no match     ${r.searchNoMatchMs} ms`);
      console.log(`  status filter        ${r.statusFilterMs} ms`);
    },
    (e: unknown) => {
      console.error(e);
      process.exitCode = 1;
    },
  );
}
