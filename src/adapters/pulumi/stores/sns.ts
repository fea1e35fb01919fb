import { notEncrypted } from "../../../encryption/at-rest";
import type { StoreAdapter } from "../store-adapter";
import { keyedOr } from "./shared";

/** `aws:sns/topic:Topic` (v6, v7): encrypted only with `kmsMasterKeyId` (alias/aws/sns is AWS-managed). */
export const snsTopic: StoreAdapter = {
  types: ["aws:sns/topic:Topic"],
  kind: "sns-topic",
  nameProperty: "name",
  encryption: (p) => keyedOr(p, "kmsMasterKeyId", () => notEncrypted("kmsMasterKeyId not set")),
};
