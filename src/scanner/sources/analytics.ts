import { adaptEfs } from "../../adapters/aws/efs";
import { adaptElastiCache } from "../../adapters/aws/elasticache";
import { adaptMsk } from "../../adapters/aws/kafka";
import { adaptOpenSearch } from "../../adapters/aws/opensearch";
import { adaptRedshift } from "../../adapters/aws/redshift";
import { adaptRedshiftServerless } from "../../adapters/aws/redshift-serverless";
import { efsFetcher, type EfsAnswers } from "../../fetchers/aws/efs";
import { elasticacheFetcher, type ElastiCacheAnswers } from "../../fetchers/aws/elasticache";
import { mskFetcher, type MskAnswers } from "../../fetchers/aws/kafka";
import { opensearchFetcher, type OpenSearchAnswers } from "../../fetchers/aws/opensearch";
import { redshiftFetcher, type RedshiftAnswers } from "../../fetchers/aws/redshift";
import { redshiftServerlessFetcher, type RedshiftServerlessAnswers } from "../../fetchers/aws/redshift-serverless";
import type { AnySource, Source } from "../source";

/** Provisioned Redshift clusters with their placements, and cluster subnet groups (network). */
export const redshiftSource: Source<RedshiftAnswers> = {
  fetcher: redshiftFetcher,
  feeds: ["stores", "placements", "network", "hygiene"],
  storeKinds: ["redshift-cluster"],
  adapt: adaptRedshift,
};

/** Redshift Serverless namespaces, placed by their workgroups. */
export const redshiftServerlessSource: Source<RedshiftServerlessAnswers> = {
  fetcher: redshiftServerlessFetcher,
  feeds: ["stores", "placements", "hygiene"],
  storeKinds: ["redshift-serverless-namespace"],
  adapt: adaptRedshiftServerless,
};

/** ElastiCache replication groups, standalone cache clusters and serverless caches; cache subnet groups (network). */
export const elasticacheSource: Source<ElastiCacheAnswers> = {
  fetcher: elasticacheFetcher,
  feeds: ["stores", "placements", "network", "hygiene"],
  storeKinds: ["elasticache-replication-group", "elasticache-serverless-cache"],
  adapt: adaptElastiCache,
};

/** OpenSearch and Elasticsearch domains, their placements and access policies. */
export const opensearchSource: Source<OpenSearchAnswers> = {
  fetcher: opensearchFetcher,
  feeds: ["stores", "placements", "resourcePolicies", "hygiene"],
  storeKinds: ["opensearch-domain"],
  adapt: adaptOpenSearch,
};

/** EFS file systems, their file system policies, and placements from their mount targets. */
export const efsSource: Source<EfsAnswers> = {
  fetcher: efsFetcher,
  feeds: ["stores", "placements", "resourcePolicies", "hygiene"],
  storeKinds: ["efs-file-system"],
  adapt: adaptEfs,
};

/** MSK provisioned and serverless clusters with their placements. */
export const mskSource: Source<MskAnswers> = {
  fetcher: mskFetcher,
  feeds: ["stores", "placements", "hygiene"],
  storeKinds: ["msk-cluster"],
  adapt: adaptMsk,
};

export const ANALYTICS_SOURCES: AnySource[] = [redshiftSource, redshiftServerlessSource, elasticacheSource, opensearchSource, efsSource, mskSource];
