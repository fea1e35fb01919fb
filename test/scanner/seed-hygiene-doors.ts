// Where clients reach data, seeded into moto through the AWS SDK: for every setting the "doors" group
// reads, one compliant (hyg-ok-...) and one non-compliant (hyg-bad-...) load balancer listener,
// CloudFront distribution and API Gateway stage, tagged as customer data.
import {
  APIGatewayClient,
  CreateDeploymentCommand,
  CreateRestApiCommand,
  CreateStageCommand,
  GetResourcesCommand,
  PutIntegrationCommand,
  PutMethodCommand,
  UpdateStageCommand,
} from "@aws-sdk/client-api-gateway";
import { CloudFrontClient, CreateDistributionWithTagsCommand, type DistributionConfig } from "@aws-sdk/client-cloudfront";
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from "@aws-sdk/client-ec2";
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
  type Action,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import { seedConfig } from "../support/aws-context";

const CONFIDENTIAL = { "data-classification": "confidential" } as const;
const RESTRICTED = { "data-classification": "restricted" } as const;
const tagList = (tags: Readonly<Record<string, string>>) => Object.entries(tags).map(([Key, Value]) => ({ Key, Value }));

/** What the seed creates, by name, and what each should read as. */
export const DOORS_HYGIENE_SEED = {
  /** HTTPS :443 with ELBSecurityPolicy-TLS13-1-2-2021-06, and HTTP :80 that only redirects to HTTPS (a rule too). */
  okLoadBalancer: "hyg-ok-alb",
  /** HTTP :80 forwarding plainly, HTTPS :443 with ELBSecurityPolicy-2016-08, HTTP :8080 redirecting by default but with a forwarding rule. */
  badLoadBalancer: "hyg-bad-alb",
  /** Viewers redirected to HTTPS, TLSv1.2_2021 with an ACM certificate, custom origin https-only. (The comment names it.) */
  okDistribution: "hyg-ok-cdn",
  /** allow-all viewers, the default certificate (TLSv1), custom origin http-only. */
  badDistribution: "hyg-bad-cdn",
  /** Stage "prod" without data tracing. */
  okApi: "hyg-ok-api",
  /** Stage "prod" with dataTraceEnabled on for every method. */
  badApi: "hyg-bad-api",
} as const;

/**
 * An ACM certificate for the HTTPS listeners (moto checks it exists). The ACM SDK client is not a
 * dependency of the project: requested over ACM's JSON protocol (moto does not check signatures).
 */
