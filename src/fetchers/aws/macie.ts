import { GetMacieSessionCommand, Macie2Client, type MacieStatus } from "@aws-sdk/client-macie2";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface MacieAnswers {
  readonly region: string;
  /** The session's status (ENABLED, PAUSED); "not-enabled" when Macie was never enabled in the region. */
  readonly status: Fetched<MacieStatus | "not-enabled">;
}

interface ErrorLike {
  readonly name?: unknown;
  readonly message?: unknown;
}

/**
 * Macie answers GetMacieSession in a region where it is not enabled with AccessDeniedException
 * "Macie is not enabled." (not a missing permission: that message names the action); moto answers
 * ResourceNotFoundException. Both mean off.
 */
export function isMacieNotEnabled(e: unknown): boolean {
  const err = (typeof e === "object" && e !== null ? e : {}) as ErrorLike;
  const message = typeof err.message === "string" ? err.message : "";
  return err.name === "ResourceNotFoundException" || (err.name === "AccessDeniedException" && /macie is not enabled/i.test(message));
}

export const macieFetcher: Fetcher<MacieAnswers> = {
  name: "macie-session",
  service: "macie2",
  scope: "region",
  actions: ["macie2:GetMacieSession"],
  async fetch(ctx) {
    const client = ctx.client(Macie2Client, "macie2");
    const status = await ctx.attempt("macie2:GetMacieSession", async (): Promise<MacieStatus | "not-enabled"> => {
      try {
        return (await client.send(new GetMacieSessionCommand({}))).status ?? "not-enabled";
      } catch (e) {
        if (isMacieNotEnabled(e)) return "not-enabled";
        throw e;
      }
    });
    return { region: ctx.region, status };
  },
};
