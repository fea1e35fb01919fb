// The organization the fan-out bench scans: moto's default account as the management account, M member
// accounts, each seeded with the scan bench's resource mix (bench/scan/seed.ts) through its
// OrganizationAccountAccessRole session, and the scan role in each. moto runs without IAM enforcement, so
// the role's trust and permissions are not checked; it exists because `--org-role-name` names it.
import { CreateRoleCommand, IAMClient } from "@aws-sdk/client-iam";
import { CreateAccountCommand, CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import { AssumeRoleCommand, STSClient } from "@aws-sdk/client-sts";
import { ACCOUNT, REGION, seedAccount, type Kind, type Seeded } from "./seed";

export const SCAN_ROLE = "cdguard-scanner";
const TEST_KEYS = { accessKeyId: "testing", secretAccessKey: "testing" };

export interface SeededOrganization {
  readonly management: string;
  readonly members: readonly string[];
  /** Resources created in the members, by kind (summed). */
  readonly counts: Record<Kind, number>;
  readonly total: number;
  readonly ms: number;
}

type Credentials = { accessKeyId: string; secretAccessKey: string; sessionToken: string };

const config = (endpoint: string, credentials: { accessKeyId: string; secretAccessKey: string } = TEST_KEYS) => ({ region: REGION, endpoint, credentials, maxAttempts: 5 });

/** Creates the organization and seeds `resourcesPerMember` resources into each of `memberCount` members, a few members at a time. */
export async function seedOrganization(endpoint: string, memberCount: number, resourcesPerMember: number, log: (m: string) => void): Promise<SeededOrganization> {
  const started = Date.now();
  // The SDK's notice that its 2027 releases need Node 22 (see the README) is not news here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= "true";
  const orgs = new OrganizationsClient(config(endpoint));
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const members: string[] = [];
  for (let i = 0; i < memberCount; i++) {
    const created = await orgs.send(new CreateAccountCommand({ AccountName: `member-${i}`, Email: `member-${i}@example.com` }));
    const id = created.CreateAccountStatus?.AccountId;
    if (!id) throw new Error(`organizations:CreateAccount gave no account id for member-${i}`);
    members.push(id);
  }
  orgs.destroy();
  const seeded: Seeded[] = [];
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < members.length) {
      const account = members[next++] as string;
      const credentials = await adminOf(endpoint, account);
      // Fewer calls in flight per account than the scan bench: several accounts seed at once.
      seeded.push(await seedAccount(endpoint, resourcesPerMember, { account, credentials, concurrency: 8 }));
      const iam = new IAMClient(config(endpoint, credentials));
      const trust = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Principal: { AWS: `arn:aws:iam::${ACCOUNT}:root` }, Action: "sts:AssumeRole" }] };
      await iam.send(new CreateRoleCommand({ RoleName: SCAN_ROLE, AssumeRolePolicyDocument: JSON.stringify(trust) }));
      iam.destroy();
      log(`  seeded member ${++done}/${members.length} (${account})`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(4, members.length) }, worker));
  const counts = {} as Record<Kind, number>;
  for (const s of seeded) for (const [k, n] of Object.entries(s.counts) as [Kind, number][]) counts[k] = (counts[k] ?? 0) + n;
  return { management: ACCOUNT, members, counts, total: seeded.reduce((n, s) => n + s.total, 0), ms: Date.now() - started };
}

/** The member's administrator session: AWS (and moto) create OrganizationAccountAccessRole in every new member. */
async function adminOf(endpoint: string, account: string): Promise<Credentials> {
  const sts = new STSClient(config(endpoint));
  const out = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${account}:role/OrganizationAccountAccessRole`, RoleSessionName: "fanout-seed" }));
  sts.destroy();
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey || !c.SessionToken) throw new Error(`sts:AssumeRole into ${account} gave no credentials`);
  return { accessKeyId: c.AccessKeyId, secretAccessKey: c.SecretAccessKey, sessionToken: c.SessionToken };
}
