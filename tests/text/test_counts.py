"""The one count rule (made-up sentences): money and round numbers after a word of approximation count;
years, times of day and "one" do not."""

import pytest

from summarize.text.counts import COUNT, FIGURE_COUNT, NUMBER_WORDS


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("The storm caused $4.5 million in damage to the harbour.", "$4.5"),
        ("About 2000 homes in Portville lost power overnight.", "About 2000"),
        ("The council set aside £ 300 for each family.", "£ 300"),
        ("The blast killed 12 workers.", "12"),
        ("About 3,000 residents were told to leave.", "About 3,000"),
        ("Dozens were hurt.", "Dozens"),
        ("Three ferries were cancelled.", "Three"),
    ],
)
def test_a_count_is_found(text, count):
    found = COUNT.search(text)
    assert found is not None and found.group() == count


@pytest.mark.parametrize(
    "text", ["The plant opened in 1998.", "The meeting starts at 3 pm.", "One man was seen leaving.", "Since 2019."]
)
def test_a_year_a_time_or_one_is_no_count(text):
    assert COUNT.search(text) is None


def test_the_number_words_values():
    assert NUMBER_WORDS["twelve"] == 12 and NUMBER_WORDS["dozen"] == 12 and NUMBER_WORDS["thousand"] == 1000


def test_the_figure_count_leaves_small_number_words_out():
    assert FIGURE_COUNT.search("Ties between the two towns have been limited.") is None
    assert FIGURE_COUNT.search("The fire destroyed $2000 of stock.") is not None
