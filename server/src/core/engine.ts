/**
 * The engine: prose blocks in, findings out. Each paragraph is parsed and analysed on its own, so
 * linting is linear in the document's size, and each paragraph's result is cached by its content,
 * so a re-lint after an edit analyses only the paragraphs the edit touched.
 */
import type { Root as NlcstRoot } from 'nlcst';
import retextEnglish from 'retext-english';
import { unified, type Processor } from 'unified';
import { VFile } from 'vfile';
import { isSignatureLine, modelParagraph, paragraphSentences, type Attribution, type AttributionVocabulary, type CarryState, type ParagraphModel } from './attribution';
import { resolveAttributions, type PlacedParagraph, type SourceAttribution } from './attribution/document';
import { resolveConfig, type CopydeskConfig } from './config';
import { readDirectives } from './directives';
import { dropHeadlineFiguresSourcedBelow } from './headline-figures';
import { PhraseMatcher, wordSet } from './phrase-matcher';
import { extractProse, type Block, type ChunkCache } from './prose';
import { ruleModule, RULES, ruleUrl } from './rules/index';
import type { RuleOptions } from './rules/options';
import { PARAGRAPH_CACHE_LIMIT } from './limits';
import { LineIndex } from './text-index';
import { SEVERITIES, type Finding, type Format, type RuleId, type Severity } from './types';
import { vocabulary, wordLists, type KnownSource, type LexiconEntry } from './vocabulary';
import { hasUpper } from './letters';

/** A finding in block offsets, before it is placed in the document. */
interface BlockFinding {
  ruleId: RuleId;
  start: number;
  end: number;
  message: string;
  suggestions: string[];
  note: string;
  /** The finding's own ceiling (see `Report.atMost`). */
  atMost?: Severity;
}

/** A rule's level, lowered to a finding's own ceiling where it has one. */
const capped = (level: Severity, atMost: Severity | undefined): Severity => (atMost !== undefined && SEVERITIES.indexOf(atMost) > SEVERITIES.indexOf(level) ? atMost : level);

/** The ceiling a rule set on one of its findings (`Report.atMost`), as `report` stores it on the message. */
const ceilingOf = (message: object): { atMost?: Severity } => {
  const atMost = (message as { copydeskAtMost?: Severity }).copydeskAtMost;
  return atMost ? { atMost } : {};
};

interface ParagraphResult {
  findings: BlockFinding[];
  attributions: Attribution[];
  carryOut: CarryState;
}

interface BlockData {
  block: Block;
  carryIn: CarryState;
}

