"""The engine on the project's own sample articles (seeds/articles), against their gold.

Every gold quotation must come out as a `quote` span with exactly the gold offsets and the right
speaker, except the misses listed in KNOWN_MISSES: each entry is a real limitation, written down
so that a regression elsewhere fails loudly and a fix shows up as a stale entry here.
"""

from pathlib import Path

import pytest

from claimlight.engine import analyze
from claimlight.evaluation.articles import Score, _speaker_right, load_gold, score

SEEDS = sorted((Path(__file__).parents[2] / "seeds" / "articles").glob("*.json"))

# (article id, start of the quotation) → why the engine gets its speaker wrong today, or (for a
# quotation nested in another) does not report it as a quote of its own.
KNOWN_MISSES = {
    ("live-blog-ukraine-recovery", "“Threat of ballistic missile"): "the source is a channel named before an emoji and a colon",
    ("politics-nigeria-road-flag-off", "“Our fathers travelled"): "'the monarch' for a traditional ruler the model typed an organisation",
    ("hearing-rail-agency-committee", '"They promised us signals'): "the speaker is named only in the next sentence ('The words were Van Wyk's')",
    ("politics-ghana-northern-roads", "‘fix the roads first’"): "a headline's partial quotation that no later quotation repeats is left without a speaker",
    ("op-ed-kingston-buses", "“All three?"): "'he' for a man named only as a first name in apposition to 'his first name', which the model takes for a place",
    ("ruling-duluth-protest-fees", '"extraordinary public safety costs"'): "the words of an ordinance, quoted as the object of what it allows a city to do: left without a speaker",
    ("entertainment-marchetti-tour-cancelled", '"enormous pressure'): "an organisation whose name holds a verb ('Mind Your Stage'), of which the model takes the first word only",
    ("entertainment-marchetti-tour-cancelled", '"Day one of doing nothing.'): "'the caption read' of a post the sentence before names only by its poster's verb: left without a speaker",
    ("profile-okafor-reid-referee", '"She is very strict.'): "the sentence before ends on 'her mother says', a relation to someone else's daughter: left without a speaker",
    ("letter-mbabane-nurses-staffing", "“Some of us have been here"): "a 'they' for one named nurse speaking as 'we' and 'us', taken for the signatories the paragraph before called 'they'",
    ("letter-mbabane-nurses-staffing", "“Nobody wants to be the nurse"): "carries on the quotation above, whose 'they' went to the signatories",
    ("weather-port-vila-cyclone-ruma", "“The islands to the south"): "a 'they' for one named volunteer speaking as 'us' and 'we', taken for 'their teams' of the clause the volunteer said before",
    ("weather-port-vila-cyclone-ruma", "“On the last two cyclones"): "carries on the quotation above, whose 'they' went to 'their teams'",
    ("obituary-thimphu-master-weaver", "‘Tell them to come"): "'She said' inside a daughter's quotation stands for 'their mother' of the sentence before, which the text never ties to the deceased's name: left as 'their mother'",
    ("sports-beirut-striker-transfer-stalls", "“Negotiations with the player"): "'the Qatari club' for a club the text made Qatar's only as 'Qatar’s Lusail Stars': left as the description",
    ("health-irbid-heart-unit-infection", "“Nobody from the hospital called us"): "a 'they' for one relative speaking as 'we' and 'us': left as 'they'",
    ("technology-seoul-payment-app-flaw", "“I found out from a post"): "'she said' for a worker brought in as 'who gave only her family name, Lim,': left as 'a 35-year-old office worker'",
    # the sixth round
    ("business-tallinn-payments-outage", "“We are deeply sorry"): "'a spokesperson said in an emailed statement' for the company named before: given as the unnamed spokesperson",
    ("business-tallinn-payments-outage", "“No card data"): "carries on the quotation above, given as the unnamed spokesperson",
    ("business-tallinn-payments-outage", "“We have identified the cause"): "'An update on its status page … read:': the update's owner is the possessor of the page, not of the update: left without a speaker",
    ("court-inverness-dog-attack", "‘He’s never done that"): "'the accused' inside the fiscal's account, for a man the report never calls so: left as the description",
    ("crime-arima-missing-fisherman", "“He owed nobody"): "'the boat’s owner' for a man the text introduced as the owner of something else: left as the description",
    ("crime-arima-missing-fisherman", "“He was talking about"): "carries on the quotation above, left as the description",
    ("crime-arima-missing-fisherman", "“Tomorrow the fish"): "'her brother' for the one man sharing his sister's surname, whose gender nothing in the text states: left as the description",
    ("health-kandy-dengue-ward", "'Drink, drink"): "'The doctor' inside a patient's quotation is given to the consultant the narrative named, not left as the patient's unnamed doctor",
    ("panel-valletta-rent-roundtable", "“We have approved"): "'the academic' for a woman introduced only as one who 'teaches planning' (the lede's 'a planning academic'): left as the description",
    ("panel-valletta-rent-roundtable", "“Of course the margins"): "a bare turn in a quick exchange carries on the previous speaker",
    ("politics-malaysia-penang-flood-levy", "“Last November"): "'the 61-year-old said' in a sentence the parse breaks ('said' a noun) after an unnamed 'drinks seller': left without a speaker",
    ("politics-malaysia-penang-flood-levy", "“If the money"): "carries on the quotation above, left without a speaker",
    ("profile-aberaeron-harbour-choir", "“Dai, you sing"): "a wife's words inside her husband's quotation: given as 'My wife', whose name comes only in the next paragraph",
    # the seventh round
    ("education-dhaka-single-shift", "“In the afternoon everyone"): "'the class nine student' for a girl the text brought in only as 'Her elder daughter, Tania, 15': left as the description",
    ("election-douglas-south-recount", "‘People talk to you"): "'they' for a candidate, through the 'they' of the sentence before, taken for the party the text names in 'the Green candidate'",
    ("aviation-hong-kong-turbulence", '"a few minutes"'): "a two-word partial quotation with no cue of its own after 'had been switched on' is read as a scare quote",
    ("fisheries-walvis-bay-quota", "‘The fish come back"): "a skipper's words inside a deckhand's quotation ('He told us:') are left with the quotation around them",
    ("religion-port-moresby-easter-sermon", "'I have no more sons"): "a mother's words from a letter, inside the archbishop's quotation ('She wrote to me:'), are left with the quotation around them",
    # the eighth round
    ("court-montego-bay-crossing-crash", "“This was not a moment"): "'he' for the prosecutor, whom a paragraph-opening 'Her brother' (the girl's, named far back) was taken for, which made him a woman: given to the defendant",
    ("council-gibraltar-tower-objection", "“The commission may wish"): "'The Town Planner, Giselle Caetano,' which the model takes for two bodies: 'she' is left unresolved",
    ("parliament-bridgetown-water-questions", "“Ordered from where?"): "'came a voice from the back' (the voice parsed as the verb's attribute), after a phrase talked about that is read as speech: carries on that phrase's 'that'",
    ("parliament-bridgetown-water-questions", "“Not soon."): "'the Opposition’s man' for the member the text named: given as the Opposition's man",
    ("parliament-bridgetown-water-questions", "“The people of St Philip"): "carries on the quotation above, given as the Opposition's man",
    ("parliament-bridgetown-water-questions", "“Which month?”"): "a bare question whose asker only the next sentence names: carries on the minister who answered before it",
    ("science-mauritius-lagoon-reserves", "“We lost whole weeks"): "a 'they' for one person named as the agent of the sentence before: given to 'the team' two paragraphs up",
    ("weather-guyana-east-coast-flooding", "“We did not even have time"): "'They said' after 'Among them is …, a student who came with their grandmother': 'they' is taken for the people 'them' stands for (given to the commission)",
    # the ninth round
    ("consumer-nassau-airline-refund", "“The airline cancelled"): "'she writes' for a reader brought in only as 'a reader in Freeport who signs herself M.R.': initials are no name, and 'she' is left unresolved",
    ("consumer-nassau-airline-refund", "“That was eighteen weeks"): "carries on the quotation above, left as 'she'",
    ("consumer-nassau-airline-refund", "“He says, ‘Call them"): "the aside 'she adds' of the sentence before, left unresolved",
    ("consumer-nassau-airline-refund", "“I am not asking"): "carries on the quotation above, left as 'she'",
    ("court-nicosia-land-registry-trial", "“Never. He did not sign"): "a bare answer to the prosecutor's question ('he asked'): left without a speaker rather than given to the one who asked",
    ("court-nicosia-land-registry-trial", "“That is mine."): "'the accountant' for the witness the lede brought in as 'An accountant who kept the books' and named as 'The witness': left as the description",
    ("court-nicosia-land-registry-trial", "“You were angry with my client"): "the cross-examiner's bare question after a paragraph about the witness ('Under cross-examination by …, Georgiou accepted …'): given to the witness",
    ("court-nicosia-land-registry-trial", "‘It is safer with you"): "the defendant's words inside the witness's quotation ('He told me,') are left with the quotation around them",
    ("parliament-lilongwe-fertiliser-sketch", "“The programme is on course"): "'the minister began' for a member the lede calls 'the Minister of Agriculture' and the next paragraph names with no role: given as the lede's description",
    ("tribute-nukualofa-netball-coach", "“Mele taught girls"): "'the minister' for a reverend whose name a glottal stop printed as ‘ cuts ('Sione ‘Ofa Lolohea'): the model's name has no 'Rev.', left as the description",
    # the tenth round
    ("court-arusha-tour-van-sentencing", "“Daudi carried"): "a widow's statement 'read Peter Kimaro', whom she asked to read her words: given to the reader",
    ("court-arusha-tour-van-sentencing", "“Our own children"): "carries on the quotation above, given to the reader",
    ("debate-haifa-mayoral-runoff", "“The buses are late"): "'the incumbent' for a mayor 'seeking a third term': left as the description",
    ("debate-haifa-mayoral-runoff", "“I have written to three"): "carries on the quotation above, left as the description",
    ("debate-haifa-mayoral-runoff", "“Will either of you"): "'a question sent in by a viewer in Kiryat Haim:': the asker is the object of 'by' under the question noun; given as 'the debate'",
    ("factcheck-cairo-ration-cards", "“half of the families"): "a fact-check's 'CLAIM:' line gives 'A member of parliament', named only in the next paragraph: left as the description",
    ("labour-lautoka-sugar-mill-talks", "“He has been listening"): "'the union leader' for the union's general secretary: left as the description",
    ("podcast-bermuda-cruise-cap", "“I agree with the spreadsheet"): "a bare reply in a quick exchange after a plain 'said' (no retort, no question): carries on the previous speaker",
    ("review-buea-mango-season-novel", "“The mango tree"): "'the novel begins' (no verb of speech) before a clause whose 'argues' is taken for the cue: given as 'the family'",
    ("review-buea-mango-season-novel", "“I have been telling her"): "'he' for a publisher named inside the author's quotation, typed an organisation by the model: left unresolved",
    ("review-buea-mango-season-novel", "“Nobody owns the rain"): "'the book’s last line' in apposition to the quotation, with the reviewer's 'I' before it: given as 'the writer'",
    # the thirteenth round
    ("arts-ulaanbaatar-fiddle-maker", "“Your father’s neck"): "'Then he said,' inside an unlabelled answer, for an old master brought in two sentences before, with the maker's father ('My father') in the answer above: given to the father",
    ("aviation-brunei-kemuning-new-routes", "“Pilgrims ask for Jordan"): "'she' for 'Dayang Nurul Huda binti Haji Ahmad', whose honorific and given name the model cuts off: given as 'Huda binti Haji Ahmad' (the right person, scored wrong)",
    ("business-wroclaw-kowalczyk-dairy", "“We still eat Sunday"): "'his mother laughed.' before a bare quotation, for the founder whom her son's paragraph calls 'My mother': left without a speaker",
    ("business-wroclaw-kowalczyk-dairy", "“We negotiated in good faith"): "a Czech creamery's name ('Mlékárna Horní Údolí') that the model cuts into a place and a person: given as 'Údolí' (the right body, scored wrong)",
    ("business-wroclaw-kowalczyk-dairy", "“consider its options"): "the same statement, given as 'Údolí'",
    ("business-wroclaw-kowalczyk-dairy", "“Keep them."): "'The founder' for the woman the lede says started the company: left as the description",
    ("politics-atlanta-groundwater-cap", "“This is the first inning"): "'the Tifton Republican said' for the senator brought in as 'a Republican from Tifton': the model reads the description as a name, left as it is",
    ("wire-tbilisi-fuel-truck-ban", "“Nobody wants a fight"): "'he' after 'an Azerbaijani official who was not authorised to speak publicly said …': given to the trucker named in the paragraph before",
    # the fourteenth round
    ("sports-manila-volleyball-semifinal", "“We talked about it after Game 1"): "'said the 5-foot-11 opposite hitter' for a player named only as the object of 'from' in the sentence before ('Behind 27 points from Angelica “Gel” Dimaculangan'), whose given name the nickname cuts off: left as the description",
    # the sixteenth round, written for numbers and reported speech: pronouns given to the person named last
    ("business-johannesburg-grocer-interim-results", "“They beat on profit"): "'she said' after an analyst (a woman) who is the subject of the sentence before, given to the finance director named two paragraphs up",
    ("health-montreal-shingles-vaccine-dementia", "“I did it for the rash"): "'she said' for 'Lucie Bergeron, 72, a retired teacher', after 'her sister spent three weeks in hospital': given to the sister",
    # a first-round seed, since the seventeenth round's surname rule: 'Arsenault sold the business' is now the
    # deceased (it went to her son, named last), and the reading takes 'The current owner, a numbered company,' after it for her
    ("obituary-evelyn-arsenault", '"Evelyn built the place'): "'the statement read' for 'The current owner, a numbered company,' after 'Arsenault sold the business': the description is taken for the seller",
    # the seventeenth round
    ("weather-gisborne-waipaoa-stopbank", "“It came up faster"): "a bare quotation paragraph whose speaker the next paragraph brings in ('Mere Houkamau, 71, was one of the last to leave'): carries on the father quoted before",
    ("court-castries-boat-fare-manslaughter", "“Remorse is real"): "'she said' for the judge after 'The judge said …', with defence counsel (a woman) quoted two paragraphs up: left unresolved",
    ("arts-lagos-bakare-twins-producers", "“She means we are shy"): "'Her brother cuts in before she can finish.' before the quotation: no verb of saying, and 'her brother' of twins called by given names only: left without a speaker",
    ("arts-lagos-bakare-twins-producers", "“I had the keys"): "a bare quotation after 'The split happened by accident, she noted, …', whose 'she' is read as the brother (twin given names say no sex)",
    ("arts-lagos-bakare-twins-producers", "“That is true. Six o"): "'his sister said' for the twin sister, with another sister named as 'their sister': left as the description",
    ("weather-evia-mantoudi-wildfire", "“The bees will come back"): "'Her husband shook his head.' before the quotation, for the man whose wife the paragraph before named: left without a speaker",
    ("community-donegal-arranmore-ferry-fares", "“We will not leave"): "'her husband said' for the man of 'Séamus and Bríd Ó Dónaill': left as the description",
    ("entertainment-singapore-hawker-film-debut", "“I thought they were joking"): "'the 67-year-old said' with no age stated before, after 'Tan cast Rahim …, after seeing him argue': given to the director through 'him'",
    ("entertainment-singapore-hawker-film-debut", "“Rahim directed me"): "'Tan laughs.' before the quotation, parsed with 'laughs' a noun: left without a speaker",
    # the eighteenth round, other genres, scored before any speaker rule for it (left to the speaker rules)
    ("profile-matatlan-mezcal-distiller", "“I see it, abuela.”"): "a grandson's bare reply to his grandmother, in an exchange of bare quotation paragraphs the text gives no cue: carried on as hers",
    ("profile-matatlan-mezcal-distiller", "“Then we plant more.”"): "the grandmother's bare reply after her grandson 'does the sums out loud': carried on as his",
    ("profile-matatlan-mezcal-distiller", "“So we plant today.”"): "the grandmother's last bare turn of the exchange: carried on as her grandson's",
    ("sports-ndola-kafue-rangers-copperbelt-united", "“The boy is special"): "'said Rangers coach Beauty Nkandu': given to the club, the name before her title",
    ("sports-ndola-kafue-rangers-copperbelt-united", "“We were poor for 40 minutes"): "carries on the quotation above, given to the club",
    ("review-kadikoy-lodos-meyhane", "“Fish costs me 60 per cent"): "'the chef said' for a woman the review introduced by name and 'opened Lodos', never as a chef: left as the description",
    ("review-kadikoy-lodos-meyhane", "“I can put it on the plate"): "carries on the quotation above, left as the description",
}

