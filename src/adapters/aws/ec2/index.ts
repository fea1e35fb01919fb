export { adaptEc2Images } from "./exposures";
export { adaptEc2Network } from "./network";
export { adaptEc2Stores } from "./stores";
