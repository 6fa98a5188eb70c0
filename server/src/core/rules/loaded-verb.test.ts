import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'loaded-verb';

// Attribution verbs that tell the reader what to think of the speaker (every verb is in data/loaded-verbs.yml).
const mustFlag: FlagCase[] = [
  { text: 'The minister claimed the figures had been misrepresented.', flags: 'claimed' },
  { text: 'The talks will resume on Monday, insisted the spokesman.', flags: 'insisted' },
  { text: 'Trump claims the 2020 election was stolen.', flags: 'claims' },
  { text: 'Russia claimed the drone had been shot down over Belgorod.', flags: 'claimed' },
  { text: 'Smith, who was asked about the leak, claimed he had never seen the memo.', flags: 'claimed' },
  { text: 'Prosecutors claimed in court documents that the senator had taken bribes.', flags: 'claimed' },
  { text: 'Ukraine claimed to have destroyed a Russian warship in the Black Sea.', flags: 'claimed' },
  { text: 'The company admitted the software had a flaw.', flags: 'admitted' },
  { text: 'The White House admitted it had made mistakes in the withdrawal from Afghanistan.', flags: 'admitted' },
  { text: 'The striker admits he was wrong to leave the club.', flags: 'admits' },
  { text: 'The coach insisted the team had played well despite the defeat.', flags: 'insisted' },
  { text: '"We did nothing wrong," the chief executive insisted.', flags: 'insisted' },
  // The verb is the reporter's choice even when the speaker's lawyer is the source.
  { text: 'The former president insists he did nothing wrong, his lawyer said.', flags: 'insists' },
  { text: 'The chancellor admitted that growth would be weaker than forecast.', flags: 'admitted' },
  { text: 'Labour slammed the government over hospital waiting lists.', flags: 'slammed' },
  { text: 'The Kremlin slammed the decision as illegal.', flags: 'slammed' },
  { text: 'The union blasted the pay offer as an insult to nurses.', flags: 'blasted' },
  { text: 'The opposition leader lambasted the budget as a betrayal of pensioners.', flags: 'lambasted' },
  { text: 'The billionaire boasted that his company would reach Mars by 2030.', flags: 'boasted' },
  { text: 'The senator lashed out at reporters after the hearing.', flags: 'lashed out at' },
  { text: 'The president railed against the judges in a late-night post.', flags: 'railed against' },
  { text: 'The defence secretary boasted that troops would be home by the spring.', flags: 'boasted' },
  { text: 'The minister bragged that the economy was the strongest in Europe.', flags: 'bragged' },
  { text: 'Netanyahu doubled down on his vow to send troops into Rafah.', flags: 'doubled down on' },
  // Added after error analysis on the labelled news sets (issue 3).
  { text: 'Democrats claim the bill would raise taxes on the middle class.', flags: 'claim' },
  { text: 'The activists claim to be exercising their constitutional rights.', flags: 'claim' },
  { text: "The billionaire boasted about his company's record profits.", flags: 'boasted' },
  { text: 'The senator whined about the coverage of his campaign.', flags: 'whined' },
  { text: 'The president is bragging about the stock market again.', flags: 'bragging' },
  { text: 'The governor lashed out, calling the ruling a disgrace.', flags: 'lashed out' },
  { text: 'The president berates reporters at almost every briefing.', flags: 'berates' },
  { text: 'The document purports to show payments to the minister.', flags: 'purports' },
  { text: '"We will win in November," he quipped.', flags: 'quipped' },
  // A subject pronoun or "to" and a verb after the verb: a clause of speech without "that".
  { text: 'The health officer praised the marchers, claiming they obeyed the distancing rules.', flags: 'claiming' },
  { text: 'The president defended the order by claiming we\u2019re witnessing a surge in crime.', flags: 'claiming' },
  { text: 'Campaigners claim to speak for the silent majority of parents.', flags: 'claim' },
  // Title Case headlines, and "about" after a present form with its subject.
  { text: 'Democrats Claim Barrett Confirmation Would Threaten Health Care', flags: 'Claim' },
  { text: "Trump's own advisers know nothing about the health plan he brags about.", flags: 'brags' },
];

