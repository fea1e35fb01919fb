import { EC2Client, paginateDescribeFlowLogs, type FlowLog } from "@aws-sdk/client-ec2";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface FlowLogAnswers {
  readonly region: string;
  /** DescribeFlowLogs: FlowLogId, ResourceId (vpc-, subnet-, eni-, tgw-...), TrafficType, FlowLogStatus. */
  readonly flowLogs: Fetched<FlowLog[]>;
}

export const flowLogsFetcher: Fetcher<FlowLogAnswers> = {
  name: "ec2-flow-logs",
  service: "ec2",
  scope: "region",
  actions: ["ec2:DescribeFlowLogs"],
  async fetch(ctx) {
    const client = ctx.client(EC2Client, "ec2");
    const flowLogs = await ctx.listAll(
      "ec2:DescribeFlowLogs",
      () => paginateDescribeFlowLogs({ client }, {}),
      (page) => page.FlowLogs,
    );
    return { region: ctx.region, flowLogs };
  },
};
