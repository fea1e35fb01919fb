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
}
