from summarize.boilerplate import headline, prose_spans


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
    assert kept_lines("The council voted to close the bridge on Tuesday night.\nSource: Al Jazeera and news agencies\n") == [
        "The council voted to close the bridge on Tuesday night."
    ]


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
    assert kept_lines("Breaking News\n\nThe court ruled on Monday. It was a surprise. (scl)\n\nThe end came soon after that.") == [
        "The end came soon after that."
    ]
