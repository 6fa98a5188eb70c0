import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'unattributed-quote';

// A full quotation (five words or more) with no speaker in its sentence or the neighbouring ones.
const mustFlag: FlagCase[] = [
  {
    text: 'Protesters gathered outside parliament on Tuesday. "We will not back down until the law is repealed."',
    flags: '"We will not back down until the law is repealed."',
  },
  {
    text: 'The storm flattened much of the town overnight. \u201cIt was like the end of the world, everything just disappeared.\u201d',
    flags: '\u201cIt was like the end of the world, everything just disappeared.\u201d',
  },
  {
    text: '"The border will stay closed until further notice." Traffic was backed up for 20 kilometres on Monday.',
    flags: '"The border will stay closed until further notice."',
  },
  {
    text: 'The hospital has run out of beds for the third week running. "We are turning away patients every single night."',
    flags: '"We are turning away patients every single night."',
  },
  {
    text: 'The league has yet to announce a decision on the fixtures. "Nobody has told us anything about the schedule."',
    flags: '"Nobody has told us anything about the schedule."',
  },
  {
    text: 'Inflation fell to 4.2 percent in March. "The worst is behind us, but rates will stay high for some time."',
    flags: '"The worst is behind us, but rates will stay high for some time."',
  },
  {
    text: 'Residents of the village have been without power for a week. "We have no water, no heat and no help from anyone."',
    flags: '"We have no water, no heat and no help from anyone."',
  },
  {
    text: 'The ministry has not commented on the report. "Those responsible will be held to account."',
    flags: '"Those responsible will be held to account."',
  },
  {
    text: '\u201cThe era of cheap money is over and households will feel it for years.\u201d',
    flags: '\u201cThe era of cheap money is over and households will feel it for years.\u201d',
  },
  {
    text: '\u201cEvery vote must be counted before anyone declares victory.\u201d Polls closed at 8 p.m. in most states.',
    flags: '\u201cEvery vote must be counted before anyone declares victory.\u201d',
  },
  {
    // Two speakers before it and neither in the sentence before: the reader cannot tell whose words these are.
    text: 'Mayor Ana Ruiz said the town would recover. Governor Luis Vidal said it would not. The factory closed in March after 80 years. "We will fight to bring these jobs back home."',
    flags: '"We will fight to bring these jobs back home."',
  },
  {
    // A new paragraph of quotation carries on the last speaker only when that speaker closes the paragraph before.
    text: 'Ruiz said the town would recover. The plant closed in March after 80 years.\n\n"We will fight to bring these jobs back home to this valley."',
    flags: '"We will fight to bring these jobs back home to this valley."',
  },
  {
    // A vague group is not a speaker the reader can identify.
    text: "Critics say the plan will fail. \"This is a reckless gamble with people's savings.\"",
    flags: "\"This is a reckless gamble with people's savings.\"",
  },
  {
    text: 'The camp has grown to 40,000 people since April. \u201cWe don\u2019t know where our children are and nobody will tell us.\u201d',
    flags: '\u201cWe don\u2019t know where our children are and nobody will tell us.\u201d',
  },
];

// A speaker in the sentence or the one next to it; fragments; titles and names in quotation marks.
const mustNotFlag: string[] = [
  '"We will not back down," Prime Minister Mark Carney said.',
  'Smith spoke to reporters. "We will rebuild every home," he said.',
  'Olena Kovalenko, a teacher in Kharkiv, said the shelling had not stopped for three days. "We sleep in the corridor with the children because it is the only safe place."',
  '\u201cWe have no water, no heat and no help from anyone.\u201d That is how Olena Kovalenko, a teacher in Kharkiv, described the past week.',
  'Kovalenko told Reuters: "The shelling has not stopped for three days and we have nowhere to go."',
  'Asked whether he would resign, Johnson replied: "I have absolutely no intention of going anywhere."',
  '"It is a sad day for football," said Gareth Southgate, the England manager, "but we will learn from it."',
  'In a statement, the foreign ministry said: "The visit marks an important stage in our cooperation."',
  'Kim expressed gratitude for the Chinese soldiers who dedicated their lives to repel imperialist aggression, calling them \u201cmartyrs\u201d who would be \u201cimmortal in the hearts of the Korean people\u201d.',
  '"We will not back down," a spokesman for the union said, adding that strikes would continue.',
  '"The results speak for themselves and we are very proud," the company said in a statement.',
  'A witness said the car mounted the pavement. "It came out of nowhere and hit three people."',
  '"It came out of nowhere and hit three people," one witness told the BBC.',
  'She added: "We will appeal against this ruling all the way to the Supreme Court."',
  'Police described the scene as "utterly horrific".',
  'The minister\'s memoir, "The Long Road Back From Nowhere", is published next month.',
  '"Everything Everywhere All at Once" won seven Oscars on Sunday.',
  'The 1991 ground war, known as "the mother of all battles" in Iraq, lasted 100 hours.',
  'The exhibition, titled "what we lost in the fire", opens in Lisbon on Friday.',
  // A quotation that runs over two paragraphs keeps the speaker it had where it began.
  '"We had to leave my father behind because he could not walk," said Amina Yusuf, who fled Khartoum in April. "We walked for nine days.\n\n"When we reached the border, the guards took everything we had left."',
  // News style attributes a new paragraph of quotation only when the speaker changes: the speaker who closes
  // the paragraph before goes on speaking.
  'Ruiz said the town would recover.\n\n"We will fight to bring these jobs back home to this valley."',
  // Right after a quotation, "they" is the people the story is quoting.
  'The families waited outside the court for hours. "We were left with nothing at all," they said.',
  // The paragraph's only speaker goes on speaking after a sentence of background.
  'Mayor Ana Ruiz said the town would recover. The factory closed in March after 80 years. "We will fight to bring these jobs back home."',
  '"The plant gave this valley its name," said Ana Ruiz, the mayor.\n\n"We will fight to bring these jobs back home. Every one of them."\n\n"And we will not wait for Lisbon to help us."',
];

const knownGaps: KnownGaps = {
  mustFlag: [
    // An agentless passive is no speaker; the engine reads "it is often" as a generic subject of "said".
    { text: '"There is no military solution to this conflict," it is often said in Brussels.', flags: '"There is no military solution to this conflict,"', engine: [] },
  ],
  mustNotFlag: [
    // The speaker is named in the next sentence, but not as the subject of a reporting verb.
    {
      text: '"This is the biggest crisis the NHS has ever faced." The warning came from Pat Cullen, general secretary of the Royal College of Nursing, who said nurses were leaving in record numbers.',
      engine: ['"This is the biggest crisis the NHS has ever faced."'],
    },
    {
      text: '"We will not let this happen again." Those were the words of Health Minister Ana Silva, speaking to reporters in Lisbon.',
      engine: ['"We will not let this happen again."'],
    },
  ],
};

describe('unattributed-quote', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is a warning by default and quotes the start of the quotation', () => {
    const [finding] = findingsOf(RULE, 'The ministry has not commented. "Those responsible will be held to account."');
    expect(finding.severity).toBe('warning');
    expect(finding.message).toContain('Those responsible will be held');
  });

  it('leaves a four-word fragment to scare-quotes', () => {
    expect(flagged(RULE, 'The ministry has not commented. "A regrettable technical error."')).toEqual([]);
  });

  it('can be turned off in config', () => {
    const text = 'The ministry has not commented. "Those responsible will be held to account."';
    const findings = lint(text, { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
