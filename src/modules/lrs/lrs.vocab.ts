// Client-safe constants of the learning record store: the verbs and extension IRIs the platform writes, and
// the categories the learner's record groups hours by.

export const XAPI_VERSION = '1.0.3';

export const VERBS = {
  attended: 'http://adlnet.gov/expapi/verbs/attended',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  answered: 'http://adlnet.gov/expapi/verbs/answered',
  attempted: 'http://adlnet.gov/expapi/verbs/attempted',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  experienced: 'http://adlnet.gov/expapi/verbs/experienced',
  read: 'http://activitystrea.ms/schema/1.0/read',
  voided: 'http://adlnet.gov/expapi/verbs/voided',
  // Lending (circulation, issue 15): Activity Streams 1.0 verbs.
  borrowed: 'http://activitystrea.ms/schema/1.0/borrow',
  returned: 'http://activitystrea.ms/schema/1.0/return',
} as const;

/** Extension IRIs under the platform's own address: `<publicUrl>/xapi/extensions/<name>`. */
export const EXTENSION_NAMES = ['unit', 'place', 'commune', 'category'] as const;
export type ExtensionName = (typeof EXTENSION_NAMES)[number];

/** Categories of learning on the record (event categories, paths, reading, other tools' statements). */
export const RECORD_CATEGORIES = [
  'reading',
  'heritage',
  'digital_skills',
  'talk',
  'exhibition_opening',
  'class',
  'path',
  'other',
] as const;
export type RecordCategory = (typeof RECORD_CATEGORIES)[number];

export const AGE_BANDS = ['0-15', '16-24', '25-39', '40-59', '60+', 'unknown'] as const;
