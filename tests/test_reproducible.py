"""A brief does not depend on the process it is made in: Python randomises the order of sets of
strings per process, and nothing of that order may reach the integer programs."""

import json
import os
import subprocess
import sys

import pytest

PROGRAMS = """
import json, sys
from summarize.selection import ilp
from summarize.pipeline import analyze, compose_brief
from summarize.inputs.documents import sample_documents
from tests.fakes import HashingEmbedder
from summarize.sections.prompts import shipped_prompt
from summarize.output.render import to_json

built = []
solve = ilp.Program.solve

def recorded(program, *limits):
    rows = program.matrix()
    built.append([program.gain, program.upper, program.binary,
                  [rows.indptr.tolist(), rows.indices.tolist(), rows.values.tolist(), rows.bounds.tolist()]])
    return solve(program, *limits)

ilp.Program.solve = recorded
embedder = HashingEmbedder()
analysis = analyze(sample_documents(), embedder)
briefs = [to_json(compose_brief(analysis, words, prompt=shipped_prompt(name), embedder=embedder))
          for name in ("briefing", "reactions", "timeline") for words in (120, 250)]
briefs.append(to_json(compose_brief(analysis, 150)))
json.dump({"programs": built, "briefs": briefs}, sys.stdout)
"""


def made_with_hash_seed(seed: str) -> dict:
    env = dict(os.environ, PYTHONHASHSEED=seed)
    result = subprocess.run([sys.executable, "-c", PROGRAMS], env=env, capture_output=True, text=True, check=True)
    return json.loads(result.stdout)


@pytest.mark.parametrize("seed", ["1", "2"])
def test_the_same_programs_and_briefs_whatever_the_hash_seed(seed):
    assert made_with_hash_seed(seed) == made_with_hash_seed("0")
