import { z } from 'zod';
import { localContact, savedContactInput } from '../domain/contacts/local-contacts';
import { done, none, type Spec } from './spec';

/**
 * The school's local contacts (issue 19 item 3). Everyone signed in reads them: any member
 * of staff may need the MASH's number. The DSL keeps them, and so may a deputy DSL, who
 * stands in for the DSL (the role model's 'deputy', as for recording).
 */
const keepers = { roles: ['dsl', 'deputy'] } as const;

export const contactChannels = {
  'contacts.list': { access: 'staff', input: none, output: z.object({ contacts: z.array(localContact) }) },
  /** Adds a contact, or changes the one `id` names. */
  'contacts.save': {
    access: keepers,
    input: savedContactInput,
    output: z.object({ contact: localContact }),
  },
  'contacts.remove': { access: keepers, input: z.object({ id: z.number().int().positive() }).strict(), output: done },
} as const satisfies Record<string, Spec>;
