import pytest

from summarize.text.speakers import unintroduced_name

FULL_NAMES = {"peskov": "Dmitry Peskov", "lavrov": "Sergey Lavrov", "clinton": "Clinton", "moscow": "Moscow"}


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("“There is a glaring discrepancy,” Peskov said.", "Dmitry"),
        ("Peskov was quoted as saying by Russian news agencies.", "Dmitry"),
        ("Mr Lavrov complained that the alliance is not interested in dialogue.", "Sergey"),
        ("“We regret it,” said Lavrov.", "Sergey"),
        ("Kremlin spokesman Dmitry Peskov said the move harms efforts.", None),  # the full name
        ("Russian Foreign Minister Lavrov said his country would respond.", None),  # a title says who
        ("President Clinton said the talks went well.", None),
        ("Moscow said the decision was a provocation.", None),  # named in one word in every article
        ("Shea said it was not a dramatic move.", None),  # no full name in the articles
        ("The ministry said nothing.", None),
    ],
)
def test_a_speaker_named_by_surname_only_lacks_the_given_name_the_articles_give(text, given):
    assert unintroduced_name(text, FULL_NAMES) == given
