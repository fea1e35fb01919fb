/** Only key identifiers of these shapes are printed; anything else may be a misplaced secret. */
const PRINTABLE_KEY = /^(arn:aws[a-z-]*:kms:[a-z0-9-]+:\d{12}:(key|alias)\/[A-Za-z0-9/_-]+|alias\/[A-Za-z0-9/_-]+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32})$/;

/** The key identifier (ARN, alias, key id) when it may go into a message, else undefined. */
export const printableKey = (key: string): string | undefined => (PRINTABLE_KEY.test(key) ? key : undefined);

/** An alias `alias/aws/<service>` (or its ARN) names the service's AWS-managed key. */
const AWS_MANAGED_ALIAS = /(^|:)alias\/aws\//;

/**
 * Who manages a key known only by how it is named: an `alias/aws/...` is AWS-managed; any other
 * key a store names is taken as customer-managed.
 */
export const managerOfNamedKey = (key: string): "aws-managed" | "customer-managed" =>
  AWS_MANAGED_ALIAS.test(key) ? "aws-managed" : "customer-managed";
