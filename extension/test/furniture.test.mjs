import { test } from "node:test";
import assert from "node:assert/strict";
import { JSDOM } from "jsdom";
import { attributedQuote, blockWords, furnitureBlock, furnitureElement, hasQuoteMark, headerLede, isAuthorBio, isFurnitureFrame, isFurnitureHeading, isSiteName, nameWords } from "../src/content/furniture.js";

const block = (text, linkShare = 0) => ({ text, words: blockWords(text), linkShare });

test("class names are cut into words; hashes and numbers are not words", () => {
  assert.deepEqual(nameWords("article__byline"), ["article", "byline", "articlebyline"]);
  assert.ok(nameWords("storyByline").includes("byline"));
  assert.ok(nameWords("read-more").includes("readmore"));
  assert.ok(nameWords("keyEvents").includes("keyevents"));
  // Generated class names hold the letters "ad" and "by" often; they name nothing.
  for (const hash of ["css-1ad3fz9", "ssrcss-1adcd8n-RichTextComponentWrapper", "sc-gKsewC hAdXqT", "e1jhz7w10", "kx-by2"]) {
    assert.ok(!nameWords(hash).some((w) => ["ad", "by", "ads"].includes(w)), hash);
  }
});

test("furniture elements by tag, role, microdata, name and box, never the story's body", () => {
  const { document } = new JSDOM(`<aside id=a></aside><div id=b role=complementary></div><div id=c itemprop=author></div>
    <div id=d class="article-byline"></div><story-related id=e></story-related><div id=f data-testid="promo-box"></div>
    <div id=g class="text-block"></div><table id=h><tr><th>Shots</th></tr></table><table id=i><tr><td>x</td></tr></table>
    <blockquote id=j class="twitter-tweet"></blockquote><blockquote id=k></blockquote><div id=l aria-label="Advertisement"></div>`).window;
  const why = (id, look) => furnitureElement(document.getElementById(id), look);
  assert.equal(why("a"), "<aside>");
  assert.equal(why("b"), "role=complementary");
  assert.equal(why("c"), "itemprop=author");
  assert.equal(why("d"), 'named "byline"');
  assert.equal(why("e"), 'named "related"');
  assert.equal(why("f"), 'named "promo"');
  assert.equal(why("g"), null);
  assert.equal(why("g", { float: "right", position: "static" }), "floated box");
  assert.equal(why("h"), "data table");
  assert.equal(why("i"), null); // a layout table
  assert.equal(why("j"), "embedded post");
  assert.equal(why("k"), null); // a quotation in the story
  assert.equal(why("l"), 'named "advertisement"');
  assert.equal(furnitureElement(document.getElementById("d"), undefined, { strict: false }), null);
});

test("furniture blocks: each rule, and the story's sentences that look like them", () => {
  const cases = [
    ["Advertisement", "ad label"],
    ["Story continues below advertisement", "ad label"],
    ["Ad revenue fell.", null],
    ["Continue reading the main story", "reading break"],
    ["© 2025 The Courier. All rights reserved.", "copyright line"],
    ["Read more: The bridge that never opened", "read-more link"],
    ["RELATED: Explainer: who owns the buses?", "read-more link"],
    ["Reporting by Ann Lee; editing by Tom Fry", "credit line"],
    ["Research by the university found that rents rose 13% in a year, the charity said.", null],
    ["Luis Ortega in Phoenix contributed to this report.", "contributor line"],
    ["— With assistance from Jane Roe", "newsroom line"],
    ["Source: Al Jazeera and news agencies", "source line"],
    ["Sign up to our morning briefing.", "promotion"],
    ["Follow Dale Harmon on X at https://x.com/dale", "follow line"],
    ["By Carol Whitfield Gazette Staff Writer", "byline"],
    ["By Friday, Northport City Council had voted.", null],
    ["By 10pm supporters had brought in flasks of tea.", null],
    ["Published 3 March 2025, 18:20 GMT", "time line"],
    ["Published in 1925, the novel sold only 20,000 copies in its first year.", null],
    ["Aoife Gallagher · 19 January 2025", "meta line"],
    ["The vote is on 4 March.", null],
    ["Cyclists on a temporary lane. (Photo: Ines Carvalho / Capital Dispatch)", "caption credit"],
    ["Parents filled the gym on Tuesday. (Sentinel photo by Ann Lutz)", "caption credit"],
    ["Fishermen pull a boat across the mud near Entebbe. (EAW Photo/Hajara Nsubuga)", "caption credit"],
    ["The exhibition runs until May (photographs by the late Ida Berg are shown for the first time).", null],
    ["LIVE", "label"],
    ["And his first job?", null],
    ["“Yes.”", null],
  ];
  for (const [text, rule] of cases) assert.equal(furnitureBlock(block(text)), rule, text);
  assert.equal(furnitureBlock(block("Arizona’s heat is straining water systems. Here’s what to know.", 1)), "link list");
  assert.equal(furnitureBlock(block("Our Standards: The Trust Principles.", 0.55)), "labelled link");
  assert.equal(furnitureBlock(block("The council published its report, the minutes and the letter online.", 0.45)), null);
});

