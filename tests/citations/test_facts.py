"""What the judge reads off one sentence: the dateline rule is the boilerplate's, one home for it."""

import random

from summarize.citations.facts import _alike, dates_in, names, new_names
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


def test_new_names_finds_what_comparing_every_pair_of_names_finds():
    """new_names looks a name up among the other sentence's names of the same first four letters; the
    plain definition compares it with every one of them."""
    words = "Russia Russian Russians NATO Nato Olympic Olympics Oly Moscow Moscovite Kremlin Kre US UN Lavrov".split()
    chooser = random.Random(5)
    for _ in range(300):
        first = " and ".join(chooser.sample(words, chooser.randint(0, 5)))
        second = " and ".join(chooser.sample(words, chooser.randint(0, 5)))
        known = frozenset(word.lower() for word in chooser.sample(words, 10))
        plain = frozenset(
            name for name in names("x " + second)[0] & known if not any(_alike(name, o) for o in names("x " + first)[0])
        )
        assert new_names("x " + first, "x " + second, known) == plain
