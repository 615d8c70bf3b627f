"""Speed and memory of `summarize`, side by side with sumy's LexRank, measured in one run.

    python bench/speed.py                       # everything; writes bench/results/
    python bench/speed.py --backend torch       # every run of ours on one backend, not the defaults
    python bench/speed.py --skip-growth-sumy    # LexRank only where the issue compares it
    python bench/speed.py --parts brief,growth --growth 500 --repeat 3 --skip-growth-sumy --defaults-only
                                                # the README's before/after rows (a few minutes)

Every measurement is a new process (a cold start, as a user gets it), timed from launch to exit;
its CPU time (user + system, with the children it waited for) is given too: on a shared machine the
wall time swings with the other jobs, the CPU time much less. Peak memory is the largest summed
resident size of that process and its children, sampled every 20 ms. LexRank is sumy's, called once per cluster through `summarize.evaluation.peers` with our
sentence splitter and the same word budget. The machine is shared and noisy: the ratios (ours /
LexRank, measured minutes apart in the same run) are the figures to read, not the seconds.

Our runs use each command's default backend (a brief: onnx; `summarize batch` and briefs of more
than 1.5 million characters: static), plus rows with the other backends named.

1. cold brief of the built-in sample (empty embedding cache) vs LexRank cold on the same 5 files,
   on each backend;
2. the same brief again, cache warm, at another length (vs the same LexRank run);
3. `summarize batch` over the development clusters (empty cache) vs LexRank over the same, on each
   backend; then warm; then the model's share alone (the batch's distinct sentences embedded on
   every core);
4. growth: one brief of 5 ... 5,000 articles pooled from the development sets (empty cache each
   time): time and peak memory, as a table and a plot (bench/results/growth.png), and the in-memory
   re-brief at other lengths (what the TUI does on a length key, in steps of 25 words up to its
   10,000: by default 25, 40, 50, 75, 100, 150, 250, 400 and 10,000 words in turn after a first
   brief at 150; wall and CPU seconds of each, and the slowest with its length). The three sets hold
   1,325 articles: larger pools repeat them (each copy its own source, same sentences).

The development sets are read from their place (default /work/shared/bench/) and never copied into
the repository; the pooled inputs are written to a temporary folder.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = Path("/work/shared/bench/duc2002.jsonl")
POOL = ",".join(f"/work/shared/bench/{name}.jsonl" for name in ("duc2002", "duc2003", "tac2010"))
OUT = ROOT / "bench" / "results"
GROWTH = (5, 50, 200, 500, 1000, 2000, 5000)
REBRIEF_LIMIT = 2000  # re-briefs in a new process analyse again: not above this many articles
# The TUI's `+`/`-` step by 25 words from 25 to its maximum (tui.checks.MAX_WORDS): the shortest, a
# spread, and the longest.
REBRIEF_WORDS = (25, 40, 50, 75, 100, 150, 250, 400, 10_000)
TIMEOUT = 3600
GROWTH_TIMEOUT = 600
PARTS = ("brief", "batch", "growth", "phases")

sys.path.insert(0, str(ROOT / "bench"))
from speed_scripts import COUNT_SENTENCES, EMBEDDING_ONLY, LEXRANK_FILES, LEXRANK_JSONL, PHASES, REBRIEF


def measure(command: list[str], env: dict[str, str], stdout=subprocess.DEVNULL, timeout: float = TIMEOUT, cwd: Path = ROOT) -> dict:
    """Wall time, CPU time (user + system, the process and the children it waited for) and peak
    memory (MB, process tree) of one command; its exit status must be 0. CPU time moves little with
    the other jobs on a shared machine; wall time moves a lot."""
    import psutil

    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    process = subprocess.Popen(command, env=env, stdout=stdout, stderr=subprocess.PIPE, cwd=cwd)
    watched = psutil.Process(process.pid)
    peak = 0
    while process.poll() is None:
        try:
            tree = [watched, *watched.children(recursive=True)]
            peak = max(peak, sum(p.memory_info().rss for p in tree if p.is_running()))
        except psutil.Error:
            pass
        if time.perf_counter() - started > timeout:
            process.kill()
            process.wait()
            return {"seconds": None, "cpu": None, "peak_mb": peak / 1e6, "timeout": True}
        time.sleep(0.02)
    seconds = time.perf_counter() - started
    if process.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{process.stderr.read().decode()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - used.ru_utime + after.ru_stime - used.ru_stime
    return {"seconds": seconds, "cpu": cpu, "peak_mb": peak / 1e6, "timeout": False}


def median_of(runs: list[dict]) -> dict:
    """The run of median wall time, with the median CPU time of all (an odd count: real runs)."""
    ordered = sorted(runs, key=lambda run: run["seconds"] if run["seconds"] is not None else float("inf"))
    chosen = dict(ordered[len(ordered) // 2])
    chosen["cpu"] = statistics.median(run["cpu"] for run in runs)
    chosen["runs"] = [run["seconds"] for run in runs]
    return chosen


def read_clusters(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as stream:
        return [json.loads(line) for line in stream if line.strip()]


def pooled(clusters: list[dict], articles: int) -> dict:
    """One story of `articles` articles: the development clusters' articles in file order, repeated
    (each copy with its own id) when there are fewer. `summarize` must be importable."""
    from summarize.inputs.language import not_english_reason

    # A brief refuses an article that does not read as English (one TAC 2010 article is a table).
    every = [d for cluster in clusters for d in cluster["documents"] if not_english_reason(d["text"]) is None]
    documents = []
    for number in range(articles):
        document = dict(every[number % len(every)])
        document["id"] = f"{number}-{document.get('id', '')}"  # unique, also across sets and copies
        documents.append(document)
    return {"id": f"pool-{articles}", "documents": documents}


def slowest_rebrief(runs: list[dict[str, list[float]]]) -> dict:
    """Each length's median wall and CPU seconds over the runs, and the slowest length by wall time."""
    lengths = {int(words): {"seconds": statistics.median(run[words][0] for run in runs),
                            "cpu": statistics.median(run[words][1] for run in runs)} for words in runs[0]}
    words = max(lengths, key=lambda w: lengths[w]["seconds"])
    return {**lengths[words], "words": words, "lengths": lengths}


