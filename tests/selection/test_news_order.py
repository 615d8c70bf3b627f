"""The order an editor gives a brief's sentences: an elaboration right after what it elaborates."""

from dataclasses import replace

import pytest

from summarize.inputs.document import make_document
from summarize.pipeline import analyze
from summarize.records import Analysis, Cluster
from summarize.selection.leaning import STANDS_ALONE, leanings
from summarize.selection.news_order import elaborated, is_background, with_elaborations
from summarize.selection.support import reading_order


def clustered(analysis: Analysis, *groups: tuple[int, ...]) -> Analysis:
    """`analysis` with these sentence clusters (each sentence not named alone in its own)."""
    named = {i for group in groups for i in group}
    groups = groups + tuple((i,) for i in range(len(analysis.sentences)) if i not in named)
    clusters = tuple(
        Cluster(n, group, tuple(sorted({analysis.sentences[i].document for i in group})))
        for n, group in enumerate(groups)
    )
    return replace(analysis, clusters=clusters)


def flood(embedder) -> Analysis:
    return analyze(
        (
            make_document(
                "Officials in Portville halved the town's water ration to ten litres on Monday.\n\n"
                "The cut meant that half of the homes in Portville ran dry by Tuesday.",
                "a.txt",
                "Ration",
            ),
            make_document(
                "Portville cut every household's water ration by half, to ten litres a day.",
                "b.txt",
                "Rationing",
            ),
            make_document("Schools in Portville stayed open through the week, the council said.", "c.txt", "Schools"),
        ),
        embedder,
    )


def test_an_elaboration_follows_the_sentence_before_it_in_its_article(embedder):
    analysis = clustered(flood(embedder))
    halved, meant, schools = 0, 1, 3
    assert leanings(analysis)[meant] == STANDS_ALONE  # no reader rule ties it to the halving
    assert reading_order(analysis, [halved, schools, meant]) == [halved, meant, schools]


def test_an_elaboration_follows_another_outlets_telling_of_what_it_elaborates(embedder):
    analysis = clustered(flood(embedder), (0, 2))  # both tell the halving
    meant, cut, schools = 1, 2, 3
    assert elaborated(analysis, meant, [cut, schools]) == cut
    assert reading_order(analysis, [cut, schools, meant]) == [cut, meant, schools]


def test_a_more_important_sentence_is_not_held_back_and_a_lead_follows_nothing(embedder):
    analysis = clustered(flood(embedder), (0, 2))
    halved, meant, cut, schools = 0, 1, 2, 3
    assert reading_order(analysis, [meant, schools, halved]) == [meant, schools, halved]
    assert elaborated(analysis, halved, [cut, schools]) is None  # an article's first sentence
    assert elaborated(analysis, cut, [halved, schools]) is None


def test_a_sentence_of_its_previous_sentences_cluster_repeats_it_rather_than_elaborates(embedder):
    analysis = clustered(flood(embedder), (0, 1))
    meant, schools = 1, 3
    assert elaborated(analysis, meant, [schools]) is None


def river(embedder, between: str) -> Analysis:
    """The halving, then `between` (one sentence, or two parted by a paragraph break), in one article."""
    return analyze(
        (
            make_document(
                f"Officials in Portville halved the town's water ration to ten litres on Monday.\n\n{between}",
                "a.txt",
                "Ration",
            ),
            make_document("Schools in Portville stayed open through the week, the council said.", "b.txt", "Schools"),
        ),
        embedder,
    )


@pytest.mark.parametrize(
    "reaction",
    [
        "“We were not asked,” said a baker whose shop needs water to open.",
        "The water board defended the cut as the only way to keep the reservoir from running dry.",
        "Residents described the cut as a punishment for a drought nobody caused.",
    ],
)
def test_a_quotation_or_a_reaction_is_not_an_elaboration(embedder, reaction):
    analysis = clustered(river(embedder, reaction))
    halved, reacted, schools = 0, 1, 2
    assert elaborated(analysis, reacted, [halved, schools]) is None
    assert with_elaborations(analysis, [halved, schools, reacted], {}, lambda i: True) == {}


