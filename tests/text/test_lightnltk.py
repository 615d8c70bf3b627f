"""NLTK in parts (summarize.text.lightnltk): the brief's two modules without what they never use, and the
whole of NLTK, unchanged, for whoever asks for it later in the process."""

import subprocess
import sys

import pytest

# Pulled in by NLTK's file sandbox, unpickling and XML escapes, none of which a brief uses (zipfile is not
# here: reading the shipped Punkt files through importlib.resources imports it).
HEAVY = ("http.client", "ssl", "urllib.request", "subprocess", "socket", "xml.sax", "xml.etree")


def run(code: str) -> str:
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    return result.stdout.strip()


def test_the_splitter_and_the_stemmer_import_none_of_it():
    heavy = run(
        "import sys\n"
        "from summarize.text.sentences import PunktSplitter\n"
        "from summarize.text.bigrams import content_tokens\n"
        "assert PunktSplitter().split('Mr. Smith met Sen. Jones on Oct. 7. It rained.') == [(0, 35), (36, 46)]\n"
        "assert content_tokens('The storms were raging') == ['the', 'storm', 'were', 'rage']\n"
        f"print(sorted(m for m in {HEAVY!r} if m in sys.modules))"
    )
    assert heavy == "[]"


@pytest.mark.parametrize(
    "first_use",
    [
        "import nltk; nltk.word_tokenize",  # a top-level name: completes NLTK first
        "from nltk.tokenize.punkt import PunktTrainer; PunktTrainer().train('Dr. A met Mr. B. ' * 30)",  # a stand-in's name
        "from nltk.tokenize.util import string_span_tokenize; list(string_span_tokenize('a b', ' '))",
    ],
)
def test_nltk_is_whole_after_any_first_use(first_use):
    out = run(
        "import sys\n"
        "from summarize.text.sentences import PunktSplitter\n"
        f"{first_use}\n"
        "from nltk.probability import FreqDist, ConditionalFreqDist\n"
        "from nltk.internals import overridden\n"
        "from nltk.tokenize import NLTKWordTokenizer\n"
        "import nltk.pathsec, nltk.picklesec\n"
        "assert isinstance(FreqDist, type) and FreqDist.__module__ == 'nltk.probability'\n"
        "assert NLTKWordTokenizer().tokenize('Hello, world.') == ['Hello', ',', 'world', '.']\n"
        "assert not any(getattr(m, '_lightnltk_stand_in', False) for m in list(sys.modules.values()))\n"
        "trainer = __import__('nltk.tokenize.punkt', fromlist=['PunktTrainer']).PunktTrainer()\n"
        "trainer.train('Dr. A met Mr. B. ' * 30)\n"
        "print(PunktSplitter().split('Dr. A met Mr. B. Then they left.'))"
    )
    assert out == "[(0, 16), (17, 32)]"
