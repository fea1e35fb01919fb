import { adaptS3 } from "../../adapters/aws/s3";
import { s3BucketsFetcher, type S3Answers } from "../../fetchers/aws/s3";
import type { AnySource, Source } from "../source";

/** S3 buckets of each scanned region: stores, Block Public Access and ACLs, bucket policies, hygiene settings. */
export const s3BucketsSource: Source<S3Answers> = {
  fetcher: s3BucketsFetcher,
  feeds: ["stores", "exposures", "resourcePolicies", "hygiene"],
  storeKinds: ["s3-bucket"],
  adapt: adaptS3,
};

export const S3_SOURCES: AnySource[] = [s3BucketsSource];
