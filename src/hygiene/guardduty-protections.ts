/** GuardDuty feature names (the API's `Features[].Name` and Pulumi's `DetectorFeature.name`) -> the model's protection keys. */
export const GUARDDUTY_PROTECTIONS: Readonly<Record<string, string>> = {
  S3_DATA_EVENTS: "s3-data-events",
  RDS_LOGIN_EVENTS: "rds-login-events",
  EKS_AUDIT_LOGS: "eks-audit-logs",
  EBS_MALWARE_PROTECTION: "ebs-malware-protection",
  LAMBDA_NETWORK_LOGS: "lambda-network-logs",
  RUNTIME_MONITORING: "runtime-monitoring",
  EKS_RUNTIME_MONITORING: "eks-runtime-monitoring",
};

/** The model's key of a feature; a feature this table does not know keeps its name, in the same style. */
export const protectionKey = (feature: string): string => GUARDDUTY_PROTECTIONS[feature] ?? feature.toLowerCase().replace(/_/g, "-");
