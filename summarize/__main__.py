"""`python -m summarize` and the `summarize` command. Ctrl-C or SIGTERM before the command's own
handling begins (its modules are still being imported) or after it ends ends the run as they do
in between: one line, status 130 or 143 (see `summarize.cli_interrupts`)."""

import signal
import sys


def _terminated(number: int, frame: object) -> None:
    sys.stderr.write("Error: terminated; nothing was written\n")
    sys.exit(143)


def run() -> None:
    previous = signal.getsignal(signal.SIGTERM)
    try:
        signal.signal(signal.SIGTERM, _terminated)  # the command installs its own handlers
        from .cli import main

        main()
    except KeyboardInterrupt as error:
        from .cli_interrupts import interruption

        message, status = interruption(error, []) or ("interrupted", 130)
        sys.stderr.write(f"Error: {message}\n")
        sys.exit(status)
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    run()
