/** People met on site and follow-up lists, shared by interviews and walkthroughs. */
import { z } from 'zod';
import { text } from '../planning/fields';

/** Someone from the client (or a vendor) who was interviewed or took part in a walkthrough. */
export const personSchema = z.object({
  name: text(200).min(1, 'Enter the name of the person.'),
  title: text(200),
  organization: text(200),
});
export type Person = z.output<typeof personSchema>;

export const peopleSchema = z.array(personSchema).max(100);

/** "Jane Roe (CTO, Acme)" — the way a workpaper names a person. */
export function describePerson(p: Person): string {
  const role = [p.title, p.organization].filter(Boolean).join(', ');
  return role ? `${p.name} (${role})` : p.name;
}
