import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'uncited-figure';

// Counts, amounts, percentages and estimates stated as fact with no source.
const mustFlag: FlagCase[] = [
  // The span covers what is counted, a compound with a plural head included, and ends on a word's end.
  { text: 'Nearly half of all adults in the country are overweight.', flags: 'Nearly half of all adults' },
  { text: 'The city cut 170 job classifications last year.', flags: '170 job classifications' },
  { text: 'The district hired 35 bus drivers in June.', flags: '35 bus drivers' },
  // ... but not over the verb after a plural that has no s.
  { text: 'About 40 people marches from the depot every Friday, by one count.', flags: 'About 40 people' },
  { text: 'Storm Ciarán killed 16 across western Europe on Thursday.', flags: 'killed 16' },
  { text: 'To plug budget holes, 80 out of 111 cities raised their fines last year.', flags: '80 out of 111 cities' },
  { text: 'Millions upon millions of lives were lost to the famine.', flags: 'Millions upon millions of lives' },
  {
    text: 'Though North Korea initiated the invasion that killed nearly five million people, no peace treaty was ever signed.',
    flags: 'killed nearly five million people',
  },
  { text: 'Since the start of 2022, North Korea has test-fired around 100 missiles.', flags: 'around 100 missiles' },
  { text: 'The government will spend $4.5 billion on new hospitals over the next decade.', flags: '$4.5 billion' },
  { text: 'The club paid \u00a385 million for the midfielder in the summer.', flags: '\u00a385 million' },
  { text: 'Turnout fell to 37 percent, the lowest since the war.', flags: '37 percent' },
  { text: 'Unemployment rose to 5.2% in March.', flags: '5.2%' },
  { text: 'Inflation hit 9.1 per cent in June, a 40-year high.', flags: '9.1 per cent' },
  { text: 'Russia has massed thousands of troops on the border with Ukraine.', flags: 'thousands of troops' },
  { text: 'More than 200 people died in the floods.', flags: 'More than 200 people' },
  { text: 'At least 15 migrants drowned when their boat capsized off Lampedusa.', flags: 'At least 15 migrants' },
  { text: 'Hundreds of people were evacuated from their homes as the fire spread.', flags: 'Hundreds of people' },
  { text: 'An estimated 4.3 million passengers flew with the airline in July.', flags: 'An estimated 4.3 million passengers' },
  { text: 'Police fired tear gas at some 300 protesters outside the parliament building.', flags: 'some 300 protesters' },
  { text: 'Dozens of people were injured when the stand collapsed.', flags: 'Dozens of people' },
  { text: 'The sovereign wealth fund is worth about 1.4 trillion dollars.', flags: 'worth about 1.4 trillion dollars' },
  { text: 'The council cut the police budget by one billion dollars.', flags: 'one billion dollars' },
  { text: 'The storm destroyed 1,200 homes across the region.', flags: '1,200 homes' },
  { text: 'An estimated 40,000 people marched through central London on Saturday.', flags: 'An estimated 40,000 people' },
  { text: 'The carmaker will cut 12,000 jobs in Germany.', flags: '12,000 jobs' },
  { text: 'About 1,200 homes were destroyed.', flags: 'About 1,200 homes' },
  // An unnamed poll is no source: which poll?
  { text: 'A new poll shows the governor at 41 percent.', flags: '41 percent' },
  // ... but not in the next paragraph, and not before the poll is named.
  { text: 'A Monmouth poll out Monday showed the governor at 51 percent.\n\nHer rival has spent 4 million dollars.', flags: 'spent 4 million dollars' },
  { text: 'Her rival has spent 4 million dollars. A Monmouth poll out Monday showed the governor ahead.', flags: 'spent 4 million dollars' },
];

