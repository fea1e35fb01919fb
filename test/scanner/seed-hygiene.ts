// The privacy-hygiene misconfigurations of the seeded account, and their compliant counterparts: each
// group's seed puts one `hyg-ok-*` and one `hyg-bad-*` resource per setting its fetchers read.
import { seedHygieneAnalytics } from "./seed-hygiene-analytics";
import { seedHygieneDatabases } from "./seed-hygiene-databases";
import { seedHygieneDoors } from "./seed-hygiene-doors";
import { seedHygieneS3 } from "./seed-hygiene-s3";
import { seedHygieneServices } from "./seed-hygiene-services";
import { seedHygieneWatch } from "./seed-hygiene-watch";

export async function seedHygiene(endpoint: string, region: string): Promise<void> {
  for (const seed of [seedHygieneS3, seedHygieneDatabases, seedHygieneAnalytics, seedHygieneServices, seedHygieneWatch, seedHygieneDoors]) {
    await seed(endpoint, region);
  }
}