# article id → why the engine reports more than the one false quotation the test allows (each a real
# limitation, written down as KNOWN_MISSES are: a fix shows up as a stale entry here).
KNOWN_FALSE_QUOTES = {
    "op-ed-winnipeg-library-hours": "scare quotes ('“right-sizing”' twice, '“optimized.”') and a rhetorical question put in a generic mouth ('People who … like to ask, “…?”')",
    "qa-durban-chief-lifeguard": "the interviewer's questions, labelled by her surname ('Pillay:') as the interviewee's answers are by his, read as her answers",
}

# The articles written as unseen held-out material after the first fifteen (seeds/README.md): their
# figures are guarded on their own, so that the first fifteen keep their stricter ones.
HELD_OUT = {
    "politics-india-flood-relief", "politics-nigeria-road-flag-off", "profile-hobart-ferry-skipper",
    "health-kaiwaka-water-contamination", "hearing-rail-agency-committee", "sports-perth-test-press-conference",
    "qa-heat-wards-initials", "politics-kenya-doctors-strike",
    # the third round: other Englishes and genres, written and annotated before the engine was run on them
    "council-aberdeen-bus-gate", "business-halvern-pipeline-delay", "court-singapore-invoice-scheme",
    "politics-ghana-northern-roads", "health-night-shift-naps", "obituary-desmond-furlong",
    "sports-wexley-brindle-draw", "op-ed-kingston-buses",
    # the fourth round: genres and situations the first thirty-one lack, annotated before the engine was run on them
    "crime-dayton-store-shooting", "ruling-duluth-protest-fees", "parliament-ferry-contract-debate",
    "sports-ferreira-transfer-talks", "weather-lismore-flood-return", "arts-brennan-seascapes",
    "community-baptiste-corner-shop", "politics-punjab-wheat-walkout",
    # the fifth round: other genres (a study, a celebrity's posts, leaked documents, a war dispatch) and
    # other politics (Irish, South African, Philippine), annotated before the engine was run on them
    "politics-ireland-galway-housing", "politics-south-africa-no-confidence", "science-walking-school-study",
    "entertainment-marchetti-tour-cancelled", "investigation-eastmoor-theatre-emails",
    "conflict-huliaipole-drone-crews", "profile-okafor-reid-referee", "politics-philippines-flood-control-probe",
    # the sixth round: a Caribbean police appeal, Malaysian and Sri Lankan dailies, a tech trade story, a
    # roundtable, a Pacific sports report, a Welsh feature of first names, a Scottish sheriff court
    "crime-arima-missing-fisherman", "politics-malaysia-penang-flood-levy", "health-kandy-dengue-ward",
    "business-tallinn-payments-outage", "panel-valletta-rent-roundtable", "sports-suva-sevens-final",
    "profile-aberaeron-harbour-choir", "court-inverness-dog-attack",
    # the seventh round: a Hong Kong air incident, Bangladeshi schools, Ugandan coffee, a Gulf product review,
    # Namibian fisheries, a Nepali trek, a Papua New Guinean sermon, an Isle of Man count; annotated before
    # the engine was run on them (71 of 95 speakers right then, 92 of 94 after the round's rules)
    "aviation-hong-kong-turbulence", "education-dhaka-single-shift", "agriculture-masaka-coffee-wilt",
    "review-abu-dhabi-smart-ring", "fisheries-walvis-bay-quota", "travel-mardi-himal-trek",
    "religion-port-moresby-easter-sermon", "election-douglas-south-recount",
    # written for reported speech (a council's reprieve, a study's findings), measured before its rules changed
    "council-tidewater-library-reprieve", "science-fjord-lice-study",
    # the same, session 25: a business story built on a filing and analysts' views, and a diplomatic row of who told whom what
    "business-corvane-filings-analysts", "wire-lake-victoria-patrols",
    # written for actors: a Zambian regional story and a Ugandan derby, dense in towns, townships, clubs
    # named after towns and bodies the small model has not seen, measured before the actor rules changed
    "politics-zambia-copperbelt-acid-spill", "sports-uganda-gulu-arua-derby",
    # the eighth round: a Jamaican sentencing with victim statements, a Mauritian reef study, a Botswana
    # earnings call, a Samoan obituary, a Zimbabwean match report, a Guyanese flood update, a Gibraltar
    # planning row, a Barbados question-time sketch; annotated before the engine was run on them (67 of
    # 90 speakers right then, 82 of 90 after the round's rules)
    "court-montego-bay-crossing-crash", "science-mauritius-lagoon-reserves", "business-gaborone-telecom-results",
    "obituary-apia-school-principal", "sports-harare-derby-managers", "weather-guyana-east-coast-flooding",
    "council-gibraltar-tower-objection", "parliament-bridgetown-water-questions",
    # the ninth round: a Qatari earnings call, an unlabelled Rwandan interview, a Cypriot trial's questions and
    # answers, a Malawian sketch with heckles, a Bahamian consumer column, a Maldivian explainer of experts by
    # surname, a Sierra Leonean briefing relaying others' words, a Tongan tribute of unnamed friends; annotated
    # before the engine was run on them (62 of 81 speakers right then, 71 of 81 after the round's rules)
    "business-doha-cold-chain-results", "qa-kigali-drone-blood-runs", "court-nicosia-land-registry-trial",
    "parliament-lilongwe-fertiliser-sketch", "consumer-nassau-airline-refund", "explainer-male-reclaimed-islands",
    "politics-freetown-vaccine-briefing", "tribute-nukualofa-netball-coach",
    # the tenth round: a Tanzanian sentencing with victim statements read by others, a Belizean radio
    # phone-in of callers by first name, a Haifa debate of two women and a moderator, an Egyptian
    # fact-check, a Bermudian podcast of three hosts, a Cameroonian book review, a Fijian mill dispute
    # with joint statements, an Omani match report with interpreters; annotated before the engine was
    # run on them (95 of 119 speakers right then, 108 of 119 after the round's rules)
    "court-arusha-tour-van-sentencing", "radio-belmopan-fuel-phone-in", "debate-haifa-mayoral-runoff",
    "factcheck-cairo-ration-cards", "podcast-bermuda-cruise-cap", "review-buea-mango-season-novel",
    "labour-lautoka-sugar-mill-talks", "sports-muscat-seeb-dhofar-interpreter",
    # the eleventh round: a Bhutanese obituary quoting the deceased's old interview, a Solomon Islands
    # question time of members by seat, a Vanuatu cyclone update of agencies and unnamed staff, a Liberian
    # trial of two women counsel titled "Cllr.", a Gambian election night of voters by first name, an
    # Eswatini open letter and its signatories, a Kuwaiti earnings call, a Lebanese transfer row;
    # annotated before the engine was run on them (86 of 98 speakers right then, 92 of 98 after the round's rules)
    "obituary-thimphu-master-weaver", "parliament-honiara-wharf-questions", "weather-port-vila-cyclone-ruma",
    "court-monrovia-depot-fire-trial", "election-banjul-mayor-count", "letter-mbabane-nurses-staffing",
    "business-kuwait-sadeem-logistics-results", "sports-beirut-striker-transfer-stalls",
    # the twelfth round: a Jordanian hospital's infection cluster with its statement, a union and an unnamed
    # nurse, a climate-talks walkout of delegations, a Seoul app's flaw told in a blog post and a researcher's
    # thread, a Botswana trial of witnesses by pseudonym, an Icelandic festival review of fans by first name,
    # a Gatineau police appeal of a detective and a sister, a Ho Chi Minh City council of "Mr. Hung", an Addis
    # Ababa housing lottery of given names; annotated before the engine was run on them (88 of 107 speakers
    # right then, 103 of 107 after the round's rules)
    "health-irbid-heart-unit-infection", "wire-bonn-island-states-walkout", "technology-seoul-payment-app-flaw",
    "court-lobatse-land-board-witnesses", "review-hafnarfjordur-harbour-festival", "crime-gatineau-missing-nurse-appeal",
    "politics-hcm-city-metro-line-delay", "politics-addis-ababa-condominium-lottery",
    # the thirteenth round: a Polish dairy named after its founder, a wire roundup of ministries on Georgia
    # the country beside Savannah, Georgia, a Bruneian airline's routes to places that are given names
    # (Darwin, Florence, Jordan, Chad, Victoria), Karachi agencies by acronym, a Chilean paper and people
    # of two family names, an unlabelled Mongolian interview, an Atlanta capitol story of legislators
    # named Chad and Jordan, a Mildura union organiser who goes by "they"; annotated before the engine was
    # run on them (94 of 114 speakers right then, seven of the misses wrong names; 106 of 114 after the
    # round's rules, one a wrong name)
    "business-wroclaw-kowalczyk-dairy", "wire-tbilisi-fuel-truck-ban", "aviation-brunei-kemuning-new-routes",
    "politics-karachi-red-line-buses", "science-valparaiso-kelp-urchins", "arts-ulaanbaatar-fiddle-maker",
    "politics-atlanta-groundwater-cap", "agriculture-mildura-indonesian-pickers",
    # the fourteenth round: a Uruguayan obituary quoting an old interview, a Peruvian volcano study of five
    # researchers by role, a Philippine volleyball page (heights, demonyms, a team the model calls a
    # person), a Tunisian briefing transcript labelled "MR BEN SALAH:" / "MS TRABELSI:" / "MODERATOR:", a
    # Senegal wire of "according to", a Thane trial of initials, "the SPP" and "Deposing before Judge X,
    # Y, said", a Lagos column of "Mama", "Prof." and "the don", an Iloilo council of "Kap" and a
    # they/them youth chair; annotated before the engine was run on them (55 of 67 speakers right then,
    # seven of the misses wrong names; 66 of 67 after the round's rules, none a wrong name)
    "obituary-montevideo-bandoneon-player", "science-arequipa-volcano-gas-drones", "sports-manila-volleyball-semifinal",
    "qa-tunis-olive-oil-briefing", "wire-dakar-pirogue-departures", "court-thane-building-collapse-trial",
    "op-ed-lagos-electricity-band-a", "council-iloilo-river-esplanade-vendors",
    # the fifteenth round: a Nova Scotia paper's ER closures with a husband and wife of one surname, Kisumu
    # fish traders in a Kenyan house style ("posed Ms …", "the CEC"), a Pietermaritzburg trial of two
    # sisters and two advocates, a Bengaluru layoff of a founder and her brother, Cape Verdean singing
    # sisters in exchanges with no cues, Lahore smog told through a notification, posts and a letter, an
    # Alice Springs night bus of a they/them coordinator, a Kumasi market fire of officials by role ("the
    # Fire Commander", "the MCE"); annotated before the engine was run on them (67 of 76 speakers right
    # then, five of the misses wrong names; 76 of 76 after the round's rules)
    "health-middleton-overnight-emergency-closures", "fisheries-kisumu-tilapia-imports",
    "court-pietermaritzburg-burial-society-sisters", "technology-bengaluru-kaveri-layoffs", "arts-mindelo-lopes-sisters",
    "health-lahore-smog-school-closures", "community-alice-springs-night-bus", "community-kumasi-market-fire",
    # the sixteenth round, written for numeric claims and reported speech: a Nova Scotia budget, a Podgorica
    # city election, a Quebec vaccine study with rates and a confidence interval, a Taichung baseball season,
    # a Johannesburg grocer's results with guidance and consensus, a Cork quarry's sentencing with fines;
    # annotated before the engine was run on them (31 of 34 speakers, three pronouns given to the person
    # named last, left to the speaker rules)
    "politics-halifax-provincial-budget", "election-podgorica-city-assembly-results", "health-montreal-shingles-vaccine-dementia",
    "sports-taichung-baseball-season-review", "business-johannesburg-grocer-interim-results", "court-cork-quarry-river-pollution-sentencing",
    # the seventeenth round: a Gisborne flood night of officials by role, a Saint Lucian sentencing of a father and
    # son of one surname, a Malaysian plantation group's results and analysts, Lagos twin producers by given name,
    # an Evia wildfire of officials by role and a beekeeping couple, Kampala vendors and a letter, an Arranmore
    # ferry row, a Singapore film debut of a they/them director; annotated before the engine was run on them
    # (43 of 65 speakers right then, eleven of the misses wrong names; 53 of 65 after the round's rules, three
    # of the misses wrong names)
    "weather-gisborne-waipaoa-stopbank", "court-castries-boat-fare-manslaughter", "business-kuala-lumpur-plantation-labour-costs",
    "arts-lagos-bakare-twins-producers", "weather-evia-mantoudi-wildfire", "politics-kampala-nakivubo-vendors-relocation",
    "community-donegal-arranmore-ferry-fares", "entertainment-singapore-hawker-film-debut",
    # the eighteenth round, genres the seeds had little of, for numbers and reported speech: a Winnipeg column,
    # an Orkney lifeboatman's obituary, an Estonian vitamin D trial, a Oaxacan mezcal maker's profile, a Zambian
    # match report, a Durban Q&A labelled by surname, an Istanbul restaurant review; annotated before the
    # engine was run on them (33 of 40 speakers, nine false quotations: left to the speaker and quote rules)
    "op-ed-winnipeg-library-hours", "obituary-stromness-lifeboat-coxswain", "health-tartu-vitamin-d-falls-trial",
    "profile-matatlan-mezcal-distiller", "sports-ndola-kafue-rangers-copperbelt-united", "qa-durban-chief-lifeguard",
    "review-kadikoy-lodos-meyhane",
}


