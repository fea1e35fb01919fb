import { GetPublicAccessBlockCommand, S3ControlClient, type PublicAccessBlockConfiguration } from "@aws-sdk/client-s3-control";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import { unlessNotSet } from "./s3-not-set";

export const ACCOUNT_BLOCK_ACTION = "s3:GetAccountPublicAccessBlock";

/**
 * The account's S3 Block Public Access (S3 Control `GetPublicAccessBlock`); undefined when the
 * account has none. The configuration is account-wide: the call goes to the scanned region.
 */
export function fetchAccountBlock(ctx: FetchContext): Promise<Fetched<PublicAccessBlockConfiguration | undefined>> {
  const client = withLoopbackEndpoint(ctx.client(S3ControlClient, "s3"));
  return ctx.attempt(ACCOUNT_BLOCK_ACTION, () =>
    unlessNotSet(["NoSuchPublicAccessBlockConfiguration"], async () => {
      const out = await client.send(new GetPublicAccessBlockCommand({ AccountId: ctx.account }));
      return out.PublicAccessBlockConfiguration;
    }),
  );
}

const LOOPBACK_ENDPOINT = /^https?:\/\/(127(\.\d{1,3}){3}|localhost|\[::1\])(:\d+)?(\/|$)/;
const PATCHED = new WeakSet<S3ControlClient>();

/**
 * S3 Control's endpoint rules put the account id in front of the host, custom endpoints included
 * (`123456789012.127.0.0.1`, which is not even a valid URL; `disableHostPrefix` does not help: the
 * prefix comes from the ruleset, not from a host-prefix trait). For a loopback emulator endpoint
 * only, the rules are asked for the endpoint without the account prefix; AWS's endpoints are never
 * loopback and keep the rules' answer.
 */
function withLoopbackEndpoint(client: S3ControlClient): S3ControlClient {
  if (PATCHED.has(client)) return client;
  PATCHED.add(client);
  const config = client.config;
  const rules = config.endpointProvider;
  config.endpointProvider = (params, context) =>
    rules(params.Endpoint !== undefined && LOOPBACK_ENDPOINT.test(params.Endpoint) ? { ...params, RequiresAccountId: false } : params, context);
  return client;
}
