import { isUnknown } from "../../../core/value";
import type { Setting, StoreHygiene } from "../../../models/hygiene";
import type { Props } from "../props";
import { blockAt } from "../stores/shared";
import { always, boolSetting, setting, shown, unexpected } from "./analytics-settings";

/** Hygiene of OpenSearch/Elasticsearch domains and MSK clusters, from their own properties. */

export const OPENSEARCH_DOMAIN = "aws:opensearch/domain:Domain";
export const ELASTICSEARCH_DOMAIN = "aws:elasticsearch/domain:Domain";
export const MSK_CLUSTER = "aws:msk/cluster:Cluster";
export const MSK_SERVERLESS = "aws:msk/serverlessCluster:ServerlessCluster";

/** What AWS applies to a domain created without a TLS security policy: it accepts TLS 1.0. */
export const OPENSEARCH_DEFAULT_TLS_POLICY = "Policy-Min-TLS-1-0-2019-07";

/**
 * A block's field with a default when the block is set without it, and `absent` when the whole
 * block is missing (the provider then sends nothing and AWS's own default applies).
 */
function blockField<T>(
  p: Props,
  block: string,
  read: (path: string) => Setting<T>,
  absent: () => Setting<T>,
): Setting<T> {
  const at = blockAt(p, block);
  if (isUnknown(at)) return setting(at, `${block} computed during the update`);
  return at === undefined ? absent() : read(at);
}

/** `domainEndpointOptions.enforceHttps`: true by default inside the block; without the block AWS accepts HTTP. */
function enforceHttps(p: Props): Setting<boolean> {
  return blockField(
    p,
    "domainEndpointOptions",
    (at) => boolSetting(p, `${at}.enforceHttps`, true, "provider default"),
    () => setting(false, "domainEndpointOptions not set: HTTPS not enforced (AWS default)"),
  );
}

function tlsPolicy(p: Props): Setting<string | undefined> {
  const unset = (): Setting<string | undefined> => setting(OPENSEARCH_DEFAULT_TLS_POLICY, `tlsSecurityPolicy not set (AWS default ${OPENSEARCH_DEFAULT_TLS_POLICY})`);
  return blockField(
    p,
    "domainEndpointOptions",
    (at) => {
      const v = p.str(`${at}.tlsSecurityPolicy`);
      if (isUnknown(v)) return setting(v, `${at}.tlsSecurityPolicy computed during the update`);
      return v === undefined || v === "" ? unset() : setting(v, `tlsSecurityPolicy=${shown(v)}`);
    },
    unset,
  );
}

/**
 * The AUDIT_LOGS entry of `logPublishingOptions` (enabled unless `enabled` is false). OpenSearch
 * writes audit logs only with fine-grained access control (`advancedSecurityOptions.enabled`).
 */
function auditLog(p: Props): Setting<boolean> {
  const n = p.count("logPublishingOptions");
  if (isUnknown(n)) return setting(n, "logPublishingOptions computed during the update");
  let entry: string | undefined;
  for (let i = 0; i < n; i++) {
    const at = p.itemPath("logPublishingOptions", i);
    const type = p.str(`${at}.logType`);
    if (isUnknown(type)) return setting(type, "a logType of logPublishingOptions computed during the update");
    if (type === "AUDIT_LOGS") entry = at;
  }
  if (entry === undefined) return setting(false, "no AUDIT_LOGS in logPublishingOptions");
  const enabled = boolSetting(p, `${entry}.enabled`, true, "provider default");
  if (enabled.value !== true) return setting(enabled.value, `AUDIT_LOGS: ${enabled.observed}`);
  const fgac = blockField(
    p,
    "advancedSecurityOptions",
    (at) => boolSetting(p, `${at}.enabled`, false),
    () => setting(false, "advancedSecurityOptions not set"),
  );
  if (fgac.value === true) return setting(true, "AUDIT_LOGS published to CloudWatch Logs, fine-grained access control enabled");
  return setting(fgac.value, `AUDIT_LOGS published, but audit logs need fine-grained access control: ${fgac.observed}`);
}

/** OpenSearch and Elasticsearch domains (v6, v7). */
export function domainHygiene(p: Props): StoreHygiene {
  return {
    transitRequired: enforceHttps(p),
    transitMinimumTls: tlsPolicy(p),
    transitBetweenNodes: blockField(
      p,
      "nodeToNodeEncryption",
      (at) => boolSetting(p, `${at}.enabled`, false),
      () => setting(false, "nodeToNodeEncryption not set (AWS default: off)"),
    ),
    auditLog: auditLog(p),
    backups: always("OpenSearch takes automated hourly snapshots of every domain"),
  };
}

const CLIENT_BROKER = new Set(["TLS", "TLS_PLAINTEXT", "PLAINTEXT"]);

/** `encryptionInfo.encryptionInTransit`: `clientBroker` (default TLS; TLS_PLAINTEXT and PLAINTEXT accept plain), `inCluster` (default true). */
export function mskClusterHygiene(p: Props): StoreHygiene {
  const inTransit = (read: (at: string) => Setting<boolean>, absent: () => Setting<boolean>): Setting<boolean> =>
    blockField(p, "encryptionInfo", (info) => blockField(p, `${info}.encryptionInTransit`, read, absent), absent);
  return {
    transitRequired: inTransit(
      (at) => {
        const v = p.str(`${at}.clientBroker`);
        if (isUnknown(v)) return setting(v, "clientBroker computed during the update");
        if (v === undefined || v === "") return setting(true, "encryptionInTransit.clientBroker not set (AWS default TLS)");
        if (!CLIENT_BROKER.has(v)) return setting(unexpected(p, `${at}.clientBroker`, "TLS, TLS_PLAINTEXT or PLAINTEXT"), "clientBroker not recognized");
        return setting(v === "TLS", `encryptionInTransit.clientBroker=${v}${v === "TLS" ? "" : ": plaintext client connections accepted"}`);
      },
      () => setting(true, "encryptionInTransit not set (AWS default clientBroker TLS)"),
    ),
    transitBetweenNodes: inTransit(
      (at) => boolSetting(p, `${at}.inCluster`, true),
      () => setting(true, "encryptionInTransit not set (AWS default inCluster true)"),
    ),
  };
}

export function mskServerlessHygiene(): StoreHygiene {
  return {
    transitRequired: always("MSK Serverless accepts TLS connections only"),
    transitBetweenNodes: always("MSK Serverless encrypts traffic between its brokers"),
  };
}
