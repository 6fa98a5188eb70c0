import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone } from './test-helpers';

const RULE = 'unattributed-claim';

// Vague groups with a belief or speech verb, agentless passives, and evidence no one is named as producing.
const mustFlag: FlagCase[] = [
  { text: 'Many believe the ceasefire will not hold.', flags: 'Many believe' },
  { text: 'Critics say the plan will fail.', flags: 'Critics say' },
  { text: 'SEOUL, July 25 - Critics say the talks with Pyongyang have failed.', flags: 'Critics say' },
  { text: 'Critics of the government say the election was rigged.', flags: 'Critics of the government say' },
  { text: 'Some opponents of the new runway argue it will double noise over west London.', flags: 'Some opponents of the new runway argue' },
  { text: 'Experts warn that the new variant could spread faster over the winter months.', flags: 'Experts warn' },
  { text: 'Observers note that turnout in the capital was unusually low.', flags: 'Observers note' },
  { text: 'Some analysts argue the central bank raised interest rates too late to tame inflation.', flags: 'Some analysts argue' },
  { text: 'Scientists have long argued that the Thwaites glacier is retreating faster than models predict.', flags: 'Scientists have long argued' },
  {
    text: 'North Korea and Russia, as well as Iran, make up the core alliance of anti-Western forces behind a powerful China, who many believe is making a play to oust the US as the global superpower.',
    flags: 'many believe',
  },
  { text: 'It is believed that the gunman acted alone.', flags: 'It is believed' },
  { text: 'The former defence minister is said to be furious about his demotion.', flags: 'is said to be' },
  { text: 'The suspect was thought to have fled to Spain on a false passport.', flags: 'was thought to have' },
  { text: 'The midfielder has been described as the best of his generation.', flags: 'has been described as' },
  { text: 'The senator is widely regarded as the frontrunner for the Democratic nomination.', flags: 'is widely regarded as' },
  { text: 'Studies show that children who skip breakfast do worse at school.', flags: 'Studies show' },
  {
    text: 'North Korea welcomed delegations from Russia and China on Tuesday, including one of the masterminds of the invasion of Ukraine, footage has shown.',
    flags: 'footage has shown',
  },
  { text: 'Polls show the incumbent trailing her challenger by a wide margin.', flags: 'Polls show' },
  { text: 'Polls show the incumbent trailing her challenger in every swing state.', flags: 'Polls show' },
  { text: 'Data show the economy shrank in the second quarter.', flags: 'Data show' },
  { text: 'Fears abound that North Korea might ramp up its weapons tests around the anniversary of the armistice.', flags: 'Fears abound that' },
  { text: 'There are fears that the dam could collapse if the rain continues into the weekend.', flags: 'There are fears that' },
  { text: 'Rumours abound that the manager will be sacked before Christmas.', flags: 'Rumours abound' },
  { text: 'Research suggests the drug cuts the risk of a second heart attack.', flags: 'Research suggests' },
  { text: 'Evidence suggests the fire started in the kitchen.', flags: 'Evidence suggests' },
  { text: 'It was widely thought the chancellor would scrap the fuel duty rise.', flags: 'It was widely thought' },
  // A speaker inside the passive's own complement is part of what is understood, not its source.
  { text: 'It is understood that prosecutors had asked for a harsher sentence.', flags: 'It is understood' },
];

// The same claims with someone behind them, in quotation marks, or with the study named.
const mustNotFlag: string[] = [
  "Most of the studio's films are now considered lost.",
  'Critics of the government, including the opposition leader Maria Lopez, say the election was rigged.',
  'Analysts at Goldman Sachs say the central bank will cut rates in June.',
  'Supporters of Alexei Navalny say he was poisoned on the orders of the Kremlin, a claim the Kremlin denies.',
  'Many residents of Kharkiv told Reuters they believe the ceasefire will not hold.',
  'Critics including Senator Jane Ortiz said the plan will fail.',
  'The plan will fail, said Jane Ortiz, a senator.',
  'Critics, including the Labour MP Diane Abbott, said the policy would hurt the poorest families.',
  'Most Americans believe the economy is getting worse, according to a Gallup poll published on Tuesday.',
  'Experts at the World Health Organization warned that the new variant could spread faster over the winter months.',
  'Economists at Goldman Sachs said the central bank raised interest rates too late to tame inflation.',
  '"Many believe this war will never end," said Olena Kovalenko, a teacher in Kharkiv.',
  'The gunman is believed by police to have acted alone.',
  'It is thought the gunman acted alone, a police spokesman said.',
  'The former defence minister is said by colleagues, including deputy leader Angela Rayner, to be furious about his demotion.',
  'The midfielder has been described by his manager, Pep Guardiola, as the best of his generation.',
  'The study showed that children who skip breakfast do worse at school.',
  'A 2019 study by researchers at the University of Bristol showed that children who skip breakfast do worse at school.',
  'Research published in The Lancet on Thursday suggests the drug cuts the risk of a second heart attack.',
  'Footage verified by Reuters showed Russian tanks crossing the border near Belgorod.',
  'Health Secretary Wes Streeting said there are fears that the strike could spread to other hospitals.',
  'Fears that the strike could spread grew on Monday after dockers in Rotterdam voted to walk out, union leaders said.',
  'Many of the 300 passengers were stranded overnight at Heathrow after the storm.',
  'Some 40 people were rescued from the rubble overnight, the fire service said.',
  'The campaign changed how people think about drink-driving, the transport minister said.',
  'It is thought the minister will resign before the summer, two of her aides said.',
  'Transport officials said on Monday it is thought the bridge will close for a month.',
  'Pollsters are still trying to explain why many voters say they are undecided.',
];

describe('unattributed-claim', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag);

  it('is a warning by default and says who should be named', () => {
    const [finding] = findingsOf(RULE, 'Critics say the plan will fail.');
    expect(finding.severity).toBe('warning');
    expect(finding.ruleId).toBe(RULE);
    expect(finding.message).toContain('Critics say');
    expect(finding.url).toContain(RULE);
  });

  it('places the finding exactly on the vague phrase', () => {
    const text = 'Prices rose again in May. Many believe the ceasefire will not hold.';
    const [finding] = findingsOf(RULE, text);
    expect(text.slice(finding.offset, finding.endOffset)).toBe('Many believe');
  });

  it('does not borrow a source from another paragraph', () => {
    const text = 'The plan will fail, said Jane Ortiz, a senator.\n\nCritics say the plan will fail.';
    expect(flagged(RULE, text)).toEqual(['Critics say']);
  });

  it('can be turned off in config', () => {
    const findings = lint('Critics say the plan will fail.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  it('takes a severity from config', () => {
    const [finding] = findingsOf(RULE, 'Critics say the plan will fail.', 'plaintext', { rules: { [RULE]: 'error' } });
    expect(finding.severity).toBe('error');
  });
});
