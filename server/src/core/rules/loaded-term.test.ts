import { describe, expect, it } from 'vitest';
import { lint } from '../index';
import { findingsOf, flagged, type FlagCase, itFlagsAndLeavesAlone } from './test-helpers';

const RULE = 'loaded-term';

// Contentious labels in the reporter's own voice (every term here is in data/loaded-terms.yml).
const mustFlag: FlagCase[] = [
  { text: 'The senator lied about his military record.', flags: 'lied' },
  {
    text: 'Russian defence minister Sergei Shoigu, one of two senior Kremlin men tasked with running the \u201cspecial military operation\u201d in Ukraine, was greeted by a military salute on Tuesday night as he touched down in the pariah state.',
    flags: 'pariah state',
  },
  {
    text: 'Though North Korea initiated the invasion that killed nearly five million people, and no peace treaty was ever signed, dictator Kim Jong-un maintains the armistice was a victory in what he calls the \u201cGrand Fatherland Liberation War\u201d.',
    flags: 'dictator',
  },
  { text: 'Dictator Kim Jong Un oversaw the launch of a new ballistic missile on Friday.', flags: 'Dictator' },
  {
    text: 'North Korea welcomed delegations from Russia and China on Tuesday, including one of the masterminds of the invasion of Ukraine, footage has shown.',
    flags: 'masterminds',
  },
  { text: 'The mastermind of the 2015 Paris attacks was killed in a police raid.', flags: 'mastermind' },
  { text: 'The regime has jailed hundreds of opposition activists since the election.', flags: 'regime' },
  { text: "The Syrian regime's forces shelled the town of Idlib.", flags: 'regime' },
  { text: 'The rogue state fired two more ballistic missiles into the sea on Monday.', flags: 'rogue state' },
  { text: 'Thugs attacked journalists covering the rally in Tbilisi.', flags: 'Thugs' },
  { text: 'The country has been ruled by a strongman for three decades.', flags: 'strongman' },
  { text: 'The despot was overthrown in a coup in 2019.', flags: 'despot' },
  { text: "The president's cronies were handed lucrative state contracts.", flags: 'cronies' },
  { text: 'Henchmen loyal to the governor beat the protesters with batons.', flags: 'Henchmen' },
  { text: 'The terrorists opened fire on the crowd outside the concert hall.', flags: 'terrorists' },
  { text: 'The hardline cleric was elected president in 2021.', flags: 'hardline' },
  { text: "Russia's special military operation in Ukraine is now in its third year.", flags: 'special military operation' },
  { text: 'The junta staged a sham election in December.', flags: 'sham election' },
  { text: 'Talks will resume in Geneva next week, the Syrian regime said.', flags: 'regime' },
  { text: "The strike was a success, the dictator's spokesman said.", flags: 'dictator' },
  // Insults, hyperbole and campaign language added after error analysis on the labelled news sets (issue 3).
  { text: 'Protesters were confronted by a mob outside the courthouse.', flags: 'mob' },
  { text: 'Woke activists have targeted the statue for removal.', flags: 'Woke' },
  { text: 'The new stadium has become a costly boondoggle for the city.', flags: 'boondoggle' },
  { text: 'The bill is a power grab by the state legislature.', flags: 'power grab' },
  { text: 'The Wuhan virus has now spread to every continent.', flags: 'Wuhan virus' },
  { text: 'The measure would ban late-term abortions in the state.', flags: 'late-term abortions' },
  { text: 'His sycophantic praise of the president drew laughter in the chamber.', flags: 'sycophantic' },
  { text: 'The senator lied about his role in the land deal.', flags: 'lied' },
  { text: 'The governor\u2019s decision to reopen the schools was reckless.', flags: 'reckless' },
  { text: 'The tax cut was a disastrous failure for the state budget.', flags: 'disastrous' },
  { text: 'The charity has been run by hucksters for years.', flags: 'hucksters' },
  { text: "The administration's dictatorial style alarmed European diplomats.", flags: 'dictatorial' },
  { text: 'The report is full of nonsense about the economy.', flags: 'nonsense' },
  { text: 'The campaign ad is full of lies about the senator\u2019s record.', flags: 'lies' },
  // An object after "explains" or "asked" is the reporter's wording, not the speaker's; so is a clause after ", but".
  { text: "Historian explains the bizarre theory behind the far right's campaign.", flags: 'bizarre' },
  { text: 'Police asked the couple to come in, and they fled Saudi Arabia, known for its draconian laws.', flags: 'draconian' },
  { text: 'The president called it an act of terror, but the media obscured the link out of political correctness.', flags: 'political correctness' },
  { text: 'Council leaders defended the gold-plated pensions of senior staff.', flags: 'gold-plated' },
  { text: 'Rents have been skyrocketing in the capital since the pandemic.', flags: 'skyrocketing' },
  { text: 'The raids were carried out under the guise of a crackdown on corruption.', flags: 'under the guise of' },
  { text: 'The contracts fattened the profits of the minister\u2019s donors.', flags: 'fattened' },
  // Contempt, sneers and insults in the reporter's voice (issue 16).
  { text: 'The senator tried to gaslight voters about the cuts to the clinic.', flags: 'gaslight' },
  { text: 'The water board gaslighted residents about the leak for a year.', flags: 'gaslighted' },
  { text: 'The charity turned out to be a grift run from a rented office.', flags: 'grift' },
  { text: 'The egomaniacal founder fired half the board in a single week.', flags: 'egomaniacal' },
  { text: 'The narcissistic mayor renamed the park after himself.', flags: 'narcissistic' },
  { text: 'The strike was prolonged by the selfishness of both sides.', flags: 'selfishness' },
  { text: 'The council leader childishly walked out of the budget meeting.', flags: 'childishly' },
  { text: 'The minister returned to his old obsessions with the rail franchise.', flags: 'obsessions' },
  { text: 'The scandal-ridden agency has lost three directors in two years.', flags: 'scandal-ridden' },
  { text: 'The team finished another mediocre season in ninth place.', flags: 'mediocre' },
  { text: 'The obnoxious councillor interrupted every speaker at the hearing.', flags: 'obnoxious' },
  { text: 'The repugnant ad ran twice during the evening news.', flags: 'repugnant' },
  { text: 'The candidate floated a cuckoo plan to sell the harbour.', flags: 'cuckoo' },
  { text: 'The planning office has become the deputy mayor\u2019s fiefdom.', flags: 'fiefdom' },
  { text: 'The ministries have become rival fiefdoms since the reshuffle.', flags: 'fiefdoms' },
  { text: 'The machinations of the party whips delayed the vote.', flags: 'machinations' },
  { text: 'The shenanigans at the county board cost the taxpayers $2 million.', flags: 'shenanigans' },
  { text: 'The governor answered the report with the usual bluster.', flags: 'bluster' },
  { text: 'The bombastic speech lasted more than an hour.', flags: 'bombastic' },
  { text: 'The candidate repeated his populist shtick at the fairground.', flags: 'shtick' },
  { text: 'The statement offered platitudes and no new money for the schools.', flags: 'platitudes' },
  { text: 'The campaign has relied on sloganeering rather than costed plans.', flags: 'sloganeering' },
  { text: 'The bootlicking aides applauded every line of the address.', flags: 'bootlicking' },
  { text: 'The bootlicker in the press office rewrote the release overnight.', flags: 'bootlicker' },
  { text: 'The board is packed with bootlickers appointed by the chairman.', flags: 'bootlickers' },
  { text: 'Months of backstabbing left the coalition unable to pass a budget.', flags: 'backstabbing' },
  { text: 'The slimy lobbyist handed out tickets to the final.', flags: 'slimy' },
  { text: 'The airline issued a tone-deaf statement after the crash.', flags: 'tone-deaf' },
  { text: 'The fawning coverage on state television ran for three days.', flags: 'fawning' },
  { text: 'The studio is kowtowing to the censors to keep its release date.', flags: 'kowtowing' },
  { text: 'The club was forced to grovel to its sponsors after the vote.', flags: 'grovel' },
  { text: 'The talk-show host built his audience on birtherism.', flags: 'birtherism' },
  { text: 'The pro-criminal bail law took effect in January.', flags: 'pro-criminal' },
  { text: 'Traders are bracing for an armageddon in the bond market.', flags: 'armageddon' },
  { text: 'The fear-driven campaign focused on crime in the suburbs.', flags: 'fear-driven' },
  { text: 'The chest-thumping address promised a wall by the summer.', flags: 'chest-thumping' },
  { text: 'The budget was sold with the usual happy-talk about growth.', flags: 'happy-talk' },
  { text: 'The campus has become a hotbed of protest against the war.', flags: 'hotbed' },
  { text: 'Prisons have become hotbeds of recruitment for the gangs.', flags: 'hotbeds' },
  { text: 'The new guidelines coddle repeat offenders, prosecutors in the county fear.', flags: 'coddle' },
  { text: 'The universities have coddled students for a decade.', flags: 'coddled' },
  { text: 'The decision to close the bridge was ill-advised.', flags: 'ill-advised' },
  { text: 'The tariffs were a self-defeating move for the farm states.', flags: 'self-defeating' },
  { text: 'The mercurial owner sacked the manager after two matches.', flags: 'mercurial' },
  { text: 'The mayor has faced a torrent of vitriol since the vote.', flags: 'vitriol' },
  { text: 'The vitriolic campaign ended with a recount.', flags: 'vitriolic' },
  { text: 'The spineless committee voted to delay the inquiry again.', flags: 'spineless' },
  { text: 'The sanctimonious lecture on thrift came from a man with three homes.', flags: 'sanctimonious' },
  { text: 'The arrogant chief executive refused to meet the families.', flags: 'arrogant' },
  { text: 'The arrogance of the ministry cost it the vote.', flags: 'arrogance' },
  { text: 'The network rabidly promoted the senator\u2019s campaign.', flags: 'rabidly' },
  { text: 'His fanatical supporters blocked the road to the count.', flags: 'fanatical' },
  { text: 'The crooks on the council handed the contract to a friend.', flags: 'crooks' },
  { text: 'The shrill campaign against the clinic continued for months.', flags: 'shrill' },
  { text: 'The sleaze surrounding the government has dominated the week.', flags: 'sleaze' },
  { text: 'The slapdash inquiry interviewed only two witnesses.', flags: 'slapdash' },
  { text: 'The report blames shoddy work by the contractor.', flags: 'shoddy' },
  { text: 'The bloated bureaucracy employs 4,000 people at headquarters.', flags: 'bloated' },
  { text: 'The film chronicles the villainy of the cartel\u2019s bosses.', flags: 'villainy' },
  { text: 'The idiocy of the plan became clear within a week.', flags: 'idiocy' },
  { text: 'Insurance costs will skyrocket if the levee fails.', flags: 'skyrocket' },
  { text: 'The price of eggs skyrockets every winter.', flags: 'skyrockets' },
  { text: 'The goober in the governor\u2019s office has done it again.', flags: 'goober' },
];

