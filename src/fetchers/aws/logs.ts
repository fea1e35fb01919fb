import {
  CloudWatchLogsClient,
  DescribeResourcePoliciesCommand,
  ListTagsForResourceCommand,
  paginateDescribeLogGroups,
  ResourceNotFoundException,
  type LogGroup,
  type ResourcePolicy,
} from "@aws-sdk/client-cloudwatch-logs";
import { unlessNotFound } from "./calls";
import type { FetchContext } from "./context";
import { eachListed, type Fetched } from "./fetched";
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
  /** From DescribeResourcePolicies: the region's CloudWatch Logs resource policies (name, document, scope). */
  readonly resourcePolicies?: Fetched<ResourcePolicy[]>;
}

export const logsFetcher: Fetcher<LogsAnswers> = {
  name: "logs-log-groups",
  service: "logs",
  scope: "region",
  actions: ["logs:DescribeLogGroups", "logs:ListTagsForResource", "logs:DescribeResourcePolicies"],
  async fetch(ctx) {
    const client = ctx.client(CloudWatchLogsClient, "logs");
    const groups = await ctx.listAll(
      "logs:DescribeLogGroups",
      () => paginateDescribeLogGroups({ client }, {}),
      (page) => page.logGroups,
    );
    // Asked only once the region's Logs answered: a failing service is reported once, by its listing's gap.
    const resourcePolicies = groups.ok ? await ctx.attempt("logs:DescribeResourcePolicies", () => describeResourcePolicies(client)) : undefined;
    return { region: ctx.region, groups: await eachListed(groups, (g) => fetchGroup(ctx, client, g)), ...(resourcePolicies ? { resourcePolicies } : {}) };
  },
};

/** Every page of DescribeResourcePolicies (the SDK has no paginator for it). */
async function describeResourcePolicies(client: CloudWatchLogsClient): Promise<ResourcePolicy[]> {
  const out: ResourcePolicy[] = [];
  let nextToken: string | undefined;
  do {
    const page = await client.send(new DescribeResourcePoliciesCommand({ ...(nextToken ? { nextToken } : {}) }));
    out.push(...(page.resourcePolicies ?? []));
    nextToken = page.nextToken;
  } while (nextToken);
  return out;
}

async function fetchGroup(ctx: FetchContext, client: CloudWatchLogsClient, group: LogGroup): Promise<LogGroupAnswers> {
  const arn = group.logGroupArn ?? group.arn?.replace(/:\*$/, "");
  const tags = await ctx.attempt("logs:ListTagsForResource", async () => {
    if (arn === undefined) return {};
    // Not found: deleted since it was listed, no tags to read.
    const out = await unlessNotFound([ResourceNotFoundException], () => client.send(new ListTagsForResourceCommand({ resourceArn: arn })));
    return out?.tags ?? {};
  });
  return { group, arn, tags };
}