const NO_CARRY: CarryState = { openQuote: false, speaker: null };
const OPENS_WITH_QUOTE = /^\s*["\u201c\u201e\u00ab\u2018']/u;

/**
 * What a block reads of what the one before passed on (a quotation still open, the last speaker): only a
 * paragraph that opens with a quotation mark, or that follows one ending on a speaker's colon, does, so a
 * change before any other cannot cost it a re-analysis.
 */
function carryInto(block: Block, carryFromBefore: CarryState, next?: Block): CarryState {
  // ... and a quotation paragraph reads whether the one below signs it ("- Ana Ruiz.").
  if (OPENS_WITH_QUOTE.test(block.text)) return next !== undefined && next.kind !== 'heading' && isSignatureLine(next.text) ? { ...carryFromBefore, signedBelow: 'named' } : carryFromBefore;
  // ... and a paragraph below one that ends "the mayor said:", which is the mayor's words, marks or not.
  if (carryFromBefore.introduces !== undefined && block.kind !== 'heading') return { ...NO_CARRY, introduces: carryFromBefore.introduces };
  return NO_CARRY;
}

// A list item "- Ana Ruiz." is how markdown reads a signature line under a quotation: its bullet is the signature's
// dash, right before the block at the start of its line (a few characters back at most, so a long line costs nothing).
const DASH_BULLET = /\n[ \t]{0,3}-[ \t]{1,4}$/u;

/** The block below as the signature test reads it: with its dash when markdown took the dash for a bullet. */
function blockBelow(source: string, next: Block | undefined): Block | undefined {
  if (next === undefined) return undefined;
  const before = source.slice(Math.max(0, next.start - 9), next.start);
  return DASH_BULLET.test(next.start <= 9 ? `\n${before}` : before) ? { ...next, text: `- ${next.text}` } : next;
}

/** Counters a host can read to see what the engine did (the LSP tests read `paragraphsAnalysed`). */
export interface LinterStats {
  paragraphsAnalysed: number;
  /** Characters handed to the markdown parser: linear in the drafts linted, whatever their shape (a regression test holds it so). */
  markdownCharactersParsed: number;
  cacheHits: number;
}

/** A linter for one configuration, with its own paragraph cache. */
export interface Linter {
  readonly config: CopydeskConfig;
  readonly stats: LinterStats;
  lint(text: string, format: Format): Finding[];
  /** Who is cited for what in a draft, in document order: the model every rule reads. */
  attribute(text: string, format: Format): SourceAttribution[];
  /** The findings and the attributions of a draft, from one pass (for the sourcing report). */
  sourcing(text: string, format: Format): { findings: Finding[]; sources: SourceAttribution[] };
}

/** Builds a linter for a configuration. Reuse it across lints to benefit from the paragraph cache. */
export function createLinter(partial?: Partial<CopydeskConfig>): Linter {
  const config = resolveConfig(partial);
  const severities = new Map<RuleId, Severity>();
  for (const rule of RULES) {
    const chosen = config.rules[rule.id] ?? rule.defaultSeverity;
    if (chosen !== 'off') severities.set(rule.id, chosen);
  }
  const pipeline = buildPipeline(config, [...severities.keys()]);
  const cache = new Map<string, ParagraphResult>();
  const chunkCache: ChunkCache = new Map();
  const stats: LinterStats = { paragraphsAnalysed: 0, cacheHits: 0, markdownCharactersParsed: 0 };

  const analyse = (block: Block, carryFromBefore: CarryState, next: Block | undefined): ParagraphResult => {
    const carryIn = carryInto(block, carryFromBefore, next);
    const cacheKey = `${carryIn.openQuote ? 1 : 0}${carryIn.speaker ?? '-'}${carryIn.introduces ?? '-'}${carryIn.signedBelow ?? '-'}|${block.kind}|${block.citations.join(';')}|${block.text}`;
    const cached = cache.get(cacheKey);
    if (cached) {
      stats.cacheHits++;
      return cached;
    }
    stats.paragraphsAnalysed++;
    const file = runBlock(pipeline, block, carryIn);
    const result: ParagraphResult = {
      findings: file.messages.map((message) => ({
        ruleId: message.ruleId as RuleId,
        start: message.place && 'start' in message.place ? (message.place.start.offset ?? 0) : 0,
        end: message.place && 'end' in message.place ? (message.place.end.offset ?? 0) : 0,
        message: message.reason,
        suggestions: (message.expected as string[] | undefined) ?? [],
        note: message.note ?? '',
        ...ceilingOf(message),
      })),
      attributions: (file.data.copydeskModel as ParagraphModel).attributions,
      carryOut: (file.data.copydeskModel as ParagraphModel).carryOut,
    };
    if (cache.size >= PARAGRAPH_CACHE_LIMIT) cache.clear();
    cache.set(cacheKey, result);
    return result;
  };

  // `withSources`: only the sourcing report reads who is cited; a plain lint skips building that list.
  const run = (text: string, format: Format, withSources: boolean): { findings: Finding[]; sources: SourceAttribution[] } => {
      const prose = extractProse(text, format, chunkCache, stats);
      const lines = new LineIndex(text);
      const suppressions = readDirectives(text, prose.comments, lines);
      const findings: Finding[] = [];
      const place = (ruleId: Finding['ruleId'], severity: Severity, offset: number, endOffset: number, rest: Pick<Finding, 'message' | 'suggestions' | 'note'>): Finding => ({
        ruleId,
        severity,
        message: rest.message,
        offset,
        endOffset,
        start: lines.positionAt(offset),
        end: lines.positionAt(endOffset),
        actual: text.slice(offset, endOffset),
        suggestions: rest.suggestions,
        note: rest.note,
        url: ruleUrl(ruleId),
      });

      const placed: PlacedParagraph[] = [];
      const headings: Array<[number, number]> = [];
      const body: Array<[number, number]> = [];
      let carry = NO_CARRY;
      for (const [index, block] of prose.blocks.entries()) {
        (block.kind === 'heading' ? headings : body).push([block.start, block.start + block.text.length]);
        const result = analyse(block, carry, blockBelow(text, prose.blocks[index + 1]));
        carry = result.carryOut;
        if (withSources && result.attributions.length > 0) placed.push({ start: block.start, attributions: result.attributions });
        for (const finding of result.findings) {
          const offset = block.start + finding.start;
          if (suppressions.isSuppressed(finding.ruleId, offset)) continue;
          findings.push(place(finding.ruleId, capped(severities.get(finding.ruleId) ?? 'warning', finding.atMost), offset, block.start + finding.end, finding));
        }
      }
      for (const problem of suppressions.problems) {
        findings.push(place('copydesk-directive', 'warning', problem.offset, problem.endOffset, { message: problem.message, suggestions: [], note: 'Directives name rule ids exactly as `copydesk rules` lists them.' }));
      }
      findings.sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset || a.ruleId.localeCompare(b.ruleId) || a.message.localeCompare(b.message));
      return { findings: dropHeadlineFiguresSourcedBelow(findings, text, headings, body), sources: withSources ? resolveAttributions(text, placed) : [] };
  };

  return {
    config,
    stats,
    lint: (text, format) => run(text, format, false).findings,
    attribute: (text, format) => run(text, format, true).sources,
    sourcing: (text, format) => run(text, format, true),
  };
}

