import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'unfilled-placeholder';

// The newsroom's marks for what is still to come.
const mustFlag: FlagCase[] = [
  { text: 'The fire killed TK people, the fire service said.', flags: 'TK' },
  { text: 'The death toll rose to TK on Tuesday.', flags: 'TK' },
  { text: 'Smith, TK, was arrested at his home in Leeds.', flags: 'TK' },
  { text: 'TK, a spokesman for the ministry, said the talks would continue.', flags: 'TK' },
  { text: 'The bill passed by TK votes to TK.', flags: 'TK' },
  { text: 'The minister resigned on TKTK after the report was published.', flags: 'TKTK' },
  { text: 'The club was founded in TKTKTK by a group of railway workers.', flags: 'TKTKTK' },
  { text: 'The drug cuts the risk of a second stroke by a third [SOURCE].', flags: '[SOURCE]' },
  { text: 'The tribunal ruled against the government in March [source].', flags: '[source]' },
  { text: '[TK] The president will visit Warsaw next week.', flags: '[TK]' },
  { text: 'Revenue fell for a third straight quarter [CHECK].', flags: '[CHECK]' },
  { text: 'Prices rose sharply in the spring [SOURCE NEEDED].', flags: '[SOURCE NEEDED]' },
  { text: 'Sales fell 4% in the quarter [CONFIRM].', flags: '[CONFIRM]' },
];

// TK inside words and names, lower case, and ordinary brackets.
const mustNotFlag: string[] = [
  'Tyson Fury won by TKO in the sixth round.',
  'Atkins resigned as chairman of the trust on Friday.',
  'The scam used websites ending in .tk, the domain of Tokelau.',
  'Thyssenkrupp, which trades under the ticker TKA in Frankfurt, cut its forecast.',
  'The source said the talks had stalled over the price.',
  'The court heard the phrase "check the source" appeared in internal emails.',
  'The Atkinson report [published in 2019] found no wrongdoing.',
  'Checkpoint Charlie was the best-known crossing between East and West Berlin.',
  'Sources [at the ministry] said the plan would be published on Friday.',
  'Prices rose 4% in the quarter [1].',
  'The minister was sacked in a reshuffle in 2021.',
  'Kirk Douglas starred in the 1960 film Spartacus.',
  'TJX, which owns TK Maxx, raised its profit forecast on Wednesday.',
];

const knownGaps: KnownGaps = {
  mustFlag: [],
  mustNotFlag: [
  ],
};

describe('unfilled-placeholder', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is information by default', () => {
    const [finding] = findingsOf(RULE, 'The fire killed TK people.');
    expect(finding.severity).toBe('information');
    expect(finding.message).toContain('TK');
  });

  it('flags every mark, once each', () => {
    expect(flagged(RULE, 'The bill passed by TK votes to TK [CHECK].')).toEqual(['TK', 'TK', '[CHECK]']);
    expect(flagged(RULE, 'The death toll rose to [TK] on Tuesday.')).toEqual(['[TK]']);
  });

  it('can be turned off in config', () => {
    const findings = lint('The fire killed TK people.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});
