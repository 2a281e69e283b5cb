import type { Citation } from './citations';
import type { HelpSection } from './blocks';
import { STAFF_SUMMARY_SECTION } from './staff-summary';

const FLOWCHART: Citation = { advice: 'ukccis-2016', part: 'Annex G', heading: 'Flowchart for responding to incidents' };
const INITIAL_RESPONSE: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Initial response' };
const INITIAL_REVIEW: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Initial review meeting' };
const VIEWING: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Viewing the imagery' };
const DELETION: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Deletion of images' };
const SECURING: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Securing and handing over devices to the police' };
const POLICE: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Reporting incidents to the police' };
const SOCIAL_CARE: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: "Children's social care contact and referrals" };
const TALKING: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Interviewing and talking to the young person/people involved' };
const ANNEX_A: Citation = { advice: 'ukccis-2016', part: 'Annex A', heading: "Deciding whether to involve the police and/or children's social care" };
const INFORMING_PARENTS: Citation = { advice: 'ukccis-2016', part: 'section 2', heading: 'Informing parents (or carers)' };
const ANNEX_C: Citation = { advice: 'ukccis-2016', part: 'Annex C', heading: 'Working with parents and carers' };
const ANNEX_D: Citation = { advice: 'ukccis-2016', part: 'Annex D', heading: 'Reporting youth produced sexual imagery online' };
const OVERVIEW: Citation = { advice: 'current', source: 'S2' };

