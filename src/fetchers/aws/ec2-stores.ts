import {
  EC2Client,
  GetEbsDefaultKmsKeyIdCommand,
  GetEbsEncryptionByDefaultCommand,
  paginateDescribeInstances,
  paginateDescribeLaunchTemplates,
  paginateDescribeLaunchTemplateVersions,
  paginateDescribeVolumes,
  type Instance,
  type LaunchTemplate,
  type LaunchTemplateBlockDeviceMapping,
  type Volume,
} from "@aws-sdk/client-ec2";
import type { FetchContext } from "./context";
import { eachListed, fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";
import { unlessGone } from "./ec2-gone";

/**
 * The default version of a launch template, reduced to its block device mappings: the rest of
 * the template data (user data above all, which may hold secrets) is never kept.
 */
export interface LaunchTemplateDefaultVersion {
  readonly versionNumber?: number;
  readonly blockDeviceMappings?: LaunchTemplateBlockDeviceMapping[];
}

export interface LaunchTemplateAnswer {
  readonly template: LaunchTemplate;
  /** Undefined when the template has no default version (it was deleted meanwhile). */
  readonly defaultVersion: Fetched<LaunchTemplateDefaultVersion | undefined>;
}

/** EBS volumes, instances and launch templates of one region, and the account's EBS encryption defaults there. */
export interface Ec2StoreAnswers {
  readonly region: string;
  readonly volumes: Fetched<Volume[]>;
  /** Instances not terminated, from every reservation. */
  readonly instances: Fetched<Instance[]>;
  readonly launchTemplates: Fetched<LaunchTemplateAnswer[]>;
  readonly encryptionByDefault: Fetched<boolean | undefined>;
  /** The key new volumes get when encrypted without one (ARN, or `alias/aws/ebs`). */
  readonly defaultKmsKeyId: Fetched<string | undefined>;
}

export const EC2_STORE_ACTIONS = [
  "ec2:DescribeVolumes",
  "ec2:DescribeInstances",
  "ec2:DescribeLaunchTemplates",
  "ec2:DescribeLaunchTemplateVersions",
  "ec2:GetEbsEncryptionByDefault",
  "ec2:GetEbsDefaultKmsKeyId",
] as const;

const GONE_TEMPLATE = ["InvalidLaunchTemplateId.NotFound", "InvalidLaunchTemplateName.NotFoundException", "InvalidLaunchTemplateId.VersionNotFound"];
const ENDED = new Set(["terminated", "shutting-down"]);

export const ec2StoresFetcher: Fetcher<Ec2StoreAnswers> = {
  name: "ec2-stores",
  service: "ec2",
  actions: EC2_STORE_ACTIONS,
  scope: "region",
  async fetch(ctx: FetchContext): Promise<Ec2StoreAnswers> {
    const client = ctx.client(EC2Client, "ec2");
    const [volumes, reservations, launchTemplates, encryptionByDefault, defaultKmsKeyId] = await Promise.all([
      ctx.listAll("ec2:DescribeVolumes", () => paginateDescribeVolumes({ client }, {}), (p) => p.Volumes),
      ctx.listAll("ec2:DescribeInstances", () => paginateDescribeInstances({ client }, {}), (p) => p.Reservations),
      fetchLaunchTemplates(ctx, client),
      ctx.attempt("ec2:GetEbsEncryptionByDefault", async () => (await client.send(new GetEbsEncryptionByDefaultCommand({}))).EbsEncryptionByDefault),
      ctx.attempt("ec2:GetEbsDefaultKmsKeyId", async () => (await client.send(new GetEbsDefaultKmsKeyIdCommand({}))).KmsKeyId),
    ]);
    const instances: Fetched<Instance[]> = reservations.ok
      ? fetchedValue(reservations.value.flatMap((r) => r.Instances ?? []).filter((i) => !ENDED.has(i.State?.Name ?? "")))
      : reservations;
    return { region: ctx.region, volumes, instances, launchTemplates, encryptionByDefault, defaultKmsKeyId };
  },
};

async function fetchLaunchTemplates(ctx: FetchContext, client: EC2Client): Promise<Fetched<LaunchTemplateAnswer[]>> {
  const templates = await ctx.listAll("ec2:DescribeLaunchTemplates", () => paginateDescribeLaunchTemplates({ client }, {}), (p) => p.LaunchTemplates);
  return eachListed(templates, async (template): Promise<LaunchTemplateAnswer> => {
    const defaultVersion = await ctx.attempt("ec2:DescribeLaunchTemplateVersions", () =>
      unlessGone(GONE_TEMPLATE, async () => {
        const pages = paginateDescribeLaunchTemplateVersions({ client }, { LaunchTemplateId: template.LaunchTemplateId, Versions: ["$Default"] });
        for await (const page of pages) {
          const v = page.LaunchTemplateVersions?.[0];
          if (v) return { versionNumber: v.VersionNumber, blockDeviceMappings: v.LaunchTemplateData?.BlockDeviceMappings };
        }
        return undefined;
      }),
    );
    return { template, defaultVersion };
  });
}
