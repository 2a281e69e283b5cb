/**
 * How the incident reached the school: found out in school (a disclosure, a member of staff,
 * a parent), or told by the police or another agency. Annex F case 14 begins with the police.
 */
export const INCIDENT_SOURCES = ['school', 'police', 'childrens-social-care', 'another-school', 'other-agency'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];
export const INCIDENT_SOURCE_LABELS: Record<IncidentSource, string> = {
  school: 'The school found out itself (a disclosure, a member of staff, a parent or carer)',
  police: 'The police told the school',
  'childrens-social-care': 'Children’s social care told the school',
  'another-school': 'Another school or setting told the school',
  'other-agency': 'Another agency told the school',
};

/** "The police told the school: PC Fictional, safer schools team (their reference FIC/1)", for the incident page and the PDF. */
export function incidentSourceInWords(incident: { source: IncidentSource; sourceAgency: string; sourceReference: string }): string {
  if (incident.source === 'school') return INCIDENT_SOURCE_LABELS.school;
  const reference = incident.sourceReference ? ` (their reference ${incident.sourceReference})` : '';
  return `${INCIDENT_SOURCE_LABELS[incident.source]}: ${incident.sourceAgency}${reference}`;
}

/**
 * Who told the school and their reference belong only to an incident another agency brought:
 * answers typed before the DSL chose "the school found out itself" are not kept, so no
 * correction shows a change nobody can see on the form.
 */
export function withSourceSettled<T extends { source: IncidentSource; sourceAgency: string; sourceReference: string }>(facts: T): T {
  return facts.source === 'school' ? { ...facts, sourceAgency: '', sourceReference: '' } : facts;
}
