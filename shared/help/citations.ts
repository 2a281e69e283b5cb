/**
 * Where a piece of help comes from (decision 0021: a rule taken from the 2016 advice says so;
 * what only the current sources give cites them). `test/unit/help-content.test.ts` finds every
 * 2016 heading inside its part of the guidance's text and every current source in
 * docs/guidance-2024.md, so a citation cannot name a section that is not there.
 */

/** The parts of UKCCIS "Sexting in schools and colleges" (2016) the help cites. */
export type Ukccis2016Part = 'section 2' | 'Annex A' | 'Annex C' | 'Annex D' | 'Annex G';

/** The current sources, numbered as docs/guidance-2024.md numbers them. */
export type CurrentSourceId = 'S1' | 'S2' | 'S3' | 'S4' | 'S5';

export type Citation =
  /** `heading`: the heading in that part, exactly as the guidance prints it. */
  | { advice: 'ukccis-2016'; part: Ukccis2016Part; heading: string }
  | { advice: 'current'; source: CurrentSourceId };

export type CurrentSource = { title: string; publisher: string; edition: string; address: string };

/** Copied from docs/guidance-2024.md ("Sources the help text can cite"). */
export const CURRENT_SOURCES: Record<CurrentSourceId, CurrentSource> = {
  S1: {
    title: 'Sharing nudes and semi-nudes: advice for education settings working with children and young people',
    publisher: 'UK Council for Internet Safety (UKCIS), on GOV.UK',
    edition: 'updated 11 March 2024',
    address:
      'http://www.gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people',
  },
  S2: {
    title: 'Sharing nudes and semi-nudes: how to respond to an incident (overview)',
    publisher: 'UKCIS, on GOV.UK',
    edition: 'updated 11 March 2024',
    address:
      'https://gov.uk/government/publications/sharing-nudes-and-semi-nudes-advice-for-education-settings-working-with-children-and-young-people/sharing-nudes-and-semi-nudes-how-to-respond-to-an-incident-overview',
  },
  S3: {
    title: 'Financially motivated sexual extortion: alert for education settings',
    publisher: 'National Crime Agency, CEOP Education',
    edition: '29 April 2024',
    address: 'https://hwb.gov.wales/keeping-safe-online/financially-motivated-sexual-extortion',
  },
  S4: {
    title: 'Report Remove',
    publisher: 'Internet Watch Foundation with Childline (NSPCC)',
    edition: 'page as stored, undated',
    address: 'https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove',
  },
  S5: {
    title: 'Take It Down',
    publisher: 'National Center for Missing & Exploited Children (USA)',
    edition: 'FAQ page as stored, undated',
    address: 'https://takeitdown.ncmec.org/faq/',
  },
};

/** How a citation reads on the page: "UKCCIS 2016, Annex G: Flowchart for responding to incidents". */
export function citationText(citation: Citation): string {
  if (citation.advice === 'ukccis-2016') return `UKCCIS 2016, ${citation.part}: ${citation.heading}`;
  const source = CURRENT_SOURCES[citation.source];
  return `${citation.source}: ${source.title} (${source.publisher}, ${source.edition}), ${source.address}`;
}