/**
 * The attribution model of each prose block of a draft, in order, as the rules see it: for tests and tools
 * that ask the model's questions (`isAttributed`, `speakerOf`...) directly. No rule runs.
 */
export function paragraphModels(text: string, format: Format, partial?: Partial<CopydeskConfig>): ParagraphModel[] {
  const pipeline = buildPipeline(resolveConfig(partial), []);
  const models: ParagraphModel[] = [];
  let carry = NO_CARRY;
  const blocks = extractProse(text, format, new Map()).blocks;
  for (const [index, block] of blocks.entries()) {
    const model = runBlock(pipeline, block, carryInto(block, carry, blockBelow(text, blocks[index + 1]))).data.copydeskModel as ParagraphModel;
    models.push(model);
    carry = model.carryOut;
  }
  return models;
}

/**
 * What runs on each prose block: unified with retext-english parses it, then the transformers run in order
 * (the attribution model first, then each enabled rule). They are called here directly rather than through
 * unified's `runSync`: each is synchronous and returns nothing, so the pipeline's machinery for async
 * transformers and replaced trees did nothing for them but cost a few percent of the lint.
 */
interface Pipeline {
  parser: Processor<NlcstRoot>;
  transformers: Array<(tree: NlcstRoot, file: VFile) => void>;
}

/** Runs the pipeline (the attribution model, then the rules) on one prose block. */
function runBlock(pipeline: Pipeline, block: Block, carryIn: CarryState): VFile {
  const file = new VFile({ value: block.text });
  file.data.copydeskBlock = { block, carryIn } satisfies BlockData;
  runWithoutMessageStacks(() => {
    const tree = pipeline.parser.parse(file);
    for (const transformer of pipeline.transformers) transformer(tree, file);
  });
  return file;
}

/**
 * Runs the pipeline with stack capture off: rules report through vfile messages, which are Errors, and
 * capturing a stack for each of them cost a twentieth of the lint. A real exception is thrown again
 * with its stack, by running the paragraph once more with capture on.
 */
function runWithoutMessageStacks(pipeline: () => void): void {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    pipeline();
    return;
  } catch {
    // Fall through to the run that keeps the stack.
  } finally {
    Error.stackTraceLimit = limit;
  }
  pipeline();
}

function lexiconMatcher(entries: LexiconEntry[]): PhraseMatcher<LexiconEntry> {
  return new PhraseMatcher(entries.map((entry) => ({ phrases: [entry.term, ...entry.forms], item: entry, caseSensitive: entry.caseSensitive })));
}

/**
 * Matchers over the built-in lists, built once and shared by every linter whose configuration adds
 * nothing to those lists: a host builds a linter per configuration, and each would otherwise hold its
 * own copy of the same word tries.
 */
