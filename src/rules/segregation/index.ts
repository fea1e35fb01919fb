import type { AnyRule } from "../../core/rule";
import { customerDataOnDedicatedSubnets } from "./customer-data-on-dedicated-subnets";
import { customerDataStoreInOneSegment } from "./customer-data-store-in-one-segment";
import { noNetworkPathBetweenSegments } from "./no-network-path-between-segments";
import { noPrincipalReachesTwoSegments } from "./no-principal-reaches-two-segments";
import { segmentResourcesNotShared } from "./segment-resources-not-shared";

export {
  customerDataOnDedicatedSubnets,
  customerDataStoreInOneSegment,
  noNetworkPathBetweenSegments,
  noPrincipalReachesTwoSegments,
  segmentResourcesNotShared,
};

/** The segregation pillar, in id order. */
export const SEGREGATION_RULES: readonly AnyRule[] = [
  customerDataStoreInOneSegment,
  segmentResourcesNotShared,
  noNetworkPathBetweenSegments,
  customerDataOnDedicatedSubnets,
  noPrincipalReachesTwoSegments,
];