@pytest.fixture(scope="module")
def results(nlp):
    out = {}
    for path in SEEDS:
        gold = load_gold(path)
        out[gold.id] = (gold, analyze(gold.text, nlp=nlp))
    return out


def test_there_are_seed_articles_of_every_genre():
    assert len(SEEDS) >= 59


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_every_gold_quote_found_exactly_with_its_speaker(results, path):
    gold, analysis = results[load_gold(path).id]
    quotes = {(s.start, s.end): s for s in analysis.spans if s.category.value == "quote"}
    wrong = []
    for g in gold.quotes:
        key = (gold.id, gold.text[g.start : g.end][:28])
        known = next((k for k in KNOWN_MISSES if k[0] == gold.id and gold.text[g.start : g.end].startswith(k[1])), None)
        span = quotes.get((g.start, g.end))
        if known and span is None:
            continue  # a nested quotation the engine leaves with the quote around it
        assert span is not None, f"quote not found exactly: {gold.text[g.start:g.end]!r}"
        right = _speaker_right(span, g, gold.text)
        if known:
            assert not right, f"fixed now, remove from KNOWN_MISSES: {known}"
        elif not right:
            wrong.append((key[1], span.speaker, g.speaker_match))
    assert wrong == []


@pytest.mark.parametrize("path", SEEDS, ids=[p.stem for p in SEEDS])
def test_no_quote_where_the_gold_says_it_is_not_speech(results, path):
    gold, analysis = results[load_gold(path).id]
    quotes = [(s.start, s.end) for s in analysis.spans if s.category.value == "quote"]
    gold_quotes = {(g.start, g.end) for g in gold.quotes}
    extra = [gold.text[a:b] for a, b in quotes if (a, b) not in gold_quotes]
    if gold.id in KNOWN_FALSE_QUOTES:
        assert len(extra) > 1, f"fixed now, remove from KNOWN_FALSE_QUOTES: {gold.id}"
        return
    # known: a phrase merely talked about ("nobody talked about "the night-time economy.""), and a
    # name given to a thing ("what she called the "slate,"")
    assert len(extra) <= 1, extra


