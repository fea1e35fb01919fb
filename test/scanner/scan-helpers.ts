import type { AwsAccess } from "../../src/fetchers/aws/context";
import type { Finding } from "../../src/core/finding";
import { ALL_RULES } from "../../src/rules";
import { scan, type ScanResult } from "../../src/scanner/scan";
import { ALL_SOURCES, keyDirectory } from "../../src/scanner/sources";
import { emulatorAccess } from "../support/aws-context";
import { REGION } from "./seed-account";

/** Scans the emulator (or a proxy in front of it) the way `cdguard scan` does, with every rule. */
export function scanEndpoint(endpoint: string, over: Partial<AwsAccess> = {}): Promise<ScanResult> {
  return scan({
    rules: ALL_RULES,
    entries: { "customer-data-on-dedicated-subnets": { isolateDataSubnets: true } },
    access: emulatorAccess(endpoint, {
      timeoutMs: 20_000,
      retry: { maxAttempts: 3, baseDelayMs: 50, maxDelayMs: 500 },
      limits: { concurrency: 4, ratePerSecond: 1_000, burst: 1_000 },
      ...over,
    }),
    regions: [REGION],
    homeRegion: REGION,
    sources: ALL_SOURCES,
    keyDirectory,
    today: "2026-11-30",
  });
}

export const isGap = (f: Finding): boolean => f.resource.type === "AWS::Scan::CoverageGap";

/** The service of a resource's ARN (`arn:aws:sns:...` -> `sns`). */
export const serviceOf = (f: Finding): string => f.resource.id.split(":")[2] ?? "";

/** Verdicts by rule and resource, messages aside. */
export const verdicts = (fs: readonly Finding[]): string[] => [...new Set(fs.map((f) => `${f.rule.id} ${f.resource.id} ${f.status}`))].sort();
