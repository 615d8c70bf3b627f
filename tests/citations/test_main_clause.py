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
