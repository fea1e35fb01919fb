import type { ResourceRef } from "../../models/ref";

/** A deployed resource's reference: its ARN is the model id; account and region always set. */
export function awsRef(arn: string, type: string, name: string, label: string, account: string, region: string): ResourceRef {
  return { id: arn, type, name, label, account, region };
}

/** `arn:PARTITION:SERVICE:REGION:ACCOUNT:RESOURCE`, for resources whose API gives no ARN. */
export function arnOf(partition: string, service: string, region: string, account: string, resource: string): string {
  return `arn:${partition}:${service}:${region}:${account}:${resource}`;
}
