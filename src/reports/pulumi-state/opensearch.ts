import type { DataStore } from "../../models/data-store";
import { tagProps, Unwritable, type StateWriter } from "./context";
import { keySetting, keyValue } from "./key-setting";
import { placementSettings } from "./placement";
import { policiesOf } from "./policies";

const DOMAIN_TYPE = { opensearch: "aws:opensearch/domain:Domain", elasticsearch: "aws:elasticsearch/domain:Domain" } as const;

/**
 * An OpenSearch domain (an Elasticsearch one as `aws:elasticsearch/domain:Domain`):
 * `encryptAtRest {enabled, kmsKeyId}` (none named: aws/es), `vpcOptions` when it sits in a VPC
 * (none: a public endpoint), its access policy inline in `accessPolicies`.
 */
export function writeDomain(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const elasticsearch = store.variant === "elasticsearch-domain";
  const what = `${elasticsearch ? "Elasticsearch" : "OpenSearch"} domain ${name}`;
  const key = keySetting(store.encryption, what);
  const kmsKeyId = keyValue(key, store, what);
  const p = placementSettings(w, store.ref.id, what);
  if (p === undefined) throw new Unwritable(`the network placement of ${what} was not read`);
  const [policy, ...more] = policiesOf(w, store.ref.id, "opensearch");
  if (more.length > 0) throw new Unwritable(`${what} has ${more.length + 1} access policies; v7 keeps one in accessPolicies`);
  w.add({
    type: elasticsearch ? DOMAIN_TYPE.elasticsearch : DOMAIN_TYPE.opensearch,
    name,
    model: store.ref,
    id: store.ref.id,
    props: {
      domainName: name,
      arn: store.ref.id,
      encryptAtRest: { enabled: key.enabled, ...(kmsKeyId ? { kmsKeyId } : {}) },
      ...(p.inVpc ? { vpcOptions: { subnetIds: [...p.subnets], securityGroupIds: [...p.securityGroups] } } : {}),
      ...(policy === undefined ? {} : { accessPolicies: policy }),
      ...tagProps(store.tags, what),
    },
    refs: { encryptAtRest: [key.keyModel], vpcOptions: [...p.subnetModels, ...p.securityGroupModels] },
  });
}
