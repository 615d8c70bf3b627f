"""Articles told apart by their topic words (made-up articles): one shared word, or a generic verb,
does not make two stories one."""

from summarize.clustering.stories import separate_stories
from summarize.inputs.document import make_document

FIRE = make_document(
    "A fire gutted a warehouse in Dunmore overnight, killing four workers.\n\n"
    "The blaze spread fast because two fire exits had been closed, the fire chief said.\n\n"
    "Drivers were told to avoid the warehouse district while the fire burned.\n\n"
    "Firefighters from Dunmore fought the blaze at the warehouse for six hours.",
    "fire.txt",
)
FIRE_AGAIN = make_document(
    "Investigators in Dunmore said the warehouse blaze began in a storage bay.\n\n"
    "The fire killed four workers who were trapped behind closed exits in the warehouse.",
    "fire2.txt",
)
BRIDGE = make_document(
    "Engineers closed the Kellow harbour bridge after finding a crack in a beam.\n\n"
    "Drivers queued for miles as the bridge stayed closed and the crack was measured.\n\n"
    "The council will vote on repairs to the bridge beam and the crack next week.",
    "bridge.txt",
)


def test_one_shared_word_or_a_generic_verb_does_not_join_two_stories():
    # "closed" and "drivers" are all the fire and the bridge share
    assert separate_stories((FIRE, BRIDGE), ()) == [[0], [1]]


def test_articles_sharing_several_topic_words_are_one_story():
    assert separate_stories((FIRE, BRIDGE, FIRE_AGAIN), ()) == [[0, 2], [1]]


def test_one_home_groups_stories_for_the_brief_and_its_order():
    from summarize.clustering.stories import story_groups, story_ranks
    from summarize.output.render import stories
    from summarize.pipeline import analyze, compose_brief
    from tests.fakes import HashingEmbedder

    assert story_groups((FIRE,), (), None) == []
    assert story_groups((BRIDGE, FIRE, FIRE_AGAIN), (), None) == [[1, 2], [0]]  # most articles first
    analysis = analyze((BRIDGE, FIRE, FIRE_AGAIN), HashingEmbedder())
    brief = compose_brief(analysis, 60)
    groups = stories(brief)
    assert groups == story_groups(analysis.documents, analysis.clusters, brief.originals)
    ranks = story_ranks(analysis)
    assert [[d for d in range(3) if ranks[d] == place] for place in range(len(groups))] == groups