const sharedMatchers = new Map<string, PhraseMatcher<never>>();
function shared<T>(name: string, build: () => PhraseMatcher<T>): PhraseMatcher<T> {
  let matcher = sharedMatchers.get(name) as PhraseMatcher<T> | undefined;
  if (!matcher) {
    matcher = build();
    sharedMatchers.set(name, matcher as PhraseMatcher<never>);
  }
  return matcher;
}

function knownSourcesMatcher(extraSources: string[]): PhraseMatcher<KnownSource> {
  return new PhraseMatcher<KnownSource>([
    ...wordLists.knownSources.map((source) => ({ phrases: [source.name], item: source, caseSensitive: true })),
    // An abbreviation ("WHO", "UN") is only a source in capitals; lower-case variants match in any case.
    ...wordLists.knownSources.map((source) => ({ phrases: source.forms.filter((form) => hasUpper(form)), item: source, caseSensitive: true })),
    ...wordLists.knownSources.map((source) => ({ phrases: source.forms.filter((form) => !hasUpper(form)), item: source })),
    ...extraSources.map((name) => ({ phrases: [name], item: { name, forms: [], kind: 'config' } satisfies KnownSource })),
  ]);
}

const englishParser = unified().use(retextEnglish).freeze() as unknown as Processor<NlcstRoot>;

function buildPipeline(config: CopydeskConfig, enabled: RuleId[]): Pipeline {
  const extraTerms: LexiconEntry[] = config.loadedTerms.map((term) => ({
    term: term.term,
    forms: term.forms,
    alternatives: term.alternatives,
    reason: term.reason,
    source: 'this project\'s .copydesk.yml',
    notFollowedBy: [],
    notPrecededBy: [],
    caseSensitive: false,
  }));
  const options: RuleOptions = {
    loadedTerms: extraTerms.length === 0 ? shared('loadedTerms', () => lexiconMatcher(wordLists.loadedTerms)) : lexiconMatcher([...wordLists.loadedTerms, ...extraTerms]),
    loadedVerbs: shared('loadedVerbs', () => lexiconMatcher(wordLists.loadedVerbs)),
    editorializing: shared('editorializing', () => lexiconMatcher(wordLists.editorializing)),
    allowed: wordSet(config.allow),
    notFigures: wordSet(config.notFigures),
    requireAnonymityReason: config.requireAnonymityReason,
  };
  const attributionVocabulary: AttributionVocabulary = {
    // Later groups win where a phrase is on two lists: a reporting verb is read everywhere.
    reportingVerbs: shared('reportingVerbs', () =>
      new PhraseMatcher<'verb' | 'quotation' | 'evidence' | 'intention'>([
        { phrases: vocabulary.intention_verbs.words, item: 'intention', caseSensitive: true },
        { phrases: vocabulary.evidence_verbs.words, item: 'evidence', caseSensitive: true },
        { phrases: vocabulary.quotation_verbs.words, item: 'quotation', caseSensitive: true },
        { phrases: vocabulary.reporting_verbs.words, item: 'verb', caseSensitive: true },
      ]),
    ),
    knownSources: config.sources.length === 0 ? shared('knownSources', () => knownSourcesMatcher([])) : knownSourcesMatcher(config.sources),
    anonymousSources: shared('anonymousSources', () => new PhraseMatcher([{ phrases: vocabulary.anonymous_sources.words, item: 'anonymous' }])),
    speechActs: shared('speechActs', () => new PhraseMatcher([{ phrases: vocabulary.speech_acts.words, item: 'act', caseSensitive: true }])),
    speechNouns: shared('speechNouns', () => new PhraseMatcher([{ phrases: vocabulary.speech_nouns.words, item: 'noun', caseSensitive: true }, { phrases: vocabulary.plan_nouns.words, item: 'plan', caseSensitive: true }])),
  };
  return { parser: englishParser, transformers: [attributionPlugin(attributionVocabulary), ...enabled.map((id) => ruleModule(id).create(options))] };
}

/** The first plugin of the pipeline: builds the paragraph's attribution model for the rules. */
function attributionPlugin(vocab: AttributionVocabulary) {
  return (tree: NlcstRoot, file: VFile): void => {
    const { block, carryIn } = file.data.copydeskBlock as BlockData;
    file.data.copydeskModel = modelParagraph(block.text, paragraphSentences(tree, block.text), block.citations, block.kind === 'blockquote', carryIn, vocab);
  };
}
