import { type RouteConfigEntry, route } from '@react-router/dev/routes';

/** The public thank-you page: only sponsors who consented. */
export const sponsorshipPages: RouteConfigEntry[] = [route('sponsors', 'sponsorship/pages/sponsors.tsx')];

/** Back-office pages of sponsorship: rendered inside admin/layout.tsx (signed-in staff only). */
export const sponsorshipAdmin: RouteConfigEntry[] = [
  route('admin/sponsorship', 'sponsorship/admin/list.tsx'),
  route('admin/sponsorship/sponsors/new', 'sponsorship/admin/sponsor-new.tsx'),
  route('admin/sponsorship/sponsors/:sponsorId', 'sponsorship/admin/sponsor.tsx'),
  route('admin/sponsorship/donations', 'sponsorship/admin/donations.tsx'),
  route('admin/sponsorship/donations/new', 'sponsorship/admin/donation-new.tsx'),
  route('admin/sponsorship/donations/:donationId', 'sponsorship/admin/donation.tsx'),
  route('admin/sponsorship/donations/:donationId/edit', 'sponsorship/admin/donation-edit.tsx'),
];
