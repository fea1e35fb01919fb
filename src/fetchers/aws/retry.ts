import type { RetryErrorInfo, RetryStrategyV2, RetryToken } from "@smithy/types";

export interface RetryOptions {
  /** Attempts per call, the first included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryOptions = { maxAttempts: 5, baseDelayMs: 200, maxDelayMs: 10_000 };

/** Counts what the retry strategy did, for the scan's statistics. */
export interface RetryCounter {
  retried(errorType: RetryErrorInfo["errorType"]): void;
}

/**
 * Retries throttling, transient (network, timeout) and server errors with full-jitter exponential
 * backoff, per call: unlike the SDK's standard strategy there is no retry quota shared by the
 * client, which once drained by throttling stops every later call's retries.
 */
export function jitteredRetry(opts: RetryOptions, counter?: RetryCounter, random: () => number = Math.random): RetryStrategyV2 {
  const token = (count: number, delay: number): RetryToken => ({ getRetryCount: () => count, getRetryDelay: () => delay });
  return {
    acquireInitialRetryToken: async () => token(0, 0),
    async refreshRetryTokenForRetry(previous, info) {
      const attempt = previous.getRetryCount() + 1;
      if (info.errorType === "CLIENT_ERROR" || attempt >= opts.maxAttempts) throw info.error ?? new Error("retries exhausted");
      counter?.retried(info.errorType);
      const ceiling = Math.min(opts.maxDelayMs, opts.baseDelayMs * 2 ** attempt);
      const hinted = info.retryAfterHint ? Math.min(opts.maxDelayMs, info.retryAfterHint.getTime() - Date.now()) : 0;
      return token(attempt, Math.max(hinted, Math.floor(random() * ceiling)));
    },
    recordSuccess: () => undefined,
  };
}
