import { describe, expect, it } from 'vitest';
import { attribute, lint } from '../index';
import { seen, speakerOf } from './test-helpers';

describe('attribute(): who is cited for what', () => {
  it('gives the speaker, the cue and the reported words of indirect speech, in document order', () => {
    expect(seen('The mayor, Ana Ruiz, said the budget was balanced. She added that no cuts were needed.')).toEqual([
      { speaker: 'Ana Ruiz', resolved: 'Ana Ruiz', cue: 'said', kind: 'named', direct: false, content: ['the budget was balanced.'] },
      { speaker: 'She', resolved: 'Ana Ruiz', cue: 'added', kind: 'pronoun', direct: false, content: ['no cuts were needed.'] },
    ]);
  });

  it('keeps vague and anonymous sources, with their words, as such', () => {
    expect(seen('Critics say the plan will fail.')).toEqual([{ speaker: 'Critics', resolved: null, cue: 'say', kind: 'vague', direct: false, content: ['the plan will fail.'] }]);
    expect(seen('A senior official said the talks had stalled.').map((source) => [source.kind, source.resolved])).toEqual([['anonymous', null]]);
  });

  it('tells organisations and documents from people', () => {
    expect(seen('The health ministry said 40 clinics would close.')[0].kind).toBe('organisation');
    expect(seen('The audit found that 40 clinics had closed.')[0].kind).toBe('document');
  });

  it('gives a quotation to the speaker after it, however long their description', () => {
    const text = '“We cannot keep the doors open past March,” Ana Ruiz, who has run the bakery on the square for 30 years, said on Tuesday.';
    expect(seen(text)).toEqual([
      { speaker: 'Ana Ruiz', resolved: 'Ana Ruiz', cue: 'said', kind: 'named', direct: true, content: ['“We cannot keep the doors open past March,”'] },
    ]);
    expect(speakerOf('“It came out of nowhere,” Tomas Vidal, 44, said of the storm.', 'out of nowhere')).toBe('Tomas Vidal');
    expect(speakerOf('“I will not resign,” state Sen. Maria Lopez (D) said after the vote.', 'will not resign')).toBe('Maria Lopez');
    expect(speakerOf('“It was not a fair fight,” said former Gov. Luis Vidal.', 'a fair fight')).toBe('Luis Vidal');
    expect(speakerOf('“It was not a fair fight,” said pollster Ana Ruiz.', 'a fair fight')).toBe('Ana Ruiz');
    expect(speakerOf('But Tomas Vidal, the union’s treasurer, said the strike fund was empty.', 'strike fund')).toBe('Tomas Vidal');
  });

  it('reads the day after the verb as when, not as a speaker or as what was said', () => {
    expect(seen('“We are not sending troops,” Dana Whitfield, an adviser to the governor, said Sunday.')).toEqual([
      { speaker: 'Dana Whitfield', resolved: 'Dana Whitfield', cue: 'said', kind: 'named', direct: true, content: ['“We are not sending troops,”'] },
    ]);
    expect(seen('“We are not sending troops,” Dana Whitfield said on Tuesday night.')[0].content).toEqual(['“We are not sending troops,”']);
    expect(seen('Whitfield said Sunday that no troops would go.')[0].content).toEqual(['no troops would go.']);
    // A day that opens a name is the name.
    expect(speakerOf('“We will rebuild,” said Sunday Adeyemi, a teacher.', 'rebuild')).toBe('Sunday Adeyemi');
  });

  it('gives a quotation to the name a description after it opens with, not to an office inside the description', () => {
    expect(speakerOf('“Wages may finally be rising,” the economist Lena Marsh, a former adviser in the White House, wrote on her blog.', 'finally be rising')).toBe('Lena Marsh');
    expect(speakerOf('“We will win this,” the mayor, a former aide at City Hall, said.', 'win this')).toBe('mayor');
  });

  it('gives a quotation signed with a dash and a name to that name, and a dash before other words to no one', () => {
    const text = '“The bus route was the only way my mother got to work.” ― Rosa Delgado\n“Nobody asked the riders.” — Tomas Vidal.';
    expect(seen(text).map((source) => [source.speaker, source.cue, source.content])).toEqual([
      ['Rosa Delgado', '―', ['“The bus route was the only way my mother got to work.”']],
      ['Tomas Vidal', '—', ['“Nobody asked the riders.”']],
    ]);
    const unsigned = 'The route stayed open “for the riders” - and then it closed.';
    expect(speakerOf(unsigned, 'for the riders')).toBeUndefined();
  });

  it('reads the whole phrase after "according to" as the source, and none of it as what the source said', () => {
    expect(seen('Bus fares rose 12 percent, according to a study last year by economists at Marlow University.')).toEqual([
      { speaker: 'a study', resolved: 'study', cue: 'according to', kind: 'document', direct: false, content: ['Bus fares rose 12 percent'] },
    ]);
    expect(speakerOf('Fares rose, according to economists at Marlow University.', 'Fares rose')).toBe('Marlow University');
    expect(seen('Fares rose, according to the Ministry of Transport.')[0].speaker).toBe('the Ministry of Transport');
  });

  it('gives a speaker the paraphrase a quotation of theirs ends, but not a quotation after a label', () => {
    const text = 'The early states hold only 4% of the delegates, while the later ones “better reflect the party,” Vidal wrote.';
    expect(seen(text)[0].content).toEqual(['The early states hold only 4% of the delegates, while the later ones “better reflect the party,”']);
    expect(lint(text, { format: 'plaintext' }).map((finding) => finding.ruleId)).not.toContain('uncited-figure');
    expect(seen('Floods: “We lost everything,” said Ana Ruiz.')[0].content).toEqual(['“We lost everything,”']);
  });

  it('gives the quotation after "said," to the same speaker, once', () => {
    const text = '“She promised me a meeting,” Okafor said, “Then she cancelled it twice. Nobody here believes her now.”';
    expect(seen(text)).toEqual([
      { speaker: 'Okafor', resolved: 'Okafor', cue: 'said', kind: 'named', direct: true, content: ['“She promised me a meeting,”', '“Then she cancelled it twice. Nobody here believes her now.”'] },
    ]);
    expect(seen('“She promised me a meeting,” Okafor said. “Then she cancelled it twice.”').map((source) => source.speaker)).toEqual(['Okafor']);
    expect(speakerOf('“It is like a race where one horse cheats,” the actor says of the contest.', 'one horse')).toBe('the actor');
  });

  it('leaves a capitalised quotation nobody owns alone as a possible title', () => {
    const text = 'The mayor read out a note titled “Why the Bus Route Must Close Before the Winter.” Then she left.';
    expect(lint(text, { format: 'plaintext' }).map((finding) => finding.ruleId)).not.toContain('unattributed-quote');
  });

  it('reads the paragraph below a speaker’s colon as their words, one paragraph only, and not a vague group’s', () => {
    const text = 'In a speech last July, Senator Ana Ruiz said:\n\nLet no one be mistaken: this plan is clearly a disaster for the valley.\n\nThe crowd clearly cheered.';
    expect(seen(text).map((source) => [source.resolved, source.direct, source.content])).toEqual([
      ['Ana Ruiz', false, []],
      ['Ana Ruiz', true, ['Let no one be mistaken: this plan is clearly a disaster for the valley.']],
    ]);
    // Her "clearly" is hers; the reporter's in the next paragraph is flagged.
    const flagged = lint(text, { format: 'plaintext' }).filter((finding) => finding.ruleId === 'editorializing');
    expect(flagged.map((finding) => finding.offset)).toEqual([text.lastIndexOf('clearly')]);
    const vague = 'Critics said:\n\nThe plan is clearly a disaster.';
    expect(lint(vague, { format: 'plaintext' }).map((finding) => finding.ruleId)).toEqual(expect.arrayContaining(['unattributed-claim', 'editorializing']));
    // A markdown heading below the colon is not the speaker's.
    expect(attribute('The mayor said:\n\n## The plan is clearly dead\n', { format: 'markdown' }).map((source) => source.content)).toEqual([[]]);
  });

  it('reads "they found that" as a source’s finding, and "they say" as no one', () => {
    expect(speakerOf('What is more, they found that the closures cut earnings by $213 a year.', '$213 a year')).toBe('they');
    expect(speakerOf('It estimated that 40 clinics had closed.', '40 clinics')).toBe('It');
    const weasel = 'They say the valley lost 2,000 jobs.';
    expect(speakerOf(weasel, '2,000 jobs')).toBeUndefined();
    expect(lint(weasel, { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('uncited-figure');
  });

  it('knows a quotation after a speaker touted something is theirs, and one after a plain fact is not', () => {
    const touted = 'Ruiz touted her record on buses. “We added 40 routes and cut every fare in the valley.”';
    expect(lint(touted, { format: 'plaintext' }).map((finding) => finding.ruleId)).not.toContain('unattributed-quote');
    const plain = 'The depot closed in March. “We added 40 routes and cut every fare in the valley.”';
    expect(lint(plain, { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('unattributed-quote');
  });

  it('reads "noting that" and "explaining" after a speaker as theirs', () => {
    expect(speakerOf('“The rule is old,” Ruiz added, noting that 60 percent of clerks qualified in 1975.', '60 percent')).toBe('Ruiz');
    expect(speakerOf('Ruiz spoke for an hour, explaining how the $120 million bond would be repaid.', '$120 million')).toBe('Ruiz');
  });

  it('reads an attribution set off by commas as the source of its whole sentence, and not a list of names', () => {
    const text = 'The trouble, Ruiz writes, began when the plant closed in 2019.';
    expect(seen(text)).toEqual([{ speaker: 'Ruiz', resolved: 'Ruiz', cue: 'writes', kind: 'named', direct: false, content: ['The trouble', 'began when the plant closed in 2019.'] }]);
    expect(seen('Ruiz, Vidal and Lopez met on Tuesday.')).toEqual([]);
  });

  it('gives a quotation to whoever follows "said" right after it, named or not', () => {
    const text = '“Her numbers have not moved in a month,” said a longtime adviser to the mayor, who asked not to be named.';
    expect(seen(text).map((source) => [source.kind, source.direct, source.content])).toEqual([['anonymous', true, ['“Her numbers have not moved in a month,”']]]);
    // Without the quotation, "said a" opens reported speech, not a speaker.
    expect(seen('The mayor said a deal was close.').map((source) => source.speaker)).toEqual(['The mayor']);
  });

  it('reads speech after a colon, to the end of the quotation it opens', () => {
    const text = 'Ruiz wrote on Facebook: “We are closing for good. Thank you all.” The bakery opened in 1994.';
    expect(speakerOf(text, 'Thank you all')).toBe('Ruiz');
    expect(speakerOf(text, 'opened in 1994')).toBeUndefined();
    expect(speakerOf('Sen. Maria Lopez (D-Ore.): "I have not seen those figures anywhere."', 'those figures')).toBe('Maria Lopez');
    // A speaker's label heading a line, as headlines write it; a line label or a draft note is no speaker.
    expect(speakerOf("Ruiz: the plant's closure is 'a betrayal'", 'closure')).toBe('Ruiz');
    expect(speakerOf("Update: the count is 'still going on' in three states.", 'the count')).toBeUndefined();
    expect(speakerOf("Intro: the mayor's plan fell apart.", 'plan fell apart')).toBeUndefined();
  });

  it('reads a name right before a colon that opens a quotation as its speaker, and a place there as none', () => {
    expect(speakerOf('The result did not surprise the pollster Rita Okafor: “Late deciders broke for the challenger.”', 'Late deciders')).toBe('Rita Okafor');
    expect(speakerOf('More from Okafor and Brandt: “Turnout was the story of the night.”', 'Turnout was')).toBe('Brandt');
    expect(speakerOf('Analysts were split - Rita Okafor: “Late deciders broke for the challenger.”', 'Late deciders')).toBe('Rita Okafor');
    // After "in", the name is a place: the quotation has no speaker and is still flagged.
    const place = 'The mood was grim in Des Moines: “We lost everything we had.”';
    expect(speakerOf(place, 'lost everything')).toBeUndefined();
    expect(lint(place, { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('unattributed-quote');
  });

  it('gives a quotation to the speaker who agreed in the sentence before it, unless that speaker is a vague group', () => {
    expect(speakerOf('The county clerk, Rita Okafor, agreed. “Nobody here has seen turnout like this before.”', 'Nobody here')).toBe('Rita Okafor');
    expect(speakerOf('“The plan works,” the two councillors state in their letter. “It saves the library.”', 'saves the library')).toBe('the two councillors');
    const vague = 'Most voters agreed. “It was the right call for the town.”';
    expect(speakerOf(vague, 'right call')).toBeUndefined();
    expect(lint(vague, { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('unattributed-quote');
    // Elsewhere "agreed" and "state" are ordinary words.
    expect(seen('The two sides agreed on a date. The state will pay for the bridge.')).toEqual([]);
  });

  it('reads verbs that attribute only beside a quotation, and leaves them alone elsewhere', () => {
    expect(speakerOf('“Well, let me put it this way,” he continued.', 'put it this way')).toBe('he');
    expect(speakerOf('“Who pays for it?” Vidal wondered aloud.', 'Who pays')).toBe('Vidal');
    expect(seen('The strike continued for three weeks.')).toEqual([]);
    expect(speakerOf('“This is fantastic!” beamed Tomas Vidal, who had queued since dawn.', 'fantastic')).toBe('Tomas Vidal');
  });

  it('carries a speaker on along a run of quotation, and to a paragraph that opens with a quotation', () => {
    const run = '“The plant gave this valley its name,” said Ana Ruiz, the mayor. “We will fight for every job.” “Every single one.”';
    expect(speakerOf(run, 'fight for every job')).toBe('Ana Ruiz');
    expect(speakerOf(run, 'Every single one')).toBe('Ana Ruiz');
    const paragraphs = 'Ana Ruiz, the mayor, said the plant must stay open.\n\n“We will fight for every job in this valley.”';
    expect(seen(paragraphs)[1]).toEqual({ speaker: null, resolved: 'Ana Ruiz', cue: null, kind: 'named', direct: true, content: ['“We will fight for every job in this valley.”'] });
    // A paragraph that ends on a colon hands its speaker to the quotation below it.
    expect(speakerOf('In a statement on Friday, Mayor Ana Ruiz wrote:\n\n“The plant will stay open as long as I hold this office.”', 'plant will stay open')).toBe('Ana Ruiz');
    expect(speakerOf('The council released the following statement:\n\n“The plant will stay open as long as we hold office.”', 'plant will stay open')).toBe('council');
    // A sentence of the reporter's own closes the paragraph before: the speaker is not carried over it.
    expect(speakerOf('Ana Ruiz said the plant must stay open. The plant closed in 2019.\n\n“We will fight for every job in this valley.”', 'every job')).toBeUndefined();
  });

  it('gives a quotation after background sentences to the paragraph’s only speaker, and to no one when there were two', () => {
    const one = 'Ana Ruiz said the plant must stay open. It employs most of the town. “We will fight for every job in this valley.”';
    expect(speakerOf(one, 'every job')).toBe('Ana Ruiz');
    const two = 'Ana Ruiz said the plant must stay open. Tomas Vidal said it must close. It employs most of the town. “We will fight for every job in this valley.”';
    expect(speakerOf(two, 'every job')).toBeUndefined();
  });

  it('gives a quotation inside a sentence to the subject of its clause, not to a noun the name qualifies', () => {
    expect(speakerOf('Ruiz is calling the closure “a betrayal of everyone who worked there”.', 'a betrayal')).toBe('Ruiz');
    expect(speakerOf('Former Lisbon Mayor Ana Ruiz, for her part, is calling the closure “a betrayal”.', 'a betrayal')).toBe('Ana Ruiz');
    expect(speakerOf("While Mayor Ana Ruiz has warned against ''a betrayal of the valley'', the plant closed.", 'betrayal of the valley')).toBe('Ana Ruiz');
    expect(speakerOf('Ruiz’s letter makes the case: “Nobody here was asked about the closure at all.”', 'Nobody here')).toBe('Ruiz');
    // A participle's speaker is the subject of the clause before it, not the sentence's opening words.
    expect(speakerOf('Amid calls for a boycott, the Gazette’s Ana Ruiz wrote a reply, saying it was time to “name the owners and shame them”.', 'name the owners')).toBe('Ana Ruiz');
    expect(speakerOf('As prosecutor Tomas Vidal put it, “there was not much to charge them with at the time.”', 'not much to charge')).toBe('Tomas Vidal');
    expect(speakerOf('Ana Ruiz, the former mayor, proposed that the town “buy the plant and run it ourselves”.', 'buy the plant')).toBe('Ana Ruiz');
    expect(speakerOf('The town was quiet, even if Vidal called the decision “a disgrace”.', 'a disgrace')).toBe('Vidal');
    expect(speakerOf('Workers gathered as two senior Lisbon officials toured the “model factory” on Friday.', 'model factory')).toBeUndefined();
    // One capitalised word opening a sentence may be a plain noun, unless the paragraph writes it as a name.
    expect(speakerOf('Separatists held a “referendum” in the east.', 'referendum')).toBeUndefined();
    expect(speakerOf('Ruiz called it “a betrayal”. Later that day Ruiz met the workers.', 'a betrayal')).toBe('Ruiz');
  });

  it('reads named polls and documents as sources, and an unnamed poll as none', () => {
    expect(speakerOf('A Quinnipiac poll released Monday showed the governor at 41 percent.', 'the governor at 41 percent')).toBe('Quinnipiac poll');
    expect(speakerOf('In the latest Marist survey, 38 percent of voters backed the plan.', '38 percent')).not.toBeUndefined();
    expect(speakerOf('A new poll shows the governor at 41 percent.', 'the governor at 41 percent')).toBeUndefined();
    // With the document named before the verb, a name after it is what was found, not who found it.
    expect(speakerOf('The survey, conducted by the Lisbon Institute, finds Ruiz with a small lead among voters.', 'Ruiz with a small lead')).toBe('survey');
    // A name in another clause does not make the polls a named document.
    expect(speakerOf('He is popular in the state, where polls show Ruiz slightly ahead.', 'Ruiz slightly ahead')).toBeUndefined();
    expect(speakerOf('Polls suggest Ruiz has the best chance of winning.', 'the best chance')).toBeUndefined();
    // A description set off by commas, with an "and" of its own, still leaves the poll its subject.
    expect(speakerOf('A Harbor Daily poll, conducted jointly with Ortiz Research and Lane & Co., shows Ruiz with 47 percent.', 'Ruiz with 47 percent')).toBe('Harbor Daily poll');
    expect(speakerOf('Exit polls from the Maine primary, which Ruiz won easily, showed that 65 percent backed the levy.', '65 percent')).not.toBeUndefined();
    // Files, findings and statistics are documents too; "are showing" and "finding" are what they do.
    expect(speakerOf('Audit files from the county show that 24 ballots were counted twice.', '24 ballots')).not.toBeUndefined();
    expect(speakerOf('An entrance poll of Maine caucus-goers is showing that about half want the levy.', 'about half want')).not.toBeUndefined();
    expect(speakerOf('The race is close, with the new Harbor Daily survey finding that 45 percent back Ruiz.', '45 percent back Ruiz')).toBe('Harbor Daily survey');
    // ... but not an unnamed one.
    expect(speakerOf('A new survey is showing that 45 percent back Ruiz.', '45 percent')).toBeUndefined();
  });

  it('reads an organisation’s projections and calculations as its own, over a description and an auxiliary', () => {
    expect(speakerOf('The Larch Group, an economic consulting firm, has calculated that the levy may cut emissions 23 percent.', '23 percent')).toBe('Larch Group');
    expect(speakerOf('The Ruiz campaign projects that the levy would raise $75 million a year.', '$75 million')).not.toBeUndefined();
    const lint23 = lint('The Larch Group, an economic consulting firm, has calculated that the levy may cut emissions 23 percent.', { format: 'plaintext' });
    expect(lint23.map((finding) => finding.ruleId)).not.toContain('uncited-figure');
    expect(lint('The levy may cut emissions 23 percent.', { format: 'plaintext' }).map((finding) => finding.ruleId)).toContain('uncited-figure');
  });

  it('reads a named speaker’s plans and promises as theirs', () => {
    expect(speakerOf('Senator Ana Ruiz has promised to build 12,000 homes.', 'build 12,000 homes')).toBe('Ana Ruiz');
    expect(speakerOf('The council plans to build 12,000 homes.', 'build 12,000 homes')).toBe('council');
    expect(speakerOf('Most residents want the plant to stay.', 'the plant to stay')).toBeUndefined();
    // After a possessive the verb form is a noun: "Ruiz's hopes" are not Ruiz hoping.
    expect(speakerOf("A win would go a long way in complicating Ruiz's hopes of a second term.", 'of a second term')).toBeUndefined();
  });

  it('reads a named speaker’s beliefs forward only, and never the writer’s or the reader’s', () => {
    expect(speakerOf('Ruiz thinks the plant will close by June.', 'the plant will close')).toBe('Ruiz');
    expect(speakerOf('I think the plant will close by June.', 'the plant will close')).toBeUndefined();
    expect(speakerOf('Do you think the plant will close by June?', 'the plant will close')).toBeUndefined();
    // "what the owners think": nothing before the verb is what they think; "think nothing of" is an idiom.
    expect(speakerOf('The mayor does not care what the plant’s owners think, and says so.', 'does not care')).toBeUndefined();
    expect(speakerOf('Ruiz and Vidal think nothing of driving 300 miles to a meeting.', 'driving 300 miles')).toBeUndefined();
  });

  it('keeps the reporter’s comment after a dash out of the speaker’s words', () => {
    const labels = (text: string): string[] => lint(text, { format: 'plaintext' }).filter((finding) => finding.ruleId === 'loaded-term').map((finding) => finding.actual);
    expect(labels('Ruiz said the council had ignored the valley — a smear campaign against the mayor, in the end.')).toEqual(['smear campaign']);
    expect(labels('Ruiz said the council had ignored the valley and run a smear campaign against the mayor.')).toEqual([]);
  });

  it('reads "in the polls" as standing, not as a source, and a title in quotation marks as no speech', () => {
    expect(speakerOf('The mayor has been gaining in the national polls since June.', 'has been gaining')).toBeUndefined();
    expect(speakerOf('In the poll, 45 percent of voters backed the mayor.', '45 percent')).not.toBeUndefined();
    expect(speakerOf('Headlined “The Plant Will Never Close,” it argues that the town’s failure was its own.', 'the town’s failure')).toBeUndefined();
  });

  it("reads the archives' doubled apostrophes as quotation marks", () => {
    const text = "''We will be back next year,'' said Tomas Vidal, the festival's director.";
    expect(seen(text)).toEqual([{ speaker: 'Tomas Vidal', resolved: 'Tomas Vidal', cue: 'said', kind: 'named', direct: true, content: ["''We will be back next year,''"] }]);
  });

  it('reads quotations after a stray ‘ used for an apostrophe as the quotations they are', () => {
    const text = 'The mayor called Vidal‘s plan a mistake. “It is a betrayal of everyone who worked there,” Ruiz said.';
    expect(speakerOf(text, 'a betrayal of everyone')).toBe('Ruiz');
    const labels = lint(`${text} “They are dictators in suits,” she added.`, { format: 'plaintext' }).filter((finding) => finding.ruleId === 'loaded-term');
    expect(labels).toEqual([]);
  });

  it('keeps a title abbreviation and the name after it in one sentence', () => {
    expect(speakerOf('“The deal is dead,” said Sen. Maria Lopez. She left soon after.', 'The deal is dead')).toBe('Maria Lopez');
  });
});

describe('attribute(): citations', () => {
  it('lists a footnote, a link or a citation marker as the source of its sentence, unless a speaker is', () => {
    const markdown = 'Repairs will cost $40 million.[^1] The river rose 3 metres ([gauge data](https://example.org/gauge)).\n\n[^1]: Council figures.\n';
    expect(attribute(markdown, { format: 'markdown' }).map((source) => [source.kind, source.speaker?.text, source.cue])).toEqual([
      ['document', '[^1]', null],
      ['document', '[gauge data](https://example.org/gauge)', null],
    ]);
    expect(seen('Repairs will cost $40 million, the mayor said [1].').map((source) => [source.kind, source.speaker])).toEqual([['named', 'the mayor']]);
  });

  it('reads an editor’s insertion in brackets as no citation', () => {
    expect(seen('“The river [he] saw was high,” Ruiz said.').map((source) => source.speaker)).toEqual(['Ruiz']);
    expect(seen('Repairs will cost $40 million [1].').map((source) => [source.kind, source.speaker])).toEqual([['document', '[1]']]);
  });

  it('reads "claims of" as a noun', () => {
    expect(seen('Insurers expect claims of $40 million after the storm.').some((source) => source.cue === 'claims')).toBe(false);
  });
});

describe('attribute(): who a speaker stands for, within the story', () => {
  it('resolves surnames, titles and pronouns to the full name given first, across paragraphs', () => {
    const text = 'North Korean leader Kim Jong Un said the tests would go on.\n\nKim added that talks were over. He said the army was ready.\n\nThe North Korean leader told the assembly that no one would stop them.';
    expect(seen(text).map((source) => [source.speaker, source.resolved])).toEqual([
      ['Kim Jong Un', 'Kim Jong Un'],
      ['Kim', 'Kim Jong Un'],
      ['He', 'Kim Jong Un'],
      ['North Korean', 'Kim Jong Un'],
    ]);
  });

  it('resolves a person "of" a place to the person, and keeps an institution "of" something whole', () => {
    expect(seen('Senator Ana Ruiz of Fresno said the vote would be close. Ruiz added that she was confident.').map((source) => source.resolved)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
    expect(seen('The Ministry of Health said 40 clinics would close.')[0].resolved).toBe('Ministry of Health');
  });

  it('resolves "it" to the last organisation and leaves a pronoun with no one before it unresolved', () => {
    const text = 'The health ministry said 40 clinics would close. It said the rest would stay open.';
    expect(seen(text).map((source) => source.resolved)).toEqual(['health ministry', 'health ministry']);
    expect(seen('He said the plan would work.')[0]).toMatchObject({ kind: 'pronoun', resolved: null });
  });

  it('counts offsets in UTF-16 units, as the editor and the lint JSON do', () => {
    const text = '🌊 Floods: “We lost everything,” said Ana Ruiz.';
    const [source] = attribute(text, { format: 'plaintext' });
    expect(text.slice(source.speaker!.offset, source.speaker!.endOffset)).toBe('Ana Ruiz');
    expect(text.slice(source.content[0].offset, source.content[0].endOffset)).toBe('“We lost everything,”');
  });

  it('places attributions in a markdown draft at their place in the file', () => {
    const text = '# Floods\n\n*Lisbon* — “We lost everything,” said **Ana Ruiz**.\n';
    const [source] = attribute(text, { format: 'markdown' });
    expect(text.slice(source.speaker!.offset, source.speaker!.endOffset)).toBe('Ana Ruiz');
  });
});
