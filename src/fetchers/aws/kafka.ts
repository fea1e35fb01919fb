import { KafkaClient, paginateListClustersV2, type Cluster } from "@aws-sdk/client-kafka";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** MSK provisioned and serverless clusters: key, brokers' subnets, security groups, public access and tags inline. */
export interface MskAnswers {
  readonly region: string;
  readonly clusters: Fetched<Cluster[]>;
}

export const mskFetcher: Fetcher<MskAnswers> = {
  name: "msk-clusters",
  service: "kafka",
  actions: ["kafka:ListClustersV2"],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(KafkaClient, "kafka");
    const clusters = await ctx.listAll(
      "kafka:ListClustersV2",
      () => paginateListClustersV2({ client }, {}),
      (page) => page.ClusterInfoList,
    );
    return { region: ctx.region, clusters };
  },
};
