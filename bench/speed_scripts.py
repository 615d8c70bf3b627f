"""The programs bench/speed.py runs in new processes (each timed from launch to exit): LexRank on
files and on a cluster file, a cold brief by phase, the model alone over a batch's sentences, a
sentence count, a shell's in-memory re-brief, and the briefs of those re-briefs."""

LEXRANK_FILES = """
import sys
from pathlib import Path
from summarize.evaluation.peers import summarize_with_peer
from summarize.text.sentences import PunktSplitter
texts = [Path(p).read_text(encoding="utf-8") for p in sys.argv[2:]]
print(summarize_with_peer("lexrank", texts, int(sys.argv[1]), PunktSplitter()))
"""

LEXRANK_JSONL = """
import json, sys
from summarize.evaluation.peers import summarize_with_peer
from summarize.text.sentences import PunktSplitter
splitter = PunktSplitter()
with open(sys.argv[2], encoding="utf-8") as stream:
    for line in stream:
        record = json.loads(line)
        texts = [d["text"] for d in record["documents"]]
        print(json.dumps({"id": record["id"], "summary": summarize_with_peer("lexrank", texts, int(sys.argv[1]), splitter)}))
"""

PHASES = """
import json, sys, time
marks = [("start", time.perf_counter())]
def mark(name):
    marks.append((name, time.perf_counter()))
from summarize.pipeline import analyze, compose_brief
from summarize.inputs.documents import sample_documents
from summarize.embedding.backends import embedder_for
from summarize.text.sentences import PunktSplitter
mark("import summarize (numpy, scipy, nltk parts)")
backend = sys.argv[1]
embedder = embedder_for(backend)
if backend == "torch":
    import sentence_transformers
    mark("import torch + sentence-transformers")
elif backend == "onnx":
    import onnxruntime, tokenizers
    mark("import onnxruntime + tokenizers")
else:
    import safetensors.numpy, tokenizers
    mark("import safetensors + tokenizers")
embedder._load()
mark("load the model")
documents = sample_documents()
from summarize.pipeline import split_documents
sentences = split_documents(documents, PunktSplitter())
mark("split sentences")
vectors = embedder.embed([s.text for s in sentences])
mark("embed (%d sentences)" % len(sentences))
analysis = analyze(documents, embedder, embeddings=vectors)
mark("cluster")
compose_brief(analysis, 150)
mark("select (concept ILP) + cite")
print(json.dumps([[name, round(marks[i + 1][1] - marks[i][1], 3)] for i, (name, _) in enumerate(marks[1:])]))
"""


# The model's share of a cold batch: every distinct sentence of the batch embedded once, no cache,
# one process per core (as `summarize batch` does), nothing else: the floor under row 3.
EMBEDDING_ONLY = """
import os, sys
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

def embed(texts):
    os.environ["SUMMARIZE_THREADS"] = "1"
    from summarize.embedding.backends import embedder_for
    return len(embedder_for(sys.argv[2]).embed(texts))

if __name__ == "__main__":
    from summarize.pipeline import split_documents
    from summarize.inputs.jsonl import read_clusters
    from summarize.text.sentences import PunktSplitter
    splitter = PunktSplitter()
    texts = sorted({s.text for c in read_clusters(Path(sys.argv[1])) for s in split_documents(c.documents, splitter)})
    cores = os.cpu_count() or 1
    with ProcessPoolExecutor(cores, mp_context=get_context("fork")) as pool:  # the parent holds no model
        print(sum(pool.map(embed, [texts[k::cores] for k in range(cores)])))
"""

COUNT_SENTENCES = """
import sys
from pathlib import Path
from summarize.pipeline import split_documents
from summarize.inputs.jsonl import read_clusters
from summarize.text.sentences import PunktSplitter
print(len(split_documents(next(read_clusters(Path(sys.argv[1]))).documents, PunktSplitter())))
"""

# A shell's re-brief: the analysis is in memory, only the length changes (the TUI's length keys), to
# each length of argv[3] (comma-separated) in turn after a first brief at 150 words.
REBRIEF = """
import json, os, sys, time
from pathlib import Path
from summarize.pipeline import analyze, compose_brief
from summarize.embedding.cache import with_cache
from summarize.embedding.backends import embedder_for
from summarize.inputs.jsonl import read_clusters
cluster = next(read_clusters(Path(sys.argv[1])))
analysis = analyze(cluster.documents, with_cache(embedder_for(sys.argv[2]), True))
compose_brief(analysis, 150)
lengths = {}
for words in map(int, sys.argv[3].split(",")):
    started, used = time.perf_counter(), time.process_time()
    compose_brief(analysis, words)
    lengths[words] = [time.perf_counter() - started, time.process_time() - used]
print(json.dumps(lengths))
"""

# The re-briefs of bench/speed_same_briefs.py: each length's markdown and JSON and the sentences chosen.
REBRIEF_BRIEFS = """
import json, sys
from pathlib import Path
from summarize.pipeline import analyze, compose_brief
from summarize.embedding.cache import with_cache
from summarize.embedding.backends import embedder_for
from summarize.inputs.jsonl import read_clusters
from summarize.output.formats import render_as
cluster = next(read_clusters(Path(sys.argv[1])))
analysis = analyze(cluster.documents, with_cache(embedder_for(sys.argv[2]), True))
compose_brief(analysis, 150)
briefs = {}
for words in map(int, sys.argv[3].split(",")):
    brief = compose_brief(analysis, words)
    chosen = [[s.sentence.document, s.sentence.start] for s in brief.sentences]
    briefs[words] = {"markdown": render_as(brief, "markdown"), "json": render_as(brief, "json"), "chosen": chosen}
print(json.dumps(briefs))
"""
