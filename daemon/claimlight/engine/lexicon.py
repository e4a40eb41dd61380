"""Word lists the rules rely on. Kept in one place so they can be reviewed and extended together.

Thresholds (how many words, how far back) stay beside the rule they tune, as named constants.
"""

from __future__ import annotations

from .given_names import FEMALE_GIVEN_NAMES, MALE_GIVEN_NAMES

# Verbs that introduce speech or writing (lemmas). Reporting a claim, not merely doing something.
SPEECH_VERBS = frozenset(
    """
    say tell add ask continue insist admit argue warn explain claim note write state declare announce
    reply respond acknowledge conclude suggest tweet post urge describe agree complain recall predict
    promise vow deny confirm report stress emphasize emphasise observe remark comment joke quip testify
    concede contend assert maintain allege reveal disclose charge accuse counter retort boast brag
    lament caution cry shout yell scream whisper mutter chant sing read recount estimate forecast
    propose recommend advise plead pledge threaten proclaim repeat reiterate clarify muse wonder
    mention signal indicate hint point blast slam criticize criticise praise hail dismiss call demand
    tell inform assure concede summarize summarise put offer begin open close finish interject
    exclaim gush rave rage fume sneer scoff snap grumble huff sigh laugh smile nod liken compare label
    characterize characterise refer cite quote blame mock ridicule decry denounce condemn laud applaud
    thank tout question challenge rebut reject greet welcome celebrate recite vent text email message
    tease chide answer
    """.split()
)

# Verbs that are speech only when they take what is said with "about" ("talked about “…”", "went on
# about “…”"); the particle, when one is listed, must be there too ("go on", not "go").
TALK_ABOUT_VERBS = {"talk": None, "speak": None, "rant": None, "ramble": None, "go": "on", "carry": "on", "harp": "on"}

# Cues that are a speech verb in the lexicon but only speech in a narrow frame ("put it", "call on").
WEAK_SPEECH_VERBS = frozenset(
    "put offer begin open close finish call smile nod laugh sigh point signal liken compare label refer cite question challenge reject greet welcome celebrate thank".split()
)

# Weak cues whose everyday sense is no speech at all ("the shop opens at 7am", "she finished the
# race"): inside another clause, their subject is nobody speaking.
EVERYDAY_SENSE_VERBS = frozenset("put offer begin open close finish".split())

# Weak cues that introduce a quotation even without "it": they characterise what they quote
# ("called the plan “reckless”", "likened the refugees to a “vicious snake”").
CHARACTERISING_VERBS = frozenset("call liken compare label refer".split())
# Prefixes the tokenizer splits from a word at its hyphen ("co", "-", "author"): no noun of their own
# ("co" is a company's abbreviation too).
WORD_PREFIXES = frozenset("co ex vice non pre post anti pro self sub".split())
# Forms of verbs of speech the tagger may take for a noun after a description, as the sentence's root
# ("“…,” the 67-year-old said, pointing to …"): a cue all the same.
MISTAGGED_SPEECH_VERBS = frozenset("said says added adds".split())

# Pronouns that stand for nobody in particular: never a speaker.
INDEFINITE_PRONOUNS = frozenset(
    """
    everything everyone everybody something someone somebody anything anyone anybody nothing nobody
    none
    """.split()
)

# Verbs that put a label on something rather than report words: a quotation under one of them,
# inside what someone else says ("Trump said Clinton described it as “the gold standard”"),
# reaches the reader through that outer speaker.
DESCRIBING_VERBS = frozenset("describe characterize characterise dub brand term deem".split())

# Subjects that name nobody a quotation could be given to: "this shows", "one might say", "we are told".
VAGUE_SUBJECTS = frozenset("this that which what one i we you".split())

# Nouns whose possessor is the speaker of a quotation inside them: "Trump’s claim that “…”".
CLAIM_NOUNS = frozenset(
    """
    claim claims statement statements remark remarks comment comments words word assertion argument
    promise pledge warning message call plea accusation description view views response reply answer
    tweet post insistence suggestion charge allegation vow threat admission explanation prediction
    """.split()
)

# Nouns for an answer that "comes" after a question ("“It's up there,” came the reply"): the words of
# whoever was asked, never a speaker of their own.
REPLY_NOUNS = frozenset("reply answer response retort rejoinder riposte".split())

# Verbs whose subject is the author of the statement they take as object: "Clinton made a comment
# that …", "the ministry issued a statement saying …".
MAKING_VERBS = frozenset("make issue release give deliver post publish send write file offer".split())

# Abbreviations whose period does not end a sentence.
ABBREVIATIONS = frozenset(
    """
    mr mrs ms dr st jr sr rep sen gov gen col lt sgt capt prof rev no vs etc inc corp co ltd
    jan feb mar apr jun jul aug sep sept oct nov dec fla calif ala ariz ark colo conn del ga ill ind
    kan ky la md mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo u.s ch
    """.split()
)

# Verbs of belief: what someone holds, reported like what they say ("…, experts believe").
BELIEF_VERBS = frozenset("believe think feel fear suspect worry reckon doubt".split())

# Verbs that report a belief or a finding: reported speech when they take a clause, never a quote cue.
REPORTING_VERBS = SPEECH_VERBS | BELIEF_VERBS | frozenset(
    """
    hope expect find show conclude learn know understand acknowledge recognise recognize realise realize
    guess
    """.split()
)
# Verbs of belief, ruling and finding that report a clause only when "that" brings it in: "assumed
# that the mine was sold", "the court ruled that…"; not "assume office", "decide who will win".
THAT_CLAUSE_VERBS = frozenset(
    """
    assume presume suppose speculate theorize theorise posit surmise decide rule determine
    discover notice prove submit depose aver opine
    """.split()
)
# ("submit": counsel's word in the courts of India, Britain and the Commonwealth, "submitted that the
# accused had …"; "submitted a bid", "submitted to pressure" report nothing; "deposed that", "averred
# that", "opined that": a witness's, a deponent's and a judge's words in the same courts.)
# Of those, the ones that put words forward rather than find something: a partial quotation in their
# clause ("submitted that Gala had … and “chose to ignore it”") is their subject's words, while one in
# a clause "discovered" or "noticed" may be the clause's own subject's.
THAT_CLAUSE_SAYING_VERBS = frozenset("submit posit speculate theorize theorise surmise rule depose aver opine".split())
# The verbs whose clause is reported speech (`engine.reported`): those, with the ones the quotation
# rules need not know ("hop" is the lemma the model gives "hoped").
CLAUSE_REPORTING_VERBS = REPORTING_VERBS | THAT_CLAUSE_VERBS | frozenset(("hop",))
# What brings in a clause of its own under a reporting verb, when the parse missed its subject or verb.
CLAUSE_MARKS = frozenset(("that", "whether"))
# What brings in the reason a speaker gives, said with the clause before it ("said X, because Y").
REASON_MARKS = frozenset(("because", "since", "although", "though"))

# Verbs that report a promise, a demand or advice by what is to be done: "promised to cut taxes",
# "urged the council to approve the budget" (`engine.reported`).
INFINITIVE_REPORTING_VERBS = frozenset(
    """
    promise pledge vow threaten swear urge ask implore beg warn advise encourage demand propose offer
    tell order instruct direct invite remind
    """.split()
)

# Verbs that urge through a preposition, and the preposition that brings in the one urged: "called on
# the council to act", "appealed to residents to stay calm" (`engine.reported`, rule `infinitive`).
URGING_PREPOSITIONS = {"call": ("on", "upon"), "appeal": ("to",)}

# Speech verbs said to someone ("asked her whether …", "told him that …"): a quotation under one of them
# whose subject is a noun ("a steward once asked her whether she had “…”") is that subject's
# words even when a verb above relays them (`engine.attribution`, rule `governing_cue`).
ADDRESSED_SPEECH_VERBS = frozenset("ask tell question challenge".split())
# Verbs of putting a question to someone ("Modise asked her what she had done next."): a quotation
# standing alone after such a sentence, that opens with no question of its own, is the answer of the
# one asked, not the asker's words (`engine.attribution`, rule `previous_subject`).
QUESTIONING_VERBS = frozenset("ask question press quiz".split())

# Verbs of intention, hope and decision that report what someone means to do by what is to be done:
# "plans to release her tax returns", "refused to testify", "hopes to open the plant by spring"
# (`engine.reported`, rule `intention`). An attribution of a will or a stance, as news reports one;
# not verbs of trying or needing ("tried to", "needs to"), which report an act or a fact. "hop" is
# the lemma the model gives "hopes" and "hoped"; the infinitive the rule asks for keeps the animal out.
INTENTION_VERBS = frozenset(
    """
    want plan intend hope hop expect refuse decline agree decide seek aim wish resolve
    """.split()
)

# Verbs by which a poll, a study or a record reports what it found, as its object: "polls show a close
# race", "a 2019 study found 40 cases of fraud", "the video shows him with his hands raised"
# (`engine.reported`, rule `finding`), when their subject is one of `FINDING_SOURCE_NOUNS`.
FINDING_VERBS = frozenset("show find indicate suggest reveal confirm document".split())
# A study's authors, and the verb with which they give what it showed as its object ("The authors report
# a relative risk of 0.83"): the `finding` rule. Not "find", which they also do to things ("researchers
# found the wreck").
FINDING_AUTHOR_NOUNS = frozenset("author researcher scientist".split())
FINDING_AUTHOR_VERBS = frozenset(("report",))