def fmt(seconds: float | None) -> str:
    return "timeout" if seconds is None else f"{seconds:.2f} s"


def ratio(ours: float | None, theirs: float | None) -> str:
    return "n/a" if not ours or not theirs else f"{ours / theirs:.2f}x"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="development clusters for the batch rows (JSON lines)")
    parser.add_argument("--pool", default=POOL, help="comma-separated JSON-lines files pooled for the growth series")
    parser.add_argument("--backend", choices=["onnx", "torch", "static"], help="every run of ours on this backend")
    parser.add_argument("--out", type=Path, default=OUT, help="where the table, JSON and plot go")
    parser.add_argument("--growth", default=",".join(map(str, GROWTH)), help="article counts of the growth series")
    parser.add_argument("--skip-growth-sumy", action="store_true", help="no LexRank in the growth series")
    parser.add_argument("--growth-sumy-limit", type=int, default=50, help="LexRank in the growth series up to this many articles")
    parser.add_argument("--defaults-only", action="store_true", help="no rows for the other backends")
    parser.add_argument("--parts", default=",".join(PARTS), help=f"which parts to run, comma-separated, of: {', '.join(PARTS)}")
    parser.add_argument("--rebrief-words", default=",".join(map(str, REBRIEF_WORDS)),
                        help="the lengths of the in-memory re-briefs, in the order they are asked for")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the briefs of the sample, LexRank's and the in-memory re-briefs this many times (odd) and "
                             "keep the median: the shared machine is noisy")
    parser.add_argument("--no-compile", action="store_true",
                        help="do not byte-compile our modules first (with PYTHONDONTWRITEBYTECODE=1 and no bytecode left "
                             "from before, every run compiles them from source)")
    options = parser.parse_args()
    options.out.mkdir(parents=True, exist_ok=True)
    python = sys.executable
    work = Path(tempfile.mkdtemp(prefix="summarize-bench-"))
    base = dict(os.environ, PYTHONHASHSEED="0")
    base.pop("SUMMARIZE_CACHE_DIR", None)
    base.pop("SUMMARIZE_BACKEND", None)
    if options.backend:
        base["SUMMARIZE_BACKEND"] = options.backend
    sys.path.insert(0, str(ROOT))
    from summarize.embedding.backends import LARGE_INPUT_CHARACTERS, default_backend

    def backend_of(purpose: str) -> str:
        return options.backend or default_backend(purpose)

    def fresh_env() -> dict[str, str]:  # an empty embedding cache (the built models stay)
        return dict(base, SUMMARIZE_CACHE_DIR=tempfile.mkdtemp(dir=work, prefix="cache-"))

    def log(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    # Built once per machine, like installing: not part of any timing. `pip install` byte-compiles what
    # it installs, and Python writes the bytecode of an editable install's modules at their first import
    # (unless PYTHONDONTWRITEBYTECODE is set, as on the machine these figures come from): compiled
    # here, so that every run reads them as a user's does (--no-compile: each run compiles our modules).
    if not options.no_compile:
        subprocess.run([python, "-m", "compileall", "-q", "summarize", "tui", "prompts"], env=base, check=True, cwd=ROOT)
    subprocess.run([python, "-c", "from summarize.embedding.onnx_model import OnnxEmbedder; OnnxEmbedder()._load()"], env=base, check=True)
    subprocess.run([python, "-m", "summarize", "brief", "--backend", "static", "--no-cache"], env=base, check=True,
                   stdout=subprocess.DEVNULL)

    results: dict = {"backend": options.backend or "defaults", "cpus": os.cpu_count(), "bytecode": not options.no_compile,
                     "rows": [], "growth": []}
    rows = results["rows"]
    sample = sorted((ROOT / "summarize" / "data" / "sample").glob("*.txt"))
    others = [b for b in ("static", "torch", "onnx") if b != backend_of("brief")] if not options.backend else []
    if options.defaults_only:
        others = []

    parts = set(options.parts.split(","))
    if parts - set(PARTS):
        parser.error(f"--parts: unknown {', '.join(sorted(parts - set(PARTS)))}")

    def repeated(command: list[str], env_of) -> dict:
        return median_of([measure(command, env_of()) for _ in range(max(1, options.repeat))])

    log("summarize --help")
    helps = [measure([python, "-m", "summarize", "--help"], base) for _ in range(3)]
    best = min(helps, key=lambda run: run["seconds"])
    rows.append({"task": "`summarize --help` (best of 3)", "ours": {**best, "peak_mb": None}, "lexrank": None})

    if "brief" in parts:
        log("1. cold brief of the sample")
        cache_envs: list[dict[str, str]] = []

        def cold_env() -> dict[str, str]:
            cache_envs.append(fresh_env())
            return cache_envs[-1]

        ours_cold = repeated([python, "-m", "summarize", "brief", "--words", "150"], cold_env)
        lexrank_cold = repeated([python, "-c", LEXRANK_FILES, "150", *map(str, sample)], lambda: base)
        rows.append({"task": f"1. cold brief of the sample (5 articles, 150 words, empty cache), {backend_of('brief')}",
                     "ours": ours_cold, "lexrank": lexrank_cold})
        for letter, backend in zip("bcd", others):
            cold = repeated([python, "-m", "summarize", "brief", "--words", "150", "--backend", backend], fresh_env)
            rows.append({"task": f"1{letter}. the same cold brief, {backend}", "ours": cold, "lexrank": lexrank_cold})

        log("2. warm re-brief at another length")
        ours_warm = repeated([python, "-m", "summarize", "brief", "--words", "100"], lambda: cache_envs[0])
        rows.append({"task": "2. the same brief again, cache warm, at 100 words", "ours": ours_warm, "lexrank": lexrank_cold})

    if "batch" in parts:
        log("3. batch over the development clusters")
        clusters = read_clusters(options.data)
        batch_env = fresh_env()
        batch_command = [python, "-m", "summarize", "batch", str(options.data), "-o", str(work / "batch.jsonl"), "--words", "100"]
        ours_batch = measure(batch_command, batch_env)
        lexrank_batch = measure([python, "-c", LEXRANK_JSONL, "100", str(options.data)], base)
        rows.append({"task": f"3. batch: {len(clusters)} development clusters, 100 words each (empty cache), {backend_of('batch')}",
                     "ours": ours_batch, "lexrank": lexrank_batch})
        batch_others = [b for b in ("onnx",) if b != backend_of("batch")] if not (options.backend or options.defaults_only) else []
        for backend in batch_others:
            other = measure([*batch_command, "--backend", backend], fresh_env())
            rows.append({"task": f"3a. the same batch, {backend}", "ours": other, "lexrank": lexrank_batch})
        warm_batch = measure([*batch_command[:-1], "120"], batch_env)
        rows.append({"task": "3b. the batch of row 3 again, cache warm, at 120 words", "ours": warm_batch, "lexrank": lexrank_batch})
        for backend in [backend_of("batch"), *batch_others]:
            embedding_only = measure([python, "-c", EMBEDDING_ONLY, str(options.data), backend], base)
            rows.append({"task": f"3c. the model alone, {backend}: every distinct sentence of the batch embedded once, both cores",
                         "ours": embedding_only, "lexrank": lexrank_batch})

    if "growth" in parts:
        log("4. growth")
        pool = [cluster for path in options.pool.split(",") for cluster in read_clusters(Path(path))]
        for articles in [int(n) for n in options.growth.split(",")]:
            record = pooled(pool, articles)
            path = work / f"pool-{articles}.jsonl"
            path.write_text(json.dumps(record) + "\n", encoding="utf-8")
            sentences = subprocess.run(
                [python, "-c", COUNT_SENTENCES, str(path)],
                env=base, capture_output=True, text=True, check=True,
            ).stdout.strip()
            characters = sum(len(d["text"]) for d in record["documents"])
            backend = backend_of("large" if characters > LARGE_INPUT_CHARACTERS else "brief")
            log(f"   {articles} articles ({sentences} sentences, {backend})")
            growth_env = fresh_env()
            ours = measure([python, "-m", "summarize", "brief", str(path), "--words", "150", "--format", "json"], growth_env,
                           timeout=GROWTH_TIMEOUT)
            rebrief = None
            if articles <= REBRIEF_LIMIT and not ours["timeout"]:
                command = [python, "-c", REBRIEF, str(path), backend, options.rebrief_words]
                runs = [json.loads(subprocess.run(command, env=growth_env, capture_output=True, text=True, check=True).stdout)
                        for _ in range(max(1, options.repeat))]
                rebrief = slowest_rebrief(runs)
            lexrank = None
            if not options.skip_growth_sumy and articles <= options.growth_sumy_limit:
                lexrank = measure([python, "-c", LEXRANK_JSONL, "150", str(path)], base)
            results["growth"].append({"articles": articles, "sentences": int(sentences), "backend": backend, "ours": ours,
                                      "rebrief": rebrief, "lexrank": lexrank})
            (options.out / "speed.partial.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")

    if "phases" in parts:
        log("where a cold brief's time goes")
        results["phases"] = {
            backend: json.loads(subprocess.run([python, "-c", PHASES, backend], env=base, capture_output=True, text=True, check=True).stdout)
            for backend in ("torch", "onnx", "static")
        }

    import shutil

    shutil.rmtree(work, ignore_errors=True)  # pooled articles and caches: nothing of the data set stays
    (options.out / "speed.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (options.out / "speed.partial.json").unlink(missing_ok=True)
    table = render(results)
    (options.out / "speed.md").write_text(table, encoding="utf-8")
    if results["growth"]:
        plot(results, options.out / "growth.png")
    print(table)


def render(results: dict) -> str:
    lines = [
        f"Backend: {results['backend']}; {results['cpus']} cores; our modules "
        f"{'byte-compiled, as installed' if results.get('bytecode') else 'compiled from source at each run'}. "
        "Peak memory: the process and its children.",
        "",
        "| task | summarize | LexRank (sumy) | ratio | CPU s (ours / LexRank) | CPU ratio | peak MB (ours / LexRank) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["rows"]:
        ours, theirs = row["ours"], row["lexrank"] or {}
        memory = "" if ours["peak_mb"] is None else f"{ours['peak_mb']:.0f} / {theirs.get('peak_mb', 0):.0f}"
        cpu = "" if ours.get("cpu") is None else f"{ours['cpu']:.2f}" + (f" / {theirs['cpu']:.2f}" if theirs.get("cpu") else "")
        lines.append(
            f"| {row['task']} | {fmt(ours['seconds'])} | {fmt(theirs.get('seconds')) if theirs else ''} | "
            f"{ratio(ours['seconds'], theirs.get('seconds')) if theirs else ''} | {cpu} | "
            f"{ratio(ours.get('cpu'), theirs.get('cpu')) if theirs else ''} | {memory} |"
        )
    lines += [
        "",
        "| articles | sentences | backend | summarize | peak MB | re-brief in memory: the slowest length (CPU s) | LexRank (sumy) | ratio |",
        "| ---: | ---: | --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for row in results["growth"]:
        ours, theirs, rebrief = row["ours"], row["lexrank"], row["rebrief"]
        if isinstance(rebrief, float):  # results of an older run: wall time only
            rebrief = {"seconds": rebrief, "cpu": None}
        again = "not run" if rebrief is None else fmt(rebrief["seconds"]) + (
            f" ({rebrief['cpu']:.2f} s)" if rebrief.get("cpu") is not None else "") + (
            f" at {rebrief['words']} words" if rebrief.get("words") else "")
        lines.append(
            f"| {row['articles']} | {row['sentences']} | {row.get('backend', results['backend'])} | {fmt(ours['seconds'])} | "
            f"{ours['peak_mb']:.0f} | {again} | "
            f"{fmt(theirs['seconds']) if theirs else 'not run'} | {ratio(ours['seconds'], theirs['seconds']) if theirs else ''} |"
        )
    for row in results["growth"]:
        lengths = row["rebrief"].get("lengths") if isinstance(row["rebrief"], dict) else None
        if lengths:
            lines += ["", f"In-memory re-brief of {row['articles']} articles by length (median of the runs; after a first brief at "
                      "150 words, in this order):", "", "| words | wall s | CPU s |", "| ---: | ---: | ---: |"]
            lines += [f"| {words} | {t['seconds']:.3f} | {t['cpu']:.3f} |" for words, t in lengths.items()]
    for backend, phases in results.get("phases", {}).items():
        lines += ["", f"Cold brief of the sample, {backend} backend, by phase (one process):", "", "| phase | seconds |", "| --- | ---: |"]
        lines += [f"| {name} | {seconds:.2f} |" for name, seconds in phases]
    return "\n".join(lines) + "\n"


def plot(results: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    growth = [row for row in results["growth"] if row["ours"]["seconds"] is not None]
    sentences = [row["sentences"] for row in growth]
    seconds = [row["ours"]["seconds"] for row in growth]
    memory = [row["ours"]["peak_mb"] for row in growth]
    figure, (left, right) = plt.subplots(1, 2, figsize=(10, 4))
    left.plot(sentences, seconds, "o-", label="summarize brief (cold)")
    if len(growth) >= 2:  # a straight line through the origin and the largest run: linear growth
        slope = seconds[-1] / sentences[-1]
        left.plot([0, sentences[-1]], [0, slope * sentences[-1]], ":", color="grey", label="linear")
    lexrank = [(row["sentences"], row["lexrank"]["seconds"]) for row in results["growth"] if row["lexrank"] and row["lexrank"]["seconds"]]
    if lexrank:
        left.plot(*zip(*lexrank), "s--", label="sumy LexRank")
    left.axhline(120, color="red", linewidth=0.8, label="target: 2 minutes")
    left.set_xlabel("sentences")
    left.set_ylabel("seconds")
    left.set_title("Time")
    left.legend()
    right.plot(sentences, memory, "o-")
    right.axhline(2000, color="red", linewidth=0.8, label="target: 2 GB")
    right.set_xlabel("sentences")
    right.set_ylabel("peak MB")
    right.set_title("Peak memory")
    right.legend()
    for row in growth:
        left.annotate(f"{row['articles']} art.", (row["sentences"], row["ours"]["seconds"]), fontsize=8)
    backend = "each size's default backend" if results["backend"] == "defaults" else f"{results['backend']} backend"
    figure.suptitle(f"summarize brief, {backend}, {results['cpus']} cores")
    figure.tight_layout()
    figure.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
