import { z } from 'zod';

/**
 * Numbers the city may change without a release. PRODUCT.md: "every number below is a
 * setting with this default". The server reads these from its config; tests pass their own.
 */
export interface OrganizerSettings {
  /** R-ORG-7: members besides the administrator ("3名程度"). */
  memberLimit: number;
  /**
   * R-ORG-6: the calendar day on which the renewal window opens, in the months before the
   * rights end on 31 March (default 1 February).
   */
  renewalWindowOpens: { month: number; day: number };
  /** How long a member invitation (link / QR) stays usable. (beyond: the guide sets none) */
  invitationValidHours: number;
}

export const defaultOrganizerSettings: OrganizerSettings = {
  memberLimit: 3,
  renewalWindowOpens: { month: 2, day: 1 },
  invitationValidHours: 7 * 24,
};

/** For the server's config: bounds that keep the rules meaningful. */
export const organizerSettingsSchema = z.object({
  memberLimit: z.number().int().min(0).max(50),
  renewalWindowOpens: z.object({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
  }),
  invitationValidHours: z
    .number()
    .int()
    .min(1)
    .max(90 * 24),
});
