// Waivers in a scan of an emulated account: a waivers file's patterns on ARNs and waiver tags in the form
// AWS accepts, judged exactly as the pack judges them.
import { CreateQueueCommand, SQSClient } from "@aws-sdk/client-sqs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Finding } from "../../src/core/finding";
import { loadWaiversFile } from "../../src/core/waiver-file";
import { waiverTags } from "../../src/core/waiver-tags";
import { ALL_RULES, dataStoreEncryptedAtRest } from "../../src/rules";
import { scan, type ScanResult } from "../../src/scanner/scan";
import { ALL_SOURCES, keyDirectory } from "../../src/scanner/sources";
import { emulatorAccess, MOTO_ACCOUNT, seedConfig } from "../support/aws-context";
import { useMoto } from "../support/moto/use-moto";
import { REGION } from "./seed-account";

const moto = useMoto();
const dir = mkdtempSync(join(tmpdir(), "cdguard-scan-waivers-"));
const WAIVERS = join(dir, "waivers.yaml");
let result: ScanResult;

beforeAll(async () => {
  const sqs = new SQSClient(seedConfig(moto().endpoint, REGION));
  const unencrypted = { SqsManagedSseEnabled: "false" };
  const queue = (name: string, tags: Record<string, string> = {}) => sqs.send(new CreateQueueCommand({ QueueName: name, Attributes: unencrypted, tags }));
  await queue("billing-jobs", waiverTags({ ruleId: "CDG-ENC-001", reason: "Queue carries no customer data after SEC-310", owner: "billing@example.com", until: "2099-12-31" }));
  await queue("audit-jobs");
  await queue("legacy-jobs");
  await queue("bad-jobs", { "cdguard:waive:CDG-ENC-001:until": "2099-12-31" });
  await queue("plain-jobs");
  writeFileSync(
    WAIVERS,
    `waivers:
  - rule: data-store-encrypted-at-rest
    resource: "arn:aws:sqs:*:${MOTO_ACCOUNT}:audit-*"
    reason: Audit queues move to the audit key in Q2
    owner: audit@example.com
    expires: 2099-06-30
  - rule: CDG-ENC-001
    resource: "arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:legacy-jobs"
    reason: Legacy queue drained
    owner: ops@example.com
    expires: 2026-11-29
`,
  );
  result = await scan({
    rules: [dataStoreEncryptedAtRest],
    entries: {},
    access: emulatorAccess(moto().endpoint, { timeoutMs: 20_000 }),
    regions: [REGION],
    homeRegion: REGION,
    sources: ALL_SOURCES,
    keyDirectory,
    today: "2026-11-30",
    waivers: loadWaiversFile(WAIVERS, ALL_RULES).waivers,
  });
}, 300_000);
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const queueFinding = (name: string): Finding | undefined =>
  result.findings.find((f) => f.rule.id === "CDG-ENC-001" && f.resource.id === `arn:aws:sqs:${REGION}:${MOTO_ACCOUNT}:${name}`);

describe("waivers in a scan", () => {
  it("waives by the tags AWS accepted, with their reason, owner and expiry", () => {
    expect(queueFinding("billing-jobs")).toMatchObject({
      status: "waived",
      waiver: { state: "active", waiver: { source: "tag", reason: "Queue carries no customer data after SEC-310", owner: "billing@example.com", until: "2099-12-31" } },
    });
  });

  it("waives by a file pattern on the ARN, naming the file and line", () => {
    expect(queueFinding("audit-jobs")).toMatchObject({
      status: "waived",
      waiver: { state: "active", waiver: { source: WAIVERS, line: 2, owner: "audit@example.com", until: "2099-06-30" } },
    });
  });

  it("leaves failing what an expired waiver or an unreadable tag covers, and what nothing covers", () => {
    expect(queueFinding("legacy-jobs")).toMatchObject({ status: "fail", waiver: { state: "expired", waiver: { source: WAIVERS, line: 7, until: "2026-11-29" } } });
    expect(queueFinding("bad-jobs")).toMatchObject({ status: "fail", waiver: { state: "invalid", problem: expect.stringContaining("'cdguard:waive:CDG-ENC-001:until' has no tag") } });
    expect(queueFinding("plain-jobs")).toMatchObject({ status: "fail" });
    expect(queueFinding("plain-jobs")?.waiver).toBeUndefined();
  });
});
