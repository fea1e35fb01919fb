import type { Stage } from "@aws-sdk/client-api-gateway";
import { boundValue } from "../../../core/bounded-text";
import type { ApiGatewayAnswers, RestApiAnswer } from "../../../fetchers/aws/apigateway";
import type { ApiStage, Setting } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf, unknownOf } from "../fetched";
import { awsRef } from "../refs";

/** REST API stages; a REST API whose stages could not be read stands for them, not assessed. */
export function adaptApiGateway(raw: ApiGatewayAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.restApis.ok) return { gaps: [gapOf(raw.restApis.failure, "API Gateway REST APIs")] };
  const apiStages = raw.restApis.value.flatMap((a) => stagesOf(a, ctx, raw.region));
  return { hygiene: { apiStages }, tags: apiStages.map((s) => [s.ref.id, s.tags] as const) };
}

function stagesOf(a: RestApiAnswer, ctx: AdaptContext, region: string): ApiStage[] {
  const apiId = a.api.id ?? "";
  const arnOf = (path: string) => `arn:${ctx.partition}:apigateway:${region}::/restapis/${apiId}${path}`;
  if (!a.stages.ok) {
    const why = unknownOf(a.stages.failure);
    const ref = awsRef(arnOf(""), "AWS::ApiGateway::RestApi", a.api.name ?? apiId, "API Gateway REST API", ctx.account, region);
    return [{ model: "api-stage", ref, tags: a.api.tags ?? {}, logsBodies: { value: why, observed: "stages not read" } }];
  }
  return a.stages.value.map((s) => {
    const name = s.stageName ?? "";
    const ref = awsRef(arnOf(`/stages/${name}`), "AWS::ApiGateway::Stage", `${a.api.name ?? apiId}/${name}`, "API Gateway stage", ctx.account, region);
    return { model: "api-stage" as const, ref, tags: s.tags ?? {}, logsBodies: logsBodies(s) };
  });
}

/** `dataTraceEnabled` in any method setting: `*\/*` for the whole stage, or one method's. */
function logsBodies(s: Stage): Setting<boolean> {
  const on = Object.entries(s.methodSettings ?? {}).find(([, m]) => m.dataTraceEnabled === true);
  return on
    ? { value: true, observed: `dataTraceEnabled=true for '${boundValue(on[0], 80)}'` }
    : { value: false, observed: "no method setting enables dataTraceEnabled" };
}