def test_an_elaboration_does_not_reach_across_a_paragraph_break_in_an_article_of_longer_paragraphs(embedder):
    parted = clustered(
        river(embedder, "The pumps were fixed on Sunday. Two wells ran dry.\n\nThe cut meant long queues.")
    )
    pumps, wells, meant = 1, 2, 3
    assert elaborated(parted, wells, [pumps]) == pumps  # the same paragraph
    assert elaborated(parted, meant, [wells, pumps]) is None
    lone = clustered(river(embedder, "The cut meant that half of the homes in Portville ran dry by Tuesday."))
    assert elaborated(lone, 1, [0]) == 0  # an article of one sentence a paragraph: the break tells nothing


def test_an_elaboration_does_not_take_a_sentence_that_awaits_its_introduction_ahead(embedder):
    analysis = clustered(flood(embedder), (0, 2))
    meant, cut, schools = 1, 2, 3
    assert with_elaborations(analysis, [cut, schools, meant], {}, lambda i: True) == {meant: cut}
    assert with_elaborations(analysis, [cut, schools, meant], {}, lambda i: i != meant) == {}
    # nor one that leans on it and names a speaker by surname only
    assert with_elaborations(analysis, [cut, meant, schools], {schools: meant}, lambda i: i != schools) == {
        schools: meant
    }


@pytest.mark.parametrize(
    ("text", "background"),
    [
        ("Relations between the two towns have been strained since the flood of 2019.", True),
        ("Portville is not a county seat, but has long had a courthouse of its own.", True),
        ("Official talks between the two councils have been limited in recent years.", True),
        ("The river has been low for decades.", True),
        ("Ties between the two towns have collapsed in recent years since the flood of 2019.", True),
        ("Meetings of the river board have not taken place since 2019.", True),
        ("Portville, which has had no mayor since 2019, said it would open shelters.", False),  # a clause's
        ("At least 12 people have been hurt in Portville since January 2019, officials said.", False),  # a count
        ("The fever has killed 3,000 people in Portville since March 2020, officials said.", False),
        ("Harbor Lines has filed for bankruptcy protection after struggling for years with debt.", False),
        ("Police have arrested the man who had evaded them for decades.", False),  # another clause's
        ("The council has announced the deepest spending cuts in recent years.", False),  # a record
        ("The storm has caused the worst damage in Portville since 1990.", False),
        ("The river has flooded the lower town for the third time since 2019.", False),  # an event
        ("Portville has not had a mayor of its own since 2019.", True),
        ("Boat traffic on the river has declined for decades.", True),
        ("The flood hit on Monday, making it the worst in Portville in recent years.", False),
        ("The council halved the water ration on Monday.", False),
        # an appositive between the subject and the verb; a state, then a participle that gives its time
        ("The river board, the town's only water authority, is stalled, having met only twice since 2019.", True),
        ("The river board, the body that runs the dams, has been divided since the flood of 2019.", True),
        ("Portville, a town of 3,000 people, has had no doctor since 2019.", True),
        ("The mayor, who has been in office since 2019, is stalled, having lost the vote.", False),
        ("The ferry is running again, having stalled for years.", False),
        ("Talks are deadlocked, having met only twice since 2019.", True),  # any state, not only "stalled"
        ("Portville is celebrating, having waited since 1994 for a title.", False),  # what happens now
        ("The river board, the town's water authority, has met twice since March, officials said.", False),
    ],
)
def test_background_is_what_the_main_clause_says_has_held_since_an_earlier_time(text, background):
    assert is_background(text) is background


def one_article(embedder, text: str, title: str) -> Analysis:
    return analyze((make_document(text, "a.txt", title),), embedder)


