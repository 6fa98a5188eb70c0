import { describe, expect, it } from 'vitest';
import { createLinter, lint } from './index';

describe('engine', () => {
  it('re-analyses only the paragraphs an edit touched', () => {
    const linter = createLinter();
    const paragraphs = Array.from({ length: 20 }, (_, index) => `Paragraph ${index}: the regime said more than ${100 + index} people attended.`);
    linter.lint(paragraphs.join('\n\n'), 'plaintext');
    expect(linter.stats.paragraphsAnalysed).toBe(20);
    paragraphs[7] = 'Paragraph seven was rewritten by the dictator.';
    const findings = linter.lint(paragraphs.join('\n\n'), 'plaintext');
    expect(linter.stats.paragraphsAnalysed).toBe(21);
    expect(linter.stats.cacheHits).toBe(19);
    expect(findings.some((finding) => finding.actual === 'dictator')).toBe(true);
  });

  it('a quotation left open does not silence the next paragraph', () => {
    const findings = lint('He called it "a disgrace.\n\nThe dictator spoke.', { format: 'plaintext' });
    expect(findings.map((finding) => finding.actual)).toContain('dictator');
  });

  it('a quotation that runs over paragraphs keeps its speaker', () => {
    const text = '“We will not bow to the regime,” the opposition leader Maria Lopez said. “We have the people with us.\n\n“And the dictator knows it.”';
    expect(lint(text, { format: 'plaintext' }).filter((finding) => finding.ruleId === 'loaded-term' || finding.ruleId === 'unattributed-quote')).toEqual([]);
  });

  it('places a money figure exactly, even when the currency is a word', () => {
    const text = 'Americans are angry.\n\nIn fact, the council cut the police budget by one billion dollars.';
    const figure = lint(text, { format: 'plaintext' }).find((finding) => finding.ruleId === 'uncited-figure');
    expect(figure?.actual).toBe('one billion dollars');
    expect(text.slice(figure!.offset, figure!.endOffset)).toBe('one billion dollars');
  });

  it('returns findings in document order with ranges inside the text', () => {
    const text = 'Critics say the regime killed more than 300 people.\n\n"It was a massacre of the innocent people here," one said.';
    const findings = lint(text, { format: 'plaintext' });
    for (const [index, finding] of findings.entries()) {
      expect(finding.offset).toBeGreaterThanOrEqual(0);
      expect(finding.endOffset).toBeLessThanOrEqual(text.length);
      expect(text.slice(finding.offset, finding.endOffset)).toBe(finding.actual);
      if (index > 0) expect(finding.offset).toBeGreaterThanOrEqual(findings[index - 1].offset);
    }
  });

  it('names the source a pronoun refers to, within the story', () => {
    const text = 'Kim Jong-un maintains the armistice was a victory in what he calls a war.\n\nHe said so again.';
    const { sources } = createLinter().sourcing(text, 'plaintext');
    const pronouns = sources.filter((source) => source.kind === 'pronoun');
    expect(sources.find((source) => source.kind === 'named')?.speaker?.text).toBe('Kim Jong-un');
    expect(pronouns.map((source) => [source.speaker?.text, source.resolved])).toEqual([['he', 'Kim Jong-un'], ['He', 'Kim Jong-un']]);
  });
  it('finds the speaker before a long appositive that holds commas of its own', () => {
    const speakers = (text: string): string[] =>
      createLinter()
        .sourcing(text, 'plaintext')
        .sources.filter((source) => source.kind === 'named' || source.kind === 'organisation')
        .map((source) => source.speaker?.text ?? '');
    expect(speakers("Chris Roberts, the studio's director of graphics, tools and technologies, said the console was ready.")).toEqual(['Chris Roberts']);
    expect(speakers('James Ormrod, a psychologist who profiled the group in the journal "Psychoanalysis, Culture & Society", notes that it is small.')).toEqual(['James Ormrod']);
    // The name that opens the sentence speaks, not a name inside its description.
    expect(speakers('Ukraine, a country the size of France, Germany and Italy, says it needs more arms.')).toEqual(['Ukraine']);
    // "said to be" after an appositive is a participle; an opening place is not a speaker.
    expect(speakers('Moscow, the capital, a city of twelve million, said to be the largest in Europe, hosted the parade.')).toEqual([]);
    expect(speakers('In Moscow, the capital of Russia, said to be a fortress, officials gathered.')).toEqual([]);
    // After a number, a determiner or a possessive, "states" and "claims" are nouns.
    expect(speakers('Four states will hold their primaries on Tuesday despite the outbreak.')).toEqual([]);
    expect(speakers('Their claims about the outbreak were false, the ministry said.')).toEqual(['the ministry']);
  });
  it('takes a headline figure as sourced when the story gives it with a source, and only then', () => {
    const figures = (text: string): string[] => lint(text, { format: 'markdown' }).filter((finding) => finding.ruleId === 'uncited-figure').map((finding) => finding.actual);
    const sourced = '# Storm Ciarán batters Europe, killing at least 16\n\nThe storm killed at least 16 people across western Europe, authorities said.\n';
    expect(figures(sourced)).toEqual([]);
    const words = '# Nearly five million died in the Korean War\n\nNearly five million people died in the war, according to the US Department of Defense.\n';
    expect(figures(words)).toEqual([]);
    // The body never gives the number, or gives it with no source: the headline is flagged too.
    expect(figures('# Storm kills at least 16\n\nThe storm swept across western Europe on Thursday.\n')).toEqual(['kills at least 16']);
    expect(figures('# Storm kills at least 16\n\nThe storm killed at least 16 people on Thursday.\n')).toHaveLength(2);
    expect(figures('# Floods displace 1,600 in Pakistan\n\nThe floods displaced 1600 people, the disaster agency said.\n')).toEqual([]);
    // 16 is not 160.
    expect(figures('# Storm kills at least 16\n\nThe storm killed at least 160 cattle, farmers said.\n')).toEqual(['kills at least 16']);
  });
  it('reads a run-on "sentence" far longer than any real one in pieces, losing no word at their seams', () => {
    // 2,400 words and no sentence break: six pieces of MAX_SENTENCE_WORDS, which keeps the lint linear.
    const text = `${Array(1200).fill('the regime').join(' ')}.`;
    const findings = lint(text, { format: 'plaintext' });
    expect(findings).toHaveLength(1200);
    expect(findings.every((finding) => finding.ruleId === 'loaded-term' && text.slice(finding.offset, finding.endOffset) === 'regime')).toBe(true);
  });
});
