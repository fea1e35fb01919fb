import {
  DescribeDomainsCommand,
  ListDomainNamesCommand,
  ListTagsCommand,
  OpenSearchClient,
  type DomainStatus,
  type Tag,
} from "@aws-sdk/client-opensearch";
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface OpenSearchDomainAnswer {
  readonly name: string;
  /** The domain's settings (encryption, VPC options, access policy), from its DescribeDomains batch. */
  readonly status: Fetched<DomainStatus>;
  readonly tags: Fetched<Tag[]>;
}

/** OpenSearch and Elasticsearch domains of one region. */
export interface OpenSearchAnswers {
  readonly region: string;
  readonly domains: Fetched<OpenSearchDomainAnswer[]>;
}

/** DescribeDomains takes at most five names. */
const BATCH = 5;
const DESCRIBE = "es:DescribeDomains";

export const opensearchFetcher: Fetcher<OpenSearchAnswers> = {
  name: "opensearch-domains",
  service: "es",
  actions: ["es:ListDomainNames", DESCRIBE, "es:ListTags"],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(OpenSearchClient, "es");
    // ListDomainNames has no paginator: it answers every domain of the region at once.
    const listed = await ctx.attempt("es:ListDomainNames", async () => {
      const out = await client.send(new ListDomainNamesCommand({}));
      return (out.DomainNames ?? []).flatMap((d) => (d.DomainName === undefined ? [] : [d.DomainName]));
    });
    if (!listed.ok) return { region: ctx.region, domains: listed };
    const batches: string[][] = [];
    for (let i = 0; i < listed.value.length; i += BATCH) batches.push(listed.value.slice(i, i + BATCH));
    const statuses = (await Promise.all(batches.map((names) => describeBatch(ctx, client, names)))).flat();
    const domains = await Promise.all(
      statuses.map(async ([name, status]): Promise<OpenSearchDomainAnswer> => {
        const arn = status.ok ? status.value.ARN : undefined;
        const tags = await ctx.attempt("es:ListTags", async () => {
          const out = await client.send(new ListTagsCommand({ ARN: arn ?? domainArn(ctx, name) }));
          return out.TagList ?? [];
        });
        return { name, status, tags };
      }),
    );
    return { region: ctx.region, domains: fetchedValue(domains) };
  },
};

/** Each name with its status; a failed batch fails for each of its names. A domain missing from the answer was deleted since it was listed. */
async function describeBatch(ctx: FetchContext, client: OpenSearchClient, names: string[]): Promise<[string, Fetched<DomainStatus>][]> {
  const answer = await ctx.attempt(DESCRIBE, async () => (await client.send(new DescribeDomainsCommand({ DomainNames: names }))).DomainStatusList ?? []);
  if (!answer.ok) return names.map((name) => [name, answer]);
  return answer.value.flatMap((status): [string, Fetched<DomainStatus>][] => (status.DomainName === undefined ? [] : [[status.DomainName, fetchedValue(status)]]));
}

const domainArn = (ctx: FetchContext, name: string): string => `arn:${ctx.partition}:es:${ctx.region}:${ctx.account}:domain/${name}`;
