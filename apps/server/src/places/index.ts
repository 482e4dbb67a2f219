/** Places: stable ids with validity dates, seeded from geo-api-mali (see seed/SOURCE.md). */
export {
  CERCLE_LEVEL_KINDS,
  REGION_LEVEL_KINDS,
  areStatisticsPlacesValid,
  isChildOf,
  isPlaceOfKind,
  listCurrentPlaces,
  seedPlaceList,
  seedPlaces,
} from './places-repository.ts';
export { SEED_SOURCE, SEED_VALID_FROM, buildSeedPlaces, slugify, type SeedPlace } from './seed-tree.ts';
