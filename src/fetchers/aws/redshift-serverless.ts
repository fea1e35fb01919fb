import {
  ListTagsForResourceCommand,
  paginateListNamespaces,
  paginateListWorkgroups,
  RedshiftServerlessClient,
  type Namespace,
  type Tag,
  type Workgroup,
} from "@aws-sdk/client-redshift-serverless";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface RedshiftNamespaceAnswer {
  readonly namespace: Namespace;
  /** Undefined when the namespace has no ARN to ask with. */
  readonly tags?: Fetched<Tag[]>;
}

/** Namespaces hold the data (and name the key); their workgroups place them in the network. */
export interface RedshiftServerlessAnswers {
  readonly region: string;
  readonly namespaces: Fetched<RedshiftNamespaceAnswer[]>;
  readonly workgroups: Fetched<Workgroup[]>;
}

export const redshiftServerlessFetcher: Fetcher<RedshiftServerlessAnswers> = {
  name: "redshift-serverless-namespaces",
  service: "redshift-serverless",
  actions: ["redshift-serverless:ListNamespaces", "redshift-serverless:ListWorkgroups", "redshift-serverless:ListTagsForResource"],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(RedshiftServerlessClient, "redshift-serverless");
    const [listed, workgroups] = await Promise.all([
      ctx.listAll("redshift-serverless:ListNamespaces", () => paginateListNamespaces({ client }, {}), (page) => page.namespaces),
      ctx.listAll("redshift-serverless:ListWorkgroups", () => paginateListWorkgroups({ client }, {}), (page) => page.workgroups),
    ]);
    const namespaces = await eachListed(listed, async (namespace): Promise<RedshiftNamespaceAnswer> => {
      const arn = namespace.namespaceArn;
      if (arn === undefined) return { namespace };
      const tags = await ctx.attempt("redshift-serverless:ListTagsForResource", async () => {
        const out = await client.send(new ListTagsForResourceCommand({ resourceArn: arn }));
        return out.tags ?? [];
      });
      return { namespace, tags };
    });
    return { region: ctx.region, namespaces, workgroups };
  },
};
