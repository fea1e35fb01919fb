// Where the stack is deployed: account, region and partition, for the ARNs policies must name before the
// resources exist (a state machine's role names the state machine itself).
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";

export interface Account {
  readonly id: pulumi.Output<string>;
  readonly region: pulumi.Output<string>;
  readonly partition: pulumi.Output<string>;
  /** `arn:<partition>:<service>:<region>:<account>:<resource>` */
  arn(service: string, resource: pulumi.Input<string>): pulumi.Output<string>;
}

export function currentAccount(): Account {
  const id = aws.getCallerIdentityOutput().accountId;
  const region = aws.getRegionOutput().region;
  const partition = aws.getPartitionOutput().partition;
  return {
    id, region, partition,
    arn: (service, resource) => pulumi.interpolate`arn:${partition}:${service}:${region}:${id}:${resource}`,
  };
}