/** The guidance at hand (issue 19 item 4), in the order the Help page shows it. */
export const HELP_SECTIONS = [
  {
    id: 'flowchart',
    title: 'Responding to an incident, step by step',
    citations: [FLOWCHART, INITIAL_RESPONSE],
    blocks: [
      {
        type: 'paragraph',
        text: "The 2016 advice's flowchart, as questions and what follows from each answer. It is about sharing nudes and semi-nudes (called 'youth produced sexual imagery' in the 2016 advice).",
      },
      { type: 'heading', text: '1. Initial disclosure' },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'Who told the school? It could come from a pupil directly, a parent or a pupil’s friend.' },
          { text: 'Whoever hears it tells the DSL as soon as possible, and does not look at the imagery.' },
        ],
      },
      { type: 'heading', text: '2. Initial review with the safeguarding team' },
      {
        type: 'list',
        ordered: true,
        items: [
          {
            text: 'Does any of the five points for referral apply?',
            ordered: true,
            items: [{ text: 'Adult involvement' }, { text: 'Coercion or blackmail' }, { text: 'Extreme or violent' }, { text: 'Under 13' }, { text: 'Immediate risk of harm' }],
          },
          { text: 'If yes: refer to the police, children’s social care or the MASH now (step 5).' },
          { text: 'If none applies: the DSL may decide the school can deal with it in house (step 3). Any doubt: refer to the police.' },
        ],
      },
      { type: 'heading', text: '3. Risk assessment and dealing with the incident' },
      {
        type: 'list',
        ordered: true,
        items: [
          {
            text: 'Consider the risk of harm:',
            ordered: false,
            items: [{ text: 'the vulnerability of the child' }, { text: 'coercion' }, { text: 'how it was shared and where' }, { text: 'the impact on the children' }, { text: 'the age of the children' }],
          },
          { text: "Is there a cause for concern at any point? If yes: refer to the police or children's social care (step 5)." },
          { text: 'If not: manage the incident in school (step 4).' },
        ],
      },
      { type: 'heading', text: '4. Management in school' },
      {
        type: 'list',
        ordered: true,
        items: [{ text: 'Make sure the parents or carers are told, unless that would put the young person at risk.' }, { text: 'Record the incident, following the school’s child protection and safeguarding procedures.' }],
      },
      { type: 'heading', text: "5. Referral to the police, children's social care or the MASH" },
      { type: 'list', ordered: true, items: [{ text: 'Follow your local arrangements for incidents and contact the local services.' }] },
      { type: 'quote', text: 'At this initial stage the safeguarding team review the information and consider the 5 points for immediate referral.', cite: FLOWCHART },
    ],
  },
  {
    id: 'five-points',
    title: 'The five points: when to refer at once',
    citations: [INITIAL_REVIEW],
    blocks: [
      { type: 'paragraph', text: "At the initial review the DSL refers to the police or children's social care straight away if any one of these is true:" },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: 'An adult is involved.' },
          { text: 'A young person was coerced, blackmailed or groomed, or there are concerns about their capacity to consent.' },
          { text: 'What you know of the imagery suggests sexual acts unusual for the young person’s development, or violence.' },
          { text: 'The imagery involves sexual acts and a pupil in it is under 13.' },
          { text: 'A pupil is at immediate risk of harm because of the sharing, for example presenting as suicidal or self-harming.' },
        ],
      },
      {
        type: 'paragraph',
        text: 'Sharing someone else’s imagery without consent and with malicious intent is an aggravating factor: such incidents should generally be referred. The app asks about it in the initial review.',
      },
      {
        type: 'quote',
        text: 'If none of the above apply then a school may decide to respond to the incident without involving the police or children\'s social care',
        cite: INITIAL_REVIEW,
      },
      { type: 'quote', text: 'If you have any doubts about whether to involve other agencies, you should make a referral to the police.', cite: INITIAL_REVIEW },
      {
        type: 'paragraph',
        text: 'The app keeps the 2016 wording of the five points: the current advice’s wording of them could not be confirmed (decision 0021).',
      },
    ],
  },
  {
    id: 'viewing',
    title: 'Viewing the imagery',
    citations: [VIEWING, OVERVIEW],
    blocks: [
      { type: 'paragraph', text: 'Nobody views the imagery unless there is a good and clear reason. Decide on what you have been told about it.' },
      { type: 'quote', text: 'Never view, copy, print, share, store or save the imagery yourself, or ask a child to share or download – this is illegal', cite: OVERVIEW },
      { type: 'quote', text: 'Adults should not view youth produced sexual imagery unless there is good and clear reason to do so.', cite: VIEWING },
      { type: 'paragraph', text: 'Only the DSL may decide to view it, and only when viewing:' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'is the only way to decide whether to involve other agencies;' },
          { text: 'is needed to report it to have it taken down, or to support the young person or a parent in reporting it; or' },
          { text: 'cannot be avoided, because a pupil showed it to a member of staff or it was found on a school device or network.' },
        ],
      },
      { type: 'paragraph', text: 'If it has to be viewed:' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'never copy, print or share it;' },
          { text: 'discuss the decision with the headteacher first;' },
          { text: 'the DSL, or someone in the safeguarding team the headteacher has authorised, views it;' },
          { text: 'another member of staff is in the room (ideally the headteacher or a senior leader), who need not view it;' },
          { text: 'view it on school premises, ideally in the headteacher’s or a senior leader’s office, and where possible by someone of the same sex as the young person;' },
          { text: 'record who was present, why it was viewed and what followed, signed and dated: the viewing log.' },
        ],
      },
      { type: 'quote', text: 'Imagery should never be viewed if the act of viewing will cause significant distress or harm to the pupil.', cite: VIEWING },
      { type: 'paragraph', text: 'A member of staff who saw it without meaning to is offered support: viewing it can be distressing.' },
    ],
  },
  {
    id: 'conversation',
    title: 'Talking with the young person, and the questions to ask yourself',
    citations: [TALKING, ANNEX_A],
    blocks: [
      { type: 'paragraph', text: 'Once the young person is not at immediate risk, the DSL (or a teacher they are more comfortable with) talks with them:' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'recognise the pressures young people are under to share;' },
          { text: 'stay focused on solutions; avoid “why have you done this?”;' },
          { text: 'reassure them they are not alone and the school will help;' },
          { text: 'talk about consent and trust in healthy relationships.' },
        ],
      },
      { type: 'quote', text: 'Identify, without looking, what the image contains and whether anyone else has been involved.', cite: TALKING },
      { type: 'heading', text: "Annex A: questions for deciding whether to involve the police or children's social care" },
      {
        type: 'list',
        ordered: true,
        items: [
          { text: "Do you have any concerns about the young person's vulnerability?" },
          { text: 'Why was the imagery shared? Was it consensual or was the young person put under pressure or coerced?' },
          { text: 'Has the imagery been shared beyond its intended recipient? Was it shared without the consent of the young person who produced the imagery?' },
          { text: 'Has the imagery been shared on social media or anywhere else online? If so, what steps have been taken to contain the spread of the imagery?' },
          { text: 'How old is the young person or young people involved?' },
          { text: 'Did the young person send the image to more than one person?' },
          { text: 'Does the young person understand the possible implications of sharing the image?' },
          { text: 'Are there additional concerns if the parents or carers are informed?' },
        ],
      },
      {
        type: 'quote',
        text: 'A referral should be made to the police if a young person has been pressured or coerced into sharing an image, or imagery is being shared without consent and with malicious intent.',
        cite: ANNEX_A,
      },
    ],
  },
  {
    id: 'parents',
    title: 'Parents and carers',
    citations: [INFORMING_PARENTS, ANNEX_C, { advice: 'current', source: 'S4' }],
    blocks: [
      {
        type: 'paragraph',
        text: 'Tell the parents or carers early and involve them, unless that would put the young person at risk of harm; a decision not to tell them is usually made with children’s social care or the police, and its reasons recorded. Where possible, help the young person tell them.',
      },
      { type: 'heading', text: 'If their child has lost control of an image of themselves' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'explain the law;' },
          { text: 'encourage the young person to delete what they uploaded themselves;' },
          { text: 'point them to Report Remove, run today by Childline and the IWF (the partnership the 2016 advice names), to have it taken down as soon as possible;' },
          { text: 'help them talk with their child: reassure, listen, avoid “why have you done this?”, agree next steps.' },
        ],
      },
      { type: 'heading', text: 'If their child was sent an image' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'explain the law on saving, sharing or looking at such images;' },
          { text: 'their child did the right thing by speaking out, and should not share it further;' },
          { text: 'ask whether it was asked for, and whether an adult sent it (then CEOP).' },
        ],
      },
      { type: 'heading', text: "If their child shared another child's image" },
      {
        type: 'list',
        ordered: false,
        items: [{ text: 'stay calm; find out where it was sent and agree how it is taken down and deleted;' }, { text: 'talk about consent and how they would feel if it were them.' }],
      },
      { type: 'quote', text: 'Given support to deal with their own feelings of upset and concern.', cite: ANNEX_C },
      { type: 'paragraph', text: 'Every parent or carer is kept informed of what is done (unless the child, old enough to decide, asks otherwise) and told where they and their child can get support.' },
    ],
  },
  {
    id: 'searching-and-deletion',
    title: 'Devices, searching and deleting imagery',
    citations: [SECURING, DELETION, { advice: 'current', source: 'S3' }],
    blocks: [
      { type: 'quote', text: 'The device should be turned off and placed under lock and key until the police are able to come and retrieve it.', cite: SECURING },
      {
        type: 'paragraph',
        text: 'Only when the school has decided no other agency needs to be involved is deleting the imagery considered. A teacher the headteacher has formally authorised may examine and delete files on a seized device where there is good reason (Education Act 2011); no parental consent is needed.',
      },
      {
        type: 'quote',
        text: 'it is recommended that schools should not search through devices and delete imagery unless there is good and clear reason to do so.',
        cite: DELETION,
      },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'In most cases the young people delete it themselves and confirm they have, by a deadline, across devices, online storage and social media.' },
          { text: 'Remind them that keeping it is an offence, and that the police may become involved if it is not deleted.' },
          { text: 'Record every decision with its date, time and reason; tell the parents unless that adds risk.' },
        ],
      },
      {
        type: 'paragraph',
        text: "Do not delete anything in a sexual extortion case or where the police or children's social care are involved without their agreement: it may be evidence. The DfE's current searching advice (updated 2022) could not be confirmed, so this section cites the 2016 text.",
      },
    ],
  },
  {
    id: 'police-and-social-care',
    title: "The police and children's social care",
    citations: [POLICE, SOCIAL_CARE, SECURING],
    blocks: [
      { type: 'quote', text: 'This may be through a safer schools officer, a PCSO (Police Community Security Officer), local neighbourhood police or by dialling 101.', cite: POLICE },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'The police cannot give general advice: once a child is named they must record and investigate.' },
          { text: 'A 101 call handler may not know this area well.' },
          { text: 'Write down any crime reference number you are given.' },
          { text: 'A device the police need is confiscated, switched off and locked away until they collect it.' },
        ],
      },
      {
        type: 'paragraph',
        text: "Contact children's social care if they are, may be or have been involved with a young person in the incident; refer if the wider issues meet their threshold. Where the area has a Multi-Agency Safeguarding Hub (MASH), it may be the first place to refer.",
      },
    ],
  },
  {
    id: 'extortion-and-reporting',
    title: 'Sexual extortion and the reporting routes',
    citations: [{ advice: 'current', source: 'S3' }, { advice: 'current', source: 'S4' }, { advice: 'current', source: 'S5' }, ANNEX_D],
    blocks: [
      {
        type: 'quote',
        text: "This is financially motivated sexual extortion, a type of online blackmail often referred to in the media as 'sextortion'.",
        cite: { advice: 'current', source: 'S3' },
      },
      {
        type: 'paragraph',
        text: "Someone, usually an adult offender posing as a young person, threatens to share nudes or semi-nudes of the young person (real or faked) unless they pay or send more. It is blackmail (point 2) and a police matter: refer to the police and children's social care.",
      },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'Support the young person: do not pay, stop contact and block; avoid words that blame them.' },
          { text: 'Keep the evidence: messages, usernames, telephone numbers and payment details. Do not delete them.' },
          { text: 'The CEOP Safety Centre takes reports of online blackmail.' },
        ],
      },
      { type: 'heading', text: 'Getting images taken down' },
      {
        type: 'list',
        ordered: false,
        items: [
          { text: 'First, whoever posted it deletes it; otherwise report it to the service it is on.' },
          { text: 'Report Remove (Childline and the Internet Watch Foundation): for under-18s reporting images of themselves; from 13 they prove their age; Childline tells them the outcome.' },
          { text: 'Take It Down (NCMEC): the young person makes a hash of the image on the device it is on; it does not work on end-to-end encrypted services.' },
          { text: 'These are the young person’s own routes: staff never view, download or upload the image to make a report.' },
        ],
      },
      { type: 'quote', text: 'Remember, you should never view the image.', cite: { advice: 'current', source: 'S4' } },
      { type: 'quote', text: 'You must have the image or video on your device.', cite: { advice: 'current', source: 'S5' } },
    ],
  },
  STAFF_SUMMARY_SECTION,
] as const satisfies readonly HelpSection[];

export type HelpSectionId = (typeof HELP_SECTIONS)[number]['id'];

export function helpSection(id: HelpSectionId): HelpSection {
  const found = HELP_SECTIONS.find((section) => section.id === id);
  if (!found) throw new Error(`No help section ${id}`);
  return found;
}
