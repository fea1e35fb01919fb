import type { ClassificationLevel } from "../../core/classification-levels";
import { CLASSIFICATION_LEVELS } from "../../core/classification-levels";
import { describe, fail, notApplicable, notAssessed, pass } from "../../core/outcome";
import type { Outcome } from "../../core/rule";
import { isUnknown, unknown, type Unknown } from "../../core/value";
import type { DataStore } from "../../models/data-store";
import type { ResourcePolicy } from "../../models/exposure";
import type { Inventory } from "../../models/inventory";
import { defineRule } from "../define-rule";
import { CONTROLS } from "../frameworks";
import { deniesInsecureTransportTo, type TransportTarget } from "../network/tls-facts";
import { customerStores, isSettled } from "./transit-facts";

interface Options {
  levels: ClassificationLevel[];
}

/** The resource-policy service of each judged kind. */
const SERVICE_OF: Readonly<Record<string, "sqs" | "sns" | "secretsmanager">> = {
  "sqs-queue": "sqs",
  "sns-topic": "sns",
  secret: "secretsmanager",
};

export const restrictedQueuesTopicsAndSecretsRefusePlainTransport = defineRule<Options>({
  id: "CDG-HYG-003",
  slug: "restricted-queues-topics-and-secrets-refuse-plain-transport",
  title: "Restricted queues, topics and secrets refuse requests that are not over TLS",
  pillar: "hygiene",
  severity: "medium",
  scope: "stack",
  reads: ["stores", "resourcePolicies", "hygiene"],
  frameworks: {
    gdpr: [CONTROLS.gdprSecurityOfProcessing],
    ccpa: [CONTROLS.ccpaReasonableSecurity, CONTROLS.ccpaSecurityDuty],
    "pci-dss-4.0": [CONTROLS.pciStrongCryptoInTransit],
    hipaa: [CONTROLS.hipaaTransmissionSecurity, CONTROLS.hipaaEncryptionInTransit],
  },
  rationale:
    "Seed practice: encrypt in transmission. SQS, SNS and Secrets Manager answer on HTTPS endpoints, but " +
    "their APIs also accept plain HTTP (SQS, SNS) or do not refuse a client that downgrades, unless a resource " +
    "policy denies requests with `aws:SecureTransport = false`. The policy is the only control that survives " +
    "a misconfigured SDK, a proxy or a script using `http://`. An auditor asks for the statement that makes " +
    "TLS mandatory on every queue, topic and secret carrying the most sensitive personal data. It must be " +
    "a Deny for everyone (`Principal: \"*\"`) on all of the service's actions (`sqs:*`, `sns:*`, " +
    "`secretsmanager:*` or `*`), covering the resource (its ARN, a pattern matching it, or `*`). Classification " +
    "drives strictness: restricted stores need the Deny (option `levels`, default [\"restricted\"]); " +
    "confidential stores rely on the services' HTTPS endpoints unless `levels` adds \"confidential\".",
  remediation:
    "Add to the queue (topic, secret) policy: `{ Effect: \"Deny\", Principal: \"*\", Action: \"sqs:*\", Resource: queue.arn, " +
    "Condition: { Bool: { \"aws:SecureTransport\": \"false\" } } }`, e.g. with `new aws.sqs.QueuePolicy(\"tls\", { queueUrl: queue.url, " +
    "policy: pulumi.jsonStringify({ Version: \"2012-10-17\", Statement: [denyPlain] }) })` (SNS: `aws.sns.TopicPolicy`; " +
    "secrets: `aws.secretsmanager.SecretPolicy` with `Resource: \"*\"`).",
  links: [
    "https://docs.aws.amazon.com/AWSSimpleQueueService/latest/SQSDeveloperGuide/sqs-security-best-practices.html",
    "https://docs.aws.amazon.com/sns/latest/dg/sns-security-best-practices.html",
    "https://docs.aws.amazon.com/secretsmanager/latest/userguide/auth-and-access_examples.html",
  ],
  options: {
    levels: {
      type: "array",
      items: { type: "string", enum: CLASSIFICATION_LEVELS },
      default: ["restricted"],
      description: "Classification levels whose queues, topics and secrets must deny requests without TLS.",
    },
  },
  evaluate(inventory, { config, options }): Outcome[] {
    return customerStores(inventory, config, (s) => s.kind in SERVICE_OF).map((s) => {
      if (isSettled(s)) return s;
      if (!options.levels.includes(s.classification.level)) {
        return notApplicable(s.store.ref, `${describe(s.store.ref)} is classified '${s.classification.level}': the rule applies to ${options.levels.join(", ")}`);
      }
      return judge(inventory, s.store);
    });
  },
});

function judge(inventory: Inventory, store: DataStore): Outcome {
  const who = describe(store.ref);
  const service = SERVICE_OF[store.kind] ?? "sqs";
  const target = targetOf(store, service);
  const all = inventory.resourcePolicies ?? [];
  const policies = all.filter((p) => p.service === service && governs(p, store));
  let undetermined: Unknown | undefined;
  for (const policy of policies) {
    const found = deniesInsecureTransportTo(policy, target);
    if (isUnknown(found)) undetermined ??= found;
    else if (found) return pass(store.ref, `${who} refuses requests without TLS: ${found}`);
  }
  const pending = all.find((p) => p.service === service && isUnknown(p.target));
  if (!undetermined && pending && isUnknown(pending.target)) {
    undetermined = unknown(pending.target.reason, `${pending.origin} names a resource not known yet (${pending.target.detail})`);
  }
  if (undetermined) return notAssessed(store.ref, `whether a policy of ${who} refuses requests without TLS`, undetermined);
  const observed = policies.length === 0 ? "it has no resource policy" : `none of its ${policies.length} policies denies aws:SecureTransport=false`;
  return fail(store.ref, `${who} accepts requests without TLS: ${observed} (required: a Deny of ${service}:* to everyone when aws:SecureTransport is false)`);
}

function targetOf(store: DataStore, service: TransportTarget["service"]): TransportTarget {
  const arn = typeof store.arn === "string" ? store.arn : store.ref.id.startsWith("arn:") ? store.ref.id : undefined;
  return arn === undefined ? { service } : { service, arn };
}

/** The policy governs the store: joined to it, or naming it by name, ARN or (SQS) queue URL. */
function governs(p: ResourcePolicy, store: DataStore): boolean {
  const t = p.target;
  if (typeof t !== "string") return false;
  if (t === store.ref.id || t === store.arn) return true;
  const name = store.physicalName;
  return name !== undefined && (t === name || (store.kind === "sqs-queue" && /^https?:\/\//.test(t) && t.endsWith(`/${name}`)));
}
