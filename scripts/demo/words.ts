// Small word lists for demo data. Every person, school and officer here is invented:
// surnames are made by joining two made-up halves, so no generated name is a real person's.

export const FIRST_NAMES_FEMALE = [
  'Amelia', 'Juniper', 'Marisol', 'Odile', 'Tamsin', 'Imogen', 'Rosalind', 'Ottilie', 'Esme', 'Clemency',
  'Saffron', 'Wilhelmina', 'Briony', 'Cordelia', 'Isolde', 'Lavinia', 'Persephone', 'Zoë', 'Anouk', 'Hester',
  'Liesel', 'Maren', 'Niamh', 'Orla', 'Peregrine', 'Romilly', 'Sorrel', 'Thea', 'Verity', 'Winifred',
] as const;

export const FIRST_NAMES_MALE = [
  'Tobias', 'Rowan', 'Cassius', 'Ptolemy', 'Barnaby', 'Lysander', 'Evander', 'Fitzgerald', 'Hamish', 'Ignatius',
  'Jasper', 'Leopold', 'Mordecai', 'Octavian', 'Percival', 'Quentin', 'Rufus', 'Silas', 'Thaddeus', 'Ulric',
  'Valentine', 'Wolfgang', 'Zebedee', 'Alaric', 'Benedict', 'Crispin', 'Dashiell', 'Emrys', 'Florian', 'Gideon',
] as const;

export const SURNAME_STARTS = [
  'Bracken', 'Thistle', 'Hollow', 'Fair', 'Wren', 'Ash', 'Pem', 'Quill', 'Marsh', 'Elder',
  'Birch', 'Cobble', 'Dun', 'Fern', 'Gorse', 'Heather', 'Ivy', 'Kestrel', 'Lark', 'Moss',
] as const;

export const SURNAME_ENDS = [
  'ridge', 'wood', 'well', 'weather', 'field', 'combe', 'bridge', 'feather', 'brook', 'stead', 'ford', 'holme', 'thorpe', 'worth', 'gate', 'mere',
] as const;

export const SERVICES = ['Snapchat', 'Instagram', 'WhatsApp', 'TikTok', 'Discord', 'iMessage', 'a gaming chat'] as const;

export const PLACES = ['library', 'canteen', 'form room', 'sports hall', 'bus bay', 'science corridor', 'changing rooms', 'playground'] as const;

export const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'] as const;

export const TITLES = [
  'Image shared in a Year {year} group chat',
  'Photo sent between two pupils on {service}',
  'Video passed around on {service}',
  'Imagery found on a school laptop',
  'Pupil asked for an image on {service}',
  'Screenshot of a photo shown in the {place}',
  'Image posted to a {service} story',
  'Concern raised by a parent about {service} messages',
] as const;

/** Unusual words scattered through a few entries, so searches have something rare to find. */
export const NOTABLE_WORDS = [
  'lighthouse', 'marmalade', 'trampoline', 'kaleidoscope', 'origami', 'saxophone', 'periwinkle', 'hedgehog',
  'zeppelin', 'butterscotch', 'accordion', 'tangerine',
] as const;

export const CONVERSATION_SENTENCES = [
  '{first} said the photo was sent on {service} after school.',
  '{first} was upset and asked that nobody else be told yet.',
  '{first} explained that the image had been deleted from their phone.',
  '{first} said a friend showed the video to a group in the {place}.',
  '{first} understood why sharing images of under-18s is against the law.',
  'We talked about who else had seen it and where it might be now.',
  '{first} named two other pupils who had received it.',
  '{first} agreed to come back to see me at lunchtime on {weekday}.',
  '{first} said they felt pressured after being asked several times.',
  '{first} was calm and answered questions clearly.',
  '{first} did not want their parents to find out from someone else.',
  'Support from the school counsellor was offered and accepted.',
] as const;

export const DISCLOSURE_SENTENCES = [
  '{first} told me that an image of them had been shared on {service}.',
  '{first} said older pupils were talking about a video in the {place}.',
  '{first} showed me messages asking for a photo and said they had sent one.',
  '{first} said a picture was going round the year group since {weekday}.',
  'A friend of {first} came to say they were worried about a photo on {service}.',
] as const;

export const ACTION_DESCRIPTIONS = [
  'Arrange a follow-up meeting with {first} and their form tutor.',
  'Deliver a session on consent and image sharing to Year {year}.',
  'Check in with {first} every morning for two weeks.',
  'Refer {first} to the school counsellor for weekly support.',
  'Agree a seating plan so {first} is not near the pupils involved.',
  'Record the outcome of the sanction panel on the behaviour system.',
] as const;

export const AMENDMENT_REASONS = [
  'Corrected the time after checking the sign-in sheet.',
  'Added detail the pupil gave at a later conversation.',
  'Fixed a name that was spelt wrongly.',
  'Clarified who was present, after checking with the headteacher.',
] as const;

export const OFFICERS = ['PC 4471 Harwood', 'PC 2318 Okonkwo-Vale', 'PCSO 9902 Lindqvist', 'DC 1187 Ashbury'] as const;

export const DEVICES = ['black phone in a red case', 'school-issued laptop', 'silver tablet with a cracked screen', 'white phone with stickers on the back'] as const;

export const OTHER_SCHOOLS = ['Wrenfield High School', 'St Aldhelm’s College', 'Copperbeech Academy'] as const;
