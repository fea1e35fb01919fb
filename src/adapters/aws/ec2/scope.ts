import type { NetworkRef } from "../../../models/network";
import type { ResourceRef } from "../../../models/ref";
import type { AdaptContext } from "../context";
import { arnOf, awsRef } from "../refs";

/** The account and region whose EC2 answers are read. */
export interface Ec2Scope {
  readonly partition: string;
  readonly account: string;
  readonly region: string;
}

export const scopeOf = (ctx: AdaptContext, region: string): Ec2Scope => ({ partition: ctx.partition, account: ctx.account, region });

/** The ARN of an EC2 resource (`vpc/vpc-...`); `owner` is the owning account when EC2 names one (a shared VPC's). */
export function ec2Arn(s: Ec2Scope, resource: string, owner?: string): string {
  return arnOf(s.partition, "ec2", s.region, owner ?? s.account, resource);
}

/** The reference of an EC2 resource whose model id is `arn` and whose name is its AWS id. */
export function ec2Ref(s: Ec2Scope, arn: string, type: string, id: string, label: string, owner?: string): ResourceRef {
  return awsRef(arn, type, id, label, owner ?? s.account, s.region);
}

/**
 * AWS ids of the objects the network answers list, to their model ids: a reference to a listed
 * object is its model id, so joins need no lookup; any other (a VPC of another account, a transit
 * gateway, an AWS-managed prefix list) stays the AWS id, which the network index resolves when
 * another region's or account's answers hold it.
 */
export class NetworkIds {
  private readonly byAwsId = new Map<string, NetworkRef>();

  add(awsId: string | undefined, modelId: NetworkRef): void {
    if (awsId !== undefined && !this.byAwsId.has(awsId)) this.byAwsId.set(awsId, modelId);
  }

  /** The model id of a referenced object; undefined for an empty reference. */
  ref(awsId: string | undefined): NetworkRef | undefined {
    if (awsId === undefined || awsId === "") return undefined;
    return this.byAwsId.get(awsId) ?? awsId;
  }

  refs(awsIds: readonly (string | undefined)[] | undefined): NetworkRef[] {
    const out = new Set<NetworkRef>();
    for (const id of awsIds ?? []) {
      const r = this.ref(id);
      if (r !== undefined) out.add(r);
    }
    return [...out];
  }
}