test("an author's bio and a furniture heading", () => {
  assert.ok(isAuthorBio(block("Ottilie Brandt is the Andes bureau chief, covering Colombia, Ecuador and Peru.")));
  assert.ok(!isAuthorBio(block("Maria Ressa is a journalist who was “detained for her work,” the group said.")));
  assert.ok(!isAuthorBio(block("The mayor is a former teacher who grew up in the town.")));
  // Opening with the full name of one of the story's authors, a bio may quote and name no trade.
  const bio = "Dale Henriksen drove a school bus from 2024 to 2025 and now farms near Bruno. He says of the job: “It was the best year of work I have had.”";
  assert.ok(isAuthorBio(block(bio), ["Dale Henriksen"]));
  assert.ok(isAuthorBio(block("Dale Henriksen, a former driver, farms near Bruno. His book, “Gravel Roads,” is out in May."), ["DALE HENRIKSEN"]));
  assert.ok(!isAuthorBio(block(bio), ["Jane Doe"]), "another writer's story");
  assert.ok(!isAuthorBio(block("Dale Henriksen Farms said it would sell the land."), ["Dale Henriksen"]), "the name goes on: another name");
  assert.ok(!isAuthorBio(block(`${bio} ${"More words of a long paragraph. ".repeat(10)}`), ["Dale Henriksen"]), "too long for a bio");
  for (const h of ["Comments (3)", "47 comments", "Readers’ comments", "Related", "More on this story", "You may also like", "Most read",
    "Match events", "Key moments", "Line-ups", "Minute-by-minute", "Diskutieren Sie mit", "Kommentare (12)", "Commentaires"]) {
    assert.ok(isFurnitureHeading(h), h);
  }
  for (const h of ["Reactions from the region", "Related costs rise", "Latest", "What happens next?", "Key events of a long night"]) {
    assert.ok(!isFurnitureHeading(h), h);
  }
});

test("a name that says how an element is rendered ('inline-placeholder') is furniture only when it holds no prose", () => {
  const { document } = new JSDOM(`<p id=a class="paragraph inline-placeholder">The fire grew from about 4,000 hectares to more than 11,000 in a single afternoon as winds shifted.</p>
    <div id=b class="skeleton-placeholder">Loading…</div><div id=c class="comments-placeholder">Comments are loading for this story, and will appear here shortly after the page has finished.</div>
    <div id=d data-area="forum" class="kp-forum"></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), null);
  assert.equal(why("b"), 'named "skeleton"');
  assert.equal(why("c"), 'named "comments"'); // what it holds is named too
  assert.equal(why("d"), 'named "forum"');
});

test("a footnote written out after the story opens with a mark linking back to its mark in the text: a note, not the story", () => {
  const { document } = new JSDOM(`<p>Fuel is paid for by a tin.<a class="footnote-anchor" id="footnote-anchor-2" href="#footnote-2">2</a></p>
    <div id=fn class="footnote"><a class="footnote-number" id="footnote-2" href="#footnote-anchor-2">2</a><div class="footnote-content"><p>The tin raised £1,310, “more than the diesel cost”.</p></div></div>
    <div id=ch><a href="#part-2">2</a> Part two of the story begins with the council's vote, which came late on Monday.</div><h2 id="part-2">The vote</h2>
    <div id=lone><a href="#nowhere">3</a><div>A mark linking to nothing.</div></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("fn"), "note");
  assert.equal(why("ch"), null); // its link points at a heading, not at a mark
  assert.equal(why("lone"), null);
});

test("a line taking the reader elsewhere on the site is navigation; the site asking for stories is an invitation", () => {
  for (const text of ["« Back to news · Next story: Chapel roof fund passes target »", "Back to top", "Next story: Mill fire leaves 40 without work", "‹ Previous article: Council meets"]) {
    assert.equal(furnitureBlock(block(text)), "story navigation", text);
  }
  assert.equal(furnitureBlock(block("Have a story for the Gazette? Ring us on 01873 000000.")), "reader invitation");
  assert.equal(furnitureBlock(block("Back to school means back to traffic on Mill Road, where the council has added a crossing guard.")), null);
  assert.equal(furnitureBlock(block("The next story the council must tell is how it will pay for the roof, the treasurer said.")), null);
});

