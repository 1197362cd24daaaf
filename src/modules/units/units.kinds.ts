// Kinds of unit. Department-level kinds are seeded; local kinds are what administrators add as the network
// grows (and the district-level kinds that existed until the 2025 reorganisation, kept for history).
// Labels live in messages/*.json under `units.kind.<kind>`.

export const UNIT_KINDS = [
  'department',
  'leadership',
  'office',
  'library',
  'museum',
  'cultural_centre',
  'district_cultural_centre',
  'district_library',
  'district_people_committee',
  'commune_people_committee',
  'commune_cultural_centre',
  'community_learning_centre',
  'post_office_cultural_point',
  'mobile_library',
  'community_library',
  'non_public_museum',
  'other',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export type UnitKindGroup = 'department' | 'provincial' | 'local' | 'historic';

export const UNIT_KIND_GROUP: Record<UnitKind, UnitKindGroup> = {
  department: 'department',
  leadership: 'department',
  office: 'department',
  library: 'provincial',
  museum: 'provincial',
  cultural_centre: 'provincial',
  district_cultural_centre: 'historic',
  district_library: 'historic',
  district_people_committee: 'historic',
  commune_people_committee: 'local',
  commune_cultural_centre: 'local',
  community_learning_centre: 'local',
  post_office_cultural_point: 'local',
  mobile_library: 'local',
  community_library: 'local',
  non_public_museum: 'local',
  other: 'local',
};

export function isUnitKind(s: string): s is UnitKind {
  return (UNIT_KINDS as readonly string[]).includes(s);
}
