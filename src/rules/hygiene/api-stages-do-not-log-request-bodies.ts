import { classify } from "../../core/classification";
import { describe, fail, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { classificationGate } from "../network/network-facts";
import { hygieneOf, isOutcome, knownSetting } from "./readiness-facts";

/** GDPR data minimisation: not among the shared CONTROLS. */
const GDPR_DATA_MINIMISATION = "Art. 5(1)(c)";

export const apiStagesDoNotLogRequestBodies = defineRule({
  id: "CDG-HYG-013",
  slug: "api-stages-do-not-log-request-bodies",
  title: "API Gateway stages serving customer data do not write full request and response bodies to logs",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [GDPR_DATA_MINIMISATION, CONTROLS.gdprStorageLimitation],
    ccpa: [CONTROLS.ccpaDataRetention],
    "pci-dss-4.0": [CONTROLS.pciRetentionLimited],
  },
  rationale:
    "Seed practice: retention (minimisation). With data tracing (`dataTraceEnabled`) on, API Gateway writes every " +
    "request and response body to CloudWatch Logs: names, addresses, card numbers and tokens end up in a log group " +
    "with its own readers and retention, outside every control of the store they belong to. A stage serving customer " +
    "data (its classification tag; untagged stages are assumed to, as stores are) must not enable data tracing on any " +
    "method; execution logs at INFO or ERROR level and access logs stay available. Restricted: the same, since no level " +
    "of customer data belongs in debug logs. An auditor asks which logs hold personal data and why.",
  remediation:
    "Turn data tracing off in the stage's method settings: `new aws.apigateway.MethodSettings(\"all\", { restApi: api.id, " +
    "stageName: stage.stageName, methodPath: \"*/*\", settings: { loggingLevel: \"INFO\", dataTraceEnabled: false } })`.",
  links: [
    "https://docs.aws.amazon.com/apigateway/latest/developerguide/set-up-logging.html",
    "https://docs.aws.amazon.com/apigateway/latest/api/API_MethodSetting.html",
  ],
  evaluate(inventory, { config }): Outcome[] {
    return hygieneOf(inventory).apiStages.map((stage) => {
      const who = describe(stage.ref);
      const gate = classificationGate(stage.ref, who, classify(stage.tags, config), config);
      if (gate) return gate;
      const logs = knownSetting(stage.ref, stage.logsBodies, `whether ${who} logs request bodies`);
      if (isOutcome(logs)) return logs;
      return logs.value
        ? fail(stage.ref, `${who} writes full request and response bodies to its logs (${logs.observed}); a stage serving customer data must set dataTraceEnabled=false`)
        : pass(stage.ref, `${who} does not log request bodies (${logs.observed})`);
    });
  },
});