async function requestCertificate(endpoint: string, region: string): Promise<string> {
  const response = await fetch(endpoint, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-amz-json-1.1",
      "X-Amz-Target": "CertificateManager.RequestCertificate",
      Authorization: `AWS4-HMAC-SHA256 Credential=testing/20260101/${region}/acm/aws4_request, SignedHeaders=host, Signature=seed`,
    },
    body: JSON.stringify({ DomainName: "shop.example.com", ValidationMethod: "DNS" }),
  });
  if (!response.ok) throw new Error(`ACM RequestCertificate answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { CertificateArn: string }).CertificateArn;
}

export async function seedHygieneDoors(endpoint: string, region: string): Promise<void> {
  const [regional, global] = await Promise.all([requestCertificate(endpoint, region), requestCertificate(endpoint, "us-east-1")]);
  await Promise.all([seedLoadBalancers(endpoint, region, regional), seedDistributions(endpoint, global), seedApis(endpoint, region)]);
}

async function seedLoadBalancers(endpoint: string, region: string, certificate: string): Promise<void> {
  const ec2 = new EC2Client(seedConfig(endpoint, region));
  const elb = new ElasticLoadBalancingV2Client(seedConfig(endpoint, region));
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: "10.77.0.0/16" }))).Vpc?.VpcId ?? "";
  const subnets: string[] = [];
  for (const [i, az] of ["a", "b"].entries()) {
    subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: `10.77.${i + 1}.0/24`, AvailabilityZone: `${region}${az}` }))).Subnet?.SubnetId ?? "");
  }
  const targets = (await elb.send(new CreateTargetGroupCommand({ Name: "hyg-doors-tg", Protocol: "HTTP", Port: 8080, VpcId: vpc }))).TargetGroups?.[0]?.TargetGroupArn ?? "";
  const forward: Action[] = [{ Type: "forward", TargetGroupArn: targets }];
  const toHttps: Action[] = [{ Type: "redirect", RedirectConfig: { Protocol: "HTTPS", Port: "443", StatusCode: "HTTP_301" } }];
  const lb = async (name: string, tags: Readonly<Record<string, string>>) =>
    (await elb.send(new CreateLoadBalancerCommand({ Name: name, Subnets: subnets, Type: "application", Tags: tagList(tags) }))).LoadBalancers?.[0]?.LoadBalancerArn ?? "";
  const listener = (LoadBalancerArn: string, Protocol: "HTTP" | "HTTPS", Port: number, DefaultActions: Action[], SslPolicy?: string) =>
    elb.send(
      new CreateListenerCommand({
        LoadBalancerArn,
        Protocol,
        Port,
        DefaultActions,
        ...(Protocol === "HTTPS" ? { Certificates: [{ CertificateArn: certificate }], SslPolicy } : {}),
      }),
    );
  const rule = async (ListenerArn: string | undefined, Actions: Action[]) =>
    elb.send(new CreateRuleCommand({ ListenerArn, Priority: 10, Actions, Conditions: [{ Field: "path-pattern", PathPatternConfig: { Values: ["/api/*"] } }] }));
  const ok = await lb(DOORS_HYGIENE_SEED.okLoadBalancer, RESTRICTED);
  await listener(ok, "HTTPS", 443, forward, "ELBSecurityPolicy-TLS13-1-2-2021-06");
  await rule((await listener(ok, "HTTP", 80, toHttps)).Listeners?.[0]?.ListenerArn, toHttps);
  const bad = await lb(DOORS_HYGIENE_SEED.badLoadBalancer, CONFIDENTIAL);
  await listener(bad, "HTTP", 80, forward);
  await listener(bad, "HTTPS", 443, forward, "ELBSecurityPolicy-2016-08");
  await rule((await listener(bad, "HTTP", 8080, toHttps)).Listeners?.[0]?.ListenerArn, forward);
}

async function seedDistributions(endpoint: string, certificate: string): Promise<void> {
  // CloudFront is global: its API lives in us-east-1.
  const cf = new CloudFrontClient(seedConfig(endpoint, "us-east-1"));
  const distribution = (name: string, good: boolean): DistributionConfig => ({
    CallerReference: name,
    Comment: name,
    Enabled: true,
    Origins: {
      Quantity: 1,
      Items: [
        {
          Id: "app",
          DomainName: "app.example.com",
          CustomOriginConfig: { HTTPPort: 80, HTTPSPort: 443, OriginProtocolPolicy: good ? "https-only" : "http-only" },
        },
      ],
    },
    DefaultCacheBehavior: {
      TargetOriginId: "app",
      ViewerProtocolPolicy: good ? "redirect-to-https" : "allow-all",
      ForwardedValues: { QueryString: false, Cookies: { Forward: "none" } },
      MinTTL: 0,
      TrustedSigners: { Enabled: false, Quantity: 0 },
    },
    ViewerCertificate: good
      ? { CloudFrontDefaultCertificate: false, ACMCertificateArn: certificate, SSLSupportMethod: "sni-only", MinimumProtocolVersion: "TLSv1.2_2021" }
      : { CloudFrontDefaultCertificate: true },
  });
  for (const [name, good, tags] of [
    [DOORS_HYGIENE_SEED.okDistribution, true, RESTRICTED],
    [DOORS_HYGIENE_SEED.badDistribution, false, CONFIDENTIAL],
  ] as const) {
    await cf.send(new CreateDistributionWithTagsCommand({ DistributionConfigWithTags: { DistributionConfig: distribution(name, good), Tags: { Items: tagList(tags) } } }));
  }
}

async function seedApis(endpoint: string, region: string): Promise<void> {
  const api = new APIGatewayClient(seedConfig(endpoint, region));
  for (const [name, trace, tags] of [
    [DOORS_HYGIENE_SEED.okApi, false, RESTRICTED],
    [DOORS_HYGIENE_SEED.badApi, true, CONFIDENTIAL],
  ] as const) {
    const id = (await api.send(new CreateRestApiCommand({ name }))).id ?? "";
    const root = (await api.send(new GetResourcesCommand({ restApiId: id }))).items?.find((r) => r.path === "/")?.id ?? "";
    await api.send(new PutMethodCommand({ restApiId: id, resourceId: root, httpMethod: "GET", authorizationType: "NONE" }));
    await api.send(new PutIntegrationCommand({ restApiId: id, resourceId: root, httpMethod: "GET", type: "MOCK" }));
    const deploymentId = (await api.send(new CreateDeploymentCommand({ restApiId: id }))).id ?? "";
    await api.send(new CreateStageCommand({ restApiId: id, stageName: "prod", deploymentId, tags }));
    if (trace) {
      await api.send(new UpdateStageCommand({ restApiId: id, stageName: "prod", patchOperations: [{ op: "replace", path: "/*/*/logging/dataTrace", value: "true" }] }));
    }
  }
}
