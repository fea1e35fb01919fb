export { buildNetworkGraph, NETWORK_TYPES } from "./build-graph";
export { NETWORK_ADAPTERS, type NetworkAdapter } from "./network-adapters";
export * from "./placement";
