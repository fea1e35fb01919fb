import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { keySetting } from "./key-setting";
import { resourcePoliciesOf, documentText } from "./policies";

const T = { table: "aws:dynamodb/table:Table", resourcePolicy: "aws:dynamodb/resourcePolicy:ResourcePolicy" } as const;

/**
 * A table: `serverSideEncryption` off (AWS-owned key), on without a key (aws/dynamodb) or on with
 * `kmsKeyArn`; each replica part as `replicas[]` with its own key; the table's resource policy as
 * an `aws:dynamodb/resourcePolicy:ResourcePolicy`.
 */
export function writeTable(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `DynamoDB table ${name}`;
  const key = keySetting(store.encryption, what);
  const sse = key.manager === "aws-owned" ? { enabled: false } : { enabled: true, ...(key.key ? { kmsKeyArn: key.key } : {}) };
  const replicas = store.parts.map((part) => {
    const k = keySetting(part.encryption, `${part.name} of ${what}`);
    return { k, props: k.manager === "customer-managed" ? { kmsKeyArn: k.key } : {} };
  });
  const table = w.add({
    type: T.table,
    name,
    model: store.ref,
    id: name,
    props: {
      name,
      arn: store.ref.id,
      serverSideEncryption: sse,
      ...(replicas.length > 0 ? { replicas: replicas.map((r) => r.props) } : {}),
      ...tagProps(store.tags, what),
    },
    refs: { serverSideEncryption: [key.keyModel], replicas: replicas.map((r) => r.k.keyModel) },
  });
  for (const p of resourcePoliciesOf(w, store.ref.id, "dynamodb")) {
    w.add({
      type: T.resourcePolicy,
      name,
      model: store.ref,
      id: store.ref.id,
      props: { resourceArn: store.ref.id, policy: documentText(p.document, p.origin) },
      refs: { resourceArn: [table] },
    });
  }
}
