// The recorder's mocked provider (src/engine-client/record-provider.ts): the names its Check fills in,
// and what its Create returns in a preview and with every value known.
import { describe, expect, it } from "vitest";
import { AUTONAMES, autoName, checkedInputs, mockCreate } from "../../src/engine-client/record-provider";
import { UNKNOWN } from "../../src/engine-client/wire";

const urn = (type: string, name: string) => `urn:pulumi:dev::shop::${type}::${name}`;
const RDS = "aws:rds/instance:Instance";
const SUBNETS = "aws:rds/subnetGroup:SubnetGroup";

describe("checkedInputs (the provider's autonaming)", () => {
  it("fills an unset name with <logical name>-<7 hex digits>, the same for the same URN", () => {
    const checked = checkedInputs(SUBNETS, urn(SUBNETS, "Data"), { subnetIds: ["a"] });
    expect(checked).toEqual({ subnetIds: ["a"], name: expect.stringMatching(/^data-[0-9a-f]{7}$/) });
    expect(checkedInputs(SUBNETS, urn(SUBNETS, "Data"), { subnetIds: ["b"] }).name).toBe(checked.name);
    expect(checkedInputs(SUBNETS, urn("x$" + SUBNETS, "Data"), {}).name).not.toBe(checked.name);
  });

  it("fills the property the type names, lowercased where AWS requires it, with its prefix", () => {
    expect(checkedInputs(RDS, urn(RDS, "Customers-DB"), {}).identifier).toMatch(/^customers-db-[0-9a-f]{7}$/);
    expect(checkedInputs("aws:s3/bucket:Bucket", urn("aws:s3/bucket:Bucket", "Orders"), {}).bucket).toMatch(/^orders-[0-9a-f]{7}$/);
    expect(checkedInputs("aws:ec2/securityGroup:SecurityGroup", urn("aws:ec2/securityGroup:SecurityGroup", "Db"), {}).name)
      .toMatch(/^Db-[0-9a-f]{7}$/);
    expect(checkedInputs("aws:kms/alias:Alias", urn("aws:kms/alias:Alias", "orders"), {}).name).toMatch(/^alias\/orders-[0-9a-f]{7}$/);
    expect(checkedInputs("aws:sqs/queue:Queue", urn("aws:sqs/queue:Queue", "jobs"), { fifoQueue: true }).name)
      .toMatch(/^jobs-[0-9a-f]{7}\.fifo$/);
  });

  it("leaves a given name, an unknown one, a name prefix and untabled types alone", () => {
    const given = { name: "mine" };
    expect(checkedInputs(SUBNETS, urn(SUBNETS, "d"), given)).toBe(given);
    expect(checkedInputs(SUBNETS, urn(SUBNETS, "d"), { name: UNKNOWN })).toEqual({ name: UNKNOWN });
    expect(checkedInputs(SUBNETS, urn(SUBNETS, "d"), { namePrefix: "data-" })).toEqual({ namePrefix: "data-" });
    expect(checkedInputs(SUBNETS, urn(SUBNETS, "d"), { name: null }).name).toMatch(/^d-[0-9a-f]{7}$/);
    expect(checkedInputs("aws:ec2/vpc:Vpc", urn("aws:ec2/vpc:Vpc", "v"), {})).toEqual({});
  });

  it("fails, as the provider's Check does, when the name cannot fit", () => {
    const spec = AUTONAMES["aws:elasticache/replicationGroup:ReplicationGroup"];
    if (!spec) throw new Error("no spec");
    expect(() => autoName(spec, urn("t", "x".repeat(40)), {})).toThrow(/longer than maximum length 40/);
  });
});

describe("mockCreate (the provider's Create)", () => {
  const args = { type: SUBNETS, name: "data", custom: true, inputs: { name: "data-1234567", subnetIds: ["s"] } };

  it("returns the inputs with the id (also as an output) and the ARN when every value is known", () => {
    expect(mockCreate(args, { preview: false, region: "eu-west-1" })).toEqual({
      id: "data-id",
      state: { ...args.inputs, id: "data-id", arn: "arn:aws:rds:eu-west-1:123456789012:data" },
    });
  });

  it("leaves the id and the ARN unknown in a preview, but not for a resource read with .get()", () => {
    expect(mockCreate(args, { preview: true, region: "eu-west-1" })).toEqual({ id: undefined, state: { ...args.inputs, id: UNKNOWN, arn: UNKNOWN } });
    expect(mockCreate({ ...args, id: "existing" }, { preview: true, region: "eu-west-1" })).toMatchObject({ id: "existing", state: { id: "existing" } });
  });

  it("names an S3 bucket's ARN by the bucket, keeps a given ARN, and gives providers and components no id output", () => {
    const bucket = { type: "aws:s3/bucket:Bucket", name: "orders", custom: true, inputs: { bucket: "orders-1234567" } };
    expect(mockCreate(bucket, { preview: false, region: "eu-west-1" }).state.arn).toBe("arn:aws:s3:::orders-1234567");
    expect(mockCreate({ ...args, inputs: { arn: "given" } }, { preview: false, region: "r" }).state.arn).toBe("given");
    expect(mockCreate({ type: "pulumi:providers:aws", name: "p", custom: true, inputs: { region: "r" } }, { preview: false, region: "r" }))
      .toEqual({ id: "p-id", state: { region: "r" } });
    expect(mockCreate({ type: "my:index:Box", name: "b", custom: false, inputs: { x: 1 } }, { preview: false, region: "r" }))
      .toEqual({ id: undefined, state: {} });
  });
});
