import { describe, expect, it } from "vitest";
import { customerDataOnDedicatedSubnets as rule } from "../../../src/rules/segregation";
import { engineResource, UNKNOWN } from "../../helpers/engine";
import { run, statuses } from "../../helpers/models";
import { segment, stack, T, u } from "./segment-stack";

const on = { isolateDataSubnets: true };
/** Segment a's database moved into a subnet group that holds the application's subnet. */
const sharedGroup = engineResource("aws:rds/subnetGroup:SubnetGroup", "dbgroup-a", { subnetIds: [UNKNOWN] }, { subnetIds: [u("subnet", "subnet-a")] });
const appElsewhere = (s: string) =>
  engineResource(T.lambda, `app-${s}`, { vpcConfig: { subnetIds: [UNKNOWN], securityGroupIds: [UNKNOWN] } }, { vpcConfig: [u("subnet", `app-subnet-${s}`), u("sg", `app-${s}`)] });
const appSubnet = (s: string) => engineResource(T.subnet, `app-subnet-${s}`, { vpcId: UNKNOWN, cidrBlock: "10.0.2.0/24" }, { vpcId: [u("vpc", `vpc-${s}`)] });

describe("CDG-SEG-004 customer-data-on-dedicated-subnets", () => {
  it("compliant: applications run in their own subnets", () => {
    const rs = segment("a").map((r) => (r.urn === u("lambda", "app-a") ? appElsewhere("a") : r));
    expect(statuses(run(rule, stack(rs, [appSubnet("a")]), on))).toEqual(["pass"]);
  });

  it("violation: the database's subnet also hosts the application function", () => {
    const outcomes = run(rule, stack(segment("a"), [sharedGroup]), on);
    expect(outcomes.map((o) => o.status)).toEqual(["fail"]);
    expect(outcomes[0]?.message).toBe("RDS instance 'db-a' shares subnets with compute: Lambda function 'app-a' in subnet-a");
  });

  it("is off unless isolateDataSubnets is set", () => {
    expect(run(rule, stack(segment("a")))).toEqual([]);
  });

  it("unknown: the store's subnets are computed", () => {
    const rs = segment("a").map((r) =>
      r.urn === u("db", "db-a") ? engineResource(T.db, "db-a", { storageEncrypted: true, subnetGroupName: undefined, dbSubnetGroupName: UNKNOWN }, { dbSubnetGroupName: ["urn:pulumi:dev::shop::random:index/randomString:RandomString::r"] }) : r,
    );
    expect(statuses(run(rule, stack(rs), on))).toEqual(["unknown"]);
  });
});
