import type { DataStore } from "../../models/data-store";
import { tagProps, type StateWriter } from "./context";
import { alwaysEncryptedKey, keySetting, keyValue } from "./key-setting";
import { placementSettings } from "./placement";

const T = {
  cluster: "aws:redshift/cluster:Cluster",
  namespace: "aws:redshiftserverless/namespace:Namespace",
  workgroup: "aws:redshiftserverless/workgroup:Workgroup",
} as const;

/**
 * A provisioned cluster: `encrypted` as v7 types it (the string "true" or "false"), `kmsKeyId`
 * (none: an AWS-owned key; the AWS-managed key by its alias aws/redshift), `publiclyAccessible`,
 * its cluster subnet group and security groups.
 */
export function writeRedshiftCluster(w: StateWriter, store: DataStore): void {
  const id = store.physicalName ?? store.ref.name;
  const what = `Redshift cluster ${id}`;
  const key = keySetting(store.encryption, what);
  const kmsKeyId = keyValue(key, store, what, "alias/aws/redshift");
  const p = placementSettings(w, store.ref.id, what);
  w.add({
    type: T.cluster,
    name: id,
    model: store.ref,
    id,
    props: {
      clusterIdentifier: id,
      arn: store.ref.id,
      encrypted: String(key.enabled),
      ...(kmsKeyId ? { kmsKeyId } : {}),
      ...(p?.publiclyAccessible === undefined ? {} : { publiclyAccessible: p.publiclyAccessible }),
      ...(p?.subnetGroup === undefined ? {} : { clusterSubnetGroupName: p.subnetGroup }),
      ...(p && p.securityGroups.length > 0 ? { vpcSecurityGroupIds: [...p.securityGroups] } : {}),
      ...tagProps(store.tags, what),
    },
    refs: { kmsKeyId: [key.keyModel], clusterSubnetGroupName: [p?.subnetGroupModel], vpcSecurityGroupIds: [...(p?.securityGroupModels ?? [])] },
  });
}

/**
 * A Redshift Serverless namespace (always encrypted; `kmsKeyId`, none: an AWS-owned key) and, when
 * the scan placed it, one `Workgroup` with its placement. The scan keeps a namespace's workgroups
 * merged (public if any is, subnets and security groups united): one workgroup says the same.
 */
export function writeServerlessNamespace(w: StateWriter, store: DataStore): void {
  const name = store.physicalName ?? store.ref.name;
  const what = `Redshift Serverless namespace ${name}`;
  const { setting, value: kmsKeyId } = alwaysEncryptedKey(store, what);
  const p = placementSettings(w, store.ref.id, what);
  const namespace = w.add({
    type: T.namespace,
    name,
    model: store.ref,
    id: name,
    props: { namespaceName: name, arn: store.ref.id, ...(kmsKeyId ? { kmsKeyId } : {}), ...tagProps(store.tags, what) },
    refs: { kmsKeyId: [setting.keyModel] },
  });
  if (p === undefined) return;
  w.add({
    type: T.workgroup,
    name,
    model: store.ref,
    id: name,
    props: {
      workgroupName: name,
      namespaceName: name,
      ...(p.publiclyAccessible === undefined ? {} : { publiclyAccessible: p.publiclyAccessible }),
      ...(p.subnets.length > 0 ? { subnetIds: [...p.subnets] } : {}),
      ...(p.securityGroups.length > 0 ? { securityGroupIds: [...p.securityGroups] } : {}),
    },
    refs: { namespaceName: [namespace], subnetIds: [...p.subnetModels], securityGroupIds: [...p.securityGroupModels] },
  });
}
