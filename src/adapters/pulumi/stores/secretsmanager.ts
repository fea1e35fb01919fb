import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { alwaysEncrypted, listParts } from "./shared";

const KEYLESS = STORE_KIND_FACTS.secret.encryption.keyless;
const AWS_MANAGED = "always encrypted: AWS-managed key aws/secretsmanager (kmsKeyId not set)";

/**
 * `aws:secretsmanager/secret:Secret` (v6, v7): always encrypted with `kmsKeyId`, else the
 * AWS-managed aws/secretsmanager key; each of `replicas[]` (its own `kmsKeyId`) is a part.
 * Secret versions (`aws:secretsmanager/secretVersion`) hold the values and are never read.
 */
export const secret: StoreAdapter = {
  types: ["aws:secretsmanager/secret:Secret"],
  kind: "secret",
  nameProperty: "name",
  encryption: (p) => alwaysEncrypted(p, "kmsKeyId", KEYLESS, AWS_MANAGED),
  parts: (p) => listParts(p, "replicas", (item) => alwaysEncrypted(p, `${item}.kmsKeyId`, KEYLESS, AWS_MANAGED)),
};
