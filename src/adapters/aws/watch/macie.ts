import type { MacieAnswers } from "../../../fetchers/aws/macie";
import type { ThreatDetector } from "../../../models/hygiene";
import type { AdaptContext } from "../context";
import type { InventoryContribution } from "../contribution";
import { arnOf, awsRef } from "../refs";
import { fetchedSetting } from "./settings";

/** Macie in one region: on when its session is ENABLED; PAUSED or never enabled is off; no answer is not assessed. */
export function adaptMacie(raw: MacieAnswers, ctx: AdaptContext): InventoryContribution {
  const ref = awsRef(arnOf(ctx.partition, "macie2", raw.region, ctx.account, "session"), "AWS::Macie::Session", `Macie in ${raw.region}`, "Macie account", ctx.account, raw.region);
  const enabled = fetchedSetting(raw.status, (status) => ({
    value: status === "ENABLED",
    observed: status === "not-enabled" ? `Macie not enabled in ${raw.region}` : `status=${status}`,
  }));
  const detector: ThreatDetector = { model: "threat-detector", ref, service: "macie", region: raw.region, enabled };
  return { hygiene: { detectors: [detector] } };
}
