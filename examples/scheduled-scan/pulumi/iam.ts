// Small builders for the stack's IAM documents.
import * as pulumi from "@pulumi/pulumi";
import type { Account } from "./account";

export interface Grant {
  Sid?: string;
  Effect?: "Allow" | "Deny";
  Action: string | string[];
  Resource: pulumi.Input<string> | pulumi.Input<string>[];
  Condition?: Record<string, Record<string, pulumi.Input<string> | pulumi.Input<string>[]>>;
}

export const policy = (grants: Grant[]): pulumi.Output<string> =>
  pulumi.jsonStringify({ Version: "2012-10-17", Statement: grants.map((g) => ({ Effect: "Allow", ...g })) });

/** Trust for an AWS service acting for this account only (the confused-deputy guard), optionally from given ARNs. */
export function serviceTrust(service: string, account: Account, sourceArn?: pulumi.Input<string>): pulumi.Output<string> {
  return pulumi.jsonStringify({
    Version: "2012-10-17",
    Statement: [{
      Effect: "Allow",
      Principal: { Service: service },
      Action: "sts:AssumeRole",
      Condition: {
        StringEquals: { "aws:SourceAccount": account.id },
        ...(sourceArn ? { ArnLike: { "aws:SourceArn": sourceArn } } : {}),
      },
    }],
  });
}
