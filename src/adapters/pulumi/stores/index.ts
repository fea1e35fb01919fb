import type { StoreAdapter } from "../store-adapter";
import { rdsInstance, rdsNativeInstance } from "./rds";
import { s3Bucket, s3NativeBucket } from "./s3";

/** Every data-store adapter; each type appears once. */
export const STORE_ADAPTERS: readonly StoreAdapter[] = [s3Bucket, s3NativeBucket, rdsInstance, rdsNativeInstance];
