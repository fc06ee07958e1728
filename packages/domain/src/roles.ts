/**
 * City-wide roles. Organizer administrator and member are per group and live with the
 * groups (not here): a person can administer one group and be a member of another.
 */
export const roles = ['city_reviewer', 'city_admin', 'shop_staff', 'shelter_staff'] as const;
export type Role = (typeof roles)[number];

/** How far a person's identity is proven (R-ID-2). */
export const identityLevels = ['unverified', 'verified'] as const;
export type IdentityLevel = (typeof identityLevels)[number];
