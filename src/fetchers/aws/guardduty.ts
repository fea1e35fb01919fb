import { GetDetectorCommand, GuardDutyClient, paginateListDetectors, type GetDetectorCommandOutput } from "@aws-sdk/client-guardduty";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface GuardDutyDetectorAnswer {
  readonly detectorId: string;
  /** GetDetector: Status, Features[] (Name, Status), DataSources. */
  readonly detector: Fetched<Pick<GetDetectorCommandOutput, "Status" | "Features" | "DataSources" | "Tags">>;
}

export interface GuardDutyAnswers {
  readonly region: string;
  /** The region's detectors (at most one per account and region); none when GuardDuty is off. */
  readonly detectors: Fetched<GuardDutyDetectorAnswer[]>;
}

export const guardDutyFetcher: Fetcher<GuardDutyAnswers> = {
  name: "guardduty-detectors",
  service: "guardduty",
  scope: "region",
  actions: ["guardduty:ListDetectors", "guardduty:GetDetector"],
  async fetch(ctx) {
    const client = ctx.client(GuardDutyClient, "guardduty");
    const listed = await ctx.listAll(
      "guardduty:ListDetectors",
      () => paginateListDetectors({ client }, {}),
      (page) => page.DetectorIds,
    );
    const detectors = await eachListed(listed, async (detectorId): Promise<GuardDutyDetectorAnswer> => ({
      detectorId,
      detector: await ctx.attempt("guardduty:GetDetector", async () => {
        const out = await client.send(new GetDetectorCommand({ DetectorId: detectorId }));
        return { Status: out.Status, Features: out.Features, DataSources: out.DataSources, Tags: out.Tags };
      }),
    }));
    return { region: ctx.region, detectors };
  },
};
