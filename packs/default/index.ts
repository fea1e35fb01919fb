// The default pack: every rule. This file only declares the pack; tests import src/pulumi.
// First, before @pulumi/policy loads the SDK: defer the SDK modules a pack never uses at start.
import "../../src/pulumi/defer-unused-sdk-modules";
import { PolicyPack } from "@pulumi/policy";
import { iamDataVersion } from "../../src/iam";
import { ALL_RULES } from "../../src/rules";
import { policiesFor } from "../../src/pulumi";

new PolicyPack("customer-data-guard", {
  // The IAM action catalogue changes daily; the version behind the verdicts is part of every run's record.
  description: `Keeps customer data on AWS encrypted, isolated, segregated and least-privileged (IAM data ${iamDataVersion()}).`,
  provider: "aws",
  tags: ["aws", "customer-data", "privacy"],
  policies: policiesFor(ALL_RULES),
});
