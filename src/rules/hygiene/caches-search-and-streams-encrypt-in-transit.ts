import type { Outcome } from "../../core/rule";
import { unknown } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { StoreHygiene } from "../../models/hygiene";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { customerStores, isRestricted, isSettled, isTrue, judgeChecks, type AnyCheck } from "./transit-facts";
import { isCurrentTlsPolicy, tlsFloorOption, type TlsVersion } from "./transit-tls-policy-facts";

interface Options {
  minimumTls: TlsVersion;
  restrictedMinimumTls: TlsVersion;
}

/**
 * What each kind must show. `memorydb-cluster` is matched by name: the kind may not be part of
 * StoreKind yet.
 */
const CHECKS_BY_KIND: Readonly<Record<string, (h: StoreHygiene | undefined, floor: TlsVersion) => AnyCheck[]>> = {
  "elasticache-replication-group": (h) => [clientTls(h)],
  "elasticache-serverless-cache": (h) => [clientTls(h)],
  "memorydb-cluster": (h) => [clientTls(h)],
  "opensearch-domain": (h, floor) => [clientTls(h), tlsPolicy(h, floor), betweenNodes(h)],
  "msk-cluster": (h) => [clientTls(h), betweenNodes(h)],
};

const clientTls = (h: StoreHygiene | undefined): AnyCheck => ({
  setting: h?.transitRequired,
  name: "whether clients must use TLS",
  required: "TLS required for client connections",
  ok: isTrue,
});

const betweenNodes = (h: StoreHygiene | undefined): AnyCheck => ({
  setting: h?.transitBetweenNodes,
  name: "whether traffic between its nodes is encrypted",
  required: "node-to-node (in-cluster) encryption on",
  ok: isTrue,
});

const tlsPolicy = (h: StoreHygiene | undefined, floor: TlsVersion): AnyCheck => ({
  setting: h?.transitMinimumTls,
  name: "its TLS security policy",
  required: `a TLS policy accepting TLS ${floor} or newer only`,
  // Adapters give an unset policy as the service default's name: undefined means none was reported.
  ok: (policy: string | undefined) => (policy === undefined ? unknown("not-fetched", "no TLS security policy was reported") : isCurrentTlsPolicy(policy, floor)),
});

/** A cache cluster that is a member of a replication group (`copyOf` its group) is judged through its group. */
const judged = (s: DataStore): boolean => s.kind in CHECKS_BY_KIND && !(s.variant === "elasticache-cache-cluster" && s.copyOf !== undefined);

export const cachesSearchAndStreamsEncryptInTransit = defineRule<Options>({
  id: "CDG-HYG-002",
  slug: "caches-search-and-streams-encrypt-in-transit",
  title: "Customer data caches, search domains and streams encrypt traffic in transit",
  pillar: "hygiene",
  severity: "high",
  scope: "resource",
  reads: ["stores", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity, CONTROLS.ccpaSecurityDuty],
    "pci-dss-4.0": [CONTROLS.pciStrongCryptoInTransit],
    hipaa: [CONTROLS.hipaaTransmissionSecurity, CONTROLS.hipaaEncryptionInTransit],
  },
  rationale:
    "Seed practice: encrypt in transmission. ElastiCache and MemoryDB serve plain Redis/Valkey/Memcached " +
    "unless in-transit encryption is on and required (`transitEncryptionMode=required`, not `preferred`); " +
    "OpenSearch answers HTTP unless `enforceHttps` is set, keeps TLS 1.0 unless its TLS security policy is " +
    "raised, and copies shards between nodes in clear text without node-to-node encryption; MSK lets " +
    "clients and brokers talk plaintext unless `clientBroker=TLS` and `inCluster=true`. An auditor asks " +
    "for evidence that personal data is encrypted on every hop, including between nodes. Restricted data: " +
    "the same settings, with its own TLS floor (`restrictedMinimumTls`, default 1.2 like `minimumTls`) so an " +
    "organisation can demand TLS 1.3 for restricted stores only. A TLS policy left unset is judged as the " +
    "service default the adapters name; a policy name not recognized is not assessed. A cache cluster " +
    "that is a member of a replication group is judged through its group.",
  remediation:
    "ElastiCache: `transitEncryptionEnabled: true, transitEncryptionMode: \"required\"`; MemoryDB: `tlsEnabled: true`; " +
    "OpenSearch: `domainEndpointOptions: { enforceHttps: true, tlsSecurityPolicy: \"Policy-Min-TLS-1-2-PFS-2023-10\" }, " +
    "nodeToNodeEncryption: { enabled: true }`; MSK: `encryptionInfo: { encryptionInTransit: { clientBroker: \"TLS\", inCluster: true } }`.",
  links: [
    "https://docs.aws.amazon.com/AmazonElastiCache/latest/dg/in-transit-encryption.html",
    "https://docs.aws.amazon.com/memorydb/latest/devguide/in-transit-encryption.html",
    "https://docs.aws.amazon.com/opensearch-service/latest/developerguide/ntn.html",
    "https://docs.aws.amazon.com/msk/latest/developerguide/msk-encryption.html",
  ],
  options: {
    minimumTls: tlsFloorOption("Oldest TLS version an OpenSearch domain holding confidential data may accept (its TLS security policy's floor)."),
    restrictedMinimumTls: tlsFloorOption("Oldest TLS version an OpenSearch domain holding restricted data may accept."),
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return customerStores(inventory, config, judged).map((s) => {
      if (isSettled(s)) return s;
      const floor = isRestricted(s.classification) ? options.restrictedMinimumTls : options.minimumTls;
      const checks = CHECKS_BY_KIND[s.store.kind]?.(s.hygiene, floor) ?? [];
      return judgeChecks(s.store.ref, checks, { pass: "encrypts traffic in transit", fail: "does not encrypt all traffic in transit" });
    });
  },
});
