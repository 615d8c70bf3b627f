"""Property tests: whatever text comes in (empty lines, no punctuation, huge sentences, emoji,
right-to-left scripts, control characters), the pipeline does not crash, every brief sentence stays
verbatim at its span, and the budget holds. Readers refuse bad bytes only with SummarizeError."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from summarize.inputs.document import make_document
from summarize.inputs.documents import read_documents
from summarize.inputs.encoding import decode
from summarize.inputs.linebreaks import unwrap
from summarize.output.render import to_dict, to_json, to_markdown
from summarize.pipeline import analyze, compose_brief
from summarize.records import SummarizeError
from summarize.text.story_copies import duplicate_of, story_numbers
from tests.fakes import HashingEmbedder

WORDS = ["storm", "coast", "officials", "said", "the", "a", "of", "mayor", "power", "homes", "flood", "Monday"]
EMOJI = ["🌀", "🌊", "⚡", "👍🏽", "🇺🇸", "❤️"]
RIGHT_TO_LEFT = ["عاصفة", "قوية", "الساحل", "סערה", "חזקה", "\u200f", "\u202e"]
ODD = ["\u00a0", "\u2028", "\u0085", "\t", "\x0c", "\u200b", "\ufeff", "Mr.", "U.S.", "e.g.", "...", "“", "”", "—"]

word = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(EMOJI),
    st.sampled_from(RIGHT_TO_LEFT),
    st.sampled_from(ODD),
    st.text(min_size=1, max_size=12),  # any unicode at all
)
ending = st.sampled_from(["", ".", "!", "?", ".”", "…", ":", "\n"])
sentence = st.builds(lambda ws, end: " ".join(ws) + end, st.lists(word, min_size=0, max_size=30), ending)
huge_sentence = st.builds(lambda ws: " ".join(ws), st.lists(st.sampled_from(WORDS), min_size=150, max_size=400))
# Prose: enough words and an ending, so that lines count as article text and sentences are eligible.
prose = st.builds(
    lambda ws, end: " ".join(ws) + end,
    st.lists(st.one_of(st.sampled_from(WORDS), word), min_size=8, max_size=40),
    st.sampled_from([".", "!", "?", ".”", "…"]),
)
paragraph = st.builds(" ".join, st.lists(prose, min_size=1, max_size=4))
line = st.one_of(
    paragraph, paragraph, paragraph, sentence, huge_sentence, st.just(""), st.just("   "), st.text(max_size=80)
)
document_text = st.builds(
    lambda lines, sep: sep.join(lines),
    st.lists(line, min_size=0, max_size=12),
    st.sampled_from(["\n", "\n\n", "\r\n", " "]),
)
documents = st.lists(document_text, min_size=1, max_size=4)
budget = st.integers(min_value=1, max_value=200)

SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(documents, budget)
def test_the_pipeline_never_crashes_and_keeps_its_promises(texts, words):
    docs = tuple(make_document(text, f"doc{n}.txt") for n, text in enumerate(texts))
    try:
        analysis = analyze(docs, HashingEmbedder())
    except SummarizeError:
        event("no prose")
        return  # "no prose sentences found": a clear refusal, not a crash
    brief = compose_brief(analysis, words)
    event("a brief with sentences" if brief.sentences else "an empty brief")
    assert brief.words <= words
    for item in brief.sentences:
        for sentence in [item.sentence, *(c.sentence for c in item.also_in)]:
            text = docs[sentence.document].text
            assert " ".join(text[sentence.start : sentence.end].split()) == sentence.text
        assert all(c.sentence.document != item.sentence.document for c in item.also_in)
    data = json.loads(to_json(brief))
    assert data["words"] == brief.words <= data["budget"]
    assert to_markdown(brief).startswith("# ")
    assert len(to_dict(brief)["sources"]) == len(docs)


@SETTINGS
@given(st.binary(max_size=4000))
def test_any_bytes_are_decoded_or_refused_clearly(data):
    try:
        text, encoding = decode(data, "x.txt")
    except SummarizeError as error:
        assert str(error).startswith("x.txt: ") and "\n" not in str(error)
        return
    assert isinstance(text, str) and encoding and "\r" not in text


@SETTINGS
@given(st.binary(max_size=3000) | document_text.map(lambda t: t.encode("utf-8")))
def test_reading_any_file_gives_a_document_or_one_clear_line(tmp_path_factory, data):
    path = tmp_path_factory.mktemp("any") / "article.txt"
    path.write_bytes(data)
    try:
        [document] = read_documents([path])
    except SummarizeError as error:
        message = str(error)
        assert message.startswith(f"{path}") and "\n" not in message
        return
    assert document.text.strip() and document.path == str(path)


@SETTINGS
@given(document_text)
def test_unwrapping_moves_no_offset(text):
    text = text.replace("\r\n", "\n")
    unwrapped = unwrap(text)
    assert len(unwrapped) == len(text)
    assert " ".join(unwrapped.split()) == " ".join(text.split())


@SETTINGS
@given(st.lists(document_text, min_size=1, max_size=5))
def test_a_story_is_never_a_copy_of_a_later_one(texts):
    docs = tuple(make_document(text, f"d{n}") for n, text in enumerate(texts))
    originals = duplicate_of(docs)
    for index, original in enumerate(originals):
        assert original is None or (original < index and originals[original] is None)
    numbers = story_numbers(docs)
    assert sorted(set(numbers)) == list(range(len(set(numbers))))
