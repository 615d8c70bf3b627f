"""`summarize tui` (also `python -m tui`): the interactive briefing, started as `summarize brief`
would start with the same options. Registered on the `summarize` group in `summarize.cli.main`;
the app is imported only once the options are checked."""

from __future__ import annotations

from pathlib import Path

import click

from ..records import SummarizeError
from .brief import (
    CLUSTER_OPTION,
    FOCUS_OPTION,
    MAX_DOWNLOAD_OPTION,
    METHOD_OPTION,
    NO_CACHE_OPTION,
    PROMPT_OPTION,
    TIMEOUT_OPTION,
    WORDS_OPTION,
    download_bytes,
    sectioning,
)
from .common import BACKEND_NAMES, TUI_BACKEND_HELP, embedder_factory


@click.command(short_help="Open the brief beside its sources, in the terminal.")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@WORDS_OPTION
@METHOD_OPTION
@CLUSTER_OPTION
@TIMEOUT_OPTION
@MAX_DOWNLOAD_OPTION
@PROMPT_OPTION
@FOCUS_OPTION
@NO_CACHE_OPTION
@click.option("--backend", type=click.Choice(BACKEND_NAMES), help=TUI_BACKEND_HELP)
def tui(
    paths: tuple[Path, ...],
    words: int | None,
    method: str,
    cluster: str | None,
    timeout: float,
    max_download: float,
    prompt_name: str | None,
    focus: str | None,
    no_cache: bool = False,
    backend: str | None = None,
) -> None:
    """Open the interactive briefing on PATHS (or on the built-in sample).

    Read the brief, grow or shrink it live, and check every sentence against its sources.
    Press ? inside for the keys. PATHS are what `brief` takes (files, folders, URLs,
    FILE.jsonl#ID), except - : the TUI reads the keyboard on standard input. The options
    are `brief`'s: they set how the brief starts, and how URLs are fetched (also those
    you add inside with the a key); inside, + and - change its length, p its prompt, f its
    focus question and m its method.
    """
    if any(str(path) == "-" for path in paths):
        raise click.UsageError("-: the TUI reads the keyboard on standard input; save the article to a file")
    try:
        prompt = sectioning(prompt_name, focus, method)
        if cluster is not None and not paths:
            raise SummarizeError(f"--cluster {cluster}: give the .jsonl cluster file it belongs to")
        from ..inputs.documents import article_paths

        article_paths(paths)  # a missing file is named here, as `brief` names it, not inside the app
        embedder = None  # the app's own default ($SUMMARIZE_BACKEND, else onnx), behind the on-disk cache
        if backend is not None or no_cache:
            from ..embedding.cache import with_cache

            made = embedder_factory(backend)()
            ensure_built = getattr(made, "ensure_built", None)  # (a test's fake has nothing to build)
            if ensure_built is not None:  # built, and said on stderr, before the app owns the screen
                ensure_built()
            embedder = with_cache(made, not no_cache)
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    from tui.app import run
    from tui.choice import Choice

    choice = Choice(method, prompt, focus.strip() if focus is not None else None)
    run(list(paths), words, choice, embedder, cluster, timeout, download_bytes(max_download))