# Nouns of intention and decision that report, with their possessor, what is to be done: "her decision
# to close the plant", "the ministry's refusal to publish the report" (`engine.reported`).
INTENTION_NOUNS = frozenset(
    """
    decision determination eagerness promise pledge plan plans refusal vow threat willingness intention
    intent desire wish hope commitment resolve readiness effort efforts bid motion agreement proposal
    proposals request
    """.split()
)
# Verbs that put forward a noun of intention as their object, whose subject holds it when it has no
# possessor: "announced plans to give $15 million", "filed a motion to unseal the records", "signed an
# agreement to allow trucks in" (`engine.reported`, rule `intention_noun`).
INTENTION_PUTTING_VERBS = frozenset("announce unveil file sign make submit outline launch table lodge reach".split())

# Nouns of saying, believing and concluding whose "that" clause their possessor holds: "her
# acknowledgment that fares rose", "the board's conclusion that the pier is unsafe", "the mayor's view
# is that…" (`engine.reported`, rule `claim_noun`): those of `CLAIM_NOUNS` and these.
REPORTED_CLAIM_NOUNS = CLAIM_NOUNS | frozenset(
    """
    acknowledgment acknowledgement belief contention assessment conclusion conviction fear concern
    assumption assurance announcement complaint testimony recognition position theory expectation
    suspicion insistence argument bet hope worry
    """.split()
)
# Nouns of a claim put forward, with their "that" clause, and the verbs that put one forward: "made
# the case that the bridge is safe", "raised the possibility that the quay floods" (`engine.reported`,
# rule `claim_made`): said by the verb's subject. Proof and evidence too, offered or not: "offered no
# evidence that the vote was rigged" reports the claim the evidence is for. ("rejected the idea that…", a
# stance, is `content_object`'.)
CLAIM_MADE_NOUNS = frozenset("case argument point possibility prospect claim suggestion charge assertion proof evidence".split())
CLAIM_MAKING_VERBS = frozenset("make raise advance repeat reiterate float press put offer provide present produce give".split())
# Nouns of a doubt or a worry put forward, the verbs that put one forward, and the prepositions that bring
# in what it is about: "raised concerns about the new trains", "aired doubts over who will pay", "raised
# questions that the count was rigged" (`engine.reported`, rule `concern_raised`): what it is about, or its
# "that" clause, said by the verb's subject. Only with these nouns: "raised fees", "aired the programme".
CONCERN_NOUNS = frozenset("question concern doubt objection alarm fear worry reservation misgiving illusion qualm".split())
CONCERN_RAISING_VERBS = frozenset("raise air voice express have".split())
CONCERN_PREPOSITIONS = frozenset("about over on regarding around".split())
# "made it clear that…", "made plain she would…": a verb that reports a clause with one of these
# adjectives (`engine.reported`, rule `made_clear`).
MADE_CLEAR_VERBS = frozenset(("make",))
MADE_CLEAR_ADJECTIVES = frozenset("clear plain known".split())

# A headline's source of information before its colon: "Poll: Most voters back the ferry plan"
# (`engine.reported`, rule `headline`). Not labels of a kind of article ("Review:", "Analysis:").
HEADLINE_SOURCE_NOUNS = frozenset("poll polls survey surveys study report audit census".split())
# The forms of a verb by which a headline gives what follows it to the name before it, title case or
# not: "Sanders Vows To Eliminate Tax Breaks", "Lawmakers Rip Plan As A Giveaway" (`engine.reported`,
# rule `headline_verb`). Word forms, not lemmas: the parse reads a title-case headline's verb as a
# name. The base form (a plural subject's) only of verbs whose base form is no noun ("Rip", "Urge";
# not "Vow", "Demand", "Question"). Not "back": "councillors back the bus gate" is a vote.
HEADLINE_VERBS = frozenset(
    """
    says vows urges warns pledges promises insists admits denies reveals seeks wants plans calls
    slams blasts rips hammers blames accuses threatens predicts claims argues demands rejects
    defends questions praises endorses
    say urge warn insist admit deny reveal seek slam rip blame accuse threaten predict argue reject
    defend endorse
    """.split()
)

# Verbs that give the clause they stand beside to their subject from a clause of "as": "as experts have
# pointed out, the returns can be released", "the vote will fail, as the mayor predicted" (`engine.reported`,
# rule `as_clause`). Verbs of saying, noting and foreseeing; not "as she spoke", "as he left".
AS_CLAUSE_VERBS = frozenset(
    """
    say note point report write explain argue state put observe remark predict warn acknowledge concede
    suggest claim insist contend maintain tell conclude find show document reveal confirm forecast
    """.split()
)

# Nouns of a view or an account that give the clause they open to their possessor, and the prepositions
# that bring them in: "by his own admission, the returns run to thousands of pages", "in the mayor's view,
# the pier is safe" (`engine.reported`, rule `source_phrase`). Beside them, a poll or a study the clause is
# read in: "in this poll, Okafor leads by four points" (`HEADLINE_SOURCE_NOUNS`, with "in").
VIEW_NOUNS = {
    "admission": ("by",), "account": ("by",), "reckoning": ("by",), "estimate": ("by",), "view": ("in",),
    "opinion": ("in",), "telling": ("in",), "words": ("in",), "judgment": ("in",), "judgement": ("in",), "estimation": ("in",),
}

# "declined to comment", "refused to speak to reporters": a refusal to say anything reports nothing said.
REFUSING_VERBS = frozenset("refuse decline".split())
SILENCE_VERBS = frozenset("comment speak talk respond elaborate answer say".split())

# Verbs of stance whose object is what was said or held: "denied the allegations", "called her vote a
# mistake", "questioned the need for moderators" (`engine.reported`). Not verbs whose object is a thing
# acted on or a listener ("attack", "tell", "thank").
STANCE_VERBS = frozenset(
    """
    deny reject dispute question challenge criticize criticise condemn denounce decry praise hail laud
    applaud defend dismiss blame accuse announce propose recommend demand promise pledge predict
    forecast estimate acknowledge admit reveal disclose allege claim express voice endorse oppose
    describe advocate recount mention cite note discuss echo stress emphasize emphasise highlight
    tout welcome reiterate support back favor favour explain outline detail reference lament bemoan
    deplore champion say
    invoke mock ridicule deride downplay understate overstate exaggerate
    expect anticipate project
    """.split()
)
# ("expect", "anticipate", "project": a forecast of a figure as its object, "the company expects sales growth
# of 6 per cent", "analysts project a loss"; "expected to", an intention or a forecast, is `intention`'s.)

# "asked not to be named": the verbs of a source's anonymity, which a request to be left unnamed takes.
ANONYMITY_VERBS = frozenset("name identify quote cite".split())
# "speaking on condition of anonymity": the same terms, as a phrase.
ANONYMITY_WORDS = frozenset("anonymity anonymously".split())

# Verbs of stance that report only with what they say of their object: "called her vote a mistake",
# "described the plan as reckless"; not "called a meeting", "described the pier".
CHARACTERISING_STANCE_VERBS = frozenset(
    """
    call characterize characterise label brand dub attack hit slam blast rip knock grill lambaste fault
    chide scold rebuke thank credit identify paint portray depict present cast frame
    """.split()
)

# Of those, the verbs that say what their object is by naming it: "called her vote a mistake",
# "branded the plan as reckless", never by a phrase of "for" or "over" ("called a meeting for Friday").
NAMING_VERBS = frozenset("call label brand dub".split())

# Verbs of stance that report only with what they tie their object to, and the prepositions that bring it
# in: "linked the outbreak to the farm", "compared him to Nixon" (`engine.reported`, rule `content_object`,
# said by a person, an organisation or a name: "the road links the town to the coast" reports nothing).
LINKING_VERBS = {"link": ("to", "with"), "compare": ("to", "with"), "liken": ("to",), "equate": ("with",), "tie": ("to",), "connect": ("to", "with")}

# Verbs that say only that a statement goes on or begins, so that a verb of stance after them is still a
# statement made: "continued to call for an inquiry", "began to deny the charges" (`engine.reported`); not
# verbs of trying, needing or owing ("tried to question", "required to disclose").
ASPECTUAL_VERBS = frozenset("continue keep begin start resume".split())

# Verbs that report what was said by the phrase they govern, and the prepositions that bring it in:
# "commented on the verdict", "warned of a recession", "called for an inquiry" (`engine.reported`).
PREPOSITION_REPORTING_VERBS = {
    "comment": ("on", "about"), "speak": ("about", "of", "on"), "talk": ("about",), "complain": ("about", "of"),
    "warn": ("of", "about", "against"), "argue": ("for", "against"), "call": ("for",), "push": ("for",),
    "advocate": ("for",), "lobby": ("for", "against"), "testify": ("about", "on"), "insist": ("on",),
    "boast": ("about", "of"), "brag": ("about",), "joke": ("about",), "write": ("about", "of"), "tweet": ("about",),
    "ask": ("about", "for"), "reflect": ("on",), "campaign": ("for", "against"), "plead": ("for",), "rail": ("against",),
    "point": ("to",), "refer": ("to",), "apologize": ("for",), "apologise": ("for",), "bristle": ("at",),
    "spar": ("over", "about"), "rally": ("for", "against", "over"), "press": ("on", "about", "for"), "believe": ("in",), "seize": ("on", "upon"), "moralize": ("about",),
    "moralise": ("about",), "protest": ("against", "over"), "object": ("to",),
}

