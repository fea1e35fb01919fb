import {
  IAMClient,
  paginateGetAccountAuthorizationDetails,
  type EntityType,
  type GetAccountAuthorizationDetailsCommandOutput,
  type GroupDetail,
  type ManagedPolicyDetail,
  type RoleDetail,
  type UserDetail,
} from "@aws-sdk/client-iam";
import type { FetchContext } from "./context";
import type { Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

/** Every page of GetAccountAuthorizationDetails, joined. Policy documents are URL-encoded JSON. */
export interface AccountAuthorizationDetails {
  readonly users: readonly UserDetail[];
  readonly roles: readonly RoleDetail[];
  readonly groups: readonly GroupDetail[];
  /** Customer managed policies, and AWS managed ones (AWS lists those attached; moto lists all). */
  readonly policies: readonly ManagedPolicyDetail[];
}

export interface IamAnswers {
  readonly details: Fetched<AccountAuthorizationDetails>;
}

const FILTER: EntityType[] = ["User", "Role", "Group", "LocalManagedPolicy", "AWSManagedPolicy"];

/** The account's IAM principals and managed policies, in one paginated call. */
export const iamFetcher: Fetcher<IamAnswers> = {
  name: "iam-authorization-details",
  service: "iam",
  actions: ["iam:GetAccountAuthorizationDetails"],
  scope: "account",
  async fetch(ctx: FetchContext): Promise<IamAnswers> {
    const client = ctx.client(IAMClient, "iam");
    const pages = await ctx.listAll(
      "iam:GetAccountAuthorizationDetails",
      () => paginateGetAccountAuthorizationDetails({ client }, { Filter: FILTER }),
      (page: GetAccountAuthorizationDetailsCommandOutput) => [page],
    );
    if (!pages.ok) return { details: pages };
    return {
      details: {
        ok: true,
        value: {
          users: pages.value.flatMap((p) => p.UserDetailList ?? []),
          roles: pages.value.flatMap((p) => p.RoleDetailList ?? []),
          groups: pages.value.flatMap((p) => p.GroupDetailList ?? []),
          policies: pages.value.flatMap((p) => p.Policies ?? []),
        },
      },
    };
  },
};
