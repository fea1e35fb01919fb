// A model's resource reference is the core's: findings carry it to every report.
export type { ResourceRef } from "../core/ref";
