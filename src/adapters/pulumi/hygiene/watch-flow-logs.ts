import { isUnknown, unknown, type Val } from "../../../core/value";
import type { FlowLog } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import { T } from "../network/types";
import { Props } from "../props";
import { typeOfUrn } from "../urn";
import { presenceSetting } from "./watch-values";

export const FLOW_LOG_TYPE = "aws:ec2/flowLog:FlowLog";

/** What a flow log may record, and the resource types its property's value can come from. */
const TARGETS: readonly (readonly [string, ReadonlySet<string>])[] = [
  ["vpcId", new Set([T.vpc, T.defaultVpc])],
  ["subnetId", new Set([T.subnet, T.defaultSubnet])],
  ["eniId", new Set(["aws:ec2/networkInterface:NetworkInterface"])],
  ["transitGatewayId", new Set([T.transitGateway])],
  ["transitGatewayAttachmentId", new Set([T.transitGatewayVpcAttachment])],
];

/** `aws:ec2/flowLog:FlowLog`: the AWS ids it records when known, and the stack's resources it records by dependency. */
export function adaptFlowLog(r: EngineResource): FlowLog {
  const p = new Props(r);
  const ids: string[] = [];
  const refs: string[] = [];
  let pending: Val<never> | undefined;
  for (const [property, types] of TARGETS) {
    const v = p.str(property);
    refs.push(...p.dependenciesOf(property).filter((u) => types.has(typeOfUrn(u))));
    if (isUnknown(v)) pending ??= v.reason === "preview" ? unknown("preview", `${property} of ${r.name} is not known until the update`) : v;
    else if (v !== undefined && v !== "") ids.push(v);
  }
  const traffic = presenceSetting(p, "trafficType");
  return {
    model: "flow-log",
    ref: { id: r.urn, type: r.type, name: r.name, label: "VPC flow log" },
    resourceIds: pending ?? ids,
    resourceRefs: [...new Set(refs)],
    trafficType: { value: traffic.value, observed: isUnknown(traffic.value) || traffic.value === undefined ? traffic.observed : `trafficType=${traffic.value}` },
  };
}
