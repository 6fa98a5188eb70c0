import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'scare-quotes';

// A word or short phrase in quotation marks with no one saying it, and "so-called" in the reporter's voice.
const mustFlag: FlagCase[] = [
  { text: 'The junta\'s "elections" were boycotted by every opposition party.', flags: '"elections"' },
  { text: 'The "independent" inquiry was chaired by a former party donor.', flags: '"independent"' },
  { text: 'Separatists held a "referendum" on joining Russia in September 2022.', flags: '"referendum"' },
  { text: 'The "voluntary" evacuation left thousands without shelter.', flags: '"voluntary"' },
  { text: 'The "experts" behind the report have no medical training.', flags: '"experts"' },
  { text: 'Staff learned about the "new way of working" in an email on Friday.', flags: '"new way of working"' },
  { text: 'Thousands of migrants were moved to "processing centres" on the island.', flags: '"processing centres"' },
  { text: 'Foreign reporters were taken on a tour of a "model village" near the border.', flags: '"model village"' },
  { text: 'The detainees were held for months in a "re-education" camp in Xinjiang.', flags: '"re-education"' },
  { text: 'The club\'s \u201cfan consultation\u201d lasted less than an hour.', flags: '\u201cfan consultation\u201d' },
  { text: 'The hospital\'s "temporary" wards have been in use since 2020.', flags: '"temporary"' },
  {
    // A speaker in the previous sentence does not own a fragment in this one.
    text: 'Kremlin spokesman Dmitry Peskov said the talks were "constructive". The "ceasefire" was broken within hours.',
    flags: '"ceasefire"',
  },
  { text: 'The so-called peace plan was rejected by Kyiv within hours.', flags: 'so-called' },
  { text: 'Russia has deployed so-called volunteer battalions in the east.', flags: 'so-called' },
  { text: 'The so-called "Islamic State" group said it carried out the attack.', flags: 'so-called' },
  { text: 'The so called reforms have left pensioners worse off.', flags: 'so called' },
  // Reporter's voice: no one's words, and a common noun opening the sentence is no speaker.
  { text: 'Critics gathered as the “reforms” took effect on Monday.', flags: '“reforms”' },
  { text: 'Reporters were shown a “model school” on the tour.', flags: '“model school”' },
  { text: 'The council backed the so-called swing wards plan.', flags: 'so-called' },
];

// Someone's words with the someone named; names and titles; naming phrases.
const mustNotFlag: string[] = [
  // A term of art named by the noun after it: a mention, not a doubt (the "re-education" camp above is flagged).
  'The inquiry asked whether a "stand down" order delayed the rescue.',
  'Delegates braced for the "contested convention" scenario in July.',
  // In a named speaker's reported words, "so-called" is theirs.
  'Ruiz said the council would court so-called swing wards before the vote.',
  // The subject of the clause owns the marks; so does a speaker whose quotation runs on.
  'Ruiz called the closure “a betrayal” on Tuesday.',
  '“We were told nothing,” Ruiz said. “Not one word.”',
  'Taiwan has been the “de facto” government of the island since 1949.',
  'The settlers treated the land as "terra nullius" when they arrived.',
  'The government called it a "temporary measure".',
  'Kim called them "martyrs" who would be remembered forever.',
  'The president described the talks as "very productive".',
  'The company said the outage was caused by a "configuration error".',
  'Shoigu\u2019s ministry said the delegation\u2019s visit will help strengthen relations and mark \u201can important stage\u201d in the development of bilateral cooperation.',
  'He said the government had "no plan whatsoever".',
  'Zelenskiy told reporters the offer was "a trap".',
  'Police described the scene as "horrific".',
  'Nearly five million people died during the three years of the \u201cforgotten war\u201d, so named for the lack of attention it received at the time.',
  'The Korean War, often called the "forgotten war", ended in 1953.',
  'The operation, dubbed "Iron Swords", began on October 7.',
  'The rapper, nicknamed "the king of grime", performed in Brixton on Saturday.',
  'The dictionary added the word "rizz" to its list this year.',
  'Kim maintains the armistice was a victory in what he calls the \u201cGrand Fatherland Liberation War\u201d.',
  'The film "Oppenheimer" won seven Oscars on Sunday.',
  'The storm, dubbed the "beast from the east", closed schools across Scotland.',
  'The Korean War is known as the "forgotten war" in the United States.',
  'Recoveries at the shrine have been attributed to practices commonly classified as "faith healing".',
  'Economists have long argued over the notion of a "natural rate" of unemployment.',
  '"O. gorgasi" is known only from a few islands off the coast of Curaçao.',
  'The closures were, in the words of one union leader, "industrial vandalism".',
  'Researchers call it the "bystander effect", also known as "bystander apathy".',
  'The "Second Coming" and the "resurrection of the dead" are central to the church\'s creed.',
  'Chris Roberts, the studio\'s director of graphics, tools and technologies, said Sony had a "fairly good idea" of the console\'s capability.',
  'The airline blamed the cancellations on "operational issues".',
  'Labour MP Diane Abbott labelled the policy "cruel".',
  'The minister dismissed the report as "fake news".',
  'Trump branded the indictment a "witch hunt".',
  '"We will not be intimidated by threats from anyone," Sunak said.',
];

const knownGaps: KnownGaps = {
  mustFlag: [
    // Textbook single-word scare quotes. The engine flags a lone quoted word only if it is on
    // attribution.yml scare_words or the loaded-term list: most lone quoted words are terms under discussion.
    { text: 'The minister\'s "apology" came three days after the video surfaced.', flags: '"apology"', engine: [] },
    { text: 'Thousands attended the "peaceful" protest, which ended in clashes with police.', flags: '"peaceful"', engine: [] },
    { text: 'Her "friendship" with the oligarch has come under scrutiny from MPs.', flags: '"friendship"', engine: [] },
    // An agentless passive names no speaker; the new speech-act list makes any "described as" a speaker.
    { text: 'Protesters were dispersed in what was described as a "security operation".', flags: '"security operation"', engine: [] },
  ],
  mustNotFlag: [
    // Protesters chanting are the speakers of the chant; "chanted" is on neither verb list.
    { text: 'Protesters chanted "shame on you" outside the embassy.', engine: ['"shame on you"'] },
  ],
};

describe('scare-quotes', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is information by default', () => {
    const [finding] = findingsOf(RULE, 'The "independent" inquiry was chaired by a former party donor.');
    expect(finding.severity).toBe('information');
    expect(finding.message).toContain('"independent"');
  });

  it('leaves a five-word quotation to unattributed-quote', () => {
    const text = 'The ministry has not commented. "Those responsible will be held to account."';
    expect(flagged(RULE, text)).toEqual([]);
    expect(flagged('unattributed-quote', text)).toHaveLength(1);
  });

  it('can be turned off in config', () => {
    const findings = lint('The so-called peace plan was rejected.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
