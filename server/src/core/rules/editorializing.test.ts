import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone } from './test-helpers';

const RULE = 'editorializing';

// The reporter's opinion in reported fact (every word is in data/editorializing.yml).
const mustFlag: FlagCase[] = [
  { text: 'The government has clearly failed to meet its housing target.', flags: 'clearly' },
  { text: 'The ceasefire clearly held overnight, with no shelling reported on either side.', flags: 'clearly' },
  { text: 'The move is obviously intended to appease backbench MPs.', flags: 'obviously' },
  { text: 'Needless to say, the club will appeal against the decision.', flags: 'Needless to say' },
  { text: 'Conveniently, the bank did not disclose the losses until after the vote.', flags: 'Conveniently' },
  { text: 'The flight was, inevitably, delayed by the strike.', flags: 'inevitably' },
  { text: 'Regrettably, the boy died before paramedics arrived.', flags: 'Regrettably' },
  { text: 'Ominously, the talks collapsed on Friday.', flags: 'Ominously' },
  { text: 'Fortunately, the fire was put out before it reached the fuel tanks.', flags: 'Fortunately' },
  { text: 'Sadly, the museum will close next year.', flags: 'Sadly' },
  { text: 'The notorious gang leader was extradited to the United States.', flags: 'notorious' },
  { text: 'The prison is infamous for its treatment of political detainees.', flags: 'infamous' },
  { text: 'The attack was a blatant violation of the ceasefire.', flags: 'blatant' },
  { text: 'The brazen robbery took place in broad daylight.', flags: 'brazen' },
  { text: 'Tellingly, the report makes no mention of the minister.', flags: 'Tellingly' },
  { text: 'Incredibly, no one was hurt in the crash.', flags: 'Incredibly' },
  { text: 'Predictably, the opposition voted against the budget.', flags: 'Predictably' },
  { text: 'It should be noted that the company has never made a profit.', flags: 'It should be noted that' },
  { text: 'The ruling is undeniably the most important in a generation.', flags: 'undeniably' },
  { text: 'Shockingly, the hospital had no working defibrillator.', flags: 'Shockingly' },
  { text: 'Undoubtedly, the result will put pressure on the coach.', flags: 'Undoubtedly' },
  { text: 'The shelling continued overnight, the notorious Wagner group said.', flags: 'notorious' },
  { text: "The crash was the worst in the airline's history, the notoriously secretive company said.", flags: 'notoriously' },
  // Added after error analysis on the labelled news sets (issue 3).
  { text: 'The minister brilliantly outmanoeuvred his rivals.', flags: 'brilliantly' },
  { text: 'The council has presumably spent the money on roads.', flags: 'presumably' },
  { text: 'Frankly, the plan was never going to work.', flags: 'Frankly' },
  { text: 'The company gleefully announced record profits.', flags: 'gleefully' },
  { text: 'The delay in paying the victims was inexcusable.', flags: 'inexcusable' },
  { text: 'Make no mistake: the council has no plan to pay for the new bridge.', flags: 'Make no mistake' },
  { text: 'The sheer scale of the overspend has alarmed the auditors.', flags: 'sheer' },
  { text: 'The ministry clumsily tried to play down the size of the leak.', flags: 'clumsily' },
  { text: 'Police shot the crazed gunman after a standoff lasting two hours.', flags: 'crazed' },
  { text: 'Ministers have dithered for a decade; we need to build the reservoirs now.', flags: 'we need to' },
  { text: 'In my view, the council has failed its tenants.', flags: 'In my view' },
  { text: 'The response to the floods was nothing short of a failure of government.', flags: 'nothing short of' },
  // Verdicts that tell the reader how to feel (issue 16).
  { text: 'The disgusting conditions in the cells were photographed by inspectors.', flags: 'disgusting' },
  { text: 'The nauseating footage was shown to the jury on Monday.', flags: 'nauseating' },
  { text: 'The horrendous delays at the border are set to continue.', flags: 'horrendous' },
  { text: 'The hospital\u2019s dreadful record on infections led to the inquiry.', flags: 'dreadful' },
  { text: 'The abominable treatment of the tenants went on for years.', flags: 'abominable' },
  { text: 'The hideous tower will dominate the skyline.', flags: 'hideous' },
  { text: 'The monstrous cuts to the library budget were approved on Tuesday.', flags: 'monstrous' },
  { text: 'The awful performance in the second half cost the club its place.', flags: 'awful' },
  { text: 'The terrible decision to close the ward was made without consultation.', flags: 'terrible' },
  { text: 'The scheme failed miserably in its first year.', flags: 'miserably' },
  { text: 'The inquiry was atrociously run from the start.', flags: 'atrociously' },
];

