import { FetchContext, type AwsAccess } from "../../src/fetchers/aws/context";
import { Limiters } from "../../src/fetchers/aws/limiter";
import { ScanStats } from "../../src/fetchers/aws/scan-stats";

/** moto's default account. */
export const MOTO_ACCOUNT = "123456789012";
export const TEST_CREDENTIALS = { accessKeyId: "testing", secretAccessKey: "testing" } as const;

/** Config for SDK clients that seed the emulator (not the scanner's own clients). */
export function seedConfig(endpoint: string, region = "us-east-1") {
  return { region, endpoint, credentials: TEST_CREDENTIALS, forcePathStyle: true } as const;
}

/** How the scanner reaches the emulator at `endpoint` (with the test credentials); `over` replaces any of it. */
export function emulatorAccess(endpoint: string, over: Partial<AwsAccess> = {}): AwsAccess {
  return {
    credentials: async () => TEST_CREDENTIALS,
    endpointUrl: endpoint,
    timeoutMs: 5_000,
    retry: { maxAttempts: 3, baseDelayMs: 20, maxDelayMs: 200 },
    limits: { concurrency: 8, ratePerSecond: 1_000, burst: 1_000 },
    ...over,
  };
}

/** The scanner's view of one (account, region) of the emulator at `endpoint`, with its statistics. */
export function scanContext(endpoint: string, region = "us-east-1", over: Partial<AwsAccess> = {}): { ctx: FetchContext; stats: ScanStats } {
  const stats = new ScanStats();
  const access = emulatorAccess(endpoint, over);
  return { ctx: new FetchContext(MOTO_ACCOUNT, "aws", region, access, stats, new Limiters(access.limits)), stats };
}
