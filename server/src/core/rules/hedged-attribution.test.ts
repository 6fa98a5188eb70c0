import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'hedged-attribution';

// A hedge standing in for a source.
const mustFlag: FlagCase[] = [
  { text: 'The man allegedly stole the car from a petrol station in Croydon.', flags: 'allegedly' },
  // The leaders are the subject of the hedge, not its source.
  { text: 'Church leaders reportedly announced a plan on Friday to split over same-sex marriage.', flags: 'reportedly' },
  { text: 'The two men allegedly ran a fraud that cost pensioners millions of pounds.', flags: 'allegedly' },
  { text: 'The suspect allegedly fired at officers before fleeing in a stolen car.', flags: 'allegedly' },
  { text: 'The minister reportedly offered to resign twice last year.', flags: 'reportedly' },
  { text: 'Ronaldo is reportedly set to earn 200 million euros a year in Saudi Arabia.', flags: 'reportedly' },
  { text: 'The coach reportedly told players in the dressing room that he would quit.', flags: 'reportedly' },
  {
    text: 'North Korea has conducted three separate rounds of missile firings since last week, apparently in protest of the United States sending naval vessels to South Korea.',
    flags: 'apparently',
  },
  { text: 'Troops were sent to the border on Sunday, ostensibly to deter smuggling.', flags: 'ostensibly' },
  { text: 'The striker was dropped for the derby, seemingly as punishment for his outburst after the cup defeat.', flags: 'seemingly' },
  { text: 'The herbal remedy supposedly cures the disease in a matter of weeks.', flags: 'supposedly' },
  { text: 'A letter purportedly written by the rebel commander was posted online on Sunday.', flags: 'purportedly' },
  { text: 'The ship was allegedly carrying weapons, and police said they had boarded it off Crete.', flags: 'allegedly' },
  { text: 'Police arrested a 34-year-old man on Monday. He allegedly stole the car from a petrol station.', flags: 'allegedly' },
  { text: 'Reportedly, the two leaders did not speak during the dinner.', flags: 'Reportedly' },
];

// The same claims with a source for them, or the hedge in the speaker's own words.
const mustNotFlag: string[] = [
  'The man allegedly stole the car, police said.',
  'The man allegedly stole the car from a petrol station in Croydon, Metropolitan Police said.',
  'Prosecutors said the two men allegedly ran a fraud that cost pensioners millions of pounds.',
  'Police said the suspect allegedly fired at officers before fleeing in a stolen car.',
  'According to the indictment, the pair allegedly laundered $40 million through shell companies in Cyprus.',
  'The minister reportedly offered to resign twice last year, according to The Times.',
  'Ronaldo is reportedly set to earn 200 million euros a year, Spanish newspaper Marca said.',
  "The missiles were apparently fired from a site near Pyongyang, South Korea's Joint Chiefs of Staff said.",
  'The broadcaster is ostensibly independent of the state, Reporters Without Borders said in a report on Monday.',
  '"He apparently thought nobody would notice," said Detective Inspector Sarah Cole.',
  'The striker said he was seemingly the last to know about the transfer.',
  'The minister offered to resign twice last year, The Times reported.',
  'He allegedly stole the car, according to court documents seen by Reuters.',
  'The allegations against the coach were dropped on Monday.',
  'The apparent suicide of the financier is being investigated by the FBI.',
  'The man allegedly stole the car, a police spokesman told Reuters.',
  'The ship was allegedly carrying weapons, the coastguard told AFP.',
];

const knownGaps: KnownGaps = {
  mustFlag: [
    // Deliberately not flagged: apparently, ostensibly and seemingly mean "evidently" as often as "someone says",
    // and flagging them everywhere cost precision on neutral prose; the engine flags them only before a motive
    // ("apparently in protest", "ostensibly to deter"). Kept here as the cases a broader rule would catch.
    { text: 'The hospital apparently ran out of oxygen on Saturday night.', flags: 'apparently', engine: [] },
    { text: 'The broadcaster is ostensibly independent of the state.', flags: 'ostensibly', engine: [] },
    { text: 'The striker was seemingly unaware that he had been substituted.', flags: 'seemingly', engine: [] },
  ],
  mustNotFlag: [
  ],
};

describe('hedged-attribution', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is information by default', () => {
    const [finding] = findingsOf(RULE, 'The minister reportedly offered to resign twice last year.');
    expect(finding.severity).toBe('information');
    expect(finding.message).toContain('reportedly');
  });

  it('a source in the next paragraph does not cover the hedge', () => {
    const text = 'The man allegedly stole the car.\n\nPolice said he was arrested on Monday.';
    expect(flagged(RULE, text)).toEqual(['allegedly']);
  });

  it('can be turned off in config', () => {
    const findings = lint('The man allegedly stole the car.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
