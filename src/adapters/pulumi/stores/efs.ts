import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";

/** `aws:efs/fileSystem:FileSystem` (v6, v7): `encrypted` (default false), `kmsKeyId` (default aws/elasticfilesystem). */
export const efsFileSystem: StoreAdapter = {
  types: ["aws:efs/fileSystem:FileSystem"],
  kind: "efs-file-system",
  encryption: (p) => switchedEncryption(p, "encrypted", "kmsKeyId"),
};
