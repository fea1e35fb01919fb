import { adaptIam } from "../../adapters/aws/iam";
import { iamFetcher, type IamAnswers } from "../../fetchers/aws/iam";
import type { AnySource, Source } from "../source";

/** Principals, inline and managed policies and attachments of the account, from one paginated call. */
export const iamSource: Source<IamAnswers> = {
  fetcher: iamFetcher,
  feeds: ["iam"],
  adapt: adaptIam,
};

export const IAM_SOURCES: AnySource[] = [iamSource];