// The same words inside a speaker's quotation or reported speech, and the neutral uses the list excludes.
const mustNotFlag: string[] = [
  '"Obviously we are disappointed," said Arsenal manager Mikel Arteta.',
  '"Unfortunately, we have to let people go," the chief executive told staff.',
  '"Tragically, the boy died before we could reach him," said paramedic Tom Hughes.',
  'The prime minister called the attack "shocking".',
  'The minister said the policy had clearly failed.',
  'Health Secretary Wes Streeting said the figures were deeply troubling.',
  'Police said the attack was a blatant act of terrorism.',
  'The coroner said the boy had tragically died before paramedics arrived.',
  'The summit of Everest was clearly visible from the camp.',
  'The judge asked the witness to speak clearly.',
  'Signs clearly marked the evacuation route.',
  'The vehicle was clearly seen on CCTV footage.',
  'The instructions were clearly written in English and Arabic.',
  'The change of course came after a revolt by backbench MPs.',
  'The couple have been happily married for 40 years.',
  'The talks collapsed on Friday.',
  'The boy died before paramedics arrived.',
  'The snow reflected a brilliant white light.',
  'She spoke frankly about her illness.',
  'The referee called a flagrant foul in the fourth quarter.',
  'The crowd waved wildly as the team bus passed.',
  // A speaker's verdict after "describe ... as" or "accused ... of" is theirs, not the reporter's.
  'Experts describe the allegation that the president would close churches and jail clergy as ludicrous.',
  'Others accused Sullivan of blatant copying.',
  // A stage name in Title Case is a name, not the reporter's judgement.
  'The Notorious B.I.G. was shot dead in Los Angeles in 1997.',
  'The road winds along the sheer cliffs above the harbour.',
  '"We should have acted sooner," the health minister said.',
  'The mayor argued that we cannot keep raising fares every January.',
  'The sheer face of the quarry was fenced off after the accident.',
  // Neutral senses and speakers' words beside the issue 16 entries.
  'Nurse Ella Byrne said the conditions on the ward were disgusting.',
  '\u201cIt was a terrible, terrible night,\u201d said Sam Ortiz, whose shop burned down.',
  'Parents of toddlers know the terrible twos well.',
  'The museum holds a plaster cast said to show the footprint of the abominable snowman.',
  'The mayor called the cuts monstrous and the delays horrendous.',
];

describe('editorializing', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag);

  it('is information by default and advises letting the facts carry it', () => {
    const [finding] = findingsOf(RULE, 'Regrettably, the boy died before paramedics arrived.');
    expect(finding.severity).toBe('information');
    expect(finding.message).toContain('Regrettably');
  });

  it('offers no replacement: the fix is to delete the word or attribute the view', () => {
    const [regrettably] = findingsOf(RULE, 'Regrettably, the boy died before paramedics arrived.');
    expect(regrettably.suggestions).toEqual([]);
    expect(regrettably.message).toContain('let the facts carry it');
  });

  it('can be turned off in config', () => {
    const findings = lint('Regrettably, the boy died.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  it('leaves alone a word the newsroom allows', () => {
    expect(flagged(RULE, 'Regrettably, the boy died.', 'plaintext')).toEqual(['Regrettably']);
    expect(flagged(RULE, 'Regrettably, the boy died.', 'plaintext', { allow: ['regrettably'] })).toEqual([]);
  });
});
