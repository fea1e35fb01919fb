import { isUnknown } from "../../../core/value";
import { encryptedWith, notEncrypted, switchUnknown } from "../../../encryption/at-rest";
import { STORE_KIND_FACTS } from "../../../models/store-kind-facts";
import type { StoreAdapter } from "../store-adapter";
import { keyedOr } from "./shared";

/**
 * `aws:sqs/queue:Queue` (v6, v7): `kmsMasterKeyId` -> SSE-KMS with that key (alias/aws/sqs is
 * AWS-managed); else SSE-SQS with an SQS-owned key, on by default for new queues since 2022
 * unless `sqsManagedSseEnabled` is false.
 */
export const sqsQueue: StoreAdapter = {
  types: ["aws:sqs/queue:Queue"],
  kind: "sqs-queue",
  nameProperty: "name",
  encryption: (p) =>
    keyedOr(p, "kmsMasterKeyId", () => {
      const sse = p.bool("sqsManagedSseEnabled");
      if (isUnknown(sse)) return switchUnknown(sse, "sqsManagedSseEnabled unknown");
      if (sse === false) return notEncrypted("sqsManagedSseEnabled=false without kmsMasterKeyId");
      return encryptedWith(
        STORE_KIND_FACTS["sqs-queue"].encryption.keyless,
        sse === undefined ? "SSE-SQS by default (sqsManagedSseEnabled not set)" : "sqsManagedSseEnabled=true (SSE-SQS)",
      );
    }),
};
