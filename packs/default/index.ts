// The default pack: every rule. This file only declares the pack; tests import src/pulumi.
import { PolicyPack } from "@pulumi/policy";
import { ALL_RULES } from "../../src/rules";
import { policiesFor } from "../../src/pulumi";

new PolicyPack("customer-data-guard", {
  description: "Keeps customer data on AWS encrypted, isolated, segregated and least-privileged.",
  provider: "aws",
  tags: ["aws", "customer-data", "privacy"],
  policies: policiesFor(ALL_RULES),
});