# Nouns for one who holds a stance, and the prepositions that bring in what it is towards: "is a staunch
# opponent of the death penalty", "Reid, a longtime critic of the levy," (`engine.reported`, rule
# `stance_noun`): held by the subject of "be" or by the noun the phrase stands beside. Not "fan" or
# "admirer", who like things rather than say anything of them.
STANCE_HOLDER_NOUNS = {
    "opponent": ("of",), "critic": ("of",), "supporter": ("of",), "defender": ("of",), "advocate": ("of", "for"),
    "proponent": ("of",), "champion": ("of",), "backer": ("of",), "foe": ("of",), "detractor": ("of",),
    "skeptic": ("of",), "sceptic": ("of",), "opposer": ("of",),
}

# Nouns of a stance taken towards something, with their possessor, and the prepositions that bring in what
# it is towards: "his attacks on the moderators", "her criticism of the ruling", "the union's opposition to
# the merger" (`engine.reported`, rule `claim_object`, beside the nouns of saying of `CLAIM_NOUNS`).
STANCE_OBJECT_NOUNS = {
    "attack": ("on", "against"), "criticism": ("of",), "critique": ("of",), "condemnation": ("of",), "praise": ("for", "of"),
    "endorsement": ("of",), "rhetoric": ("about", "on"), "skepticism": ("about", "of", "over"), "scepticism": ("about", "of", "over"),
    "opposition": ("to",), "objection": ("to",), "defense": ("of",), "defence": ("of",), "denial": ("of",), "dismissal": ("of",),
    "rejection": ("of",), "advocacy": ("for", "of"),
}

# Adjectives of stance after "be" and the prepositions that bring in what the stance is about: "is
# critical of the plan", "were worried about the cost", "is opposed to the merger" (`engine.reported`).
STANCE_ADJECTIVES = {
    "critical": ("of",), "skeptical": ("of", "about"), "sceptical": ("of", "about"), "supportive": ("of",),
    "opposed": ("to",), "worried": ("about", "by"), "concerned": ("about", "by", "over"), "confident": ("of", "about", "in"),
    "optimistic": ("about",), "pessimistic": ("about",), "wary": ("of",), "hopeful": ("of", "about"),
    "angry": ("about", "at", "over"), "furious": ("about", "at", "over"), "upset": ("about", "over", "by"),
    "unhappy": ("with", "about"), "dismissive": ("of",), "hostile": ("to",), "vague": ("about", "on"),
    "adamant": ("about",), "doubtful": ("about", "of"), "enthusiastic": ("about",), "proud": ("of",),
    "frustrated": ("by", "with"), "alarmed": ("by", "at"), "outraged": ("by", "at", "over"), "uneasy": ("about",),
    "aware": ("of",), "convinced": ("of",), "sure": ("of", "about"), "certain": ("of", "about"),
    "coy": ("about", "on"), "passionate": ("about",), "vocal": ("about", "on", "in"), "bullish": ("on", "about"), "bearish": ("on", "about"),
    "ambivalent": ("about",), "firm": ("on",),
}
# Of those, the ones that report a clause ("is confident that the vote will pass") or, in the second
# list, an intention ("is willing to compromise") as well.
BELIEF_ADJECTIVES = frozenset(
    """
    confident optimistic pessimistic hopeful adamant doubtful worried concerned aware convinced sure
    certain skeptical sceptical
    """.split()
)
WILLING_ADJECTIVES = frozenset("willing unwilling eager reluctant determined keen loath hesitant".split())

# Nouns heading an attribution phrase: "in a statement", "in an interview".
STATEMENT_NOUNS = frozenset(
    """
    statement interview release post tweet letter email e-mail message memo speech remarks remark
    briefing conference testimony filing report column op-ed essay blog podcast broadcast
    """.split()
)

TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady president vice
    secretary minister senator sen sen. rep rep. representative gov gov. governor judge justice
    chairman chairwoman chair chief general gen gen. colonel col col. captain capt capt. lieutenant
    sergeant sgt officer detective inspector mayor king queen prince princess pope rev rev. reverend
    father bishop archbishop coach ambassador commissioner chancellor premier deputy director
    spokesman spokeswoman spokesperson leader speaker attorney prosecutor counsel dean councillor councilor
    congressman congresswoman assemblyman assemblywoman candidate nominee st st. saint
    cr cllr hon hon. adv adv. atty atty. engr engr. shri sri smt smt. shrimati kumari alhaji alhaja hajia mallam
    madam oba provost mp msp mla mpp mep td taoiseach tánaiste datuk dato datin seri tengku tunku
    pengiran awang dayang puan encik ch ch. syed syeda mian begum mpa mna aunty auntie uncle
    sheriff supt supt. snr insp insp. det det. cpl cpl. acp dcp ssp asp dsp advocate commander executive
    punong barangay kap kapitan kagawad
    """.split()
)
# (the Philippines' village offices: "Punong Barangay Ernesto Padilla", "Barangay Captain …", "Kap
# Padilla" (kapitan), "Kagawad …" (a village councillor), which papers there print before the name)

# Phrases by which a text gives an unnamed person the only name it will use ("a sergeant whose call sign
# is Lis", "a gunner who goes by the call sign Fox", "a mother who gave only her first name, Ana"): that
# name, the capitalised word after the phrase, is the speaker's name (`engine.coref`).
NAMING_PHRASES = (
    "call sign", "callsign", "nom de guerre", "known only as", "identified only as", "nicknamed",
    "gave only his first name", "gave only her first name", "gave only their first name",
    "gave his name as", "gave her name as", "gave their name as", "gave only the name",
    "gave his name only as", "gave her name only as", "gave their name only as",
    "identified himself only as", "identified herself only as", "asked to be identified only as",
)

# Words of Malay and Arabic names that join a given name to the father's ("Norhayati binti Ismail",
# "Zainal Abidin bin Harun"): the whole is one person's name, which the small model often cuts.
PATRONYMIC_WORDS = frozenset("bin binti binte bte ibni".split())

# Offices written as letters ("the Labour MP", "a senior opposition MPA"): a word for someone, never a name.
# ("SPP": the Special Public Prosecutor of Indian courts, "the SPP submitted that …")
# ("MCE"/"DCE": a Ghanaian Metropolitan, Municipal or District Chief Executive; "CEC": a Kenyan county's
# Executive Committee member, "the CEC said")
OFFICE_LETTERS = frozenset("mp msp mla mpp mep td mpa mna cs ps mos acp dcp ssp asp dsp spp mce dce cec".split())

# Words that open a surname in lower case ("Charlene van Wyk", "Luis de la Cruz"), capitalised only at
# the start of a sentence ("Van Wyk asked …").
SURNAME_PARTICLES = frozenset("van von de der den da di du del della la le ter ten".split())

# Malaysian honorifics of two words whose first is no title alone ("Tan" is a surname too): "Tan Sri
# Rosnah …", "Puan Sri …", "Toh Puan …". Each pair is one honorific, which says nothing of gender
# unless listed in FEMALE_TITLES.
HONORIFIC_PAIRS = {("tan", "sri"), ("puan", "sri"), ("toh", "puan")}

# Titles that only ever stand before a person's name, never name a job: a name after one is a
# person's whatever the statistical label says ("Smt. Kalyani Rao", "Engr. (Mrs) Ada Obi").
HONORIFIC_TITLES = frozenset(
    """
    mr mrs ms miss mx dr sir dame prof shri sri smt shrimati kumari alhaji alhaja hajia mallam madam
    engr hon adv atty datuk dato datin seri tengku tunku pengiran awang dayang puan encik ch syed syeda mian begum cr cllr aunty auntie uncle
    """.split()
) | frozenset(" ".join(p) for p in HONORIFIC_PAIRS)

# Honorifics written with a period that the model's tokenizer splits off ("Hon", "."), so that the
# sentence ends there and "said Hon. Ashanti Maynard" loses its speaker: kept one token, as it keeps
# "Dr." and "Rev.". ("Hon." is how Caribbean, African, Pacific and South Asian papers title members;
# "Cllr." titles Liberian and Ghanaian lawyers and British councillors, "Atty." Philippine lawyers,
# "Engr." and "Adv." Nigerian engineers and South African advocates; the police ranks are written so in
# Commonwealth papers.) Only abbreviations that never end a sentence as words of their own.
PERIOD_HONORIFICS = ("Hon.", "Cllr.", "Atty.", "Engr.", "Adv.", "Supt.", "Insp.", "Det.", "Sgt.", "Cpl.")

# (with the honorifics of South Asian, West African and Malaysian English: "Shri", "Smt.", "Alhaji",
# "Hajia", "Encik", "Datin"; Pakistani "Ch." (Chaudhry), "Syed"/"Syeda", "Mian", "Begum"; the councillor's
# "Cr"/"Cllr" of Australia and Britain; "Aunty"/"Uncle" for Aboriginal, Māori and Pacific elders)
# ("chairman" is no title of a man's only: many papers write it of women too)
MALE_TITLES = frozenset("mr mr. sir lord king prince father congressman assemblyman spokesman shri sri alhaji mallam encik syed mian uncle".split())
FEMALE_TITLES = frozenset(
    """
    mrs mrs. ms ms. miss dame lady queen princess chairwoman congresswoman assemblywoman spokeswoman
    smt smt. shrimati kumari alhaja hajia madam puan datin syeda begum aunty auntie
    """.split()
) | frozenset(("puan sri", "toh puan"))

# Given names, to tell "he" from "she" (the long lists of many cultures live in `given_names`). A
# name missing here leaves the gender unknown, which only weakens pronoun resolution, never blocks it.
MALE_NAMES = MALE_GIVEN_NAMES | frozenset(
    """
    aaron adam adrian ahmed alan albert alex alexander ali andrew andy angelo anthony antony antonio
    arthur ben benjamin bernie bill bob boris brad brandon brian bruce carl carlos charles charlie chris
    christopher chuck colin craig dan daniel david dennis diego dmitry dominic don donald doug douglas
    ed eddie edward emmanuel eric erik evan felix francis frank fred gary george gerald giorgio gordon
    graham greg gregory hans harold harry henry hugh ian igor isaac ivan jack jacob james jamie jared
    jason javier jeff jeffrey jens jeremy jerome jerry jim jimmy joe joel john johnny jonathan jorge
    jose joseph josh joshua juan julian justin karl keith ken kevin kim kyle lars larry lee leo leon
    liam louis luis luke marco marcus mario mark martin matt matthew max michael miguel mike mitch mitt
    mohammed muhammad narendra nathan neil nicholas nick nigel noah olaf oliver omar oscar owen pablo
    patrick paul pedro pete peter phil philip rafael ralph ray raymond ricardo richard rick rishi rob
    robert roger ron ronald roy ryan sam samuel scott sean sergei sergey sebastian simon stephen steve
    steven stuart ted terry thomas tim timothy todd tom tony tyler victor vincent vladimir walter
    wayne william xi yuri zach
    """.split()
)
FEMALE_NAMES = FEMALE_GIVEN_NAMES | frozenset(
    """
    abigail alexandra alice alicia amanda amy ana andrea angela angelina ann anna annalena anne
    barbara betty beth betsy brenda carla carol caroline catherine charlotte chelsea christine claire
    claudia cynthia dana daniela deborah denise diana diane donna dorothy elena elizabeth ella ellen
    emily emma erin eva fatima fiona frances gabriela grace hannah heather helen hillary ingrid irene
    isabel jacqueline jane janet janice jennifer jessica jill joan joanna josephine joyce judith judy
    julia julie karen kamala kate katherine kathleen kathy kelly kim kimberly kristen laura lauren
    linda lisa liz lucy lynn margaret maria marie marine marina martha mary megan melania melissa
    michelle monica nancy natalia natalie nicola nicole nina olga olivia pamela patricia paula
    priya rachel rebecca rose ruth sandra sara sarah sharon sophie stephanie susan suzanne svetlana
    tanya teresa theresa tiffany ursula valerie vanessa victoria virginia wendy yulia zoe
    """.split()
)

PRONOUNS_MALE = frozenset("he him his himself".split())
PRONOUNS_FEMALE = frozenset("she her hers herself".split())
PRONOUNS_PLURAL = frozenset("they them their theirs themselves".split())
PRONOUNS_NEUTER = frozenset("it its itself".split())
PRONOUNS_FIRST = frozenset("i me my we us our".split())

# Quoted words introduced by these are names, titles or mentions, not speech.
MENTION_INTRODUCERS = frozenset(
    """
    so-called dubbed nicknamed titled entitled branded labelled labeled termed word words term phrase
    slogan motto hashtag headline headlined headed
    """.split()
)
# The same, as two words: known as the “Iron Wall”, the term “smoothing”, shown the message “…”.
MENTION_INTRODUCER_PHRASES = frozenset(
    ("known as", "referred to", "the word", "the phrase", "the term", "the message", "the error", "the warning")
)
# Words a quotation is said to be when it is the subject of a copula ("“Parts have been ordered” is a
# phrase that has entered the national vocabulary"): words talked about, nobody's speech there.
MENTION_NOUNS = frozenset("word words phrase term expression slogan motto catchphrase refrain mantra saying".split())
# Things whose written words a text quotes ("a sign reads “…”", "a poster urges visitors to “…”"):
# the words of a thing, not anyone's speech.
SIGN_NOUNS = frozenset("sign signs poster posters banner banners placard placards notice plaque inscription graffiti billboard sticker mural t-shirt".split())
# Written things whose words a clause about a person may introduce with a colon: "He found a note: “…”"
# quotes the note, not him (`attribution.colon_subject`).
WRITTEN_NOUNS = SIGN_NOUNS | frozenset("note notes card label headline caption letter message text".split())
# Words before which a short capitalised quotation is a name given to a thing ("a crossbreed called “Tyson”").
THING_NAMING_WORDS = frozenset("called named".split())
# "a practice he referred to in emails as “smoothing”": verbs of naming, by their first letters.
NAMING_VERB_STEMS = ("refer", "known")
# Words a title leaves in lower case: “The Lord of the Rings”, “Pride and Prejudice”.
TITLE_FUNCTION_WORDS = frozenset("a an the of and or in on at to for with is are from by as vs vs. &".split())
WORK_NOUNS = frozenset(
    """
    book novel memoir film movie documentary series show programme program song album single play
    musical opera poem painting exhibition column article essay headline podcast episode report
    newsletter magazine newspaper game video campaign slogan hashtag study survey strategy piece hymn
    anthem track tune ballad
    """.split()
)

# Place names the statistical model often splits into variants; merged under one canonical name.
PLACE_ALIASES = {
    "us": "United States",
    "u.s.": "United States",
    "u.s.a.": "United States",
    "usa": "United States",
    "united states": "United States",
    "united states of america": "United States",
    "america": "United States",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "great britain": "United Kingdom",
    "united kingdom": "United Kingdom",
}

# Last words that make a name an organisation whatever the statistical label says.
ORG_HEADS = frozenset(
    """
    party ministry department council committee agency commission company corporation corp corp. inc
    inc. ltd ltd. llc plc group bank university college school association union institute court
    army navy police service services battalion brigade regiment front movement federation league
    club team fc board bureau office authority administration government parliament congress senate
    assembly foundation fund trust network network news times post journal tribune guardian herald
    press agency organization organisation alliance coalition caucus cabinet church hospital
    airways airlines
    """.split()
)

# Words that make a name a place when they end it ("Upsala Glacier", "Euclid Avenue") or follow it
# in lower case ("the Syr Darya river"). Words that also end club or company names ("City", "Town",
# "Forest", "Channel", "Port") are left out.
PLACE_HEADS = frozenset(
    """
    river lake glacier mount mountain mountains range valley canyon gorge bay gulf sea ocean strait
    straits canal island islands isles peninsula coast desert reservoir basin delta falls park
    avenue street road boulevard lane square bridge airport province region district highlands
    terminal station stadium arena pier wharf harbour harbor dam creek stream
    springs floodplain estuary lagoon wetland wetlands marshes catchment
    """.split()
)

# Prepositions after which a name is a place, whatever the statistical label ("near Rotterdam").
PLACE_PREPOSITIONS = frozenset("near outside".split())

# Job and role words that introduce a person's name ("chief executive Renata Olsen said"); with
# TITLES, they outweigh a statistical ORG label on a two- or three-word name.
ROLE_NOUNS = frozenset(
    """
    executive analyst economist officer founder co-founder owner manager researcher scientist
    spokesperson spokeswoman spokesman lawyer barrister solicitor historian author writer
    campaigner activist resident chef singer actor actress striker midfielder defender goalkeeper
    producer controller beekeeper
    """.split()
)

# Countries whose name is also a given name ("Jordan Lim", "Chad Morrison", "Georgia Reyes"): alone,
# only the sentence tells the country from the person.
COUNTRIES_ALSO_GIVEN_NAMES = frozenset("jordan chad georgia india kenya israel".split())
# Sovereign states and a few regions that the small model sometimes labels ORG or PERSON.
COUNTRIES = frozenset(
    """
    afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas
    bahrain bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil
    brunei bulgaria burundi cambodia cameroon canada chad chile china colombia comoros congo croatia
    cuba cyprus czechia denmark djibouti dominica ecuador egypt eritrea estonia eswatini ethiopia fiji
    finland france gabon gambia georgia germany ghana greece grenada guatemala guinea guyana haiti
    honduras hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan
    kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia libya
    liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania
    mauritius mexico micronesia moldova monaco mongolia montenegro morocco mozambique myanmar namibia
    nauru nepal netherlands nicaragua niger nigeria norway oman pakistan palau palestine panama
    paraguay peru philippines poland portugal qatar romania russia rwanda samoa senegal serbia
    seychelles singapore slovakia slovenia somalia spain sudan suriname sweden switzerland syria
    taiwan tajikistan tanzania thailand togo tonga tunisia turkey turkmenistan tuvalu uganda ukraine
    uruguay uzbekistan vanuatu venezuela vietnam yemen zambia zimbabwe scotland wales england
    bermuda tobago anguilla montserrat aruba curacao curaçao greenland guam gibraltar macau
    """.split()
) | frozenset(
    # (names of two or three words, one of which may be an honorific's: "Sri Lanka", "Sri" as in "Sri Ram")
    (
        "sri lanka", "new zealand", "south africa", "south korea", "north korea", "saudi arabia", "costa rica",
        "el salvador", "papua new guinea", "solomon islands", "marshall islands", "cook islands", "timor-leste",
        "east timor", "sierra leone", "burkina faso", "cape verde", "south sudan", "united arab emirates",
        "trinidad and tobago", "antigua and barbuda", "saint lucia", "st lucia", "dominican republic",
        "czech republic", "central african republic", "equatorial guinea", "ivory coast", "northern ireland",
        "hong kong", "puerto rico", "new caledonia", "french polynesia", "san marino", "vatican city",
        # territories that print their own English-language news
        "cayman islands", "turks and caicos", "british virgin islands", "faroe islands", "isle of man", "american samoa",
    )
)

# Nouns that a company or club name modifies ("Vantor shares", "Riverside fans"): a lone name
# the NER took for a person is an organisation when it is used like this.
ORG_CONTEXT = frozenset(
    """
    share shares stock stocks revenue revenues profit profits sales customer customers employee
    employees board executive executives shareholder shareholders investor investors headquarters
    subsidiary division unit plant factory store stores brand product products spokesman spokeswoman
    spokesperson staff workforce fans supporters squad stadium ground academy season
    """.split()
)

# Words that open a reported clause without belonging to it: said “that …”, asked “whether …”.
CLAUSE_OPENERS = frozenset(("that", "whether", "if", ",", ":", "—", "–", "-"))

# Numbers in words. The number pattern tries them in this order (the first alternative that fits
# wins), so the order is part of the rule.
NUMBER_WORDS = tuple(
    """
    one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety
    """.split()
)
# Tens joined to units by a hyphen ("seventy-eight"): a number in words that counts on its own.
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
# Nouns for people that an age with a hedge may follow: "people over 85", "voters under 30".
AGED_PEOPLE_NOUNS = frozenset("people adults children patients women men residents voters workers those pensioners".split())
# What makes a number after "the first" part of a period, not a count: "the first two sets", "the first 100 days".
PERIOD_PART_NOUNS = ("months", "weeks", "days", "years", "hours", "minutes", "sets", "games", "rounds", "innings", "matches", "quarters", "laps", "legs")
# Words that multiply the number word before them: "seven hundred years", "two hundred dollars".
HUNDREDS_WORDS = ("hundred", "thousand")
# A quantity's change as a multiple: "doubled", "halved" always; "double" and "triple" only where a
# verb or a multiple stands ("cases double in a month", "roughly double the rate"), not "double shifts".
MULTIPLIED_WORDS = frozenset(("doubled", "tripled", "trebled", "quadrupled", "halved"))
MULTIPLY_WORDS = ("double", "triple", "treble")
MULTIPLY_BEFORE = frozenset(("the", "in", "by", "to", "that", "its", "their", "his", "her", "our", "since", "over", "within", "every", "each", "."))
# Ordinals that count, not order: "a third week", "the third time", "his 14th season", "in the 54th
# minute", "its fifth year", and placings ("finished fifth", "sit sixth", "Third-placed"). Not "first"
# (a first time is news, not a figure) and not a part of a period ("the second half", "third-quarter").
COUNTING_ORDINALS = tuple(
    """
    second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth
    fifteenth twentieth
    """.split()
)
ORDINAL_COUNTED = ("times", "time", "terms", "term", "seasons", "season", "years", "year", "weeks", "week", "straight", "successive", "consecutive", "minute",
                   "dose", "in a row")
# What an ordinal counts only after a possessive: "his eighth goal of the season", "their fifth win", but
# "the second goal came after a corner" orders the match's goals.
ORDINAL_OWNED_COUNTED = ("goal", "win", "title", "century", "try", "hat-trick")
OWNER_WORDS = ("his", "her", "its", "their", "our", "my", "your")
# The units "once" counts by: "once a year", "once every two weeks".
ONCE_UNITS = ("year", "month", "week", "fortnight", "day", "night", "season", "decade", "hour", "minute", "term", "generation", "century")
PLACING_BEFORE = ("finished", "finishing", "finishes", "placed", "sit", "sits", "lie", "lies", "ranked", "now", "climbed to", "moved up to")
# Words after which a bare number names or labels rather than counts: "Line 1", "class eight",
# "page three", "grade nine", "District 12", "call 105".
NAMING_BEFORE = frozenset(
    """
    line lines route page class grade form platform gate flight room ward district terminal channel
    article section chapter clause pier exit junction highway call dial phase
    """.split()
)
# Figures of speech whose number counts nothing: "One second I was standing", "one day", "at one point".
NUMBER_IDIOMS = frozenset((
    "one day", "one night", "one morning", "one evening", "one afternoon", "one point", "one second", "one moment",
    "think twice", "thought twice", "thinking twice",
))
# A bare "half" that names a part of a match or a period, not a share: "half-time", "the second half",
# "a single weak half", "half mast".
HALF_NOT_SHARE_BEFORE = frozenset(("first", "second", "own", "weak", "strong", "single", "the"))
HALF_NOT_SHARE_AFTER = frozenset(("-", "time", "mast", "term", "way", "year", "century"))
# Currencies in words: an amount the recogniser reads as a date ("less than two hundred dollars").
CURRENCY_WORDS = (
    "dollars", "euros", "pounds", "pence", "cents", "rupees", "shillings", "francs", "pesos", "rand", "naira", "cedis",
    "riyals", "dirhams", "dinars", "yen", "yuan", "pula", "kwacha", "ringgit", "taka", "kina", "birr", "rupiah",
)
# Words before a clock time said as a bare number: "at three", "until ten", "past nine".
CLOCK_BEFORE = frozenset(("at", "until", "till", "past", "after", "before"))
# What may follow a clock time said as a bare number: nothing counted ("at three with my youngest").
CLOCK_AFTER = frozenset(("in", "at", "on", "to", "with", "when", "and", "or", "tonight", "this", "that", "every", "sharp", "the", "before", "after", "but"))
MAGNITUDE_WORDS = ("hundreds", "thousands", "millions", "billions", "dozens", "a dozen")
# A share only when "of" follows ("a third of the crop"); "a third boat" is an ordinal.
SHARE_WORDS = ("a half", "a third", "a quarter", "a fifth", "a tenth")
# What a share may stand before when it is one without "of": "a fifth less likely", "around a fifth will be sold".
SHARE_AFTER = frozenset(("less", "more", "fewer", "higher", "lower"))
FRACTION_WORDS = ("half",) + SHARE_WORDS
# Number words that count on their own, with nothing counted after them.
SELF_COUNTING_WORDS = ("two-thirds", "three-quarters", "twice", "twofold", "threefold", "fourfold", "fivefold", "sixfold", "sevenfold", "eightfold", "ninefold", "tenfold")
# Words that are numbers to the NER but count nothing: "One need only…", "a", "an".
NON_COUNTING_WORDS = frozenset(("one", "a", "an"))

# Words in front of a number that belong to the claim: "up to", "more than", "at least", "nearly".
HEDGES = frozenset(
    """
    more less fewer than least most about around nearly almost roughly some over under approximately
    just only every barely
    """.split()
)

# -- Coreference: what a pronoun or a description may stand for (see `coref` and `roles`) -------

# Abbreviated titles, spelt out so "Sgt. Ana Ortiz" is "the sergeant" later.
ROLE_ABBREVIATIONS = {
    "sgt": "sergeant", "sen": "senator", "rep": "representative", "gov": "governor", "lt": "lieutenant",
    "gen": "general", "col": "colonel", "capt": "captain", "cpl": "corporal", "cst": "constable",
    "const": "constable", "insp": "inspector", "supt": "superintendent", "det": "detective",
    "dr": "doctor", "prof": "professor", "pres": "president", "atty": "attorney", "cllr": "councillor", "cr": "councillor",
    "coun": "councillor", "councilor": "councillor", "rev": "reverend", "ceo": "executive",
    "spokesman": "spokesperson", "spokeswoman": "spokesperson",
    "chairman": "chair", "chairwoman": "chair", "chairperson": "chair", "congressman": "representative",
    "congresswoman": "representative", "defenseman": "defenceman",
    # Kenyan and Indian English: "the CS" (Cabinet Secretary), "the PS" (Principal Secretary), "the MoS"
    "cs": "secretary", "ps": "secretary", "mos": "minister", "spp": "prosecutor",
    # the barangay captain of Philippine papers, "the village chief" in their English
    "kap": "chief", "kapitan": "chief", "kagawad": "councillor",
    # police ranks of Caribbean, South Asian and British English: "Snr Supt" (the senior
    # superintendent), "ACP" (an assistant commissioner), "SSP"/"ASP"/"DSP" (superintendents)
    "snr": "senior", "acp": "commissioner", "dcp": "commissioner", "ssp": "superintendent", "asp": "superintendent",
    "dsp": "superintendent",
    # the ranks of Ghana's fire and police services: "ACFO I …" (an Assistant Chief Fire Officer), "DCOP …"
    "acfo": "officer", "dcfo": "officer", "dcop": "commissioner",
    "cfo": "cfo", "coo": "coo", "cto": "cto",
    # South African counsel: "Adv. Lindiwe Ngcobo" is "the advocate", as "Advocate Lindiwe Ngcobo" is
    "adv": "advocate",
    "mce": "executive", "dce": "executive", "cec": "executive",
}
# Abbreviated ranks, written only before a name ("Snr Supt Anil Persad", "Det Insp Ruth Kay"): a name
# after one is a person's whatever the statistical label says, as after an honorific.
RANK_ABBREVIATIONS = frozenset("sgt lt capt cpl cst const insp supt snr det col gen acp dcp ssp asp dsp".split())

# Roles of two words whose head is no role of its own: "chief executive officer Jane Roy" is "the
# CEO" (the executive), "chief financial officer" "the CFO", not any officer.
ROLE_PHRASES = {
    ("executive", "officer"): "executive", ("financial", "officer"): "cfo", ("operating", "officer"): "coo",
    ("technology", "officer"): "cto", ("executive", "director"): "executive",
    # the prosecutor of Caribbean, African and Commonwealth courts: "Crown Counsel Odane Francis" is
    # "the prosecutor" later, as a "State Counsel" is
    ("crown", "counsel"): "prosecutor", ("state", "counsel"): "prosecutor",
    # a business desk's words for the CFO: "the finance chief", "the finance director" after "chief
    # financial officer Reem Al-Kuwari" (a description's modifier and head, read as a role's two words)
    ("punong", "barangay"): "chief", ("barangay", "captain"): "chief", ("barangay", "chairman"): "chief",
    ("finance", "chief"): "cfo", ("finance", "director"): "cfo", ("finance", "boss"): "cfo", ("finance", "head"): "cfo",
}

# Words that end an office's title but seldom an organisation's name: "The Ashanti Regional Fire
# Commander, ACFO I …," is someone's office, in apposition to the name after it (`engine.actors`).
ROLE_NAME_ENDINGS = frozenset("commander executive minister secretary commissioner director chairman chairperson chairwoman mayor governor".split())

# Words that stand in an apposition or before a name without saying what someone is.
ROLE_IGNORED_WORDS = frozenset(
    """
    year years time times day days way thing things lot part kind sort one ones number fact point
    case deal today yesterday tomorrow
    """.split()
)

# Words that make a role another one: "the vice presidential nominee" is not the "presidential
# nominee", "the deputy mayor" not the mayor, "the former premier" not the premier.
DISTINCT_ROLE_MODIFIERS = frozenset("vice deputy assistant associate acting interim former lieutenant co".split())
# ... but the one standing in is still "the chair" once the text has called them "interim chair".
STAND_IN_MODIFIERS = frozenset("acting interim".split())

# Words that make a role noun an epithet for someone already in the story ("the former first lady",
# "the embattled premier"), as a place or party before it does ("the Vermont senator", "the
# Republican nominee"); "the band leader", "the team doctor" may be someone new.
EPITHET_MODIFIERS = frozenset(
    """
    former longtime long-time veteran embattled outgoing incumbent retired then-current current
    presidential vice-presidential first-term two-term three-term seasoned
    """.split()
)
# Nouns for a person from a country or nation ("the Scot said", "the Spaniard said"): in a sports or
# feature story an epithet for someone already named, never a name (the tagger calls some a person).
DEMONYM_NOUNS = frozenset(
    """
    scot scotsman scotswoman englishman englishwoman irishman irishwoman welshman welshwoman
    frenchman frenchwoman dutchman dutchwoman spaniard swede norwegian icelander kiwi aussie brit
    american canadian mexican brazilian argentine argentinian uruguayan colombian chilean peruvian
    australian german italian portuguese belgian swiss austrian croat serb czech slovak hungarian
    romanian bulgarian ukrainian russian georgian turk greek nigerian ghanaian kenyan ugandan
    tanzanian ethiopian cameroonian senegalese ivorian moroccan algerian tunisian egyptian
    zimbabwean zambian jamaican trinidadian barbadian indian pakistani bangladeshi afghan iranian
    iraqi japanese korean filipino indonesian malaysian
    samoan fijian tongan papuan hawaiian estonian latvian lithuanian finn dane pole slovene slovenian
    bosnian albanian macedonian montenegrin kosovan moldovan belarusian armenian azerbaijani azeri
    maltese cypriot lebanese syrian jordanian saudi emirati qatari israeli palestinian lankan nepali
    nepalese thai vietnamese chinese taiwanese singaporean cambodian burmese mongolian kazakh uzbek
    somali sudanese rwandan malawian mozambican angolan namibian liberian gambian malian haitian cuban
    guyanese bahamian venezuelan ecuadorian bolivian paraguayan panamanian honduran guatemalan
    filipina ilonggo ilongga cebuano cebuana bicolano bicolana ilocano ilocana kapampangan visayan
    batangueño batangueña batangueno batanguena caviteño caviteña davaoeño davaoeña porteño porteña
    limeño limeña caraqueño caraqueña paulista carioca
    """.split()
)
# (the regional demonyms of Philippine and Latin American sports pages: "the Batangueña said", "the
# Ilonggo", "the porteño": a word for someone already named, written capitalised in Manila papers)
# Nouns that are an epithet whatever modifies them: a sports writer's words for someone already in
# the story ("the left-hander", "the right-armer", "the skipper", "the winger"), never for someone new.
EPITHET_NOUNS = DEMONYM_NOUNS | frozenset(
    """
    hander left-hander right-hander armer left-armer right-armer skipper youngster teenager
    southpaw winger striker midfielder playmaker centre-back full-back pensioner retiree
    flyer speedster flanker fly-half scrum-half veteran
    """.split()
)
# Entity labels of a modifier that make a role noun an epithet: a place, a party, a nationality.
EPITHET_ENTITY_LABELS = frozenset(("GPE", "NORP", "LOC", "ORG"))

# Prepositions that open a sentence with the person it is about ("For Ana Ortiz, a nurse, the change
# was immediate."): that person is as much in view as a subject for the pronouns after it.
TOPIC_PREPOSITIONS = frozenset("for to".split())

# Nouns for people that say their gender: in an apposition or before a name ("his wife, Jane Doe",
# "spokeswoman Ana Ortiz") they give the name a gender, like a title does.
FEMALE_NOUNS = frozenset(
    """
    woman girl lady wife mother daughter sister widow girlfriend fiancee fiancée grandmother
    granddaughter aunt niece bride mom mum stepmother stepdaughter actress spokeswoman chairwoman
    businesswoman congresswoman councilwoman assemblywoman policewoman sportswoman stateswoman
    waitress heiress duchess countess baroness empress queen princess nun matriarch
    """.split()
)
MALE_NOUNS = frozenset(
    """
    man boy gentleman husband father son brother widower boyfriend fiance fiancé grandfather grandson
    uncle nephew groom dad stepfather stepson spokesman businessman congressman councilman
    assemblyman policeman sportsman statesman duke earl baron emperor king prince monk patriarch
    """.split()
)

# Trades and walks of life that only a person has ("Dai, a retired postman"): in an apposition they
# make a name a person's, as a role does (no company is a postman; a "trader", a "landlord", "the
# author of the report" or "a key driver of growth" may be one).
OCCUPATION_NOUNS = frozenset(
    """
    postman postwoman fisherman fisher baker butcher builder plumber electrician carpenter mechanic
    cleaner cook waiter bartender barman barmaid cashier labourer laborer miner welder shepherd herder
    hawker pharmacist dentist midwife carer caregiver nanny housekeeper janitor caretaker gardener
    engineer architect accountant banker programmer technician lecturer tutor academic scholar pupil
    graduate chorister conductor organist painter sculptor poet dancer filmmaker presenter commentator
    columnist blogger commuter passenger motorist pedestrian shopper tourist pilgrim worshipper
    parishioner villager islander farmer teacher nurse doctor surgeon paramedic firefighter soldier
    student singer musician actor novelist journalist reporter photographer
    pathologist physiotherapist agronomist biologist chemist physicist ecologist geologist
    epidemiologist virologist entomologist botanist zoologist organiser organizer activist campaigner
    forecaster meteorologist hydrologist seismologist volcanologist climatologist oceanographer glaciologist
    """.split()
)
# Vehicles whose driver is a person's trade ("Delroy, a taxi driver from Dangriga"): a "driver" alone
# may be a thing ("a key driver of growth"), a taxi driver may not.
DRIVEN_VEHICLES = frozenset(
    """
    taxi cab bus minibus lorry truck van tractor train tram ambulance delivery rickshaw tuk-tuk
    matatu boda okada jitney
    """.split()
)

# The portfolios of ministers and secretaries ("Minister for Health …", "Secretary for Education …"),
# which the recogniser may take into the name after them.
PORTFOLIO_WORDS = frozenset(
    """
    agriculture health education finance defence defense justice transport energy fisheries tourism
    trade labour labor housing environment works water lands foreign home interior culture sport
    sports youth security treasury commerce industry mines mining communications infrastructure
    """.split()
)

# Verbs of a "who" clause that give its subject a role: "Cheung, who lectures in engineering" is
# "the lecturer" later, "Baptiste, who owns the shop" "the owner".
ROLE_VERBS = {
    "lecture": "lecturer", "teach": "teacher", "coach": "coach", "own": "owner", "chair": "chair",
    "edit": "editor", "manage": "manager", "captain": "captain", "train": "trainer", "found": "founder",
    "direct": "director", "preach": "preacher", "farm": "farmer",
}

# Common nouns for a person: an unnamed source ("a lawyer for the workers said") that "he" or
# "she" may refer back to, and whose gender the noun does not decide unless it is listed above.
PERSON_NOUNS = FEMALE_NOUNS | MALE_NOUNS | ROLE_NOUNS | frozenset(
    """
    person official spokesperson representative lawyer attorney advocate counsel prosecutor judge
    minister secretary president chair director manager executive chief boss owner founder
    officer constable sergeant inspector detective superintendent commissioner chief deputy mayor
    councillor premier governor senator lawmaker legislator politician candidate leader member
    diplomat ambassador envoy adviser advisor aide staffer strategist consultant analyst expert
    economist scientist researcher professor teacher principal student doctor physician nurse
    surgeon paramedic firefighter soldier veteran pilot driver worker employee farmer resident
    neighbour neighbor witness victim survivor suspect accused defendant plaintiff complainant
    patient parent child teen teenager player coach captain defenceman defender forward goalie
    goalkeeper striker midfielder quarterback pitcher athlete runner rookie veteran artist musician
    singer actor writer author novelist journalist reporter editor photographer historian
    volunteer organizer organiser activist campaigner protester organizer chef owner shopkeeper
    landlord tenant homeowner customer voter citizen immigrant refugee priest pastor rabbi imam
    bishop elder chief negotiator investigator auditor inspector clerk guard warden officer
    winger centre center goaltender netminder blueliner linebacker receiver shortstop catcher
    outfielder infielder fullback halfback jockey skier skater swimmer cyclist boxer wrestler golfer
    nominee hopeful frontrunner front-runner incumbent challenger contender businesswoman billionaire
    entrepreneur developer mogul
    skipper bowler batter batsman batswoman opener spinner seamer paceman keeper wicketkeeper
    all-rounder debutant youngster
    fiscal sheriff mentor tactician trader vendor seller
    supporter fan spectator onlooker bystander
    prelate cleric clergyman preacher trainer
    backbencher frontbencher
    hitter setter spiker libero blocker slotman
    don academic lecturer
    """.split() + list(EPITHET_NOUNS) + list(OCCUPATION_NOUNS)
)

# Role nouns that also name the person when they qualify another role: a "consultant physician" is
# "the consultant" later, a "student nurse" "the student"; a "Det. Sgt." (a detective sergeant) "the
# detective".
QUALIFYING_ROLE_NOUNS = frozenset("consultant student trainee apprentice locum detective".split())

# Nouns a description uses for an organisation. The generic ones ("the company", "the firm")
# stand for the organisation most recently in view; the others name a kind that the
# organisation's name or an apposition must share ("the ministry" ← "Ministry of Health").
GENERIC_ORG_NOUNS = frozenset(
    """
    company firm corporation business organization organisation group agency body institution
    outfit enterprise
    """.split()
)
COMPANY_NOUNS = frozenset(
    """
    company firm corporation business retailer carrier airline manufacturer maker automaker
    carmaker startup start-up insurer lender bank conglomerate developer publisher broadcaster
    operator utility chain brand producer supplier distributor exporter importer shipper grocer
    franchise giant inc corp corporation ltd llc plc co holdings
    """.split()
)
# Clipped words for a kind of body that the tagger takes for verbs: "the met office" (meteorological).
ORG_KIND_CLIPPINGS = frozenset("met".split())
ORG_NOUNS = ORG_HEADS | GENERIC_ORG_NOUNS | COMPANY_NOUNS | frozenset(
    """
    ministry department force service commission council board committee police government club
    team side union party charity nonprofit non-profit campaign tribunal court panel regulator
    watchdog office detachment hospital clinic school district authority province city
    municipality town township village band nation
    """.split()
)

# A description may name a role by a broader word than the text used first: "the lawmaker" for
# "Sen. Ana Ortiz", "the officer" for "Const. Tom Reid". Role heads each description word covers.
ROLE_FAMILIES = {
    "lawmaker": frozenset("senator representative mp mpp mla mpa mna legislator assemblyman assemblywoman member".split()),
    "legislator": frozenset("senator representative mp mpp mla mpa mna lawmaker assemblyman assemblywoman".split()),
    "politician": frozenset("senator representative mp mpp mla legislator lawmaker mayor premier governor minister councillor president".split()),
    "officer": frozenset("constable sergeant inspector detective corporal superintendent lieutenant captain officer".split()),
    "executive": frozenset("executive president chair founder owner".split()),
    "boss": frozenset("executive president chair owner manager coach director".split()),
    "doctor": frozenset("doctor physician surgeon".split()),
    "spokesperson": frozenset("spokesperson".split()),
    **{w: frozenset("lawyer counsel attorney barrister solicitor advocate".split()) for w in "lawyer counsel advocate".split()},
    # (a Scottish sheriff is a judge; a procurator fiscal prosecutes)
    **{w: frozenset("judge magistrate justice sheriff".split()) for w in "judge magistrate".split()},
    **{w: frozenset("prosecutor fiscal".split()) for w in "prosecutor fiscal".split()},
    # "the Kiwi-born mentor", "the tactician": a sports writer's words for the coach
    **{w: frozenset("coach manager".split()) for w in "mentor tactician".split()},
    "skipper": frozenset("captain skipper".split()),
    # "the player" for someone the text called by a position ("winger Tiago Ferreira")
    "player": frozenset(
        "player winger striker forward midfielder playmaker defender centre-back full-back goalkeeper keeper defenceman goalie "
        "goaltender quarterback pitcher batter batsman bowler all-rounder opener".split()
    ),
    "captain": frozenset("captain skipper".split()),
    # "the scientist" for "a plant pathologist", "the prelate" for an archbishop, "the cleric" for a priest
    "scientist": frozenset(
        "scientist researcher pathologist biologist chemist physicist ecologist geologist epidemiologist virologist "
        "entomologist botanist zoologist agronomist glaciologist oceanographer climatologist".split()
    ),
    "prelate": frozenset("prelate archbishop bishop cardinal".split()),
    # "the priest" for "Father Dimitrios Lazarou": the title a priest is called by
    "priest": frozenset("priest father fr reverend vicar".split()),
    # "the don", "the academic" for "Prof. Adaeze Nwankwo": what Nigerian, Ghanaian and British papers
    # call a university teacher
    **{w: frozenset("professor lecturer academic don".split()) for w in "don academic".split()},
    # "the pastor" for "Rev. Iosefa Lemalu": a reverend is who a church story calls its pastor
    "pastor": frozenset("pastor reverend".split()),
    # "the minister" for "Rev. Sione Lolohea" as for a government minister: churches call their clergy so
    "minister": frozenset("minister reverend".split()),
    **{w: frozenset("cleric priest pastor reverend imam rabbi bishop archbishop cardinal vicar chaplain".split()) for w in "cleric clergyman".split()},
}

# An organisation's description may use a broader word than its name: "the party" for the "United
# Democratic Congress" or a "National Alliance". Name heads each description word covers.
ORG_FAMILIES = {
    "party": frozenset("congress alliance front movement coalition".split()),
    # "the airline", "the carrier" for "Coral Sea Airways"
    **{w: frozenset("airways airlines".split()) for w in "airline carrier".split()},
}

# Sources that are documents or data rather than people ("a study found", "league figures show"),
# for the sourcing ledger; STATEMENT_NOUNS are documents too.
DOCUMENT_NOUNS = STATEMENT_NOUNS | frozenset(
    """
    study survey poll data figure figures statistic statistics tally count estimate estimates analysis
    research record records census document documents paper papers review audit assessment inquiry
    investigation ruling judgment judgement verdict minutes transcript footage map chart model index
    ad advert advertisement commercial clip article video book documentary
    """.split()
)

# Verbs by which a speaker passes on another's words as they were put: "Quoting the president, she
# said: “…”", "She read from a letter the minister had sent: “…”" (`attribution.relayed`: the words
# are the other's). Reading is relaying only from a written thing (STATEMENT_NOUNS, DOCUMENT_NOUNS).
QUOTING_VERBS = frozenset("quote".split())
READING_OUT_VERBS = frozenset("read".split())

# What relays someone's words without being their source: "X told Y that Z, the readout said", "according
# to a transcript, X said Z" (`engine.reported`: Z is reported as X's, not the document's).
RELAYING_NOUNS = STATEMENT_NOUNS | frozenset("readout transcript summary minutes".split())

# The sources of information a `FINDING_VERBS` verb reports for (`engine.reported`): documents, and
# what polls and tests yield ("the polling average shows…", "the results suggest…").
FINDING_SOURCE_NOUNS = DOCUMENT_NOUNS | frozenset("average averages result results test tests experiment trial projection forecast".split())

# Common nouns for an organisation speaking as one ("the company said", "the ministry said").
INSTITUTION_NOUNS = ORG_HEADS | frozenset(
    """
    firm business employer regulator watchdog airline operator manufacturer retailer insurer lender
    broadcaster publisher carrier charity utility startup start-up military ministry embassy consulate
    prosecution defence defense campaign group side club
    """.split()
)

# Transcript labels: the interviewer's turns ("Q:", "Q.") and the interviewee's ("A:", "A.").
QUESTION_LABELS = frozenset("q question interviewer".split())
# Labels that are a role, not a name ("MODERATOR:", "HOST:"): in a transcript whose other labels name
# people, that role's turn is a quotation of the role, with no actor behind it.
ROLE_LABELS = frozenset("moderator host presenter anchor chair chairperson chairman chairwoman interpreter".split())
ANSWER_LABELS = frozenset("a answer".split())
# Words in an article's introduction that say what follows is an interview, so that questions set as
# paragraphs of their own are read as an interviewer's and the paragraphs after them as answers.
INTERVIEW_WORDS = frozenset(
    """
    interview interviewed interviews q&a conversation conversations spoke speaks talked talks chat
    chatted transcript edited condensed
    """.split()
)

# Actor typing from the article's own words (engine/actor_evidence.py).
# Nouns for family, whose apposition or possessor is a person ("her husband, Léon", "Sauvé's parents").
KINSHIP_NOUNS = frozenset(
    """
    husband wife son daughter mother father brother sister parent parents partner widow widower child
    children grandson granddaughter grandmother grandfather grandchildren aunt uncle cousin niece
    nephew fiancé fiancée fiance fiancee girlfriend boyfriend mum mom dad stepfather stepmother
    """.split()
)
# Nouns for a spouse, by the spouse's gender: "her husband" may be the man who shares her surname.
SPOUSE_NOUNS = {"husband": "m", "wife": "f"}
# Kin nouns that go both ways between two people of one generation: "Ana and her sister Carmen" makes
# Ana Carmen's sister too (if a woman), so "her sister" said of Carmen is Ana. By the kin's gender.
RECIPROCAL_KIN_NOUNS = {"sister": "f", "brother": "m", "sibling": None, "twin": None, "cousin": None}

# Nouns for someone a story need never name ("The victim was taken to hospital. Tom Reid said …"):
# unlike a role ("The transport minister …"), never the person named in the sentence after.
UNNAMED_PERSON_NOUNS = frozenset("man woman boy girl person victim suspect witness resident child".split())
# Nouns a court, tribunal or inquiry makes a pseudonym of with a letter or a number ("Witness A",
# "Patient B", "Soldier F", "Child 3"): the name of one person it shields (`engine.pseudonyms`).
PSEUDONYM_NOUNS = frozenset(
    "witness patient soldier officer victim complainant child pupil student juror informant suspect person "
    "mother father parent employee worker nurse doctor prisoner detainee applicant claimant".split()
)

# Nouns for a business or a body, besides INSTITUTION_NOUNS, whose apposition is an organisation
# ("Korvane, a Lisbon company"; "Spinning Disc, a record shop").
ORGANISATION_NOUNS = frozenset(
    """
    chain maker producer developer brand label studio shop store restaurant cafe café bakery diner pub
    bar hotel brewery winery farm practice consultancy startup nonprofit non-profit band orchestra
    choir newspaper magazine broadcaster outlet subsidiary affiliate app platform
    """.split()
)
# Words for a kind of organisation that stand right before its name ("Premier League side Hartwell
# City", "tech firm Lumora", "the broadcaster RT"); not "producer" or "maker", which a state can be
# ("coal-producer West Virginia").
ORG_KIND_NOUNS = frozenset(
    """
    firm company group side club team outfit newspaper paper network broadcaster airline carrier retailer
    charity band label startup start-up bank insurer lender regulator watchdog conglomerate chain
    """.split()
)
# Nouns for a place, whose apposition is a place ("Narsaq, a town of 1,300").
PLACE_NOUNS = frozenset(
    """
    city town village hamlet province state country region county municipality capital suburb
    neighbourhood neighborhood district island port settlement community borough
    """.split()
)
# Verbs only people do, as their subject ("Arsenault died", "Vold laughs").
HUMAN_VERBS = frozenset("die marry smile laugh shrug grin frown wink weep cry sigh nod blush retire".split())
# Prepositions of place and how much they say: "in X" is nearly always a place, "from X" or "on X" less
# ("lost off Fleetwood", the sea by a town; only the preposition's, not the particle's of "sold off X").
LOCATIVE_PREPOSITIONS = {"in": 2, "near": 2, "outside": 2, "across": 1, "throughout": 1, "from": 1, "on": 1, "off": 1}
# Verbs of going somewhere: the name "to" which someone travels is a place ("flew to Brussels", "Athletic
# travel to Doncaster"). Not "move" or "transfer": a player moves to a club.
TRAVEL_VERBS = frozenset("travel fly return head drive sail flee emigrate relocate journey commute trek deport evacuate".split())
# Nouns of going somewhere whose "to X" is where one goes: "a visit to Jordan", "charters to Florence",
# "flights to Darwin" (a place, as after "flew to").
TRAVEL_NOUNS = frozenset("visit visits trip trips flight flights charter charters route routes service services journey voyage tour".split())
# A team's staff and players, named after the team in front ("Vale manager Alan McCrindle", "the Wexley
# winger", "Apple boss Tim Cook"): the name in front is a club or a firm, never a person. Not "chief",
# "adviser", "aide", "spokesman", "campaign manager": people have those too ("Obama adviser").
CLUB_STAFF_NOUNS = frozenset(
    """
    manager boss coach captain skipper goalkeeper keeper striker midfielder defender winger forward
    full-back fullback centre-back center-back playmaker substitute debutant player players squad
    """.split()
)
# Nouns whose "of X" names a place: "the people of Dhemaji", "the outskirts of Eldoret", "districts of
# Assam"; a place noun itself ("the town of Narsaq") is one too.
PLACE_OF_NOUNS = PLACE_NOUNS | frozenset(
    """
    people residents citizens inhabitants villagers townspeople outskirts suburbs streets centre center parts
    heart edge north south east west northeast northwest southeast southwest districts villages towns
    counties provinces regions
    """.split()
)
# Titles of an office that governs a place, whose holder is "of X": "Governor Agnes Chemutai of Uasin
# Gishu", "the mayor of Leeds".
PLACE_OFFICE_TITLES = frozenset("governor mayor premier deputy-governor lord-mayor emir sultan king queen oba olu bishop archbishop".split())
# Nouns whose "in X" is a firm, not a place: "shares in Northwind Energy", "a stake in Restwerk".
HOLDING_NOUNS = frozenset("share shares stake stakes investment investments holding holdings shareholding interest".split())
# Nouns a place name modifies in front: "the Perth pitch", "the Ilaro–Owode road", "the Eldoret bypass".
PLACE_MODIFIED_NOUNS = frozenset(
    """
    pitch wicket ground road highway expressway motorway freeway bypass railway airport harbour harbor
    waterfront suburbs outskirts border coastline floods earthquake township townships
    province provinces district districts region regions county counties
    constituency constituencies governorate governorates municipality municipalities parish parishes
    route routes charters flights
    neighbourhood neighborhood neighbourhoods neighborhoods barrio suburb
    """.split()
)
# Last words of a name that only an organisation's name ends in, beyond ORG_HEADS (which also serve
# as descriptions, "the company said", so a guard or a star is kept out of them): "Walker Gallery",
# "Baptiste's Grocery", "Malta Developers Forum", "Coast Guard", "Montgomery County Jail", "Busoga
# United", "Lira Rangers", "Tembo Resources". (Not "Athletic", "City", "Town": a lone word or a place.)
ORG_NAME_HEADS = frozenset(
    """
    gallery galleries grocery grocers forum guard guards jail prison penitentiary society united rangers
    rovers wanderers stars resources holdings industries enterprises airways airlines commons
    list
    """.split()
)
# First words that only an organisation's name begins with, before another name: airlines named for
# their country or city ("Air Vanuatu", "Air Seychelles"), which the model takes for people.
ORG_NAME_FIRSTS = frozenset("air".split()) | frozenset(
    # universities, institutes and banks named in Spanish, Portuguese, French, Italian or German, which
    # the model takes for a person with the name of a place at the end ("Universidad Católica de Chile")
    "universidad universidade université universite università universita universität universitat "
    "instituto institut istituto banco banque".split()
) | frozenset(
    # hospitals, clinics, schools, museums and foundations named so ("Hospital Baptista de Sousa",
    # "Clínica Santa Maria", "Museu Nacional"), which the model takes for a place or a person
    "hospital hôpital clínica clinica museo museu musée escola escuela colegio colégio liceo lycée "
    "fundación fundação fondation".split()
)
# Last words of the names of states, which the model rightly labels places although an organisation's
# name can end in them too ("the Soviet Union", "the Russian Federation", "the Commonwealth of Dominica").
STATE_NAME_HEADS = frozenset("union federation confederation commonwealth republic kingdom emirates states".split())
# Verbs and nouns of posting and saying whose "on X" is the medium, not a place: "telling fans on
# X", "shared the post on X", "a video on X" (an organisation, whatever the model makes of it).
MEDIUM_VERBS = frozenset("post share write tell say announce publish upload tweet stream livestream broadcast reveal comment reply respond".split())
MEDIUM_NOUNS = frozenset("post posts message messages video videos statement page account feed livestream".split())
# Words after a name that make it where something is based or born ("Leipzig-based", "Preston-born").
ORIGIN_SUFFIXES = frozenset("based born raised bred headquartered".split())
# Names that are never actors, whatever the model labels them: time zones and page furniture.
NOT_ACTORS = frozenset("gmt utc bst est edt cst cdt mst mdt pst pdt cet cest aest aedt q&a faq christmas easter".split())
# Prepositions after which a capitalised name the model left unlabelled (or took for a book or a
# product) is a place: "at Matelot", "near Huliaipole", "from Kwazakhele", "off Matelot". Not "on"
# ("on Instagram", "on Main Street") nor "to" ("to Vipers").
UNLABELLED_PLACE_PREPOSITIONS = frozenset("in at near off from outside".split())
# Words for how large an amount is, written after its figure ("R1.4 billion", "KSh300m", "Rs 4,200 crore").
AMOUNT_MAGNITUDES = ("trillion", "billion", "million", "thousand", "crore", "lakh", "bn", "tn", "m", "k")
# Signs of a currency: a name with one in it is an amount the model took for a name ("GH₵4").
CURRENCY_SIGNS = frozenset("$€£¥₹₦₵₱₩₽₺₴₪")
# Letters that stand for a currency, written right before a figure ("R98", "Shs3,000", "KSh450"):
# one word the model takes for a name. (Not "K", "N", "P" alone: "K9", "P5" are names of things.)
CURRENCY_LETTERS = ("R", "Rs", "Sh", "Shs", "KSh", "Ksh", "TSh", "Tsh", "USh", "Ush", "Rp", "RM", "Dh", "Dhs", "Tk", "Br", "Nu", "Rf", "GH¢", "GHS", "ZK", "TT", "J", "EC", "Bds")
# Words that open a place's name before the name proper ("River Awbeg", "Lake Naivasha", "Mount
# Elgon"): the name proper alone is then the same place.
LEADING_PLACE_WORDS = frozenset("river lake mount mt mt. loch lough".split())
# Last words of an organisation named after its place: the name's first word is then the place
# ("Kent Police", "Merrigan Shire Council"), not a short form of the organisation.
PUBLIC_BODY_HEADS = frozenset(
    """
    police council court university college school hospital government ministry department shire
    county city province state parliament assembly authority service services commission board
    """.split()
)
# First words of a name that are no short form of it ("National Gallery", "New Democrats").
NAME_PREFIX_WORDS = frozenset(
    """
    the new united national royal saint st north south east west northern southern eastern western
    central great greater upper lower old first international federal general public state city
    county american british canadian european australian
    """.split()
)
