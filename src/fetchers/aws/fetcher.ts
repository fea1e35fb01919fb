import type { FetchContext } from "./context";
import type { AwsService } from "./services";

/**
 * Reads one kind of AWS resources and returns the SDK's answers, raw. Fetchers are the only code
 * that calls AWS; each lists the IAM actions it may call, from which `cdguard iam-policy` is made.
 */
export interface Fetcher<R> {
  /** e.g. `s3-buckets`: names it in progress lines and statistics. */
  readonly name: string;
  readonly service: AwsService;
  /** IAM actions it may call: read-only, and never a data-plane read. */
  readonly actions: readonly string[];
  /** `account`: once per account (IAM); `region`: once per scanned region. */
  readonly scope: "account" | "region";
  fetch(ctx: FetchContext): Promise<R>;
}
