// AWSGuard is itself a PolicyPack: constructing it registers every AWSGuard policy and serves them.
// { all: "mandatory" } turns every policy on (some are off or advisory by default).
const { AwsGuard } = require("@pulumi/awsguard");

new AwsGuard({ all: "mandatory" });
