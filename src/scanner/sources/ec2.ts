import { adaptEc2Images, adaptEc2Network, adaptEc2Stores } from "../../adapters/aws/ec2";
import { ec2ImagesFetcher, type Ec2ImageAnswers } from "../../fetchers/aws/ec2-images";
import { ec2NetworkFetcher, type Ec2NetworkAnswers } from "../../fetchers/aws/ec2-network";
import { ec2StoresFetcher, type Ec2StoreAnswers } from "../../fetchers/aws/ec2-stores";
import type { AnySource, Source } from "../source";

/** VPCs, subnets, route tables, gateways, security groups, prefix lists, network ACLs, endpoints, peerings, attachments. */
export const ec2NetworkSource: Source<Ec2NetworkAnswers> = {
  fetcher: ec2NetworkFetcher,
  feeds: ["network", "tags"],
  adapt: adaptEc2Network,
};

/** EBS volumes, EC2 instances (also compute, placed in the network) and launch templates. */
export const ec2StoresSource: Source<Ec2StoreAnswers> = {
  fetcher: ec2StoresFetcher,
  feeds: ["stores", "placements", "compute", "tags"],
  storeKinds: ["ebs-volume", "ec2-instance", "launch-template"],
  adapt: adaptEc2Stores,
};

/** Owned EBS snapshots and AMIs, and who they are shared with. */
export const ec2ImagesSource: Source<Ec2ImageAnswers> = {
  fetcher: ec2ImagesFetcher,
  feeds: ["exposures"],
  adapt: adaptEc2Images,
};

export const EC2_SOURCES: AnySource[] = [ec2NetworkSource, ec2StoresSource, ec2ImagesSource];
