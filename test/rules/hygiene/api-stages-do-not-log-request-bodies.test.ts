import { describe, expect, it } from "vitest";
import type { Tags } from "../../../src/core/classification";
import { DEFAULT_CONFIG } from "../../../src/core/config";
import type { Val } from "../../../src/core/value";
import type { ApiStage } from "../../../src/models/hygiene";
import { apiStagesDoNotLogRequestBodies as rule } from "../../../src/rules/hygiene/api-stages-do-not-log-request-bodies";
import { run, statuses } from "../../helpers/models";
import { CONFIDENTIAL, DENIED, hygieneInventory, PREVIEW, RESTRICTED, setting } from "./readiness-models";

const stage = (tags: Val<Tags | undefined>, logsBodies: Val<boolean>, name = "prod"): ApiStage => ({
  model: "api-stage",
  ref: { id: `urn:stage:${name}`, type: "aws:apigateway/stage:Stage", name, label: "API Gateway stage" },
  tags,
  logsBodies: setting(logsBodies, logsBodies === true ? "dataTraceEnabled=true on */*" : "dataTraceEnabled unset"),
});
const inv = (...stages: ApiStage[]) => hygieneInventory([], { apiStages: stages });

describe("CDG-HYG-013 api-stages-do-not-log-request-bodies", () => {
  it.each<[string, ReturnType<typeof inv>, string[]]>([
    ["compliant: confidential stage without data tracing", inv(stage(CONFIDENTIAL, false)), ["pass"]],
    ["compliant: untagged stage (assumed customer data) without data tracing", inv(stage(undefined, false)), ["pass"]],
    ["compliant: public stage may trace (not customer data)", inv(stage({ "data-classification": "public" }, true)), ["not-applicable"]],
    ["compliant: no stage declared", inv(), []],
    ["violation: confidential stage logs bodies", inv(stage(CONFIDENTIAL, true)), ["fail"]],
    ["violation: restricted stage logs bodies (the same)", inv(stage(RESTRICTED, true)), ["fail"]],
    ["violation: untagged stage logs bodies", inv(stage(undefined, true)), ["fail"]],
    ["violation: only the tracing stage fails", inv(stage(CONFIDENTIAL, false, "a"), stage(CONFIDENTIAL, true, "b")), ["pass", "fail"]],
    ["unknown: method settings computed in preview", inv(stage(CONFIDENTIAL, PREVIEW)), ["unknown"]],
    ["unknown: GetStage denied", inv(stage(CONFIDENTIAL, DENIED)), ["unknown"]],
    ["unknown: tags computed", inv(stage(PREVIEW, true)), ["unknown"]],
  ])("%s", (_name, i, expected) => {
    expect(statuses(run(rule, i))).toEqual(expected);
  });

  it("treats untagged stages as not customer data when configured so", () => {
    const config = { ...DEFAULT_CONFIG, assumeCustomerData: false };
    expect(statuses(run(rule, inv(stage(undefined, true)), {}, config))).toEqual(["not-applicable"]);
  });

  it("judges nothing without a hygiene view", () => {
    expect(run(rule, {})).toEqual([]);
  });

  it("names the stage and the observed setting", () => {
    const [o] = run(rule, inv(stage(CONFIDENTIAL, true)));
    expect(o?.message).toBe(
      "API Gateway stage 'prod' writes full request and response bodies to its logs (dataTraceEnabled=true on */*); a stage serving customer data must set dataTraceEnabled=false",
    );
  });
});
