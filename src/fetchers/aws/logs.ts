import {
  CloudWatchLogsClient,
  ListTagsForResourceCommand,
  paginateDescribeLogGroups,
  ResourceNotFoundException,
  type LogGroup,
} from "@aws-sdk/client-cloudwatch-logs";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface LogGroupAnswers {
  /** From DescribeLogGroups: logGroupName, logGroupArn, kmsKeyId, retentionInDays. Never its events. */
  readonly group: LogGroup;
  /** The group's ARN without the `:*` DescribeLogGroups appends to `arn` (tagging wants it bare). */
  readonly arn: string | undefined;
  readonly tags: Fetched<Record<string, string>>;
}

export interface LogsAnswers {
  readonly region: string;
  readonly groups: Fetched<LogGroupAnswers[]>;
}

export const logsFetcher: Fetcher<LogsAnswers> = {
  name: "logs-log-groups",
  service: "logs",
  scope: "region",
  actions: ["logs:DescribeLogGroups", "logs:ListTagsForResource"],
  async fetch(ctx) {
    const client = ctx.client(CloudWatchLogsClient, "logs");
    const groups = await ctx.listAll(
      "logs:DescribeLogGroups",
      () => paginateDescribeLogGroups({ client }, {}),
      (page) => page.logGroups,
    );
    if (!groups.ok) return { region: ctx.region, groups };
    return { region: ctx.region, groups: { ok: true, value: await Promise.all(groups.value.map((g) => fetchGroup(ctx, client, g))) } };
  },
};

async function fetchGroup(ctx: FetchContext, client: CloudWatchLogsClient, group: LogGroup): Promise<LogGroupAnswers> {
  const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, "");
  const tags = await ctx.attempt("logs:ListTagsForResource", async () => {
    if (arn === undefined) return {};
    try {
      return (await client.send(new ListTagsForResourceCommand({ resourceArn: arn }))).tags ?? {};
    } catch (e) {
      // Deleted since it was listed: no tags to read.
      if (e instanceof ResourceNotFoundException) return {};
      throw e;
    }
  });
  return { group, arn, tags };
}
