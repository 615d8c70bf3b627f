import pytest

from summarize.text.boilerplate import furniture_length, headline, prose_spans


def kept_lines(text: str) -> list[str]:
    return [text[start:end] for start, end in prose_spans(text)]


def test_prose_lines_are_kept_verbatim():
    text = "Title of the story here\n\n  The council voted on Tuesday to close the old bridge.  \n"
    assert kept_lines(text) == ["The council voted on Tuesday to close the old bridge."]


def test_lines_that_are_not_prose_are_dropped():
    text = (
        "Accessibility links\nBreaking News\n"
        "The council voted on Tuesday to close the old bridge for repairs.\n"
        "The mayor at the bridge on Monday [File: Jane Doe/Reuters]\n"
        "(file photo)\n"
        "• 16x9 Image\n"
        "Years of tension\n"
    )
    assert kept_lines(text) == ["The council voted on Tuesday to close the old bridge for repairs."]


def test_a_line_repeated_in_a_document_is_dropped():
    caption = "The mayor speaks to reporters outside the town hall on Monday."
    text = f"{caption}\n{caption}\nThe council voted on Tuesday to close the old bridge for repairs.\n"
    assert kept_lines(text) == ["The council voted on Tuesday to close the old bridge for repairs."]


def test_credits_and_what_follows_them_at_the_end_are_dropped():
    body = "\n".join(f"Paragraph number {n} of the story says something new and true." for n in range(6))
    text = body + "\nWith reporting by AP, AFP and TASS\nWe are the most trusted newsroom in the whole world today.\n"
    kept = kept_lines(text)
    assert len(kept) == 6
    assert not any("newsroom" in line for line in kept)
    assert kept_lines(
        "The council voted to close the bridge on Tuesday night.\nSource: Al Jazeera and news agencies\n"
    ) == ["The council voted to close the bridge on Tuesday night."]
    contributed = (
        "The council voted to close the bridge on Tuesday night.\nThe Associated Press contributed to this article.\n"
    )
    assert kept_lines(contributed) == ["The council voted to close the bridge on Tuesday night."]


def test_headline_is_the_first_title_like_line_before_the_prose():
    assert headline("Accessibility links\nBreaking News\nCouncil Votes To Close Old Bridge\n\nThe council voted.") == (
        "Council Votes To Close Old Bridge"
    )
    assert headline("The council voted on Tuesday to close the old bridge for repairs.\nMore text.") is None


def test_an_article_on_one_line_keeps_its_sentences_before_a_trailing_tag():
    text = (
        "The court ruled on Monday that the general could be tried. His lawyers said they would appeal. "
        "The government welcomed the decision, a spokesman said. (scl)"
    )
    assert kept_lines(text) == [text[: text.index(" (scl)")]]
    filed = text.replace("(scl)", "Story Filed By Cox Newspapers For Use By Clients of the New York Times News Service")
    assert kept_lines(filed) == [text[: text.index(" (scl)")]]


def test_a_short_line_without_a_sentence_end_is_still_not_prose():
    assert kept_lines(
        "Breaking News\n\nThe court ruled on Monday. It was a surprise. (scl)\n\nThe end came soon after that."
    ) == ["The end came soon after that."]


ARTICLE = (
    "Council Votes To Close Old Bridge\n\n"
    "The council voted on Tuesday to close the old bridge for repairs.\n\n"
    "The mayor said the work would take at least two years to finish.\n\n"
    "Drivers will use the new ring road while the bridge is closed.\n"
)


def test_an_article_pasted_several_times_is_read_once():
    text = (ARTICLE + "\n") * 50
    assert kept_lines(text) == kept_lines(ARTICLE) and len(kept_lines(ARTICLE)) == 3
    assert prose_spans(text) == prose_spans(ARTICLE)  # the first copy's lines
    assert headline(text) == "Council Votes To Close Old Bridge"


def test_a_caption_repeated_between_paragraphs_is_still_dropped():
    caption = "The mayor speaks to reporters outside the town hall on Monday."
    body = ARTICLE.split("\n\n")
    text = "\n\n".join([body[0], caption, body[1], caption, body[2], caption, body[3]])
    assert caption not in kept_lines(text) and len(kept_lines(text)) == 3


def test_yaml_front_matter_is_not_the_title_nor_the_text():
    text = "---\nlayout: post\ntitle: 'Bridge to close for two years'\ndate: 2021-10-07\n---\n\n" + ARTICLE
    assert headline(text) == "Bridge to close for two years"
    assert kept_lines(text) == kept_lines(ARTICLE)
    untitled = "---\nlayout: post\ndescription: The council voted on Tuesday to close the old bridge.\n---\n" + ARTICLE
    assert headline(untitled) == "Council Votes To Close Old Bridge" and kept_lines(untitled) == kept_lines(ARTICLE)


def test_a_horizontal_rule_is_not_front_matter():
    text = "---\n\nThe council voted on Tuesday to close the old bridge for repairs.\n\n---\n"
    assert kept_lines(text) == ["The council voted on Tuesday to close the old bridge for repairs."]