def test_a_lead_told_in_the_present_perfect_stays_first(embedder):
    analysis = one_article(
        embedder,
        "Harbor Lines has filed for bankruptcy protection after struggling for years with debt.\n\n"
        "Ferries from Portville to Eastport will keep running through the winter.",
        "Ferries",
    )
    filed, ferries = 0, 1
    assert reading_order(analysis, [filed, ferries]) == [filed, ferries]


def test_the_news_comes_before_the_background(embedder):
    analysis = one_article(
        embedder,
        "Relations between Portville and Eastport have been strained since the flood of 2019.\n\n"
        "Officials in Portville halved the town's water ration to ten litres on Monday.",
        "Ration",
    )
    strained, halved = 0, 1
    assert reading_order(analysis, [strained, halved]) == [halved, strained]


@pytest.mark.parametrize(
    ("said", "went_on"),
    [
        (
            "“We will win the final,” Portville swimmer Ada Lin said on Sunday.",
            "The 15-year-old, in her first final, told the Portville Gazette that her sister is her main rival.",
        ),
        (
            "Portville has accused Eastport of taking more than its share of the river.",
            "Portville also accuses Eastport of building a dam that cuts the town's supply.",
        ),
    ],
)
def test_a_statement_that_goes_on_with_the_speaker_before_it_follows_that_statement(embedder, said, went_on):
    analysis = clustered(river(embedder, f"{said}\n\n{went_on}"))
    halved, first, then, schools = 0, 1, 2, 3
    assert elaborated(analysis, then, [first, schools]) == first
    assert reading_order(analysis, [first, halved, schools, then]) == [first, then, halved, schools]


@pytest.mark.parametrize(
    "other",
    [
        "Eastport accuses Portville of wasting water.",  # another speaker
        "The official told reporters that the ration would last a month.",  # a role: leaning's rule
        "The town's rivals said they would cut the river's flow.",  # a definite noun phrase: no one person
        "The union said it would appeal.",
    ],
)
def test_a_statement_by_another_speaker_is_not_a_continuation(embedder, other):
    analysis = clustered(river(embedder, f"Portville has accused Eastport of taking the river.\n\n{other}"))
    first, then, schools = 1, 2, 3
    assert elaborated(analysis, then, [first, schools]) is None


def test_an_elaboration_does_not_follow_another_outlets_sentence_of_another_day(embedder):
    def launch(told_by_other: str) -> Analysis:
        documents = (
            make_document(
                "The crew returned on Sunday for a second try at launching the Portville ferry.\n\n"
                "The ferry is to sail at noon on Tuesday.",
                "a.txt",
                "Ferry",
            ),
            make_document(told_by_other, "b.txt", "Launch"),
        )
        return clustered(analyze(documents, embedder), (0, 2))

    returned, sails, other = 0, 1, 2
    next_day = launch("The Portville ferry was launched on Wednesday after years of delay.")
    assert elaborated(next_day, sails, [other]) is None
    same_day = launch("The ferry crew came back on Sunday to try the launch again.")
    assert elaborated(same_day, sails, [other]) == other
    undated = launch("The ferry crew came back to try the launch again.")
    assert elaborated(undated, sails, [other]) == other
    dated = launch("The ferry crew came back on April 10 to try the launch again.")  # a date may be a Sunday
    assert elaborated(dated, sails, [other]) == other
    assert elaborated(next_day, sails, [returned, other]) == returned  # its own article's sentence: any day

    said_on = launch("The ferry crew came back to try the launch again, the port said on Wednesday.")
    assert elaborated(said_on, sails, [other]) == other  # the day of the telling is not the event's
    named = launch("The ferry crew came back to try the launch again, the Wednesday Review reported.")
    assert elaborated(named, sails, [other]) == other  # a weekday in a name (Black Friday too)
    assert elaborated(launch("Black Friday shoppers saw the crew come back to try again."), sails, [other]) == other
    told = launch("The port told reporters Wednesday that the crew came back to try again.")
    assert elaborated(told, sails, [other]) == other
