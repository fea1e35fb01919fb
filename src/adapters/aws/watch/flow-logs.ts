import type { FlowLog as SdkFlowLog } from "@aws-sdk/client-ec2";
import type { FlowLogAnswers } from "../../../fetchers/aws/ec2-flow-logs";
import type { FlowLog } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { gapOf } from "../fetched";
import { arnOf, awsRef } from "../refs";

/** The network model id (the EC2 adapter's ARN) of a VPC, subnet or interface id. */
const NETWORK_ARN_PREFIX: readonly (readonly [string, string])[] = [
  ["vpc-", "vpc"],
  ["subnet-", "subnet"],
  ["eni-", "network-interface"],
];

function adaptFlowLog(f: SdkFlowLog, ctx: AdaptContext, region: string): FlowLog | undefined {
  if (!f.FlowLogId) return undefined;
  const id = f.ResourceId;
  const kind = id ? NETWORK_ARN_PREFIX.find(([prefix]) => id.startsWith(prefix))?.[1] : undefined;
  return {
    model: "flow-log",
    ref: awsRef(arnOf(ctx.partition, "ec2", region, ctx.account, `vpc-flow-log/${f.FlowLogId}`), "AWS::EC2::FlowLog", f.FlowLogId, "VPC flow log", ctx.account, region),
    resourceIds: id ? [id] : [],
    resourceRefs: id && kind ? [arnOf(ctx.partition, "ec2", region, ctx.account, `${kind}/${id}`)] : [],
    trafficType: f.TrafficType ? { value: f.TrafficType, observed: `TrafficType=${f.TrafficType}` } : { value: undefined, observed: "TrafficType not reported" },
  };
}

/** One region's flow logs, joined to the VPCs, subnets and interfaces they record by the EC2 adapter's ids. */
export function adaptFlowLogs(raw: FlowLogAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.flowLogs.ok) return { gaps: [gapOf(raw.flowLogs.failure, "VPC flow logs")] };
  return { hygiene: { flowLogs: raw.flowLogs.value.flatMap((f) => adaptFlowLog(f, ctx, raw.region) ?? []) } };
}
