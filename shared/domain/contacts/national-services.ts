/**
 * National services shipped with the app (issue 19 item 3): pure data, each with the date its
 * details were checked and the page they were checked against. Checked on 29 November 2026
 * through the session's `search` tool (stored copies of public pages, not the live web);
 * decision 0025 lists what each source confirmed. A number no source confirmed is not shipped:
 * the service's web address is given instead (`phone: null`).
 */
export const NATIONAL_SERVICE_CODES = ['nspcc-helpline', 'childline', 'posh', 'ceop', 'iwf', 'report-remove', 'take-it-down'] as const;
export type NationalServiceCode = (typeof NATIONAL_SERVICE_CODES)[number];

export type NationalService = {
  code: NationalServiceCode;
  name: string;
  /** Who runs it. */
  by: string;
  /** What a DSL uses it for, in their words. */
  forWhat: string;
  phone: string | null;
  email: string | null;
  web: string;
  /** The school's date the details were checked (YYYY-MM-DD). */
  checkedOn: string;
  /** The page the details were checked against. */
  source: string;
};

const CHECKED_ON = '2026-11-29';

export const NATIONAL_SERVICES: Record<NationalServiceCode, NationalService> = {
  'nspcc-helpline': {
    code: 'nspcc-helpline',
    name: 'NSPCC helpline',
    by: 'NSPCC',
    forWhat: 'Advice for any adult worried about a child, including staff who want to talk a concern through; they can pass it to the police or children’s social care.',
    phone: '0808 800 5000',
    email: 'help@nspcc.org.uk',
    web: 'https://www.nspcc.org.uk/what-you-can-do/report-abuse/',
    checkedOn: CHECKED_ON,
    source: 'https://www.nspcc.org.uk/what-you-can-do/report-abuse/',
  },
  childline: {
    code: 'childline',
    name: 'Childline',
    by: 'NSPCC',
    forWhat: 'Free, confidential support for children and young people under 19, by phone or online; the way into Report Remove.',
    phone: '0800 1111',
    email: null,
    web: 'https://www.childline.org.uk/',
    checkedOn: CHECKED_ON,
    // The service as the NSPCC describes it (free, 24-hour, up to 19). The number is the one
    // the 2016 advice gives parents (UKCCIS 2016, Annex C: "ringing 0800 11 11") and Childline
    // still gave in 2022 (its column in the Sunderland Echo, 28 August 2022,
    // https://www.sunderlandecho.com/news/opinion/columnists/childline-advice-when-a-child-contacts-us-we-will-listen-and-support-them-3817957).
    source: 'https://learning.nspcc.org.uk/services/childline',
  },
  posh: {
    code: 'posh',
    name: 'Professionals Online Safety Helpline',
    by: 'UK Safer Internet Centre (SWGfL)',
    forWhat: 'Advice for staff on online safety incidents, and help getting content taken down when a platform’s own reporting has not worked. Weekdays.',
    phone: '0344 381 4772',
    email: 'helpline@saferinternet.org.uk',
    web: 'https://swgfl.org.uk/magazine/getting-support-from-the-professionals-online-safety-helpline-what-you-need-to-know/',
    checkedOn: CHECKED_ON,
    // Number and email as the NAHT and Bristol Safeguarding in Education give them; the
    // helpline's own page (SWGfL, above) gave neither in the stored copy.
    source: 'https://www.naht.org.uk/news-and-opinion/news/pupil-support-and-safeguarding-news/professionals-online-safety-helpline/',
  },
  ceop: {
    code: 'ceop',
    name: 'CEOP Safety Centre',
    by: 'National Crime Agency (CEOP)',
    forWhat: 'Reporting online sexual abuse or grooming of a child, or online blackmail (sexual extortion), by the child, a parent or a professional. Not for bullying, fake accounts or hacking. In immediate danger, ring 999.',
    phone: null,
    email: null,
    web: 'https://www.ceop.police.uk/Safety-Centre/',
    checkedOn: CHECKED_ON,
    source: 'https://prod.ceop.police.uk/Safety-Centre/What-happens-when-I-make-a-report-YP/What-happens-when-I-make-a-report-concerned-adult',
  },
  iwf: {
    code: 'iwf',
    name: 'Internet Watch Foundation: report a web page',
    by: 'Internet Watch Foundation',
    forWhat: 'Reporting, anonymously, a web page showing sexual images or videos of a child, so it is taken down. Give the page’s address; never view or copy the imagery.',
    phone: null,
    email: null,
    web: 'https://www.iwf.org.uk/report',
    checkedOn: CHECKED_ON,
    // The reporting address as an IWF analyst gives it:
    // https://crystaline.uk/what-happens-when-you-report-an-inappropriate-image-online/
    source: 'https://www.iwf.org.uk/faqs/',
  },
  'report-remove': {
    code: 'report-remove',
    name: 'Report Remove',
    by: 'Childline and the Internet Watch Foundation',
    forWhat: 'A young person under 18 reports a nude or semi-nude of themselves shared online, to get it taken down; Childline tells them the outcome. Staff never view the image.',
    phone: null,
    email: null,
    web: 'https://www.childline.org.uk/info-advice/bullying-abuse-safety/online-mobile-safety/report-remove-down/',
    checkedOn: CHECKED_ON,
    // docs/guidance-2024.md, S4.
    source: 'https://www.iwf.org.uk/what-we-do/why-we-exist/report-remove',
  },
  'take-it-down': {
    code: 'take-it-down',
    name: 'Take It Down',
    by: 'National Center for Missing & Exploited Children (NCMEC, USA)',
    forWhat: 'For an image taken when the young person was under 18: used by them on the device that holds it, it makes a fingerprint so taking part platforms can remove copies. Nothing is uploaded.',
    phone: null,
    email: null,
    web: 'https://takeitdown.ncmec.org/',
    checkedOn: CHECKED_ON,
    // docs/guidance-2024.md, S5.
    source: 'https://takeitdown.ncmec.org/faq/',
  },
};