def test_a_rule_above_a_key_like_line_and_prose_is_not_front_matter():
    text = "---\nUpdate: 3pm\n\n" + ARTICLE + "\n\n---\nMore to come.\n"
    assert kept_lines(ARTICLE)[0] in kept_lines(text)


def test_an_article_without_a_headline_is_titled_by_its_lead_cut_at_a_word():
    from summarize.text.boilerplate import lead_title

    lead = "Secretary-General Jens Stoltenberg said on October 7 that NATO decided to expel eight Russians."
    assert lead_title(lead + "\n") == "Secretary-General Jens Stoltenberg said on October 7 that NATO…"
    assert lead_title("A powerful storm hit the northern coast of the island on Monday.\n") == (
        "A powerful storm hit the northern coast…"  # not "... coast of the…"
    )
    assert (
        lead_title("The council voted on Tuesday to close the bridge.\n")
        == "The council voted on Tuesday to close the bridge."
    )
    assert lead_title("Home\nSport\n") is None


def test_the_sample_source_without_a_headline_gets_its_lead_not_its_file_name():
    from summarize.inputs.document import make_document
    from summarize.inputs.documents import sample_documents

    fifth = sample_documents()[4]
    assert (
        fifth.title == "The North Atlantic Treaty Organization (NATO) expelled eight members…" and fifth.title_from_lead
    )
    assert "004_f479679f536a04d0" not in fifth.title
    titled = make_document(ARTICLE, "news/bridge.txt")
    assert titled.title == "Council Votes To Close Old Bridge" and not titled.title_from_lead
    assert make_document(
        "The council voted on Tuesday to close the bridge for two years.\n", "x/f00.txt"
    ).title_from_lead


@pytest.mark.parametrize(
    "dateline",
    [
        "LONDON (AP) -- ",
        "ZURICH, Switzerland (AP) -- ",
        "HONG KONG, December 15 (Xinhua) -- ",
        "NEW YORK _ ",
        "LITTLETON, Colo. (AP) -- ",
        "RIO DE JANEIRO, Brazil -- ",
        "WASHINGTON — ",
    ],
)
def test_the_lead_s_wire_dateline_is_not_part_of_its_sentence(dateline):
    lead = "Former Chilean dictator Augusto Pinochet has been arrested by British police."
    text = f"Pinochet arrested in London\n\n{dateline}{lead}\nHe was receiving medical treatment at a clinic.\n"
    (first, second) = prose_spans(text)
    assert text[first[0] : first[1]] == lead
    assert text[second[0] : second[1]] == "He was receiving medical treatment at a clinic."


@pytest.mark.parametrize(
    "line",
    [
        "KTV-9 reported one person had been hurt on the pier.",
        "JOHN MARLOW, 42 -- Key witness in the case, he is the son of the mill's owner.",
        "NIXON, disco, LSD -- it's no surprise, really, that those rejects came back.",
        "NATO expelled eight Russians -- the second such move in three years.",
    ],
)
def test_a_capitalised_opening_that_is_no_dateline_is_kept(line):
    assert kept_lines(f"{line}\n") == [line]


def test_only_the_lead_loses_a_dateline_lower_down_a_place_in_capitals_opens_a_list_item():
    text = (
        "MIAMI (AP) -- The storm killed at least 12 people across the islands on Monday.\n"
        "HAITI -- Two people died when a river burst its banks near the capital.\n"
    )
    assert kept_lines(text) == [
        "The storm killed at least 12 people across the islands on Monday.",
        "HAITI -- Two people died when a river burst its banks near the capital.",
    ]


@pytest.mark.parametrize(
    ("sentence", "news"),
    [
        (
            "-- The pact promised to double the harbour's seal count.",
            "The pact promised to double the harbour's seal count.",
        ),
        ("--Hackers could read the tax files with ease.", "Hackers could read the tax files with ease."),
        ("_The council voted 14-0 to close the bridge.", "The council voted 14-0 to close the bridge."),
        ("• Schools will stay shut until Friday.", "Schools will stay shut until Friday."),
        ("- On May 3, the mayor resigned.", "On May 3, the mayor resigned."),
        ("(check) The leaders demanded his return.", "The leaders demanded his return."),
        ("(box) VENUE: Harbour Stadium, Port Ellen.", "Harbour Stadium, Port Ellen."),
        ("EDUCATION: Records show he left school at 16.", "Records show he left school at 16."),
        ("CAUSE OF THE DISPUTE: Each side claims the river island.", "Each side claims the river island."),
        ("Q: How can a reader enter the contest?", "How can a reader enter the contest?"),
        ("A: The contest is open to anyone under 16.", "The contest is open to anyone under 16."),
        ("BC-FLOOD-TOWN (Riverton) -- The town voted to move uphill.", "The town voted to move uphill."),
        ("STORM-COAST-DAMAGE (Port Ellen, Maine) -- A look at the damage.", "A look at the damage."),
        (
            "Ferry Sinks Off Coast PORT ELLEN, Maine (AP) -- A ferry sank on Monday.",
            "A ferry sank on Monday.",
        ),
        ("Update: storm warning By Jo Reyes OSLO (Reuters) - The storm eased.", "The storm eased."),
        ("Riverton, 19 Jun (Xinhua) -- The river rose overnight.", "The river rose overnight."),
        ("[By Jo Reyes] Riverton, 19 Jun (Xinhua) -- The river rose.", "The river rose."),
        ("UNDATED: The river rose overnight.", "The river rose overnight."),
        ("Port Ellen, Maine, June 19 (AP) -- A ferry sank.", "A ferry sank."),
        ("(AP) -- A ferry sank on Monday.", "A ferry sank on Monday."),
        ("VERDICT: The jury found the council at fault.", "The jury found the council at fault."),  # a word, no name
    ],
)
def test_what_opens_a_sentence_without_being_its_news_is_furniture(sentence, news):
    assert sentence[furniture_length(sentence) :] == news


