import { adaptApiGateway } from "../../adapters/aws/doors/api-stages";
import { adaptCloudFront } from "../../adapters/aws/doors/cloudfront";
import { adaptElbv2 } from "../../adapters/aws/doors/listeners";
import { apigatewayFetcher, type ApiGatewayAnswers } from "../../fetchers/aws/apigateway";
import { cloudfrontFetcher, type CloudFrontAnswers } from "../../fetchers/aws/cloudfront";
import { elbv2Fetcher, type Elbv2Answers } from "../../fetchers/aws/elbv2";
import type { AnySource, Source } from "../source";

/** Where clients reach data: load balancer listeners, CloudFront distributions, API Gateway REST stages. */

export const elbv2HygieneSource: Source<Elbv2Answers> = { fetcher: elbv2Fetcher, feeds: ["hygiene"], adapt: adaptElbv2 };

export const cloudfrontHygieneSource: Source<CloudFrontAnswers> = { fetcher: cloudfrontFetcher, feeds: ["hygiene"], adapt: adaptCloudFront };

export const apigatewayHygieneSource: Source<ApiGatewayAnswers> = { fetcher: apigatewayFetcher, feeds: ["hygiene"], adapt: adaptApiGateway };

export const DOORS_HYGIENE_SOURCES: AnySource[] = [elbv2HygieneSource, cloudfrontHygieneSource, apigatewayHygieneSource];
