// Client-safe vocabulary of guidance documents.
export const GUIDANCE_TYPES = ['cong_van', 'huong_dan', 'ke_hoach', 'quyet_dinh'] as const;
export type GuidanceType = (typeof GUIDANCE_TYPES)[number];
