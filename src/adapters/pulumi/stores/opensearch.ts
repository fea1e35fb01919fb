import { isUnknown } from "../../../core/value";
import { switchedEncryption } from "../kms-ref";
import type { StoreAdapter } from "../store-adapter";
import { blockAt, notEncrypted } from "./shared";

/** `encryptAtRest {enabled, kmsKeyId}`: off when absent; on without a key -> AWS-managed aws/es. */
function domain(type: string, label: string): StoreAdapter {
  return {
    types: [type],
    kind: "opensearch-domain",
    label,
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
export const opensearchDomain = domain("aws:opensearch/domain:Domain", "OpenSearch domain");
/** Legacy `aws:elasticsearch/domain:Domain` (v6, v7). */
export const elasticsearchDomain = domain("aws:elasticsearch/domain:Domain", "Elasticsearch domain");
