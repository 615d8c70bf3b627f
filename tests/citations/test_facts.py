"""What the judge reads off one sentence: the dateline rule is the boilerplate's, one home for it."""

from summarize.citations.facts import dates_in, names
from summarize.text.boilerplate import dateline_length


def test_a_wire_dateline_is_neither_a_name_nor_a_date_of_the_news():
    assert "luanda" not in names("LUANDA, April 24 (Xinhua) -- Angola's talks failed.")[0]
    assert [d.text for d in dates_in("HONG KONG, December 15 (Xinhua) -- Talks open on December 20.")] == [
        "December 20"
    ]


def test_a_capitalised_opening_that_is_no_dateline_keeps_its_names():
    assert dateline_length("CBS-TV reported that the talks failed.") == 0
    assert "cbs" in names("CBS-TV reported that the talks failed.")[0]
    assert {"u.s.", "soviet"} <= names("U.S.-Soviet talks failed on Monday in Geneva.")[0]
