// Two customer segments done right: nothing that guards one segment's data serves the other.
import { segment } from "./segment";

segment("tenant-a", { octet: 10 });
segment("tenant-b", { octet: 20 });