def test_overall_figures_on_the_seeds(results):
    total = Score(id="seeds")
    for gold, analysis in results.values():
        if gold.id not in HELD_OUT:
            total.add(score(gold, analysis))
    assert total.quotes.f1 >= 0.98
    # The eight first seeds alone are at 0.96; the seven written later as unseen articles bring the
    # descriptions, pronouns and bare quotes KNOWN_MISSES lists.
    assert total.attributed.f1 >= 0.85
    assert total.actors.f1 >= 0.96
    assert total.number_recall >= 0.95
    assert total.reported_recall >= 0.8


def test_overall_figures_on_the_held_out_articles(results):
    total = Score(id="held-out")
    for gold, analysis in results.values():
        if gold.id in HELD_OUT:
            total.add(score(gold, analysis))
    # 0.990 after the ninth round (0.992 without it: its three false quotations are a slogan, a scare quote and
    # an unlabelled interview's question that is a statement)
    assert total.quotes.f1 >= 0.985
    # 1248 of 1318 speakers after the fifteenth round (attributed F1 0.939: its eight articles are at 76 of 76,
    # 0.993; 67 of 76 before its rules, five of the misses wrong names; the earlier rounds 0.934 -> 0.936);
    # 1170 of 1242 speakers after the fourteenth round (attributed F1 0.934: its eight articles are at 66 of 67,
    # 0.985, no wrong name; 55 of 67 before its rules, seven of the misses wrong names);
    # 1104 of 1175 speakers after the thirteenth round (attributed F1 0.931: its eight articles are at 106 of
    # 114, 0.926, one of the eight misses a wrong name; 94 of 114 before its rules, seven of the misses wrong names);
    # 998 of 1061 speakers after the twelfth round (attributed F1 0.932: its eight articles are at 103 of 107,
    # 0.958, with no wrong name among the four misses; 88 of 107 before its rules, eight of the misses wrong names);
    # 895 of 954 speakers after the eleventh round (attributed F1 0.929: its eight articles are at 92 of 98,
    # 0.925; four of its six misses are a "they" for one person speaking as "we");
    # 803 of 856 speakers after the tenth round (attributed F1 0.929: its eight articles are at 108 of 119,
    # 0.904, in genres the rest lack: a debate, a phone-in, a fact-check, a podcast, a book review);
    # 693 of 741 speakers after the ninth round (attributed F1 0.931: its eight articles are at 71 of 81, 0.866;
    # the first sixty-four at 622 of 660, 0.939); 621 of 657 after the eighth (0.937: its eight at 82 of 90;
    # 524 of 551 and 0.943 after the seventh, 430 of 455 after the sixth); KNOWN_MISSES lists the others.
    # Actors suffer from the
    # small model's typing of names and places it has not seen (Yoruba, Hindi, Kenyan and Ghanaian names, Indian
    # states, football clubs typed as people): 0.910 before the actor rules of session 25, 0.953 after
    # (what is left is mostly names the model does not label at all, and names it cuts); 0.939 with the ninth
    # round, whose Cypriot, Maldivian and Tongan names and places are at 0.904; 0.937 with the eleventh, whose
    # Pacific places, a Lebanese club named after its city and Bhutanese names are at 0.890; 0.9355 with the
    # twelfth, whose Vietnamese places, an app typed a person and Icelandic names are at 0.923 (0.866 before
    # its rules: pseudonyms, country names the model leaves out or cuts, given names alone); 0.937 with the
    # thirteenth, whose places that are given names (Darwin, Florence, Chad, Victoria), a Chilean university, double
    # family names and agencies by acronym are at 0.934 (0.805 before its rules; the twelve earlier rounds 0.9355 → 0.937);
    # 0.9352 with the fourteenth, whose Philippine teams, Thai and Filipino names, colon datelines and Uruguayan
    # places are at 0.908 (0.857 before its rules); 0.9375 with the fifteenth, whose firm labelled a person, dateline
    # towns and offices in apposition are at 0.940 (0.848 before its rules; the earlier rounds 0.9354 -> 0.9373).
    # 0.9347 with the sixteenth, written for numbers and reported speech and scored before any actor rule for it,
    # whose Montenegrin, Taiwanese and Irish-language names, an Irish river and a stadium cut from its city are
    # at 0.873 (attributed F1 0.938 with it), hence a floor of 0.93 for a round. 0.936 with the seventeenth,
    # whose names and places are at 0.873 (0.858 before its rules); the sixteenth's rose to 0.983 (0.962 against
    # its first gold, whose datelines and a court broke the seeds' conventions); attributed F1 0.936 with the
    # seventeenth (its eight articles 56 of 65 speakers, 0.848; 43 of 65 before its rules, eleven of the misses
    # wrong names, three after). 0.9334 with the eighteenth, of other genres, written for numbers and reported
    # speech and scored before any actor rule for it (cities typed organisations, a headland and a kirk, a vitamin
    # typed a person, a Oaxacan town a person, Zambian and Zulu names): the floor is 0.93 again until its actors
    # get their rules.
    assert total.attributed.f1 >= 0.93
    assert total.actors.f1 >= 0.93
