import { PERSON_ROLE_LABELS, PERSON_ROLES } from '../../../../shared/domain/incidents';

export const ROLE_OPTIONS = PERSON_ROLES.map((value) => ({ value, label: PERSON_ROLE_LABELS[value] }));
export const ROLES_HINT = 'Choose every role that applies. A person can, for example, have made and sent the imagery. A parent or friend who only told the school has “Reported it” and nothing else.';
