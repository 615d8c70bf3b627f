"""The main clause of a sentence: what it mainly reports, less its source and its background clauses."""

from summarize.citations.main_clause import main_clause
from summarize.inputs.document import make_document
from summarize.pipeline import analyze
from tests.fakes import HashingEmbedder


def test_background_clauses_and_the_source_are_left_out():
    resigned = main_clause("Hariri, who came to office in 1992 and headed five governments, resigned last October.")
    assert "resigned last October" in resigned and "governments" not in resigned
    found = main_clause("Burke was in the home when JonBenet was found beaten (police said) on Dec. 26.")
    assert "Burke was in the home" in found and "JonBenet" not in found and "police" not in found
    assert main_clause("Iranian authorities have told United Nations officials that about 35,000 people died.") == (
        "about 35,000 people died."
    )
    assert main_clause("The blast wounded 21 Israelis, police said Monday.") == "The blast wounded 21 Israelis"
    assert main_clause("Xu spent 12 years in prison.") == "Xu spent 12 years in prison."  # nothing to leave out


def test_a_candidate_with_only_the_background_covers_little_of_the_main_clause():
    from summarize.citations.pair_facts import pair_facts

    documents = [
        make_document(
            "Hariri, who came to office in 1992 and headed five governments over 12 years, resigned last October. "
            "Lebanon mourned.",
            "a.txt",
        ),
        make_document(
            "He came to office in 1992 and headed five governments over 12 years. Beirut was quiet.", "b.txt"
        ),
        make_document("Hariri resigned last October after a dispute over the president's term. Rain fell.", "c.txt"),
    ]
    analysis = analyze(documents, HashingEmbedder())
    first = {s.document: i for i, s in reversed(list(enumerate(analysis.sentences)))}  # each article's lead
    career, resignation = pair_facts(analysis, first[0], first[1]), pair_facts(analysis, first[0], first[2])
    assert career.covers_sentence > resignation.covers_sentence  # more words in common overall ...
    assert career.covers_main < 0.5 < resignation.covers_main  # ... but not what the sentence mainly says


def test_dotted_sources_relative_clauses_and_openings_are_left_out_but_a_date_stays():
    assert main_clause("Iranian authorities have told U.N. officials that about 35,000 people died.") == (
        "about 35,000 people died."
    )
    testified = main_clause("Hambleton, a former user who testified against Blake, had kept quiet for months.")
    assert "testified" not in testified and "had kept quiet for months" in testified
    assert main_clause("In addition to the aid, the team brought dogs.") == "the team brought dogs."
    assert main_clause("Like the quake in Iran, the 1988 quake in Armenia killed 25,000.").startswith("the 1988")
    assert main_clause("Some council members warned that taxes could rise.") == "taxes could rise."
    assert main_clause("HAIKOU, May 21 (Xinhua) -- Experts called for action.") == "Experts called for action."
    since = "The island has had no working ferry since June 1994."
    assert main_clause(since) == since  # "since July 1988" is when, part of the fact
    assert "since he" not in main_clause("The city has been quiet since he left, officials said.")


def test_a_shared_figure_ties_two_sentences_whose_other_figures_differ():
    from summarize.citations.pair_facts import pair_facts

    documents = [
        make_document("Holloway vanished with 124 other students and seven chaperones. Rain fell.", "a.txt"),
        make_document("Holloway disappeared on a trip with 124 students. Police searched.", "b.txt"),
        make_document("Holloway disappeared on a trip with 150 students and six guides. Police searched.", "c.txt"),
    ]
    analysis = analyze(documents, HashingEmbedder())
    first = {s.document: i for i, s in reversed(list(enumerate(analysis.sentences)))}
    assert not pair_facts(analysis, first[0], first[1]).other_figures  # 124 in both: seven is extra detail
    assert pair_facts(analysis, first[0], first[2]).other_figures  # no figure in common: other counts


def test_a_shared_incidental_figure_does_not_hide_another_count():
    from summarize.citations.pair_facts import pair_facts

    documents = [
        make_document("The flood toll rose to 20 Sunday as divers searched two creeks. Rain fell.", "a.txt"),
        make_document("The flood toll increased to 19 Sunday as divers searched two creeks. Police searched.", "b.txt"),
    ]
    analysis = analyze(documents, HashingEmbedder())
    first = {s.document: i for i, s in reversed(list(enumerate(analysis.sentences)))}
    assert pair_facts(analysis, first[0], first[1]).other_figures  # 20 and 19 count one thing: two counts


def test_a_source_in_the_present_tense_is_left_out_but_not_a_refusal_to_say():
    assert main_clause("The storm killed 14 people, officials say.") == "The storm killed 14 people"
    assert main_clause("Rebels took the town, the army says Monday.") == "Rebels took the town"
    assert main_clause("The troops left, officials confirm.") == "The troops left"
    assert main_clause("The troops left, he declined to say.").endswith("declined to say.")
    assert main_clause("Aid came from Japan and the United States.") == "Aid came from Japan and the United States."


def test_only_a_month_makes_a_time_of_a_clause():
    assert main_clause("The plant has been idle since Sept. 11.") == "The plant has been idle since Sept. 11."
    assert main_clause("The plant closed after May 30 and workers left.").endswith("after May 30 and workers left.")
    rested = main_clause("The troops rested after marching 5 miles in the rain.")  # "mar..." is no month
    assert "marching" not in rested and rested.startswith("The troops rested")


def test_claimed_before_a_toll_is_the_fact_not_a_source():
    lives = "It already has claimed 20 more lives."
    assert main_clause(lives) == lives  # the toll is the fact: "claimed" is not a speech verb here
    quake = "The quake claimed at least 497 lives in Nepal."
    assert main_clause(quake) == quake
    assert main_clause("The storm has claimed 20 lives, officials said.") == "The storm has claimed 20 lives"
    assert main_clause("The group claimed that it planted the bomb.") == "it planted the bomb."
    assert main_clause("The bomb was planted by rebels, the group claimed.") == "The bomb was planted by rebels"


def test_a_source_at_the_end_follows_a_comma_or_a_quotation_mark_or_is_a_bare_pronoun():
    warned = "The storm was stronger than forecasters had warned."
    assert main_clause(warned) == warned  # no comma: the words before the verb are the fact
    assert main_clause("“We regret these steps,” Nato spokeswoman Oana Lungescu said.") == "“We regret these steps,”"
    assert main_clause("Five people died in the rain he said.") == "Five people died in the rain"