test("quotation marks, not apostrophes, are a sign of speech", () => {
  for (const t of ["“Now,” she said.", "He called it 'a mess'.", "‘We were not at it,’ said Holt.", "«Non», a-t-il dit.", "The players’ union"]) {
    assert.ok(hasQuoteMark(t), t);
  }
  for (const t of ["Ferreira heads in Okafor’s corner.", "It isn't over"]) assert.ok(!hasQuoteMark(t), t);
});

test("the site inviting its readers is not the story; a story's sentence that starts alike is", () => {
  for (const text of [
    "Do you have an opinion on the issues raised in this article? Email a letter of up to 250 words to be considered for publication.",
    "Have your say in our comments section.",
    "Share your views: write to letters@example.com",
    "We want to hear from you. Tell us about your experience of rural buses.",
  ]) assert.equal(furnitureBlock(block(text)), "reader invitation", text);
  assert.equal(furnitureBlock(block("“Do you have an opinion on this?” the minister asked reporters, before leaving the room.")), null);
  assert.equal(furnitureBlock(block("Share prices fell by a third after the announcement, and the company said it would review its plans.")), null);
});

test("the site asking its readers for money is not the story; a story about members and supporters is", () => {
  for (const text of [
    "This story is free to read thanks to our members. If you value local reporting like this, become a member from $6 a month.",
    "If you value our journalism, please consider supporting us with a donation of any size.",
    "Independent reporting like this is made possible by readers like you. Subscribe today.",
  ]) assert.equal(furnitureBlock(block(text)), "support appeal", text);
  for (const text of [
    "The club has 400 members, and supporters can join for £6 a month, its chairman said at the meeting on Tuesday.",
    "If you value the park, the council said, you should come to the consultation on Thursday evening.",
    "“If you value this service, please consider supporting it,” the director told the members in a letter.",
  ]) assert.equal(furnitureBlock(block(text)), null, text);
});

test("a poll or a quiz (a box of the reader's choices) is furniture, however its options read; a list of prose is not", () => {
  const opt = (t) => `<div role="radio" aria-checked="false"><span>“${t}”</span><span>41%</span></div>`;
  const { document } = new JSDOM(`<div id=a><div>Which name would you choose for the new bridge? Tell us what you think before the vote closes.</div>
    ${opt("The Mariners’ Crossing: the quay was built on their work")}${opt("Cricklepit Bridge: the mill was here first")}<button>Vote</button></div>
    <div id=b><label><input type=radio name=q> 6 to 7</label><label><input type=radio name=q> 9 to 10</label></div>
    <div id=c><p>One paragraph with a <input type=checkbox> box in it.</p><p>Another paragraph.</p></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), "poll or quiz");
  assert.equal(why("b"), "poll or quiz");
  assert.equal(why("c"), null);
  assert.equal(furnitureElement(document.querySelector("#a [role=radio]")), "role=radio");
});

test("how to reach the reporter is not the story; a police appeal to call a number is", () => {
  for (const text of ["Contact Carys on 01792 555 014 or follow @carysgower.", "Email Tom Ruiz at tom.ruiz@example.com with tips."]) {
    assert.equal(furnitureBlock(block(text)), "reporter contact", text);
  }
  for (const text of ["Contact Crimestoppers on 0800 555 111 if you saw anything, police said.", "Email Council at the town hall by Friday, the notice said."]) {
    assert.equal(furnitureBlock(block(text)), null, text);
  }
});

test("a box with a field to type into is a form, <form> or not; the article around it is not", () => {
  const { document } = new JSDOM(`<div id=body><p>${"A paragraph of the story, with a few clauses, as long as paragraphs are. ".repeat(10)}</p>
    <div id=a><div>The Leeds Letter</div><div>The stories people in Leeds are talking about, in your inbox every weekday.</div>
      <div><input type="email" aria-label="Email address"> <button type="button">Count me in</button></div></div>
    <div id=b><textarea></textarea></div><div id=c><input type=hidden name=t><p>Text.</p></div></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), "entry form");
  assert.equal(why("b"), "entry form");
  assert.equal(why("c"), null, "a hidden field is no field to type into");
  assert.equal(why("body"), null, "a story's wrapper holding a comment box is more than a few sentences");
});

test("an embed's transcript, beside its player, is furniture; a transcript with no player beside it is the story's", () => {
  const { document } = new JSDOM(`<div class=clip><button aria-label="Play clip">▶</button><div id=a class="clip-transcript"></div></div>
    <div class=media><audio src="x.mp3"></audio><div id=b class="interview__transcript-text"></div></div>
    <article><p>Intro.</p><dl id=c class="transcript"><dt>Q:</dt><dd>Why?</dd></dl><p>More.</p></article>`).window;
  assert.equal(furnitureElement(document.getElementById("a")), 'named "transcript"');
  assert.equal(furnitureElement(document.getElementById("b")), 'named "transcript"');
  assert.equal(furnitureElement(document.getElementById("c")), null);
});