// Dates, years, times, ages, ordinals, spans and labels; small counts; figures with a source.
const mustNotFlag: string[] = [
  // A named speaker's plan or promise: the size of it is theirs (the council's cut above is the reporter's fact).
  'The mayor plans to cut the police budget by one billion dollars.',
  'Senator Ana Ruiz has promised to build 12,000 homes if she is elected.',
  // The poll is named, and so is what it found.
  'A Quinnipiac poll released Monday showed the governor at 41 percent.',
  'In the latest Marist survey, 38 percent of voters approved of the plan.',
  // A poll story gives the poll once and its figures sentence after sentence, in the same paragraph.
  'A Monmouth poll out Monday showed the governor at 51 percent. Her rival trails at 39 percent.',
  // A quotation paragraph carries on the speaker of the paragraph before.
  '"We lost everything in the flood," said Ana Ruiz, who runs a bakery on the square.\n\n"It will cost at least 40,000 euros to open again."',
  // A preposition after a number is not what it counts: an age, a year.
  'She left school when she was 14 without a diploma.',
  'Kabul fell in 871 despite the resistance of its defenders.',
  // A clause after ", but" stays within what the source confirmed or noted.
  'Allied headquarters denied that Patton had been reprimanded, but confirmed that he had slapped at least one soldier.',
  'League officials noted that they had approached the quarterback, but the player demanded $20 million a season.',
  'Fears abound that North Korea might ramp up its weapons tests around the anniversary of the armistice on Thursday, July 27.',
  'The 1950-53 Korean War ended in an armistice, not a peace treaty.',
  'Shoigu last visited Pyongyang in 2022.',
  'The hearing resumed at 10:30 a.m. on Monday.',
  'The flight took off at 9 p.m. local time.',
  'John Smith, 45, said he had lost everything in the fire.',
  'The defendant, aged 45, denied all the charges.',
  'North Korea marked the 70th anniversary of the armistice on Thursday.',
  'The trial is expected to last three years.',
  'The war ended 70 years ago.',
  'NATO members are bound by Article 5 of the treaty.',
  'Traffic was diverted from Route 66 after the crash.',
  'Kim and his top officials visited two cemeteries on Wednesday.',
  'Shoigu is one of the most senior figures in the Kremlin.',
  'Manchester City won 3-1 at Anfield on Sunday.',
  'The 30-year-old striker signed a four-year deal with the club.',
  'He served 12 years in prison for the murder.',
  'The UN Security Council endorsed the deal in Resolution 2231 in 2015.',
  'The G7 summit opened in Hiroshima on Friday.',
  'More than 200 people died in the floods, the health ministry said.',
  "The plane was carrying 132 passengers and crew, China's aviation regulator said.",
  'The airline carried 4.3 million passengers in July, the company said in a statement.',
  'The storm destroyed 1,200 homes, according to the United Nations.',
  'Turnout fell to 37 percent, the electoral commission said.',
  'Police said they had arrested 57 people after clashes outside the stadium.',
  'Unemployment rose to 5.2% in March, the Office for National Statistics said.',
  'More than 200 people died in the floods, a spokesman for the health ministry told Reuters.',
];

const knownGaps: KnownGaps = {
  mustFlag: [
    // A death toll with no noun after the number.
    { text: 'The death toll rose to 41 on Tuesday.', flags: '41', engine: [] },
    // Proportions stated as fact.
    { text: 'Almost a third of the budget goes on debt interest.', flags: 'Almost a third', engine: [] },
    { text: 'Two-thirds of voters backed the measure.', flags: 'Two-thirds of voters', engine: [] },
  ],
  mustNotFlag: [
  ],
};

describe('uncited-figure', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is a warning by default and asks who counted', () => {
    const [finding] = findingsOf(RULE, 'More than 200 people died in the floods.');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('More than 200 people');
  });

  it('gives a round magnitude with no number a note, not a warning, unless it is a death toll', () => {
    const severity = (text: string): string[] => findingsOf(RULE, text).map((finding) => `${finding.actual}: ${finding.severity}`);
    expect(severity('The bypass has cost billions of dollars since 2009.')).toEqual(['cost billions of dollars: information']);
    expect(severity('Tens of thousands of commuters use the line.')).toEqual(['Tens of thousands of commuters: information']);
    expect(severity('The bypass has cost 4 billion dollars since 2009.')).toEqual(['cost 4 billion dollars: warning']);
    expect(severity('The flood killed thousands of people in the valley.')).toEqual(['killed thousands of people: warning']);
    // A newsroom that lowers the rule lowers these too; the note never raises a finding.
    const hinted = lint('The bypass has cost billions of dollars since 2009.', { format: 'plaintext', config: { rules: { [RULE]: 'hint' } } });
    expect(hinted.map((finding) => finding.severity)).toEqual(['hint']);
  });

  it('places the finding exactly on the figure', () => {
    const text = 'Since the start of 2022, North Korea has test-fired around 100 missiles.';
    const [finding] = findingsOf(RULE, text);
    expect(text.slice(finding.offset, finding.endOffset)).toBe('around 100 missiles');
  });

  it('a source in another paragraph does not cover the figure', () => {
    const text = 'The health ministry gave an update on Monday.\n\nMore than 200 people died in the floods.';
    expect(flagged(RULE, text)).toEqual(['More than 200 people']);
  });

  it('takes words that never make a figure from config', () => {
    const text = 'The striker has scored 31 goals this season.';
    expect(flagged(RULE, text)).toEqual(['31 goals']);
    expect(flagged(RULE, text, 'plaintext', { notFigures: ['goals'] })).toEqual([]);
  });

  it('can be turned off in config', () => {
    const findings = lint('More than 200 people died in the floods.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
