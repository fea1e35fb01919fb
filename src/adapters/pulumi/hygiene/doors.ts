import type { ApiStage, DataEndpoint } from "../../../models/hygiene";
import { Props } from "../props";
import type { PulumiHygieneAdapter } from "./adapter";
import { apiStage, METHOD_SETTINGS_TYPE, STAGE_TYPE } from "./doors-api-stages";
import { distributionEndpoint, DISTRIBUTION_TYPE } from "./doors-cloudfront";
import { CLASSIC_ELB_TYPE, classicElbEndpoint, listenerEndpoint, LISTENER_RULE_TYPES, LISTENER_TYPES, LOAD_BALANCER_TYPES } from "./doors-listeners";

/**
 * Where clients reach data: load balancer listeners (tags from their load balancer, HTTP listeners
 * judged with their listener rules), Classic ELBs
 * (one endpoint per load balancer), CloudFront distributions, and API Gateway REST stages.
 */
export const doorsHygieneAdapter: PulumiHygieneAdapter = {
  types: [...LOAD_BALANCER_TYPES, ...LISTENER_TYPES, ...LISTENER_RULE_TYPES, CLASSIC_ELB_TYPE, DISTRIBUTION_TYPE, STAGE_TYPE, METHOD_SETTINGS_TYPE],
  build(resources) {
    const of = (types: readonly string[]) => resources.filter((r) => types.includes(r.type)).map((r) => new Props(r));
    const loadBalancers = of(LOAD_BALANCER_TYPES);
    const rules = of(LISTENER_RULE_TYPES);
    const methodSettings = of([METHOD_SETTINGS_TYPE]);
    const endpoints: DataEndpoint[] = [
      ...of(LISTENER_TYPES).flatMap((p) => listenerEndpoint(p, loadBalancers, rules) ?? []),
      ...of([CLASSIC_ELB_TYPE]).map(classicElbEndpoint),
      ...of([DISTRIBUTION_TYPE]).map(distributionEndpoint),
    ];
    const apiStages: ApiStage[] = of([STAGE_TYPE]).map((s) => apiStage(s, methodSettings));
    return { endpoints, apiStages };
  },
};
