import type { Val } from "../core/value";
import type { NetworkRef, SubnetGroupService } from "./network";

/** Where a data store (or a compute resource reaching one) sits in the network. */
export interface Placement {
  /**
   * The store's own public-access switch (`publiclyAccessible`, MSK public access, an instance's
   * public IP). Undefined when the store has no such switch or it is not set: see `publicWhenUnset`.
   */
  readonly publiclyAccessible: Val<boolean | undefined>;
  /**
   * What AWS does when the switch is not set; absent when the store has no switch or the answer
   * lies elsewhere (an EC2 instance without the setting follows its subnet's `mapPublicIpOnLaunch`).
   */
  readonly publicWhenUnset?: boolean;
  /** The subnet group the store names (model id once joined, else its name as configured). */
  readonly subnetGroup?: Val<NetworkRef | undefined>;
  /** Which service's subnet groups `subnetGroup` names (names are unique per service only). */
  readonly subnetGroupService?: SubnetGroupService;
  /**
   * The subnets the store's network interfaces sit in. Unknown("not-fetched") while they come
   * from a subnet group or the default VPC and the stack view has not resolved them.
   */
  readonly subnets: Val<readonly NetworkRef[]>;
  readonly securityGroups: Val<readonly NetworkRef[]>;
  /** False for stores reached through a public service endpoint (OpenSearch without VPC options). */
  readonly inVpc: Val<boolean>;
  /** True when no subnets or group were given, so AWS puts the store in the default VPC. */
  readonly defaultVpc?: boolean;
  /** How the placement was found, for messages. */
  readonly observed: string;
}
