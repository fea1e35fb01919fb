import type { FileSystemDescription } from "@aws-sdk/client-efs";
import { encryptedWith, notEncrypted } from "../../encryption/at-rest";
import type { EfsAnswers, EfsFileSystemAnswer, EfsMountTargetAnswer } from "../../fetchers/aws/efs";
import type { Fetched } from "../../fetchers/aws/fetched";
import type { DataStore, EncryptionAtRest } from "../../models/data-store";
import type { Placement } from "../../models/placement";
import { STORE_KIND_FACTS, storeLabel } from "../../models/store-kind-facts";
import { mergePlacements } from "../../network/merge-placements";
import { efsBackups } from "./analytics-hygiene";
import type { AdaptContext } from "./context";
import type { InventoryContribution } from "./contribution";
import { gapOf, readFetched, tagsOfList, unknownOf } from "./fetched";
import { inlinePolicy, storesAndPolicies, type StoreWithPolicy } from "./inline-policy";
import { keyedEncryption } from "./keyed-encryption";
import { arnOf, awsRef } from "./refs";

const KIND = "efs-file-system";

/** `Encrypted` with `KmsKeyId` (the AWS-managed aws/elasticfilesystem key is named by its ARN too). */
export function fileSystemEncryption(fs: FileSystemDescription, ctx: AdaptContext, region: string): EncryptionAtRest {
  if (fs.Encrypted !== true) return notEncrypted(`Encrypted=${fs.Encrypted === false ? "false" : "false (not reported)"}`);
  if (fs.KmsKeyId) return keyedEncryption(ctx, fs.KmsKeyId, region, "KmsKeyId");
  return encryptedWith(STORE_KIND_FACTS[KIND].encryption.keyless, "Encrypted=true without KmsKeyId: AWS-managed key aws/elasticfilesystem");
}

/** A mount target is a network interface with private addresses only. */
export function mountTargetPlacement(m: EfsMountTargetAnswer): Placement {
  const subnet = m.mountTarget.SubnetId;
  return {
    publiclyAccessible: false,
    subnets: subnet ? [subnet] : [],
    securityGroups: readFetched(m.securityGroups, (groups) => [...new Set(groups)]),
    inVpc: true,
    observed: `mount target ${m.mountTarget.MountTargetId ?? ""}`,
  };
}

/**
 * A file system is reachable where its mount targets are: their placements merged. None: no
 * placement (as the Pulumi front); not listed: the subnets and security groups are not known.
 */
function fileSystemPlacement(mountTargets: Fetched<EfsMountTargetAnswer[]>): Placement | undefined {
  if (!mountTargets.ok) {
    const why = unknownOf(mountTargets.failure);
    return { publiclyAccessible: false, subnets: why, securityGroups: why, inVpc: true, observed: "mount targets not listed" };
  }
  const [first, ...rest] = mountTargets.value.map(mountTargetPlacement);
  return first && rest.reduce((placement, part) => mergePlacements(placement, part), first);
}

function adaptFileSystem(a: EfsFileSystemAnswer, ctx: AdaptContext, region: string): StoreWithPolicy & { placement?: Placement } {
  const fs = a.fileSystem;
  const id = fs.FileSystemId ?? "";
  const arn = fs.FileSystemArn ?? arnOf(ctx.partition, "elasticfilesystem", region, ctx.account, `file-system/${id}`);
  const ref = awsRef(arn, "AWS::EFS::FileSystem", id, storeLabel(KIND), ctx.account, region);
  // No physicalName, as the Pulumi front: the id names no setting given by name.
  const store: DataStore = { model: "data-store", ref, kind: KIND, tags: tagsOfList(fs.Tags), encryption: fileSystemEncryption(fs, ctx, region), parts: [] };
  const policy = inlinePolicy(ref, "efs", "file system policy", readFetched(a.policy, (p) => p));
  const placement = fileSystemPlacement(a.mountTargets);
  return { store, ...(policy ? { policy } : {}), ...(placement ? { placement } : {}) };
}

/** One region's EFS file systems: stores, their file system policies, and placements from their mount targets. */
export function adaptEfs(raw: EfsAnswers, ctx: AdaptContext): InventoryContribution {
  if (!raw.fileSystems.ok) return { gaps: [gapOf(raw.fileSystems.failure, "EFS file systems")] };
  const withIds = raw.fileSystems.value.filter((a) => a.fileSystem.FileSystemId);
  const adapted = withIds.map((a) => adaptFileSystem(a, ctx, raw.region));
  return {
    ...storesAndPolicies(adapted),
    placements: adapted.flatMap((a) => (a.placement ? [[a.store.ref.id, a.placement] as const] : [])),
    hygiene: { stores: adapted.map((a, i) => [a.store.ref.id, efsBackups(withIds[i]?.backupStatus)] as const) },
  };
}
