// The inventory page in headless Chromium with every request routed: both views, tabs, the live search and
// its count, escaping (a <script> store name must not run), and no network at all.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderInventory } from "../../src/reports/inventory";
import { launchChromium } from "../support/browser";
import { CMD_NAME, INVENTORY, XSS_NAME } from "./inventory-fixture";

const CSP_VIOLATIONS_TO_CONSOLE = `document.addEventListener("securitypolicyviolation", (e) => console.error("CSP violation: " + e.violatedDirective + " " + e.blockedURI));`;
const STORE_NAMES = [XSS_NAME, "customer-db", "public-exports", "empty-queue"];
const RANKED_PRINCIPALS = ["admin", "999988887777", "seg-a-app", "anyone (public)", CMD_NAME, "auditor"];

let browser: Browser;
let page: Page;
const requests: string[] = [];
const problems: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/*", async (route) => {
    requests.push(route.request().url());
    return route.abort("blockedbyclient");
  });
  page = await context.newPage();
  page.on("request", (request) => requests.push(request.url()));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  await page.addInitScript(CSP_VIOLATIONS_TO_CONSOLE);
  await page.setContent(renderInventory(INVENTORY, "html"), { waitUntil: "load" });
}, 15 * 60_000);

afterAll(async () => {
  await browser?.close();
});

const storeNames = async () => (await page.locator("#view-stores .store-entry:visible").evaluateAll((es) => es.map((e) => e.querySelector("h3")?.firstChild?.textContent ?? ""))).map((t) => t.trim());
const principalNames = async () =>
  (await page.locator("#view-principals .principal-entry:visible").evaluateAll((es) => es.map((e) => e.querySelector("h3")?.childNodes[1]?.textContent ?? ""))).map((t) => t.trim());

describe("inventory HTML in Chromium", () => {
  it("loads nothing: no request outside data:/about:, no script error, no CSP violation", () => {
    expect(requests.filter((u) => !u.startsWith("data:") && !u.startsWith("about:"))).toEqual([]);
    expect(problems).toEqual([]);
  });

  it("shows the source and the totals", async () => {
    const total = (key: string) => page.locator(`[data-total="${key}"] .card-count`).textContent();
    expect(await total("stores")).toBe("4");
    expect(await total("customer-data-stores")).toBe("3");
    expect(await total("principals")).toBe("6");
    expect(await total("public-stores")).toBe("1");
    expect(await total("unknown-edges")).toBe("1");
    expect(await total("gaps")).toBe("2");
    expect(await page.locator("header .meta").textContent()).toContain("AWS scan: prod scan");
  });

  it("keeps a <script> in a name as text: it is shown literally and never runs", async () => {
    expect(await page.evaluate("[window.__pwned, document.scripts.length]")).toEqual([undefined, 1]);
    expect(await page.locator(".store-entry h3").first().textContent()).toContain(XSS_NAME);
    expect(await page.locator("img").count()).toBe(0);
  });

  it("stores view: every store, with its facts, count line and principals table", async () => {
    expect(await page.locator("#view-stores").isVisible()).toBe(true);
    expect(await page.locator("#view-principals").isVisible()).toBe(false);
    expect(await storeNames()).toEqual(STORE_NAMES);
    expect(await page.locator("#store-count").textContent()).toBe("4 of 4 stores shown");
    const db = page.locator('.store-entry[data-store$=":db:customer-db"]');
    expect(await db.locator(".count-line").textContent()).toBe("1 principal can read customer-db · 1 can write · 1 can manage");
    const facts = await db.locator(".facts").innerText();
    expect(facts).toContain("restricted (tagged); customer data: yes");
    expect(facts).toContain("customer-managed key, arn:aws:kms:us-east-1:111122223333:key/1234, key owner own-account");
    expect(facts).toMatch(/Backups\s+yes: 7 days of automated backups/);
    const rows = await db.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => Array.from(tr.children, (td) => ((td as { textContent: string | null }).textContent ?? "").trim())));
    expect(rows).toEqual([
      ["adminarn:aws:iam::111122223333:role/admin", "role", "manage", "allowed", expect.stringContaining("managed policy AdministratorAccess of role admin, Statement[0]: dynamodb:DeleteTable"), "none"],
      ["auditorarn:aws:iam::111122223333:role/auditor", "role", "read", "denied: an unconditional deny removes it", "managed policy ReadOnlyAccess of role auditor, Statement[0]: rds:DescribeDBInstances", "deny by inline policy 'no-db' of role auditor, DenyDb (always)"],
      ["seg-a-apparn:aws:iam::111122223333:role/seg-a-app", "role", "read", "allowed", "inline policy 'tables' of role seg-a-app, ReadDb: rds-db:connect", "none"],
      ["seg-a-apparn:aws:iam::111122223333:role/seg-a-app", "role", "write", "allowed", "inline policy 'tables' of role seg-a-app, WriteDb: rds-data:ExecuteStatement", "none"],
    ]);
    const bucket = page.locator('.store-entry[data-store="arn:aws:s3:::public-exports"]');
    expect(await bucket.locator(".count-line").textContent()).toBe("2 principals can read public-exports · 0 can write · 1 can manage");
    expect(await bucket.locator(".facts").innerText()).toMatch(/Public\s+yes: bucket policy allows Principal \*/);
    expect(await bucket.locator(".facts").innerText()).toMatch(/Cross-account\s+999988887777/);
    // The public first, then other accounts (the conditional grant to the foreign account).
    expect(await bucket.locator("tbody tr").first().innerText()).toMatch(/^anyone \(public\)/);
    expect(await bucket.locator("tbody tr").nth(1).innerText()).toContain("(if aws:PrincipalOrgID)");
    expect(await page.locator(".store-entry").last().textContent()).toContain("No principal reaches it.");
  });

  it("marks unknown and denied in words, not only by colour", async () => {
    const xss = page.locator(".store-entry").first();
    expect(await xss.locator('[data-status="unknown"]').textContent()).toBe('unknown: policy "tables", a pulumi.jsonStringify output\nunknown in preview');
    expect(await xss.locator(".count-line").textContent()).toContain("· 1 unknown");
    expect(await xss.locator(".facts").innerText()).toMatch(/Public\s+unknown: resource policy not fetched/);
    expect(await page.locator('[data-status="denied"]').first().textContent()).toMatch(/^denied/);
  });

  it("principals view: ranked widest first, each with the stores it reaches", async () => {
    await page.click("#tab-principals");
    expect(await page.locator("#view-stores").isVisible()).toBe(false);
    expect(await page.locator("#tab-principals").getAttribute("aria-selected")).toBe("true");
    expect(await principalNames()).toEqual(RANKED_PRINCIPALS);
    expect(await page.locator("#principal-count").textContent()).toBe("6 of 6 principals shown");
    const admin = page.locator(".principal-entry").first();
    expect(await admin.locator(".count-line").textContent()).toBe("reaches 0 stores to read · 0 to write · 3 to manage (3 with customer data)");
    expect(await admin.locator(".facts").innerText()).toMatch(/Segments reached\s+seg-a, seg-b/);
    expect(await admin.locator("tbody tr td:first-child").allTextContents()).toEqual([XSS_NAME, "customer-db", "public-exports"]);
    const foreign = page.locator('.principal-entry[data-principal="account:999988887777"]');
    expect(await foreign.locator("h3").textContent()).toContain("foreign account 999988887777");
    expect(await foreign.locator("tbody tr").innerText()).toMatch(/public-exports\s+S3 bucket\s+seg-b\s+read\s+conditional/);
    await page.click("#tab-stores");
    expect(await page.locator("#view-principals").isVisible()).toBe(false);
  });

  it("searches both views live and says how many are shown", async () => {
    await page.fill("#inventory-search", "seg-a");
    expect(await storeNames()).toEqual(["customer-db"]);
    expect(await page.locator("#store-count").textContent()).toBe("1 of 4 stores shown");
    await page.click("#tab-principals");
    // admin and seg-a-app reach seg-a; auditor is listed too: its denied edge to customer-db is shown.
    expect(await principalNames()).toEqual(["admin", "seg-a-app", "auditor"]);
    expect(await page.locator("#principal-count").textContent()).toBe("3 of 6 principals shown");
    await page.fill("#inventory-search", "ROLE/SEG-A-APP");
    expect(await principalNames()).toEqual(["seg-a-app"]);
    await page.click("#tab-stores");
    expect(await storeNames()).toEqual(["customer-db"]);
    await page.fill("#inventory-search", "dynamodb");
    expect(await storeNames()).toEqual([XSS_NAME]);
    await page.fill("#inventory-search", "confidential");
    expect(await storeNames()).toEqual(["public-exports"]);
    await page.fill("#inventory-search", "no such thing");
    expect(await storeNames()).toEqual([]);
    expect(await page.locator("#store-count").textContent()).toBe("0 of 4 stores shown");
    await page.fill("#inventory-search", "");
    expect(await storeNames()).toEqual(STORE_NAMES);
    expect(await page.locator("#principal-count").textContent()).toBe("6 of 6 principals shown");
  });

  it("lists gaps and shadow stores", async () => {
    expect(await page.locator("#gaps h2").textContent()).toBe("Not assessed: 2");
    expect(await page.locator("#gaps tbody tr").allInnerTexts()).toEqual([
      expect.stringContaining("DescribeTable and GetResourcePolicy were denied"),
      expect.stringMatching(/^=cmd\|calc[\s\S]*unknown in preview/),
    ]);
    expect(await page.locator("#unmanaged li").allInnerTexts()).toEqual([expect.stringContaining("empty-queue")]);
    expect(await page.locator("#drifted tbody tr").innerText()).toContain("public access block: all blocked → none");
  });

  it("without JavaScript shows both views in full (the search bar, useless then, is hidden)", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    try {
      const plain = await context.newPage();
      await plain.setContent(renderInventory(INVENTORY, "html"));
      expect(await plain.locator(".store-entry:visible").count()).toBe(4);
      expect(await plain.locator(".principal-entry:visible").count()).toBe(6);
      expect(await plain.locator("#toolbar").isVisible()).toBe(false);
    } finally {
      await context.close();
    }
  });
});
