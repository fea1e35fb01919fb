import {
  CloudTrailClient,
  DescribeTrailsCommand,
  GetEventSelectorsCommand,
  GetTrailStatusCommand,
  type GetEventSelectorsCommandOutput,
  type Trail,
} from "@aws-sdk/client-cloudtrail";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface TrailAnswer {
  /** From DescribeTrails: name, ARN, home region, multi-region, validation, key, organization. */
  readonly trail: Trail;
  /** GetTrailStatus's IsLogging. */
  readonly isLogging: Fetched<boolean | undefined>;
  /** GetEventSelectors: basic or advanced selectors (a trail has one form or the other). */
  readonly selectors: Fetched<Pick<GetEventSelectorsCommandOutput, "EventSelectors" | "AdvancedEventSelectors">>;
}

export interface CloudTrailAnswers {
  readonly region: string;
  /**
   * The trails homed in the region. DescribeTrails also lists, in every region a multi-region trail
   * covers, a shadow of it: those are left to their home region's answer, so each trail is read and
   * judged once per scan (a scan that leaves out a trail's home region does not see the trail).
   */
  readonly trails: Fetched<TrailAnswer[]>;
}

export const cloudTrailFetcher: Fetcher<CloudTrailAnswers> = {
  name: "cloudtrail-trails",
  service: "cloudtrail",
  scope: "region",
  actions: ["cloudtrail:DescribeTrails", "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors"],
  async fetch(ctx) {
    const client = ctx.client(CloudTrailClient, "cloudtrail");
    const listed = await ctx.attempt("cloudtrail:DescribeTrails", async () => {
      const all = (await client.send(new DescribeTrailsCommand({ includeShadowTrails: true }))).trailList ?? [];
      // A multi-region trail homed elsewhere is listed too: a scan of some regions must still see it (merging keeps one per ARN).
      return all.filter((t) => t.HomeRegion === undefined || t.HomeRegion === ctx.region || t.IsMultiRegionTrail === true);
    });
    return { region: ctx.region, trails: await eachListed(listed, (trail) => fetchTrail(ctx, client, trail)) };
  },
};

async function fetchTrail(ctx: FetchContext, client: CloudTrailClient, trail: Trail): Promise<TrailAnswer> {
  const name = trail.TrailARN ?? trail.Name;
  const [isLogging, selectors] = await Promise.all([
    ctx.attempt("cloudtrail:GetTrailStatus", async () => (await client.send(new GetTrailStatusCommand({ Name: name }))).IsLogging),
    ctx.attempt("cloudtrail:GetEventSelectors", async () => {
      const out = await client.send(new GetEventSelectorsCommand({ TrailName: name }));
      return { EventSelectors: out.EventSelectors, AdvancedEventSelectors: out.AdvancedEventSelectors };
    }),
  ]);
  return { trail, isLogging, selectors };
}