@pytest.mark.parametrize(
    "sentence",
    [
        "HAITI -- Two people died when a river burst its banks.",
        "JOHN MARLOW, 42 -- Key witness in the case, he is the owner's son.",
        "KTV-9 reported one person had been hurt on the pier.",
        "Note: the figures are estimates.",
        "NATO leaders met on Monday in Brussels.",
        "THE annual prize went to a first novel.",
        "THE LATE Mr Tom Vance liked chess.",
        "By Sunday, the river had fallen by a metre.",
        "The WHO (World Health Organization) -- which met on Monday -- agreed.",
    ],
)
def test_a_sentence_that_opens_with_its_own_words_keeps_them(sentence):
    assert furniture_length(sentence) == 0


@pytest.mark.parametrize("byline", ["By Jo Reyes.", "By MARTA VANCE.", "By Ann B. Cole and Tom Ruiz."])
def test_a_byline_is_furniture_whole(byline):
    assert furniture_length(byline) == len(byline)


def test_a_copyright_notice_is_no_prose_however_long():
    notice = (
        "PORT ELLEN, Maine 04000 Tel: 555-0100 COPYRIGHT 2004 BY HARBOUR WIRE, INC. NO PORTION OF THE MATERIALS "
        "CONTAINED HEREIN MAY BE USED IN ANY MEDIA WITHOUT ATTRIBUTION TO HARBOUR WIRE, INC."
    )
    lead = "The town council voted on Monday to move the whole town uphill."
    assert kept_lines(f"{notice}\n{lead}\nIt will take ten years and cost the state $40 million.\n")[0] == lead
    assert furniture_length(notice) == len(notice)  # the same notice run into an article on one line
    assert furniture_length("© 2004 Harbour Wire. All rights reserved.") > 0


def test_prose_about_copyright_is_kept():
    line = "A court ruled that the old harbour map has no copyright protection, the museum said."
    assert kept_lines(f"{line}\n") == [line]
    assert furniture_length(line) == 0


_ARTICLE = [
    "A bus carrying 40 pupils left the road near Millbrook on Friday morning.",
    "Three children and the driver's assistant died at the scene, police said.",
    "The driver, 52, was taken to hospital with a broken arm.",
    "Investigators are examining the brakes and the weather at the time.",
]


@pytest.mark.parametrize(
    "news",
    [
        "Footage of the crash may not be broadcast before the trial, the judge ruled.",
        "The names of the dead may not be published until their families are told, a judge ruled on Friday.",
        "Copyright lawyers say the ruling could change how the footage is sold.",
    ],
)
def test_news_of_a_ban_or_about_copyright_is_no_notice(news):
    # Late in the article, a line read as a notice would also cut off everything after it.
    lines = [*_ARTICLE, news, "The school will open on Monday with counsellors on hand."]
    assert kept_lines("\n".join(lines) + "\n") == lines
    assert furniture_length(news) == 0


def test_a_reuse_ban_beside_a_notice_mark_is_a_notice():
    notice = "This article may not be republished without the prior written permission of the Millbrook Star."
    assert kept_lines("\n".join([*_ARTICLE, notice, "Read more stories"]) + "\n") == _ARTICLE
    assert furniture_length(notice) == len(notice)
    assert furniture_length("The drug may not be distributed without a prescription, the agency said.") == 0


@pytest.mark.parametrize(
    "sentence",
    [
        "OBAMA: We will not back down from this fight.",
        "SMITH: The fund was empty by March.",
        "BROWN: The fund was empty by March.",  # a word too, but one news capitalises mid-sentence: a name
        "The Associated Press (AP) - the news agency - reported that the ship sank off the cape.",
        "Witnesses told Reuters (Reuters) - Ships left the port at dawn.",
    ],
)
def test_a_speaker_label_or_an_agency_named_in_the_sentence_stays(sentence):
    assert furniture_length(sentence) == 0
