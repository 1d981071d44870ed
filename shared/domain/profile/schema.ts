/**
 * A local auditor profile: the actor stamped on every change. Several can live on one machine (shared
 * laptops); they are machine-level records, not part of any engagement.
 */
import { z } from 'zod';
import { recordMetaSchema } from '../records/base';

export const PROFILE_ROLES = ['staff', 'senior', 'manager', 'partner'] as const;
export type ProfileRole = (typeof PROFILE_ROLES)[number];
export const PROFILE_ROLE_LABELS: Record<ProfileRole, string> = {
  staff: 'Staff',
  senior: 'Senior',
  manager: 'Manager',
  partner: 'Partner',
};

export const profileFieldsSchema = z.object({
  fullName: z
    .string()
    .trim()
    .min(1, 'Enter your full name.')
    .max(120, 'Use at most 120 characters for the name.'),
  initials: z
    .string()
    .trim()
    .min(1, 'Enter your initials (they mark your sign-offs).')
    .regex(/^\p{L}[\p{L}.-]*$/u, 'Initials start with a letter and hold letters, dots and hyphens only.')
    .refine((v) => initialsKey(v).length <= 4, 'Use at most 4 letters for initials.')
    .refine((v) => v.length <= 8, 'Use at most 4 letters for initials.')
    .transform((s) => s.toUpperCase()),
  firm: z.string().trim().max(200, 'Use at most 200 characters for the firm.'),
  role: z.enum(PROFILE_ROLES, 'Choose your role.'),
});
export type ProfileFields = z.output<typeof profileFieldsSchema>;

export const profileSchema = recordMetaSchema.extend(profileFieldsSchema.shape);
export type Profile = z.output<typeof profileSchema>;

/** Initials compared without case, dots or hyphens: "a.c-m" and "ACM" are the same initials. */
export function initialsKey(initials: string): string {
  return initials.replace(/[.\-\s]/g, '').toLocaleUpperCase();
}

/** Suggests initials from a full name: "Ana María López" -> "AML". */
export function suggestInitials(fullName: string): string {
  return fullName
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((part) => part[0] ?? '')
    .join('')
    .slice(0, 4)
    .toUpperCase();
}
