import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted } from "./shared";

/** `aws:cloudwatch/logGroup:LogGroup` (v6, v7): CloudWatch Logs always encrypts; `kmsKeyId` names a KMS key. */
export const logGroup: StoreAdapter = {
  types: ["aws:cloudwatch/logGroup:LogGroup"],
  kind: "log-group",
  nameProperty: "name",
  encryption: (p) => alwaysEncrypted(p, "kmsKeyId", STORE_KIND_FACTS["log-group"].encryption.keyless, "always encrypted by CloudWatch Logs (kmsKeyId not set)"),
};
