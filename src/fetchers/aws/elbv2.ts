import {
  DescribeTagsCommand,
  ElasticLoadBalancingV2Client,
  paginateDescribeListeners,
  paginateDescribeLoadBalancers,
  paginateDescribeRules,
  type Listener,
  type LoadBalancer,
  type Rule,
} from "@aws-sdk/client-elastic-load-balancing-v2";
import type { FetchContext } from "./context";
import { fetchedValue, type Fetched } from "./fetched";
import type { Fetcher } from "./fetcher";

export interface Elbv2LoadBalancerAnswer {
  /** From DescribeLoadBalancers: name, ARN, type (application, network, gateway), scheme. */
  readonly loadBalancer: LoadBalancer;
  /** From DescribeListeners: protocol, port, SSL policy, default actions. */
  readonly listeners: Fetched<Listener[]>;
  readonly tags: Fetched<Record<string, string>>;
  /** From DescribeRules, by listener ARN: only for HTTP listeners whose default actions all redirect to HTTPS. */
  readonly rules?: Readonly<Record<string, Fetched<Rule[]>>>;
}

export interface Elbv2Answers {
  readonly region: string;
  readonly loadBalancers: Fetched<Elbv2LoadBalancerAnswer[]>;
}

/** DescribeTags takes at most 20 resource ARNs per call. */
const TAGS_PER_CALL = 20;

export const elbv2Fetcher: Fetcher<Elbv2Answers> = {
  name: "elbv2-listeners",
  service: "elasticloadbalancing",
  scope: "region",
  actions: [
    "elasticloadbalancing:DescribeLoadBalancers",
    "elasticloadbalancing:DescribeListeners",
    "elasticloadbalancing:DescribeRules",
    "elasticloadbalancing:DescribeTags",
  ],
  async fetch(ctx) {
    const client = ctx.client(ElasticLoadBalancingV2Client, "elasticloadbalancing");
    const listed = await ctx.listAll(
      "elasticloadbalancing:DescribeLoadBalancers",
      () => paginateDescribeLoadBalancers({ client }, {}),
      (page) => page.LoadBalancers,
    );
    if (!listed.ok) return { region: ctx.region, loadBalancers: listed };
    const arns = listed.value.flatMap((lb) => (lb.LoadBalancerArn ? [lb.LoadBalancerArn] : []));
    const [tags, listeners] = await Promise.all([tagsOf(ctx, client, arns), Promise.all(listed.value.map((lb) => listenersOf(ctx, client, lb)))]);
    const loadBalancers = await Promise.all(
      listed.value.map(async (loadBalancer, i) => {
        const own = listeners[i] as Fetched<Listener[]>;
        return {
          loadBalancer,
          listeners: own,
          tags: loadBalancer.LoadBalancerArn ? (tags.get(loadBalancer.LoadBalancerArn) ?? fetchedValue({})) : fetchedValue({}),
          rules: await redirectingRulesOf(ctx, client, own),
        };
      }),
    );
    return { region: ctx.region, loadBalancers: fetchedValue(loadBalancers) };
  },
};

function listenersOf(ctx: FetchContext, client: ElasticLoadBalancingV2Client, lb: LoadBalancer): Promise<Fetched<Listener[]>> {
  if (lb.LoadBalancerArn === undefined) return Promise.resolve(fetchedValue([]));
  return ctx.listAll(
    "elasticloadbalancing:DescribeListeners",
    () => paginateDescribeListeners({ client }, { LoadBalancerArn: lb.LoadBalancerArn }),
    (page) => page.Listeners,
  );
}

/** A plain HTTP listener that redirects by default may still forward some requests: its rules say. */
export const redirectsByDefault = (l: Listener): boolean =>
  l.Protocol === "HTTP" && (l.DefaultActions ?? []).length > 0 && (l.DefaultActions ?? []).every((a) => a.Type === "redirect" && a.RedirectConfig?.Protocol === "HTTPS");

async function redirectingRulesOf(ctx: FetchContext, client: ElasticLoadBalancingV2Client, listeners: Fetched<Listener[]>): Promise<Record<string, Fetched<Rule[]>>> {
  const out: Record<string, Fetched<Rule[]>> = {};
  if (!listeners.ok) return out;
  const asked = listeners.value.filter((l) => l.ListenerArn !== undefined && redirectsByDefault(l));
  await Promise.all(
    asked.map(async (l) => {
      const arn = l.ListenerArn as string;
      out[arn] = await ctx.listAll("elasticloadbalancing:DescribeRules", () => paginateDescribeRules({ client }, { ListenerArn: arn }), (page) => page.Rules);
    }),
  );
  return out;
}

/** Tags of every load balancer, 20 ARNs per call; a failed call is the answer of each ARN it asked for. */
async function tagsOf(ctx: FetchContext, client: ElasticLoadBalancingV2Client, arns: readonly string[]): Promise<Map<string, Fetched<Record<string, string>>>> {
  const out = new Map<string, Fetched<Record<string, string>>>();
  const batches: string[][] = [];
  for (let i = 0; i < arns.length; i += TAGS_PER_CALL) batches.push(arns.slice(i, i + TAGS_PER_CALL));
  await Promise.all(
    batches.map(async (batch) => {
      const answer = await ctx.attempt("elasticloadbalancing:DescribeTags", async () => (await client.send(new DescribeTagsCommand({ ResourceArns: batch }))).TagDescriptions ?? []);
      for (const arn of batch) {
        if (!answer.ok) out.set(arn, answer);
        else {
          const tags: Record<string, string> = {};
          for (const t of answer.value.find((d) => d.ResourceArn === arn)?.Tags ?? []) if (t.Key !== undefined) tags[t.Key] = t.Value ?? "";
          out.set(arn, fetchedValue(tags));
        }
      }
    }),
  );
  return out;
}
