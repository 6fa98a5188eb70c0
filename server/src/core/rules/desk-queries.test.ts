/**
 * What a wire-service copy desk would and would not send back, class by class (issue 16), as paragraphs of our
 * own writing: each flagged case beside the quiet one that differs from it in the one thing that matters.
 */
import { describe, expect, it } from 'vitest';
import { lint } from '../index';

const rulesIn = (text: string): string[] => lint(text, { format: 'plaintext' }).map((finding) => `${finding.ruleId}: ${finding.actual}`);

const cases: Array<{ klass: string; flagged: string; expected: string; quiet: string }> = [
  { klass: 'hidden source: "it was revealed"', flagged: 'It was revealed that the mayor had met the developer twice.', expected: 'unattributed-claim: It was revealed', quiet: 'It was revealed by the county audit that the mayor had met the developer twice.' },
  { klass: 'hidden source: "it emerged"', flagged: 'It emerged that the mayor had met the developer twice.', expected: 'unattributed-claim: It emerged that', quiet: 'Ruiz said it emerged that the mayor had met the developer twice.' },
  { klass: 'hidden source: "much has been made of"', flagged: 'Much has been made of the mayor’s ties to the developer.', expected: 'unattributed-claim: Much has been made of', quiet: 'The council has made much of the mayor’s ties to the developer, Ruiz said.' },
  { klass: 'hidden source: "questions remain"', flagged: 'Questions remain about the mayor’s ties to the developer.', expected: 'unattributed-claim: Questions remain about', quiet: 'Questions remain about the mayor’s ties to the developer, the auditor wrote in her report.' },
  { klass: 'the reporter’s inference: "in a clear sign that"', flagged: 'In a clear sign that the deal is dead, the mayor left the talks early.', expected: 'editorializing: In a clear sign that', quiet: '“It is a clear sign that the deal is dead,” Ruiz said after the mayor left the talks early.' },
  { klass: 'the reporter’s inference: "a move widely seen as"', flagged: 'The mayor cut the library budget, a move widely seen as revenge on the council.', expected: 'unattributed-claim: a move widely seen as', quiet: 'The mayor cut the library budget, a move the council called revenge.' },
  { klass: 'the reporter’s inference: "even acknowledged"', flagged: 'The mayor even acknowledged that the plan was late.', expected: 'editorializing: even acknowledged', quiet: 'The mayor acknowledged that the plan was late.' },
  { klass: 'loaded label: "secretive"', flagged: 'The secretive planning board met again on Tuesday.', expected: 'loaded-term: secretive', quiet: 'Ruiz called the planning board “secretive” after it met again on Tuesday.' },
  { klass: 'neutral sense: "lying" as the charge', flagged: 'The mayor is lying about the budget.', expected: 'loaded-term: lying', quiet: 'The aide pleaded guilty to lying to investigators about the budget.' },
  { klass: 'neutral sense: "terrorist" of an act', flagged: 'The terrorist was sentenced on Monday.', expected: 'loaded-term: terrorist', quiet: 'The police raised the threat of terrorist activity around the stadium on Monday, the ministry said.' },
];

describe('what a copy desk sends back, class by class', () => {
  for (const { klass, flagged, expected, quiet } of cases) {
    it(klass, () => {
      expect(rulesIn(flagged)).toContain(expected);
      expect(rulesIn(quiet).filter((found) => found.startsWith(expected.split(':')[0]))).toEqual([]);
    });
  }
});
