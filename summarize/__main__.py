"""`python -m summarize` and the `summarize` command. Ctrl-C or SIGTERM while the command's own
modules are still being imported ends it as they do later on: one line, status 130 or 143."""

import signal
import sys


def _terminated(number: int, frame: object) -> None:
    sys.stderr.write("Error: terminated; nothing was written\n")
    sys.exit(143)


def run() -> None:
    previous = signal.signal(signal.SIGTERM, _terminated)  # the command installs its own handlers
    try:
        try:
            from .cli import main
        except KeyboardInterrupt:
            sys.stderr.write("Error: interrupted; nothing was written\n")
            sys.exit(130)
        main()
    finally:
        signal.signal(signal.SIGTERM, previous)


if __name__ == "__main__":
    run()