test("an ad network's slot (<ins class=adsbygoogle>) is furniture", () => {
  const { document } = new JSDOM(`<p>Text <ins id=a class="adsbygoogle" data-ad-slot="1"></ins> more.</p>`).window;
  assert.equal(furnitureElement(document.getElementById("a")), 'named "adsbygoogle"');
});

test("a syndicated story's 'originally published' line and a press release's contact line are furniture", () => {
  for (const text of [
    "Originally published by Meridian Press Agency",
    "This story was originally published in The Valley Ledger.",
    "This article first appeared on harbourwire.example",
    "This article is republished from The Quarterly Review under a Creative Commons license. Read the original article.",
    "Media enquiries: 0300 123 4567 or press.office@dch.example.gov.uk",
    "Press office: 020 7946 0000",
    "For media enquiries, contact Jo Bright on 0161 496 0000.",
    "For more information, contact the press office.",
    "Contact: Jo Bright, jo@example.org",
  ]) {
    assert.ok(furnitureBlock(block(text)), text);
  }
  // The story's own sentences that begin alike.
  for (const text of [
    "Originally published in 1887, the novel was banned in three countries before it was reprinted.",
    "First published in a small literary magazine, the poem has been read at every inauguration since.",
    "Press office staff said the minister had not been told about the leak until Friday morning.",
    "“Media enquiries have tripled since the flood,” said the council’s spokeswoman, Ines Oduya.",
  ]) {
    assert.equal(furnitureBlock(block(text)), null, text);
  }
});

test("an article header's last text, a paragraph of prose, is the story's lede; a standfirst before the byline is not", () => {
  const lede = "LISBON — The water utility will ration supply to forty towns from Monday, after the driest winter the region has recorded, the company said on Thursday.";
  const header = (inside) => new JSDOM(`<body><article><header>${inside}</header><p>Body.</p></article></body>`).window.document.querySelector("header");
  const withLede = header(`<h1>Towns face rationing</h1><p class="standfirst">Forty towns will get water for sixteen hours a day.</p><div class="meta">By A. Writer</div><p class="lede">${lede}</p>`);
  assert.equal(headerLede(withLede)?.textContent, lede);
  // A long standfirst above the byline, the header's usual order, is not a lede…
  const standfirst = lede.replace("LISBON — ", "");
  assert.equal(headerLede(header(`<h1>Towns face rationing</h1><div class="intro"><p>${standfirst}</p></div><div class="authors">By A. Writer</div>`)), null);
  // …but a paragraph opening with its dateline is, byline after it or not (a hero's overlay).
  assert.equal(headerLede(header(`<h1>Towns face rationing</h1><p class="lede">${lede}</p><div class="by">By A. Writer · 3 May</div>`))?.textContent, lede);
  assert.equal(headerLede(header(`<h1>Towns</h1><p>NAIROBI, April 22 (EAW) - The water utility will ration supply to forty towns from Monday after the driest winter the region has recorded, it said.</p><div>By A. Writer</div>`))?.textContent.slice(0, 7), "NAIROBI");
  // Nor a lede-like paragraph in a box named as furniture, a short line, or a page's own header.
  assert.equal(headerLede(header(`<h1>Towns</h1><div class="summary-box promo"><p>${lede}</p></div>`)), null);
  assert.equal(headerLede(header(`<h1>Towns</h1><p>Updated on Thursday.</p>`)), null);
  const site = new JSDOM(`<body><header><p>${lede}</p></header><article><p>Body.</p></article></body>`).window.document.querySelector("header");
  assert.equal(headerLede(site), null);
});

test("a South Asian portal's '(With inputs from agencies)' credit is furniture; a story's sentence that starts alike is not", () => {
  assert.equal(furnitureBlock(block("(With inputs from agencies)")), "newsroom line");
  assert.equal(furnitureBlock(block("(With inputs from PTI, Reuters)")), "newsroom line");
  assert.equal(furnitureBlock(block("With agency inputs")), "newsroom line");
  assert.equal(furnitureBlock(block("With inputs from farmers and traders, the board changed its plan.")), null);
});

