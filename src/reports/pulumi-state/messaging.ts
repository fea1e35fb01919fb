import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { policiesOf } from "./policies";

/** The resource policy a queue, topic or secret keeps inline; a second one is not expected. */
const inlinePolicy = (documents: readonly string[]) => (documents[0] === undefined ? {} : { policy: documents[0] });

/**
 * A queue: `kmsMasterKeyId` (a customer key's ARN, or alias/aws/sqs), else `sqsManagedSseEnabled`
 * (SSE-SQS on or off); its policy inline.
 */
export function writeQueue(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `SQS queue ${name}`;
  const key = keySetting(store.encryption, what, "alias/aws/sqs");
  const url = `https://sqs.${store.ref.region ?? w.options.region}.amazonaws.com/${store.ref.account ?? ""}/${name}`;
  w.add({
    type: "aws:sqs/queue:Queue",
    name,
    model: store.ref,
    id: url,
    props: {
      name,
      arn: store.ref.id,
      url,
      ...(key.key ? { kmsMasterKeyId: key.key } : { sqsManagedSseEnabled: key.enabled }),
      ...inlinePolicy(policiesOf(w, store.ref.id, "sqs")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsMasterKeyId: [key.keyModel] },
  });
}

/** A topic: encrypted only with `kmsMasterKeyId` (a customer key's ARN, or alias/aws/sns); its policy inline. */
export function writeTopic(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `SNS topic ${name}`;
  const key = keySetting(store.encryption, what, "alias/aws/sns");
  w.add({
    type: "aws:sns/topic:Topic",
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      name,
      arn: store.ref.id,
      ...(key.key ? { kmsMasterKeyId: key.key } : {}),
      ...inlinePolicy(policiesOf(w, store.ref.id, "sns")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsMasterKeyId: [key.keyModel] },
  });
}

/**
 * A secret's settings (never a value: no `SecretVersion` is written): `kmsKeyId` when it names a
 * customer key (none: aws/secretsmanager), each replica part as `replicas[]`, its policy inline.
 */
export function writeSecret(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `Secrets Manager secret ${name}`;
  const key = keySetting(store.encryption, what);
  const replicas = store.parts.map((part) => keySetting(part.encryption, `${part.name} of ${what}`));
  w.add({
    type: "aws:secretsmanager/secret:Secret",
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      name,
      arn: store.ref.id,
      ...(key.manager === "customer-managed" ? { kmsKeyId: key.key } : {}),
      ...(replicas.length > 0 ? { replicas: replicas.map((k) => (k.manager === "customer-managed" ? { kmsKeyId: k.key } : {})) } : {}),
      ...inlinePolicy(policiesOf(w, store.ref.id, "secretsmanager")),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], replicas: replicas.map((k) => k.keyModel) },
  });
}

/** A log group: always encrypted, with `kmsKeyId` when it names a key. */
export function writeLogGroup(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `CloudWatch log group ${name}`;
  const key = keySetting(store.encryption, what);
  w.add({
    type: "aws:cloudwatch/logGroup:LogGroup",
    name,
    model: store.ref,
    id: name,
    props: { name, arn: store.ref.id, ...(key.manager === "customer-managed" ? { kmsKeyId: key.key } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [key.keyModel] },
  });
}
