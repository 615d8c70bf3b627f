"""`summarize cache` (the on-disk cache of sentence embeddings). Registered on the `summarize`
group in `summarize.cli.main`; heavy imports happen inside the commands."""

from __future__ import annotations

import click


@click.group()
def cache() -> None:
    """The on-disk cache of sentence embeddings.

    Briefing the same articles again (at another length, with another prompt) reads their
    sentences' vectors from it instead of running the model. Its folder is the user cache
    directory, or $SUMMARIZE_CACHE_DIR when set.
    """


@cache.command(name="info", short_help="Where the cache is, its size and what it holds.")
def cache_info() -> None:
    """Where the cache is, its size, and how many vectors it holds per model (or what is wrong with it)."""
    from ..embedding.cache import EmbeddingCache
    from ..output.safety import one_line

    info = EmbeddingCache().info()
    click.echo(f"Cache: {one_line(str(info.path))}")
    if not info.exists:
        click.echo("Empty (no file yet).")
        return
    if info.problem is not None:
        click.echo(f"Size: {info.size_bytes / 1e6:.1f} MB")
        click.echo(f"Problem: the file {one_line(info.problem)}. Briefs skip it; `summarize cache clear` removes it.")
        return
    click.echo(f"Size: {info.size_bytes / 1e6:.1f} MB, {info.total} sentence vectors")
    for model, count in info.vectors.items():
        click.echo(f"  {one_line(model)}: {count}")


@cache.command(name="clear")
def cache_clear() -> None:
    """Delete every stored vector (a broken cache file is removed)."""
    from ..embedding.cache import EmbeddingCache
    from ..output.safety import one_line

    cache = EmbeddingCache()
    problem = cache.info().problem
    try:
        removed = cache.clear()
    except OSError as error:
        raise click.ClickException(f"{one_line(str(cache.path))}: cannot remove ({error.strerror or error})") from None
    if problem is not None:
        click.echo(f"Removed the cache file, which {one_line(problem)}.")
    else:
        click.echo(f"Removed {removed} sentence vectors.")
