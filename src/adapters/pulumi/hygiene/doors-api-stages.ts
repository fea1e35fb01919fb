import { boundValue } from "../../../core/bounded-text";
import { isUnknown, unknown, type Val } from "../../../core/value";
import type { ApiStage, Setting } from "../../../models/hygiene";
import type { Props } from "../props";
import { refOf } from "../store-adapter";
import { sameValue } from "./doors-props";

export const STAGE_TYPE = "aws:apigateway/stage:Stage";
export const METHOD_SETTINGS_TYPE = "aws:apigateway/methodSettings:MethodSettings";

/**
 * A REST API stage logs whole request and response bodies when any method settings of the stage
 * (joined by `restApi` and `stageName`) turn `dataTraceEnabled` on; it is off by default.
 */
export function apiStage(stage: Props, methodSettings: readonly Props[]): ApiStage {
  return { model: "api-stage", ref: refOf(stage, "API Gateway stage"), tags: stage.tags(), logsBodies: logsBodies(stage, methodSettings) };
}

function logsBodies(stage: Props, methodSettings: readonly Props[]): Setting<boolean> {
  let pending: Val<boolean> = false;
  for (const ms of methodSettings) {
    const match = settingsOf(stage, ms);
    if (match === "no") continue;
    const trace = dataTrace(ms);
    if (trace === false) continue;
    if (trace === true && match === "yes") return { value: true, observed: `dataTraceEnabled=true in ${ms.resource.name} for ${methodPathOf(ms)}` };
    pending = isUnknown(trace)
      ? trace
      : unknown("preview", `method settings ${ms.resource.name} enable dataTraceEnabled, and whether they apply to ${stage.resource.name} is known only after the update`);
  }
  return { value: pending, observed: pending === false ? "no method settings enable dataTraceEnabled" : "method settings unknown" };
}

/** Whether `ms` configures `stage`: by the stage itself, else by the same REST API and stage name. */
function settingsOf(stage: Props, ms: Props): "yes" | "no" | "maybe" {
  if (ms.dependenciesOf("stageName").includes(stage.resource.urn)) return "yes";
  const api = sameValue(ms, "restApi", stage, "restApi");
  const name = sameValue(ms, "stageName", stage, "stageName");
  if (api === "no" || name === "no") return "no";
  return api === "yes" && name === "yes" ? "yes" : "maybe";
}

function dataTrace(ms: Props): Val<boolean> {
  const block = ms.obj("settings");
  if (isUnknown(block)) return block;
  if (block === undefined) return false;
  const on = ms.bool(`${ms.itemPath("settings", 0)}.dataTraceEnabled`);
  return on ?? false;
}

function methodPathOf(ms: Props): string {
  const path = ms.str("methodPath");
  return typeof path === "string" ? `'${boundValue(path, 80)}'` : "its method path";
}