test("a box titled by a plain first line ('Editor’s picks') is furniture, whatever its teasers hold", () => {
  const { document } = new JSDOM(`
    <div id=a><div>Editor’s picks</div><ul><li><a href=#>A headline</a><p>A long summary, “with a quote,” of another story.</p></li></ul></div>
    <div id=b><span>Most read</span><ol><li>One</li></ol></div>
    <div id=c><div>Related costs rose</div><p>The story goes on.</p></div>
    <div id=d><div>Trending</div><h1>The headline of the story</h1><p>Its first paragraph.</p></div>
    <div id=e>Lead text <div>Related</div><p>More.</p></div>
    <div id=f><div>Related</div></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), 'titled "Editor’s picks"');
  assert.equal(why("b"), 'titled "Most read"');
  assert.equal(why("c"), null); // a story's own line that starts like a title
  assert.equal(why("d"), null); // a kicker above the page's headline
  assert.equal(why("e"), null); // the title is not the box's first text
  assert.equal(why("f"), null); // a title with nothing under it titles no box
});

test("an ad unit put into a paragraph, its label a line of its own above bare copy, is titled; an inline lead-in is not", () => {
  const { document } = new JSDOM(`<div>The vote followed a petition.
    <span id=a><div>Advertisement</div>“The best coffee in town,” say our regulars. Order ahead.</span>
    <span id=b><b>Related</b> costs rose, the council said.</span>
    <span id=c><div>Advertisement</div></span> Neighbours took turns.</div>
    <div id=d><div>Advertisement</div><p>The story’s first paragraph.</p><p>Its second.</p></div>
    <div id=e><div>Advertisement</div>${"The story told in bare text, word after word. ".repeat(10)}</div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), 'titled "Advertisement"');
  assert.equal(why("b"), null); // an inline word opening the sentence
  assert.equal(why("c"), null); // a label with nothing under it
  assert.equal(why("d"), null); // an ad slot opening the story's container titles no story
  assert.equal(why("e"), null); // nor a story's bare text, longer than an ad's copy
});

