import { APIGatewayClient, GetStagesCommand, paginateGetRestApis, type RestApi, type Stage } from "@aws-sdk/client-api-gateway";
import { eachListed, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface RestApiAnswer {
  /** From GetRestApis: id and name. */
  readonly api: RestApi;
  /** From GetStages: each stage's method settings (`*\/*` and per method) and tags. */
  readonly stages: Fetched<Stage[]>;
}

export interface ApiGatewayAnswers {
  readonly region: string;
  readonly restApis: Fetched<RestApiAnswer[]>;
}

/** API Gateway's IAM action for every read is `apigateway:GET` (on the resource path). */
export const APIGATEWAY_READ = "apigateway:GET";

export const apigatewayFetcher: Fetcher<ApiGatewayAnswers> = {
  name: "apigateway-rest-stages",
  service: "apigateway",
  scope: "region",
  actions: [APIGATEWAY_READ],
  async fetch(ctx) {
    const client = ctx.client(APIGatewayClient, "apigateway");
    const listed = await ctx.listAll(APIGATEWAY_READ, () => paginateGetRestApis({ client }, {}), (page) => page.items);
    const restApis = await eachListed(listed, async (api) => ({
      api,
      stages: await ctx.attempt(APIGATEWAY_READ, async () => (await client.send(new GetStagesCommand({ restApiId: api.id }))).item ?? []),
    }));
    return { region: ctx.region, restApis };
  },
};
