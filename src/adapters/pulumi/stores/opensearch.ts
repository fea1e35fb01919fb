import { isUnknown } from "../../../core/value";
import { notEncrypted } from "../../../encryption/at-rest";
import type { StoreVariant } from "../../../models/data-store";
import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";
import { blockAt } from "./shared";

/** `encryptAtRest {enabled, kmsKeyId}`: off when absent; on without a key -> AWS-managed aws/es. */
function domain(type: string, variant?: StoreVariant): StoreAdapter {
  return {
    types: [type],
    kind: "opensearch-domain",
    ...(variant ? { variant } : {}),
    nameProperty: "domainName",
    encryption(p) {
      const block = blockAt(p, "encryptAtRest");
      if (isUnknown(block)) return block;
      if (block === undefined) return notEncrypted("encryptAtRest not set (default not encrypted)");
      return switchedEncryption(p, `${block}.enabled`, `${block}.kmsKeyId`);
    },
  };
}

/** `aws:opensearch/domain:Domain` (v6, v7). */
export const opensearchDomain = domain("aws:opensearch/domain:Domain");
/** Legacy `aws:elasticsearch/domain:Domain` (v6, v7). */
export const elasticsearchDomain = domain("aws:elasticsearch/domain:Domain", "elasticsearch-domain");