// Labels inside a speaker's quotation or reported speech, and the neutral senses the list excludes.
const mustNotFlag: string[] = [
  'The senator lied about his military record, The Washington Post found.',
  'Kim expressed gratitude for the Chinese soldiers who dedicated their lives to repel imperialist aggression, calling them \u201cmartyrs\u201d who would be \u201cimmortal in the hearts of the Korean people\u201d.',
  '"The regime will fall," opposition leader Maria Corina Machado told supporters in Caracas.',
  'Kim said the United States was a rogue state bent on war.',
  'Zelenskiy said Putin was a terrorist who had to be stopped.',
  "The Foreign Office said Iran's regime was responsible for the attack.",
  'Opposition leader Juan Guaido called Maduro a dictator.',
  'Former Iranian President Mahmoud Ahmadinejad was described by the White House as a dangerous extremist.',
  'The EU tightened its sanctions regime on Belarus on Friday.',
  'Changes to the tax regime take effect in April.',
  'Patients on the new dosing regime had fewer side effects.',
  'The anti-regime protests spread to 80 cities within a week.',
  'He was convicted of terrorist financing offences in 2019.',
  'The group was designated a terrorist organisation by the State Department in 2021.',
  'The basilica holds the relics of the Christian martyr Saint Stephen.',
  'Russia launched what it calls a special military operation in February 2022.',
  'The heatwave brought brutal heat to southern Europe.',
  "Iran's government said the talks would resume in Oman next month.",
  'Both countries have sent officials to North Korea to celebrate the 70th anniversary of the armistice.',
  // A capitalised word inside a name or title is not a label; "The" opening a sentence is not a name.
  "Charlie Chaplin's The Great Dictator was released in 1940.",
  'Among the audience was the playwright Noël Coward.',
  'The Denver rap group Deuce Mob released its first album in 2005.',
  // A speaker's verdict after "dismissed ... as", "portrayed ... as", "accused ... of" is theirs.
  'Opponents dismissed the proposal as nonsense.',
  'The senator accused the governor of hypocrisy.',
  'Riel was portrayed as an insane traitor by his opponents in Ottawa.',
  // Literal and legal senses the new entries leave alone.
  'She woke up to find the house flooded.',
  'The mob boss was sentenced to life in prison.',
  'Police received a hoax call about a bomb at the station.',
  'He was charged with reckless driving after the crash.',
  'Smear tests save thousands of lives each year.',
  'The nuclear meltdown at Chernobyl forced thousands to flee.',
  'The ransomware spread through malicious email attachments.',
  'The constitution bans cruel and unusual punishment.',
  'The brown butter gives the cake a nutty flavour.',
  'The outgoing Congress will vote on the bill in its lame duck session.',
  'Farmers fattened cattle on imported grain through the winter.',
  'The settlement lies 67 miles north of the air base.',
  'The spokesman confirmed the regime had collapsed overnight.',
  'The senator said the economy was growing, but that the regime in Caracas was weak.',
  'The exhibition documents Nazi propaganda aimed at children in the 1930s.',
  'A man was jailed for 16 months for calling in a bogus bomb threat at Gatwick.',
  'A second man was arrested on charges of criminal mischief and reckless endangering.',
  'The wreck lies about 40 metres below the surface.',
  'His former business partner called the financier \u201ca crazed, nasty man\u201d in a court filing.',
  // Neutral senses and speakers' words beside the issue 16 entries.
  'Councillor Ana Ruiz said the plan to close the bridge was ill-advised.',
  'The opposition leader called the budget sloganeering and bluster.',
  'Doctors diagnosed him with narcissistic personality disorder in 2015.',
  'The shop sells coddled eggs and toast until noon.',
  'The referee blew a shrill whistle to end the match.',
  'The animal was put down after vets found it rabid.',
  'A cuckoo clock hangs above the counter of the bakery.',
  'Patients reported a bloated stomach after the first dose.',
  'Police chief Tom Okafor called the estate a hotbed of drug dealing.',
  '\u201cThey coddled the banks and punished the savers,\u201d said Joan Kerr, the union\u2019s treasurer.',
  'Former minister Dev Patel described the ruling party as a fiefdom of one family.',
];

