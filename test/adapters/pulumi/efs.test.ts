import { describe } from "vitest";
import { MARKER, storeCases, switchedCases } from "./store-cases";

const FS = "aws:efs/fileSystem:FileSystem";

describe("EFS file system adapter (v6 and v7 share the shape)", () => {
  storeCases("efs-file-system", [
    ...switchedCases(FS, "encrypted", "kmsKeyId", {
      unset: { enabled: false, keyManager: null },
      keyless: "aws-managed",
      awsAlias: "alias/aws/elasticfilesystem",
    }),
    { type: FS, name: "encrypted a string (wrong type)", props: { encrypted: MARKER }, expect: { enabled: "error", detail: /'encrypted'.*got string/ } },
  ]);
});
