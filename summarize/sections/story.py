"""What sections need to know about an analysis's sentences (`Story`): their kinds, dates, speakers
and sides, and the words in and around them; read once per analysis."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping

import numpy as np

from ..records import Analysis
from ..text.bigrams import content_tokens, sentence_tokens
from ..text.counts import COUNT
from ..text.cues import DOUBLE_QUOTES, in_quotation, is_attributed, outside_quotes, starts_referring
from ..text.dates import calendar, is_past, own_date
from ..text.speakers import attributed, speaker_descriptions, speaker_key, speaker_names, speaker_sides, speakers
from .questions import ANSWER_CUES, Question, names

_PAST = re.compile(
    r"\b(since|has long|have long|had long|long had|in recent years|previously|years ago|months ago|history|"
    r"historic|for years|decades?|decade-old|already|earlier|at the time|first time|in the past|cold war)\b",
    re.IGNORECASE,
)

# What says why something happened: a cause, a blame, an inquiry into it.
_CAUSE = re.compile(
    r"\b(caus\w*|because|due to|blam\w*|trigger\w*|spark\w*|led to|result(?:ed)? (?:of|from)|investigat\w*)\b",
    re.IGNORECASE,
)


class Story:
    """What sections need to know about an analysis's sentences, read once: their kinds, dates,
    speakers and sides, and the words in and around them."""

    def __init__(self, analysis: Analysis) -> None:
        texts = [d.text for d in analysis.documents]
        sentences = analysis.sentences
        self.calendar = calendar(texts)
        # A bare weekday the articles pair with no date: anchored on the article's own date. An article
        # without one among dated articles leaves it undated: another outlet's date may be days after
        # its own (a follow-up's "Monday" is not the wire story's). Among undated articles only, it is
        # ordered after the dated events.
        own = [own_date(text) for text in texts]
        undated_among_dated = any(date is not None for date in own)
        self.dates = [self.calendar.key(s.text, own[s.document], relative=not undated_among_dated) for s in sentences]
        quoted = [in_quotation(s, texts[s.document]) for s in sentences]
        # Who a sentence itself names as its speaker; who says it (a quotation takes its neighbour's).
        self.named = [speaker_key(found) if found else None for found in (attributed(s.text) for s in sentences)]
        self.speakers = speakers(sentences, texts)
        self.speaker_names = speaker_names(sentences)
        self.sides = speaker_sides(sentences)
        self.described = {key: set(content_tokens(text)) for key, text in speaker_descriptions(sentences).items()}
        # A quotation that does not say whose it is: a reader of a brief could not tell who said it.
        self.orphan_quotes = [
            quoted[i] and self.named[i] is None and not is_attributed(outside_quotes(s.text))
            for i, s in enumerate(sentences)
        ]
        # Sentences that lean on the one before for what they are about: quotations, "He", "This".
        self.leans = [quoted[i] or starts_referring(s.text) for i, s in enumerate(sentences)]
        self.words = [set(tokens) for tokens in sentence_tokens(analysis)]
        self.neighbourhoods = []  # each sentence's words with its neighbours' in the same article
        for index, sentence in enumerate(sentences):
            around = set(self.words[index])
            for other in (index - 1, index + 1):
                if 0 <= other < len(sentences) and sentences[other].document == sentence.document:
                    around |= self.words[other]
            self.neighbourhoods.append(around)
        self.vocabulary = set().union(*self.words) if self.words else set()
        self.frequency = Counter(word for words in self.words for word in words)
        self.kinds = {kind: np.zeros(len(sentences)) for kind in ANSWER_CUES}
        for index, sentence in enumerate(sentences):
            earlier = is_past(sentence.text, self.calendar) or bool(_PAST.search(sentence.text))
            quoting = quoted[index] or bool(DOUBLE_QUOTES.search(sentence.text))
            self.kinds["statement"][index] = 1.0 if quoting or is_attributed(sentence.text) else 0.0
            self.kinds["past"][index] = 1.0 if earlier else 0.0
            # The event itself: what the leads report; not the past, and not a quotation.
            self.kinds["event"][index] = 0.0 if earlier or quoting else 1.0 if sentence.position < 3 else 0.5
            self.kinds["date"][index] = 1.0 if self.dates[index] is not None else 0.0
            self.kinds["number"][index] = 1.0 if COUNT.search(sentence.text) else 0.0
            self.kinds["cause"][index] = 1.0 if _CAUSE.search(sentence.text) else 0.0

    def subject(
        self, question: Question, related: Mapping[str, frozenset[str]] | None = None
    ) -> tuple[np.ndarray, np.ndarray] | None:
        """How fully each sentence names the question's subject (0..1), and whether it answers it;
        None if the articles do not mention the subject at all. `related`: for a subject word of
        a family of news words, the family's words the articles use (summarize.sections.related_words)."""
        related = related or {}

        def mentioned(word: str, words: set[str]) -> bool:
            return names(word, words) or any(other in words for other in related.get(word, ()))

        missing = [word for word in question.subject if not mentioned(word, self.vocabulary)]
        if len(missing) > (1 if len(question.subject) >= 3 else 0):
            return None
        # Asked what someone said ("How did Russia respond?"): the statements of the speakers the
        # subject describes (the Kremlin's spokesman, Russia's foreign minister), not of others.
        if "statement" in question.kinds:
            voices = {
                key
                for key, described in self.described.items()
                if any(mentioned(word, described) for word in question.subject)
            }
            if voices:
                spoken = np.array([speaker in voices for speaker in self.speakers])
                return spoken.astype(float), spoken
        # Rare words name a subject more than common ones: "Council" more than "NATO". A word no article
        # uses ("How many homes lost power?": "lost") is the rarest of all, but no sentence can name it.
        frequency = {
            w: self.frequency.get(w, 0) or sum(mentioned(w, words) for words in self.words) for w in question.subject
        }
        rarity = {w: np.log((1 + len(self.words)) / (1 + frequency[w])) + 1e-3 for w in question.subject}
        used = [w for w in question.subject if w not in missing]
        rarest = {w for w in used if rarity[w] >= 0.5 * max(rarity[u] for u in used)}
        named = np.zeros(len(self.words))
        answers = np.zeros(len(self.words), dtype=bool)
        for index, (own, around) in enumerate(zip(self.words, self.neighbourhoods)):
            for word in question.subject:
                here, near = mentioned(word, own), mentioned(word, around)
                named[index] += rarity[word] * (1.0 if here else 0.5 if near else 0.0)
                answers[index] |= word in rarest and (here or (near and self.leans[index]))
        return named / sum(rarity.values()), answers


def story_of(analysis: Analysis) -> Story:
    """The analysis's `Story`, read once for it (a shell re-briefs it with each prompt and length;
    reading its speakers and dates is most of a sectioned brief's work)."""
    return analysis.derived("relevance.story", lambda: Story(analysis))
