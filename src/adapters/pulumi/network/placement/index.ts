export { buildPlacements, PLACEMENT_JOINS, PLACEMENT_TYPES, placementOf, type PlacementJoin } from "./placements";
export { PLACEMENT_READERS, type PlacementReader } from "./readers";