test("a recipe card (ingredients, then the method) is furniture; a story with such words is not", () => {
  const { document } = new JSDOM(`
    <div id=a><div>Potato gratin</div><div><h3>Ingredients</h3><ul><li>1 kg potatoes</li></ul></div>
      <div><h3>Instructions</h3><ol><li>Heat the oven.</li></ol></div><div>Notes: “Slice by hand,” the chef says.</div></div>
    <div id=b><h2>Ingredients</h2><ul><li>Flour</li></ul><h2>Method</h2><p>Mix.</p></div>
    <div id=c><h2>Ingredients of a comeback</h2><p>The team won.</p><h2>What comes next</h2><p>A final.</p></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  assert.equal(why("a"), "recipe card");
  assert.equal(why("b"), "recipe card");
  assert.equal(why("c"), null);
});

test("a wiki's apparatus headings, with or without their edit link, and a platform's 'More from …' rail are furniture headings", () => {
  for (const h of ["Sources[edit]", "References", "Notes [edit source]", "Footnotes", "External links", "Categories",
    "More from Marit Osei-Halvorsen and Street Level"]) {
    assert.ok(isFurnitureHeading(h), h);
  }
  for (const h of ["Sources of the leak", "Notes from a flooded town", "References to the war [edit]"]) assert.ok(!isFurnitureHeading(h), h);
});

test("a photo credit in square brackets ends a caption, as Chinese sites set it; a notice's sign-off is furniture", () => {
  for (const text of ["Residents attend a class in Chengdu, Nov 27, 2026. [Photo by Tang Xiaoyu/Sichuan Daily]", "Pandas at the base on Monday. [Photo/Xinhua]",
    "Signed: Fiona Drummond-Leys, Clerk to the Board", "Sgd. A. Fenwick, Chief Engineer"]) {
    assert.ok(furnitureBlock(block(text)), text);
  }
  for (const text of ["The court saw a photo [the defence said it was staged] of the scene.", "Signed into law on Monday, the act takes effect in May.",
    "Signed by 40 mayors, the letter asks for more money."]) {
    assert.equal(furnitureBlock(block(text)), null, text);
  }
});

test("a block that is the site's name as the page's title gives it, beside a longer headline, is the masthead", () => {
  const title = "Mill fire: owners promise to rebuild - Dunmore Valley Gazette";
  assert.ok(isSiteName(block("Dunmore Valley Gazette"), title));
  assert.ok(!isSiteName(block("Mill fire: owners promise to rebuild"), title));
  assert.ok(!isSiteName(block("Dunmore Valley Gazette"), "Dunmore Valley Gazette"));
  assert.ok(!isSiteName(block("The owners said on Thursday they would rebuild the mill."), title));
});

test("a writer's title on its own line under a byline is furniture; a sentence ending alike is not", () => {
  for (const text of ["Sentinel Staff Writer", "Chief Political Correspondent", "Senior Editor"]) assert.equal(furnitureBlock(block(text)), "role line", text);
  for (const text of ["She was named editor.", "The paper hired a new correspondent", "Meet the new editor"]) assert.notEqual(furnitureBlock(block(text)), "role line", text);
});

test("a paid unit's disclosure line is a furniture heading; a story's own words about sponsors are not", () => {
  for (const h of ["Paid content · Brightwell Health Insurance", "Sponsored by Coastline Energy", "Partner content from Alpine Bank", "Paid post: Northwind", "Promoted by Northwind", "In partnership with the Tourism Board"]) {
    assert.ok(isFurnitureHeading(h), h);
  }
  for (const h of ["Sponsors pull out of the festival", "Paid leave for carers approved", "Promoted to captain at 19", "Promoted – and relegated a year later"]) {
    assert.ok(!isFurnitureHeading(h), h);
  }
});

test("a <figure> is a picture's box only when it holds one: a block CMS's text figure is not furniture", () => {
  const { document } = new JSDOM(`<figure id=t><div>Words of the story.</div></figure><figure id=p><img alt=""><figcaption>Caption</figcaption></figure><blockquote><p>“Quote.”</p><footer id=f>— A. Name</footer></blockquote><footer id=s>Site footer</footer>`).window;
  assert.equal(furnitureElement(document.getElementById("t")), null);
  assert.equal(furnitureElement(document.getElementById("p")), "<figure>");
  assert.equal(furnitureElement(document.getElementById("f")), null);
  assert.equal(furnitureElement(document.getElementById("s")), "<footer>");
});

test("a region the reader types into (a rich-text comment composer) is furniture; an editable page is not", () => {
  const { document } = new JSDOM(`<body contenteditable="true"><div id=c contenteditable="true" role="textbox"><blockquote>“A quote from the story,” said the mayor</blockquote>My reply.</div>
    <div id=d contenteditable>Draft</div><div id=f contenteditable="false">Story text</div><div id=s role="searchbox">Search</div></body>`).window;
  assert.ok(furnitureElement(document.getElementById("c")));
  assert.ok(furnitureElement(document.getElementById("d")));
  assert.ok(furnitureElement(document.getElementById("s")));
  assert.equal(furnitureElement(document.getElementById("f")), null);
  assert.equal(furnitureElement(document.body), null);
});

test("a discussion's heading with its count after a separator opens furniture", () => {
  for (const h of ["Conversation · 3", "The conversation (5)", "Discussion", "Comments · 12", "Comments | 4"]) assert.ok(isFurnitureHeading(h), h);
  assert.ok(!isFurnitureHeading("A conversation with the mayor"));
});

test("a frame titled or set as furniture is a widget's; a frame showing the story is not", () => {
  const { document } = new JSDOM(`<body><main><h1>Headline</h1><p>By Jane Doe</p><iframe id=story title="Story"></iframe></main>
    <div><iframe id=titled title="Reader discussion"></iframe></div><section><h2>Comments (12)</h2><div><iframe id=under></iframe></div></section>
    <aside><iframe id=aside></iframe></aside></body>`).window;
  const frame = (id) => document.getElementById(id);
  assert.ok(!isFurnitureFrame(frame("story")));
  assert.ok(isFurnitureFrame(frame("titled")));
  assert.ok(isFurnitureFrame(frame("under")));
  assert.ok(isFurnitureFrame(frame("aside")));
  assert.ok(!isFurnitureFrame(null));
});

test("a page builder's text widget and a widget's wrappers are the story's; its other widgets are boxes", () => {
  const { document } = new JSDOM(`
    <div id=wrap class="elementor-widget-wrap elementor-element-populated"></div>
    <div id=text class="elementor-element elementor-element-1a2b elementor-widget elementor-widget-text-editor"></div>
    <div id=inner class="elementor-widget-container"></div>
    <div id=post class="elementor-widget elementor-widget-theme-post-content"></div>
    <div id=icon class="elementor-element elementor-widget elementor-widget-icon-box"></div>
    <div id=button class="elementor-widget elementor-widget-button"></div>
    <section id=side class="widget widget_recent_entries"></section>
    <div id=callout class="notion-selectable notion-callout-block"></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  for (const id of ["wrap", "text", "inner", "post"]) assert.equal(why(id), null, id);
  assert.equal(why("icon"), 'named "widget"');
  assert.equal(why("button"), 'named "widget"');
  assert.equal(why("side"), 'named "widget"');
  assert.equal(why("callout"), 'named "callout"');
});

test("a question to the reader followed by how to reach the site invites the reader; a story's question does not", () => {
  for (const text of [
    "Questions about the list? Write to the secretary at the Pilrig hut.",
    "Got a question? Email us at desk@example.org.",
    "Any corrections or comments? Contact the newsroom on 01632 960 000.",
    "Have a tip about the harbour? Call Maya on 555 0142.",
  ]) assert.equal(furnitureBlock(block(text)), "reader invitation", text);
  for (const text of [
    "What happens next? Call it a reprieve, the union says, not a victory.",
    "Questions remain about who paid for the study, and the council has not said.",
  ]) assert.equal(furnitureBlock(block(text)), null, text);
});

test("a short line naming a section of furniture is a label; a sentence opening alike is prose", () => {
  for (const text of ["More stories from the Top End", "Related coverage", "Most read"]) {
    assert.equal(furnitureBlock(block(text)), text.split(" ").length <= 2 ? "label" : "section label", text);
  }
  assert.equal(furnitureBlock(block("More stories from the Top End are told in the book.")), null);
  assert.equal(furnitureBlock(block("“More from the same,” said the mayor")), null);
});

test("a class saying a furniture word is absent or not shown names no furniture: Drupal's field--label-hidden", () => {
  const { document } = new JSDOM(`
    <div id=text class="clearfix text-formatted field field--name-field-text field--type-text-long field--label-hidden field__item"></div>
    <div id=items class="field field--name-field-paragraphs field--label-hidden field__items"></div>
    <div id=quiet class="story comments-off"></div>
    <div id=above class="field field--name-field-summary field--label-above"></div>
    <div id=both class="field-label label-hidden"></div>
    <div id=hiddenxs class="byline hidden-xs"></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  for (const id of ["text", "items", "quiet"]) assert.equal(why(id), null, id);
  // A label shown above its field is still a label; a class that is a label, and hidden on some
  // screens by another class, is still a label; a byline hidden on phones is still a byline.
  assert.equal(why("above"), 'named "label"');
  assert.equal(why("both"), 'named "label"');
  assert.equal(why("hiddenxs"), 'named "byline"');
});

test("a site's standing note on its method is not the story; a story's sentence about how is", () => {
  for (const text of [
    "How we rate claims: we ask the speaker for their source, check public records and talk to independent experts. Ratings run from True to False.",
    "Methodology: the figures are the median of five runs on the county's own data.",
    "About our ratings: a claim rated Half true is accurate but leaves out important details.",
  ]) assert.equal(furnitureBlock(block(text)), "method note", text);
  for (const text of [
    "How we rate the council’s plan will depend on what it costs, the auditor said.",
    "How we checked: “We counted every bus,” the researcher said of her method.",
  ]) assert.equal(furnitureBlock(block(text)), null, text);
});

test("a print page's jump line is not the story; a sentence about a page is", () => {
  for (const text of ["Please see BUDGET, Page A6", "Continued from Page A1", "See JAIL, A6", "Turn to Page 4", "(Continued on page 12)", "Cont. from p. 3"]) {
    assert.equal(furnitureBlock(block(text)), "jump line", text);
  }
  for (const text of ["See you in court on page 2 of the hearing, he told her.", "Continued from last week, the hearing ran until 9 p.m.", "“See page 4,” the clerk said."]) {
    assert.equal(furnitureBlock(block(text)), null, text);
  }
});

test("a line of capitalised words only is a name, a title or a place, not the story's prose", () => {
  for (const text of ["Dr Hamid Qureshi", "Chair, Walker Residents’ Association", "Margaret Hedley", "Lifeline on 13 11 14", "Beyond Blue on 1300 22 4636", "Senior Correspondent, Energy · Lagos"]) {
    assert.ok(["name line", "label", "role line"].includes(furnitureBlock(block(text))), text);
  }
  for (const text of [
    "Dr Hamid Qureshi said.", // a sentence
    "Coasts Minister Eluned Prys said:", // a statement's lead-in, a verb in lower case
    "“Never Again”", // a quotation
    "Strong hill-climbing motor", // a list item of the story's, in sentence case
    "Why it matters: Denver Was First", // a colon's lead-in on a line of seven words
    "Best Newcomer: Sam Ortiz", // an item of the story's list, labelled
  ]) assert.notEqual(furnitureBlock(block(text)), "name line", text);
  // An item of a list of the story's: the people it names.
  const { document } = new JSDOM(`<ul><li id=a>Ama Mensah, 34</li></ul><p id=b>Ama Mensah, 34</p>`).window;
  assert.equal(furnitureBlock({ ...block("Ama Mensah, 34"), el: document.getElementById("a") }), null);
  assert.equal(furnitureBlock({ ...block("Ama Mensah, 34"), el: document.getElementById("b") }), "name line");
});

test("a support notice under a story points to a helpline; a story's sentence about help is prose", () => {
  for (const text of [
    "If you or anyone you know needs help:",
    "If you or someone you know is in crisis, call or text 988.",
    "If this story has raised issues for you, Samaritans can be contacted on 116 123.",
    "Need help? Call Lifeline on 13 11 14.",
    "In an emergency, call 000.",
  ]) assert.equal(furnitureBlock(block(text)), "support notice", text);
  for (const text of [
    "If you or your neighbours saw the fire, police want to hear from you, a spokesman said on Tuesday afternoon outside the station.",
    "If you need help with the new bins, the council says, its staff will visit your home.",
    "“If you or someone you know needs help, call us,” the founder said.",
  ]) assert.notEqual(furnitureBlock(block(text)), "support notice", text);
});

test("a box opening with a rating is a verdict or a rating card; a story opening with its stars is not", () => {
  const prose = "The first model was a clever folding bike with one big flaw, and the second fixes it. ".repeat(6);
  const { document } = new JSDOM(`
    <section id=a><div>★★★★☆</div><h2>Our verdict</h2><p>Strong motor and a quick fold, but heavy.</p><ul><li>Quick fold</li></ul></section>
    <div id=b><span>Rating: 4/5</span><p>A fine kettle.</p></div>
    <div id=c><div class=stars aria-label="4 out of 5 stars"><svg></svg><svg></svg></div><p>Worth the money.</p></div>
    <div id=d><div>★★★★☆</div><p>${prose}</p></div>
    <article id=e><div>★★★☆☆</div><h1>Film review</h1><p>Short.</p></article>
    <div id=f><div>★★★★☆</div></div>
    <div id=g><div>Five stars for the mayor</div><p>The council gave out its awards.</p></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  for (const id of ["a", "b", "c"]) assert.equal(why(id), "rating box", id);
  assert.equal(why("d"), null); // longer than a box
  assert.equal(why("e"), null); // the story, with its headline
  assert.equal(why("f"), null); // the rating alone
  assert.equal(why("g"), null);
});

test("a site's method box titled as such is furniture: 'How we test'", () => {
  for (const h of ["How we test", "How we tested these e-bikes", "Methodology", "About our ratings"]) assert.ok(isFurnitureHeading(h), h);
  for (const h of ["How we got here", "How we test our water supply is failing, say residents, and the council knows it"]) assert.ok(!isFurnitureHeading(h), h);
  const { document } = new JSDOM(`<div id=a><b>How we test</b><br>We ride every bike for two weeks on real commutes.</div>
    <div id=b><p>If you or someone you know is struggling, help is there:</p><ul><li>Samaritans on 116 123</li><li>Shout: text 85258</li></ul></div>`).window;
  assert.equal(furnitureElement(document.getElementById("a")), 'titled "How we test"');
  assert.equal(furnitureElement(document.getElementById("b")), 'titled "If you or someone you know is struggling, help is there:"');
});

test("an item of a rated list (player ratings) opens with its rating too, but is the story's: a verdict box stands alone", () => {
  const item = (id, score, name) =>
    `<div class="pr-item" id=${id}><div class="pr-score" aria-label="Rating: ${score} out of 10">${score}<small>/10</small></div><h3>${name}</h3><p>Ran the game after the break and set up the winner.</p></div>`;
  const { document } = new JSDOM(`<div>${item("a", 8, "Conor Dineen")}${item("b", 4, "Shane Kiely")}${item("c", 7, "Ola Adebayo")}</div>
    <div><div class="pr-item" id=d><div>7/10</div><h3>Solo</h3><p>One rated item alone is a verdict box.</p></div><div class="pr-item" id=e><p>Not rated.</p></div></div>
    <div><section class=v id=f><div>★★★★☆</div><p>Strong motor, heavy frame.</p></section><section class=v id=g><div>★★★☆☆</div><p>Light, but slow.</p></section><section class=v id=h><div>★★☆☆☆</div><p>Cheap.</p></section></div>`).window;
  const why = (id) => furnitureElement(document.getElementById(id));
  for (const id of ["a", "b", "c"]) assert.equal(why(id), null, id);
  assert.equal(why("d"), "rating box");
  // Rating cards of the same make, without a heading naming what each rates, are cards still.
  for (const id of ["f", "g", "h"]) assert.equal(why(id), "rating box", id);
});

test("a quotation set as a <figure> of its <blockquote> and an attribution caption is the quote's, not a picture's", () => {
  const { document } = new JSDOM(`<figure id=q><blockquote><p>“Nobody goes into this job for the money.”</p></blockquote><figcaption id=c>— Wes Kowalchuk, union president</figcaption></figure>
    <figure id=p><img alt=""><blockquote>“Words.”</blockquote><figcaption id=pc>Photo: A. Name</figcaption></figure>`).window;
  const el = (id) => document.getElementById(id);
  assert.equal(furnitureElement(el("q")), null);
  assert.equal(furnitureElement(el("c")), null);
  assert.equal(attributedQuote(el("c")), el("q").querySelector("blockquote"));
  assert.equal(furnitureElement(el("p")), "<figure>");
  assert.equal(attributedQuote(el("pc")), null);
  // Its attribution is not a signature or a bare name line, which a caption of capitalised words would be.
  assert.equal(furnitureBlock({ ...block("— Lorraine Dubois, of Prince Albert"), el: el("c") }), null);
});

test("an advice column's invitation to send a problem is the site's, not the column's", () => {
  assert.equal(furnitureBlock(block("Got a problem you would like Margot to tackle? Write to askmargot@example.org. Letters may be edited.")), "reader invitation");
  assert.equal(furnitureBlock(block("Got a problem with the new bins? The council says most complaints are about the lids.")), null);
});
