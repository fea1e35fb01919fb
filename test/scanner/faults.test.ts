import { beforeAll, describe, expect, it } from "vitest";
import type { ScanResult } from "../../src/scanner/scan";
import { useFaultProxy, useMoto } from "../support/moto/use-moto";
import { isGap, scanEndpoint, serviceOf, verdicts } from "./scan-helpers";
import { seedAccount } from "./seed-account";

// Between the SDK and moto: a fifth of all calls throttled, SNS denied, CloudWatch Logs failing with
// 500s, Secrets Manager answering after the per-request timeout.
const MAX_ATTEMPTS = 6;
const TIMEOUT_MS = 4_000;
const FAULTED = ["sns", "logs", "secretsmanager"];

const moto = useMoto();
let clean: ScanResult;
let faulted: ScanResult;

beforeAll(async () => {
  await seedAccount(moto().endpoint);
  clean = await scanEndpoint(moto().endpoint);
}, 600_000);

const proxy = useFaultProxy(() => ({
  target: moto().endpoint,
  seed: 7,
  throttle: { share: 0.2 },
  accessDenied: ["sns"],
  serverError: ["logs"],
  delayMs: { services: ["secretsmanager"], ms: TIMEOUT_MS + 1_500 },
}));

beforeAll(async () => {
  faulted = await scanEndpoint(proxy().endpoint, { timeoutMs: TIMEOUT_MS, retry: { maxAttempts: MAX_ATTEMPTS, baseDelayMs: 20, maxDelayMs: 200 } });
}, 600_000);

describe("a scan through throttling, denials, 500s and timeouts", () => {
  it("judges everything the faults did not touch exactly as without faults", () => {
    const untouched = (r: ScanResult) => r.findings.filter((f) => !isGap(f) && !FAULTED.includes(serviceOf(f)));
    expect(verdicts(untouched(faulted))).toEqual(verdicts(untouched(clean)));
    expect(Object.values(proxy().stats()).reduce((n, s) => n + s.throttled, 0)).toBeGreaterThan(0);
  });

  it("leaves each faulted service a gap with the reason, and judges none of its resources", () => {
    const gaps = faulted.gaps.filter((g) => FAULTED.includes(g.service)).map((g) => `${g.action} ${g.reason}`);
    expect(gaps.sort()).toEqual(["logs:DescribeLogGroups error", "secretsmanager:ListSecrets timeout", "sns:ListTopics access-denied"]);
    for (const service of FAULTED) {
      expect(faulted.findings.filter((f) => serviceOf(f) === service && !isGap(f))).toEqual([]);
      const notAssessed = faulted.findings.filter((f) => isGap(f) && f.resource.id.includes(`:${service}:`));
      expect(notAssessed.length, service).toBeGreaterThan(0);
      expect(notAssessed.every((f) => f.status === "not-assessed")).toBe(true);
    }
  });

  it("retries only what can succeed, and no call more than its attempts", () => {
    const stats = proxy().stats();
    expect(stats.sns?.requests).toBe(1); // AccessDenied is final
    expect(stats.logs?.requests).toBe(MAX_ATTEMPTS); // 500s retried, then given up
    expect(stats.secretsmanager?.requests).toBe(MAX_ATTEMPTS); // timeouts retried, then given up
    const throttled = Object.values(stats).reduce((n, s) => n + s.throttled, 0);
    expect(faulted.stats.totalRetries).toBeGreaterThanOrEqual(throttled);
    expect(faulted.stats.totalRetries).toBeLessThan(faulted.stats.totalRequests);
  });
});
