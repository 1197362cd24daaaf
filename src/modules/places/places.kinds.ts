// Vocabularies of the places module: kinds of service point, services offered, schema.org types.

export const PLACE_KINDS = [
  'provincial_library',
  'provincial_museum',
  'cultural_centre',
  'mobile_library_stop',
  'commune_cultural_centre',
  'community_learning_centre',
  'post_office_cultural_point',
  'private_library',
  'community_library',
  'non_public_museum',
  'other',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

export const PLACE_SERVICES = [
  'lending',
  'reading_room',
  'children_corner',
  'internet',
  'digital_skills',
  'exhibitions',
  'guided_tours',
  'classes',
  'events',
  'meeting_room',
  'mobile_library',
] as const;
export type PlaceService = (typeof PLACE_SERVICES)[number];

export const PLACE_STATUSES = ['active', 'closed'] as const;
export type PlaceStatus = (typeof PLACE_STATUSES)[number];

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The schema.org type a place is published as (JSON-LD on its public page). */
export function schemaOrgType(kind: PlaceKind): 'Library' | 'Museum' | 'CivicStructure' | 'Place' {
  switch (kind) {
    case 'provincial_library':
    case 'private_library':
    case 'community_library':
    case 'mobile_library_stop':
      return 'Library';
    case 'provincial_museum':
    case 'non_public_museum':
      return 'Museum';
    case 'cultural_centre':
    case 'commune_cultural_centre':
    case 'community_learning_centre':
    case 'post_office_cultural_point':
      return 'CivicStructure';
    default:
      return 'Place';
  }
}
