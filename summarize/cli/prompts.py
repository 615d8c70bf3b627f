"""`summarize prompts`: the shipped briefing prompts, listed or shown. Registered on the `summarize`
group in `summarize.cli.main`."""

from __future__ import annotations

import click


@click.command()
@click.argument("name", required=False)
def prompts(name: str | None) -> None:
    """List the briefing prompts, or show the prompt NAME.

    A prompt gives a brief sections, each steered by questions: `summarize brief --prompt NAME`.
    To write your own, copy one (`summarize prompts briefing > mine.md`), edit it, and use
    `summarize brief --prompt mine.md`. The format is in the README ("Prompts").
    """
    from ..records import SummarizeError
    from ..sections.prompts import prompt_text, shipped_prompts

    try:
        if name is not None:
            click.echo(prompt_text(name), nl=False)
            return
        shipped = shipped_prompts()
    except SummarizeError as error:
        raise click.UsageError(str(error)) from None
    width = max(len(p.name) for p in shipped)
    for prompt in shipped:
        sections = ", ".join(section.title for section in prompt.sections)
        click.echo(f"{prompt.name:<{width}}  {prompt.description}")
        click.echo(f"{'':<{width}}  Sections: {sections}.")
    click.echo(
        "\nUse one with: summarize brief --prompt NAME. Show one (to copy and adapt) with: summarize prompts NAME.",
        err=True,
    )
