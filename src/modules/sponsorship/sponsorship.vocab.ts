// Client-safe vocabulary of sponsorship and donations.
export const SPONSOR_KINDS = ['organisation', 'person'] as const;
export type SponsorKind = (typeof SPONSOR_KINDS)[number];
export const DONATION_KINDS = ['money', 'books', 'equipment'] as const;
export type DonationKind = (typeof DONATION_KINDS)[number];
