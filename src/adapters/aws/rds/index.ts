export { adaptRdsDatabases } from "./databases";
export { adaptRdsSnapshots } from "./snapshots";
