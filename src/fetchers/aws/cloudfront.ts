import { CloudFrontClient, ListTagsForResourceCommand, paginateListDistributions, type DistributionSummary } from "@aws-sdk/client-cloudfront";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface CloudFrontDistributionAnswer {
  /** From ListDistributions: cache behaviours' viewer protocol policies, origins, viewer certificate. */
  readonly distribution: DistributionSummary;
  readonly tags: Fetched<Record<string, string>>;
}

export interface CloudFrontAnswers {
  /** The region the (global) calls went to. */
  readonly region: string;
  readonly distributions: Fetched<CloudFrontDistributionAnswer[]>;
}

/** CloudFront is global: fetched once per account. The list's summaries hold every setting read. */
export const cloudfrontFetcher: Fetcher<CloudFrontAnswers> = {
  name: "cloudfront-distributions",
  service: "cloudfront",
  scope: "account",
  actions: ["cloudfront:ListDistributions", "cloudfront:ListTagsForResource"],
  async fetch(ctx) {
    const client = ctx.client(CloudFrontClient, "cloudfront");
    const listed = await ctx.listAll(
      "cloudfront:ListDistributions",
      () => paginateListDistributions({ client }, {}),
      (page) => page.DistributionList?.Items,
    );
    return { region: ctx.region, distributions: await eachListed(listed, async (distribution) => ({ distribution, tags: await tagsOf(ctx, client, distribution.ARN) })) };
  },
};

function tagsOf(ctx: FetchContext, client: CloudFrontClient, arn: string | undefined): Promise<Fetched<Record<string, string>>> {
  return ctx.attempt("cloudfront:ListTagsForResource", async () => {
    const tags: Record<string, string> = {};
    if (arn === undefined) return tags;
    const out = await client.send(new ListTagsForResourceCommand({ Resource: arn }));
    for (const t of out.Tags?.Items ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? "";
    return tags;
  });
}
