import {
  DescribeBackupPolicyCommand,
  DescribeFileSystemPolicyCommand,
  DescribeMountTargetSecurityGroupsCommand,
  EFSClient,
  paginateDescribeFileSystems,
  paginateDescribeMountTargets,
  type FileSystemDescription,
  type MountTargetDescription,
} from "@aws-sdk/client-efs";
import type { FetchContext } from "./context";
import { eachListed, fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface EfsMountTargetAnswer {
  readonly mountTarget: MountTargetDescription;
  readonly securityGroups: Fetched<string[]>;
}

export interface EfsFileSystemAnswer {
  readonly fileSystem: FileSystemDescription;
  /** The file system policy's JSON text; undefined when it has none. */
  readonly policy: Fetched<string | undefined>;
  /** Where the file system is reachable from: its mount targets. */
  readonly mountTargets: Fetched<EfsMountTargetAnswer[]>;
  /** The backup policy's status (ENABLED, DISABLED...); undefined when it has none (PolicyNotFound: backups off). */
  readonly backupStatus?: Fetched<string | undefined>;
}

export interface EfsAnswers {
  readonly region: string;
  readonly fileSystems: Fetched<EfsFileSystemAnswer[]>;
}

export const efsFetcher: Fetcher<EfsAnswers> = {
  name: "efs-file-systems",
  service: "elasticfilesystem",
  actions: [
    "elasticfilesystem:DescribeFileSystems",
    "elasticfilesystem:DescribeFileSystemPolicy",
    "elasticfilesystem:DescribeBackupPolicy",
    "elasticfilesystem:DescribeMountTargets",
    "elasticfilesystem:DescribeMountTargetSecurityGroups",
    // DescribeMountTargetSecurityGroups also needs it, on the mount target's network interface.
    "ec2:DescribeNetworkInterfaceAttribute",
  ],
  scope: "region",
  async fetch(ctx) {
    const client = ctx.client(EFSClient, "elasticfilesystem");
    const listed = await ctx.listAll(
      "elasticfilesystem:DescribeFileSystems",
      () => paginateDescribeFileSystems({ client }, {}),
      (page) => page.FileSystems,
    );
    const fileSystems = await eachListed(listed, async (fileSystem): Promise<EfsFileSystemAnswer> => {
      const id = fileSystem.FileSystemId;
      if (id === undefined) return { fileSystem, policy: fetchedValue(undefined), mountTargets: fetchedValue([]) };
      const [policy, mountTargets, backupStatus] = await Promise.all([
        policyOf(ctx, client, id),
        mountTargetsOf(ctx, client, id, fileSystem.NumberOfMountTargets),
        backupStatusOf(ctx, client, id),
      ]);
      return { fileSystem, policy, mountTargets, backupStatus };
    });
    return { region: ctx.region, fileSystems };
  },
};

function policyOf(ctx: FetchContext, client: EFSClient, fileSystemId: string): Promise<Fetched<string | undefined>> {
  return ctx.attempt("elasticfilesystem:DescribeFileSystemPolicy", async () => {
    try {
      return (await client.send(new DescribeFileSystemPolicyCommand({ FileSystemId: fileSystemId }))).Policy;
    } catch (e) {
      // No policy: the file system grants access through IAM alone.
      if ((e as { name?: unknown }).name === "PolicyNotFound") return undefined;
      throw e;
    }
  });
}

function backupStatusOf(ctx: FetchContext, client: EFSClient, fileSystemId: string): Promise<Fetched<string | undefined>> {
  return ctx.attempt("elasticfilesystem:DescribeBackupPolicy", async () => {
    try {
      return (await client.send(new DescribeBackupPolicyCommand({ FileSystemId: fileSystemId }))).BackupPolicy?.Status;
    } catch (e) {
      // No backup policy: automatic backups were never turned on.
      if ((e as { name?: unknown }).name === "PolicyNotFound") return undefined;
      throw e;
    }
  });
}

async function mountTargetsOf(ctx: FetchContext, client: EFSClient, fileSystemId: string, count: number | undefined): Promise<Fetched<EfsMountTargetAnswer[]>> {
  if (count === 0) return fetchedValue([]);
  const listed = await ctx.listAll(
    "elasticfilesystem:DescribeMountTargets",
    () => paginateDescribeMountTargets({ client }, { FileSystemId: fileSystemId }),
    (page) => page.MountTargets,
  );
  return eachListed(listed, async (mountTarget): Promise<EfsMountTargetAnswer> => {
    const securityGroups = await ctx.attempt("elasticfilesystem:DescribeMountTargetSecurityGroups", async () => {
      const out = await client.send(new DescribeMountTargetSecurityGroupsCommand({ MountTargetId: mountTarget.MountTargetId }));
      return out.SecurityGroups ?? [];
    });
    return { mountTarget, securityGroups };
  });
}
