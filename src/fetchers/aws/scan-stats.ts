import type { RetryErrorInfo } from "@smithy/types";
import type { RetryCounter } from "./retry";
import type { AwsService } from "./services";

/** What a scan asked of AWS: HTTP requests (retries included) and retries, per service. */
export class ScanStats implements RetryCounter {
  readonly requests = new Map<AwsService, number>();
  readonly retries = new Map<RetryErrorInfo["errorType"], number>();

  request(service: AwsService): void {
    this.requests.set(service, (this.requests.get(service) ?? 0) + 1);
  }

  retried(errorType: RetryErrorInfo["errorType"]): void {
    this.retries.set(errorType, (this.retries.get(errorType) ?? 0) + 1);
  }

  get totalRequests(): number {
    let n = 0;
    for (const v of this.requests.values()) n += v;
    return n;
  }

  get totalRetries(): number {
    let n = 0;
    for (const v of this.retries.values()) n += v;
    return n;
  }

  /** The counts as plain data, for a shard file. */
  snapshot(): StatsSnapshot {
    return { requests: Object.fromEntries(this.requests), retries: Object.fromEntries(this.retries) };
  }

  /** Adds another scan's counts (a shard's). */
  add(other: StatsSnapshot): void {
    for (const [k, v] of Object.entries(other.requests)) this.requests.set(k as AwsService, (this.requests.get(k as AwsService) ?? 0) + v);
    for (const [k, v] of Object.entries(other.retries)) this.retries.set(k as RetryErrorInfo["errorType"], (this.retries.get(k as RetryErrorInfo["errorType"]) ?? 0) + v);
  }
}

export interface StatsSnapshot {
  readonly requests: Readonly<Record<string, number>>;
  readonly retries: Readonly<Record<string, number>>;
}
