import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone, type KnownGaps } from './test-helpers';

const RULE = 'anonymous-source';

// Unnamed sources with no agency, no role and no reason for anonymity.
const mustFlag: FlagCase[] = [
  { text: 'Sources said the minister would resign on Friday.', flags: 'Sources' },
  { text: 'The striker has agreed personal terms with the club, sources said.', flags: 'sources' },
  { text: 'Officials said the talks had broken down late on Tuesday.', flags: 'Officials' },
  { text: 'Officials said on Sunday that at least 12 people had been killed in the blast.', flags: 'Officials' },
  { text: 'A source close to the president said he had no plans to step down.', flags: 'A source close to' },
  { text: 'The bank will cut 3,000 jobs by the end of the year, according to officials.', flags: 'officials' },
  { text: 'According to sources, the coach has already told his players he is leaving.', flags: 'sources' },
  { text: 'A senior official said the deal could be signed as early as next week.', flags: 'A senior official' },
  { text: 'An official said the death toll was expected to rise as rescuers reached remote villages.', flags: 'An official' },
  { text: 'Two sources said the prime minister had been briefed on the leak before the election.', flags: 'Two sources' },
  { text: 'Several sources told the BBC that the merger talks had stalled over price.', flags: 'Several sources' },
  { text: 'People familiar with the matter said the company was exploring a sale of its chip unit.', flags: 'People familiar with' },
  { text: 'An aide said the senator would not seek re-election in November.', flags: 'An aide' },
  { text: 'Insiders said the board had lost confidence in the chief executive.', flags: 'Insiders' },
  { text: 'The decision was taken after a heated cabinet meeting, an insider told the Guardian.', flags: 'an insider' },
  { text: 'Senior officials said the offensive had stalled east of Zaporizhzhia.', flags: 'Senior officials' },
];

// An agency, a role, an affiliation or a reason for anonymity; or no one used as a source at all.
const mustNotFlag: string[] = [
  'Pentagon officials said the strike had hit a weapons depot near Damascus.',
  'Two U.S. officials said the strike had hit a weapons depot near Damascus.',
  'Military officials said the strike had hit a weapons depot near Damascus.',
  'Israeli officials said the hostages had been moved to a tunnel in Khan Younis.',
  'White House officials said the president would sign the bill on Friday.',
  'Police officials said the suspect was arrested at his home in Leeds.',
  'Officials at the World Health Organization said the outbreak was under control.',
  'Officials from the European Commission said the fine would be announced on Monday.',
  'A spokesman for the ministry said the delegation would arrive on Tuesday.',
  'A Kremlin spokesman said Moscow had not received the proposal.',
  'A senior official, who spoke on condition of anonymity because they were not authorised to speak publicly, said the deal could be signed next week.',
  'Two people familiar with the matter, who requested anonymity because the talks are private, said the company was exploring a sale of its chip unit.',
  'Sources close to the president, who asked not to be named, said he had no plans to step down.',
  'Officials in Kherson said Russian shelling had cut power to the city overnight.',
  'Sources of funding for the new stadium include the city council and a Qatari investment fund.',
  'The officials met in Geneva on Tuesday for a third round of talks.',
  'Health Secretary Wes Streeting said officials were working through the night to restore the system.',
  '"Officials said nothing to us for three days," said Maria Lopez, whose son was on the ferry.',
];

const knownGaps: KnownGaps = {
  mustFlag: [],
  mustNotFlag: [
    // The previous sentence of the paragraph names whose spokesman this is (DESIGN: a short reference carries
    // a source named in the previous sentence); the engine only looks for "for the ministry" after the phrase.
    {
      text: 'The Ministry of Defence was asked about the report. A spokesman said the ministry did not comment on operational matters.',
      engine: ['A spokesman'],
    },
    { text: 'Tesla did not respond to a request for comment. A spokeswoman later said the company would issue a statement.', engine: ['A spokeswoman'] },
  ],
};

describe('anonymous-source', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag, knownGaps);

  it('is information by default and asks for a role and a reason', () => {
    const [finding] = findingsOf(RULE, 'Sources said the minister would resign on Friday.');
    expect(finding.severity).toBe('information');
    expect(finding.message).toMatch(/role/);
    expect(finding.url).toContain(RULE);
  });

  it('flags each unnamed source once per sentence', () => {
    expect(flagged(RULE, 'Officials said the talks had broken down, sources said.')).toHaveLength(1);
  });

  it('can be turned off in config', () => {
    const findings = lint('Sources said the minister would resign on Friday.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });
});

describe('anonymous-source with require_anonymity_reason', () => {
  const withRole = 'A senior administration official said the talks had stalled.';
  const withReason = 'A senior administration official, who spoke on condition of anonymity because the talks were private, said they had stalled.';
  const strict = { requireAnonymityReason: true };

  it('lets a role stand by default, as it always has', () => {
    expect(lint(withRole, { format: 'plaintext' }).map((finding) => finding.ruleId)).not.toContain('anonymous-source');
  });

  it('asks a source with a role for the reason too when the newsroom requires it, and not one that gives it', () => {
    const [finding] = lint(withRole, { format: 'plaintext', config: strict }).filter((found) => found.ruleId === 'anonymous-source');
    expect(finding.actual).toBe('official');
    expect(finding.message).toContain('say why the source cannot be named');
    expect(lint(withReason, { format: 'plaintext', config: strict }).map((found) => found.ruleId)).not.toContain('anonymous-source');
    expect(lint('Pentagon officials said the talks had stalled.', { format: 'plaintext', config: strict }).map((found) => found.actual)).toEqual(['officials']);
    // A role that describes a named speaker is no anonymous source.
    expect(lint('Ana Ruiz, a senior city official, said the talks had stalled.', { format: 'plaintext', config: strict })).toEqual([]);
  });
});