describe('loaded-term', () => {
  itFlagsAndLeavesAlone(RULE, mustFlag, mustNotFlag);

  it('suggests the wire-service wording first', () => {
    const [finding] = findingsOf(RULE, 'He touched down in the pariah state.');
    expect(finding.suggestions[0]).toBe('isolated country');
    expect(finding.message).toContain('isolated country');
    expect(finding.note.length).toBeGreaterThan(20);
  });

  it('matches the capitalisation of the flagged text', () => {
    const [finding] = findingsOf(RULE, 'Dictator Kim Jong Un oversaw the launch of a new missile.');
    expect(finding.actual).toBe('Dictator');
    expect(finding.suggestions[0]).toBe('Leader');
    expect(findingsOf(RULE, 'Rogue states fired missiles.')[0].suggestions[0]).toBe('Isolated states');
  });

  it('offers a replacement that fits both the past tense and the participle', () => {
    const [finding] = findingsOf(RULE, 'Inflation has skyrocketed since the spring.');
    expect(finding.suggestions[0]).toBe('increased sharply');
  });

  it('is a warning by default', () => {
    expect(findingsOf(RULE, 'The regime has jailed hundreds of activists.')[0].severity).toBe('warning');
  });

  it('can be turned off in config', () => {
    const findings = lint('The regime has jailed hundreds of activists.', { format: 'plaintext', config: { rules: { [RULE]: 'off' } } });
    expect(findings.filter((finding) => finding.ruleId === RULE)).toEqual([]);
  });

  it('leaves alone a term the newsroom allows', () => {
    expect(flagged(RULE, 'The regime has jailed hundreds of activists.', 'plaintext', { allow: ['regime'] })).toEqual([]);
    expect(flagged(RULE, 'The regime has jailed hundreds of activists.', 'plaintext', { allow: ['pariah state'] })).toEqual(['regime']);
  });

  it("flags the newsroom's own terms from config, with their alternatives", () => {
    const loadedTerms = [{ term: 'junta', forms: ['juntas'], alternatives: ['military government'], reason: 'House style: name the military government.' }];
    const [finding] = findingsOf(RULE, 'The Junta has jailed hundreds of activists.', 'plaintext', { loadedTerms });
    expect(finding.actual).toBe('Junta');
    expect(finding.suggestions).toEqual(['Military government']);
    expect(flagged(RULE, 'Both juntas signed the deal.', 'plaintext', { loadedTerms })).toEqual(['juntas']);
  });
});
