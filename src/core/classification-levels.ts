/** Data classification levels, least to most sensitive. */
export const CLASSIFICATION_LEVELS = ["public", "internal", "confidential", "restricted"] as const;
export type ClassificationLevel = (typeof CLASSIFICATION_LEVELS)[number];
