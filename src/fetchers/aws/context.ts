import type { AwsCredentialIdentityProvider } from "@smithy/types";
import { callFailure } from "./failure";
import { fetchedValue, type Fetched } from "./fetched";
import { LimitedHttpHandler } from "./limited-handler";
import type { LimiterOptions, Limiters } from "./limiter";
import { jitteredRetry, type RetryOptions } from "./retry";
import type { ScanStats } from "./scan-stats";
import type { AwsService } from "./services";

/** How the scanner reaches AWS: the same for every client it makes. */
export interface AwsAccess {
  readonly credentials: AwsCredentialIdentityProvider;
  /** An emulator's endpoint (loopback only); AWS's own endpoints when undefined. */
  readonly endpointUrl?: string;
  /** Per HTTP request, retries not included. */
  readonly timeoutMs: number;
  readonly retry: RetryOptions;
  readonly limits: LimiterOptions;
}

/** What every AWS SDK v3 client constructor accepts; `forcePathStyle` matters to S3 only. */
export interface SdkClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint?: string;
  readonly forcePathStyle?: boolean;
  readonly requestHandler: LimitedHttpHandler;
  readonly retryStrategy: ReturnType<typeof jitteredRetry>;
}

export type SdkClientClass<C> = new (config: SdkClientConfig) => C;

/**
 * One (account, region) as a fetcher sees it: clients bounded per service, and calls that never
 * throw but answer with the value or the reason there is none.
 */
export class FetchContext {
  private readonly clients = new Map<string, unknown>();

  constructor(
    readonly account: string,
    readonly partition: string,
    /** The region fetched; for an account-wide fetcher, the region its calls go to. */
    readonly region: string,
    private readonly access: AwsAccess,
    private readonly stats: ScanStats,
    private readonly limiters: Limiters,
  ) {}

  /** A client of `service` in `region` (default: this context's). */
  client<C>(Client: SdkClientClass<C>, service: AwsService, region: string = this.region): C {
    const key = `${Client.name}|${region}`;
    let c = this.clients.get(key) as C | undefined;
    if (c === undefined) {
      const limiter = this.limiters.get(`${this.account}|${region}|${service}`);
      const handler = new LimitedHttpHandler(
        { requestTimeout: this.access.timeoutMs, connectionTimeout: this.access.timeoutMs, throwOnRequestTimeout: true },
        limiter,
        this.stats,
        service,
      );
      c = new Client({
        region,
        credentials: this.access.credentials,
        ...(this.access.endpointUrl ? { endpoint: this.access.endpointUrl, forcePathStyle: true } : {}),
        requestHandler: handler,
        retryStrategy: jitteredRetry(this.access.retry, this.stats),
      });
      this.clients.set(key, c);
    }
    return c;
  }

  /** Runs one call; `action` is its IAM action (`s3:GetBucketPolicy`). */
  async attempt<T>(action: string, run: () => Promise<T>, region: string = this.region): Promise<Fetched<T>> {
    try {
      return fetchedValue(await run());
    } catch (e) {
      return { ok: false, failure: callFailure(e, serviceOf(action), action, region) };
    }
  }

  /** Every item of a paginated listing (an SDK paginator), or why the listing could not finish. */
  async listAll<P, I>(
    action: string,
    pages: () => AsyncIterable<P>,
    items: (page: P) => readonly I[] | undefined,
    region: string = this.region,
  ): Promise<Fetched<I[]>> {
    return this.attempt(
      action,
      async () => {
        const all: I[] = [];
        for await (const page of pages()) all.push(...(items(page) ?? []));
        return all;
      },
      region,
    );
  }
}

function serviceOf(action: string): AwsService {
  return action.slice(0, action.indexOf(":")) as AwsService;
}

export type { LimiterOptions };
