import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted } from "./shared";

/** `aws:cloudwatch/logGroup:LogGroup` (v6, v7): CloudWatch Logs always encrypts; `kmsKeyId` names a KMS key. */
export const logGroup: StoreAdapter = {
  types: ["aws:cloudwatch/logGroup:LogGroup"],
  kind: "log-group",
  label: "CloudWatch log group",
  nameProperty: "name",
  encryptedByDefault: true,
  encryption: (p) => alwaysEncrypted(p, "kmsKeyId", "aws-owned", "always encrypted by CloudWatch Logs (kmsKeyId not set)"),
};
