import type { DataStore } from "../../../models/data-store";
import type { HygieneContribution } from "../../../models/hygiene";
import type { EngineResource } from "../engine-resource";
import type { PulumiHygieneAdapter } from "./adapter";
import { BACKUP_PLAN_TYPE, BACKUP_SELECTION_TYPE, adaptBackupSelection } from "./watch-backup";
import { GUARDDUTY_DETECTOR_TYPE, GUARDDUTY_FEATURE_TYPE, MACIE_ACCOUNT_TYPE, adaptGuardDuty, adaptMacie } from "./watch-detectors";
import { FLOW_LOG_TYPE, adaptFlowLog } from "./watch-flow-logs";
import { TRAIL_TYPE, adaptTrail } from "./watch-trails";

/** The services that watch an account as the stack declares them: trails, GuardDuty and Macie, flow logs, backup selections. */
export const watchHygieneAdapter: PulumiHygieneAdapter = {
  types: [TRAIL_TYPE, GUARDDUTY_DETECTOR_TYPE, GUARDDUTY_FEATURE_TYPE, MACIE_ACCOUNT_TYPE, FLOW_LOG_TYPE, BACKUP_SELECTION_TYPE, BACKUP_PLAN_TYPE],
  build(resources: readonly EngineResource[], stores: readonly DataStore[]): HygieneContribution {
    const of = (type: string) => resources.filter((r) => r.type === type);
    const detectors = of(GUARDDUTY_DETECTOR_TYPE);
    const features = of(GUARDDUTY_FEATURE_TYPE);
    const plans = of(BACKUP_PLAN_TYPE);
    return {
      trails: of(TRAIL_TYPE).map((r) => adaptTrail(r, stores)),
      detectors: [...detectors.map((d) => adaptGuardDuty(d, features, detectors)), ...of(MACIE_ACCOUNT_TYPE).map(adaptMacie)],
      flowLogs: of(FLOW_LOG_TYPE).map(adaptFlowLog),
      backupSelections: of(BACKUP_SELECTION_TYPE).map((r) => adaptBackupSelection(r, plans, stores)),
    };
  },
};
