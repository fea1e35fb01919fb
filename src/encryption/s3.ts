import type { EncryptionAtRest } from "../models/data-store";
import { STORE_KIND_FACTS } from "../models/store-kind-facts";
import { encryptedWith } from "./at-rest";

/** S3 has encrypted every new object with SSE-S3 (an AWS-owned key) since January 2023. */
export const S3_DEFAULT_ENCRYPTION: EncryptionAtRest = encryptedWith(
  STORE_KIND_FACTS["s3-bucket"].encryption.keyless,
  "AWS default encryption (SSE-S3)",
);
