import { adaptKms } from "../../adapters/aws/kms";
import { kmsFetcher, type KmsAnswers } from "../../fetchers/aws/kms";
import type { AnySource, Source } from "../source";

/**
 * Customer-managed KMS keys and their key policies. Its raw answers also make the key directory
 * (src/adapters/aws/kms-directory.ts) that store adapters ask who manages a key.
 */
export const kmsSource: Source<KmsAnswers> = {
  fetcher: kmsFetcher,
  feeds: ["keys", "resourcePolicies"],
  adapt: adaptKms,
};

export const KMS_SOURCES: AnySource[] = [kmsSource];