// The same verbs in their neutral senses, "said", and verbs inside a speaker's quotation.
const mustNotFlag: string[] = [
  'The minister said the figures had been misrepresented.',
  'Ocasio-Cortez claimed her seat in the House of Representatives in January.',
  'Two of the injured were admitted to hospital in Leeds.',
  'Verstappen Claims The Title In Abu Dhabi',
  'The club boasts about 300 members and a waiting list.',
  'Claims about the vaccine have spread on social media.',
  'Poland and Ukraine both laid claim to the city after 1918.',
  'Amid claims that the count was rigged, observers left the hall.',
  'A federal judge dismissed the case, rejecting claims the players had been underpaid.',
  'Doctors have spent years countering the false claim that vaccines cause autism.',
  'The Conservatives claimed the seat from Labour on a swing of 12 per cent.',
  'Islamic State claimed responsibility for the attack.',
  'The fire claimed the lives of 72 people.',
  'Verstappen claimed the title with a win in Qatar.',
  "The ruling party claimed victory in Sunday's election.",
  'The family claimed compensation after the crash.',
  'The plaintiffs claimed $2 million in damages.',
  'Hamas claimed the rocket attack on Tel Aviv.',
  'Russia claims four Ukrainian regions as its own.',
  'The claims were rejected by the court.',
  'The insurer rejected her claims for compensation.',
  'The woman was admitted to hospital with burns.',
  'The hospital admitted 40 patients overnight.',
  'The university admits 3,000 students a year.',
  'Three men admitted manslaughter at the Old Bailey on Monday.',
  'The defendant admitted two counts of fraud.',
  'The minister insisted on a recount.',
  'The car slammed into a wall on the M6.',
  'The door was slammed shut.',
  'The rocket blasted off from Cape Canaveral on Thursday.',
  'The Conservatives conceded defeat in the by-election.',
  'Arsenal conceded a goal in the 89th minute.',
  'The goalkeeper conceded three times in the first half.',
  'The town boasts a 12th-century castle and a Michelin-starred restaurant.',
  'The company boasts more than 10 million users in Europe.',
  'Documents revealed that the company knew of the flaw.',
  'Russia asserted control over the port city of Mariupol in May.',
  'The volcano spewed ash over the island.',
  '"They claimed we were lying," said Maria Lopez.',
  // "Claim" as a noun (a determiner or possessive before it) or with an object; "boasted about" a number.
  'The prosecution disputed the claim, saying the evidence had been planted.',
  "Trump's claims of fraud were rejected by the courts.",
  'Parents can claim a religious exemption for their children.',
  'The club boasted about 300 members in its first year.',
  'The branch snapped under the weight of the snow.',
];

const knownGaps: KnownGaps = {
  mustFlag: [
    // loaded-verbs.yml excludes "insisted" before "on" (for "insisted on a recount"), which also drops the
    // common "insisted on Monday that ..."; "claimed on Tuesday that" is flagged.
    { text: 'Johnson insisted on Monday that the party had broken no rules.', flags: 'insisted', engine: [] },
  ],
  mustNotFlag: [],
};

describe('loaded-verb', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('suggests "said" for a verb of saying and "criticised" for a verb of attack', () => {
    expect(findingsOf(RULE, 'The minister claimed the figures were wrong.')[0].suggestions[0]).toBe('said');
    expect(findingsOf(RULE, 'Trump claims the election was stolen.')[0].suggestions[0]).toBe('says');
    const [slammed] = findingsOf(RULE, 'Labour slammed the government over waiting lists.');
    expect(slammed.suggestions[0]).toBe('criticised');
    expect(slammed.message).toContain('criticised');
  });

  it('suggests "talked" where the verb takes "about" or "of", which also fits after "has"', () => {
    expect(findingsOf(RULE, "The billionaire boasted about his company's record profits.")[0].suggestions).toEqual(['talked']);
    expect(findingsOf(RULE, 'China has boasted of its superior compassion.')[0].suggestions).toEqual(['talked']);
    expect(findingsOf(RULE, 'The senator whined about the coverage.')[0].suggestions).toEqual(['complained', 'talked']);
  });

  it('is a warning by default', () => {
    expect(findingsOf(RULE, 'The minister claimed the figures were wrong.')[0].severity).toBe('warning');
  });

  it('can be turned off in config', () => {
    const findings = lint('The minister claimed the figures were wrong.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  it('leaves alone a verb the newsroom allows', () => {
    expect(flagged(RULE, 'The minister claimed the figures were wrong.', 'plaintext', { allow: ['claimed'] })).toEqual([]);
  });
});
