"""`python -m summarize` and the `summarize` command (this module stays light: it is what catches a
Ctrl-C that comes before the command's own handling begins or after it ends).

- Ctrl-C or SIGTERM while the command's modules are being imported ends the run as later on: one
  line, status 130 or 143 (see `summarize.cli.interrupts`), even when an import swallowed it.
- Once the command has ended and said so, a signal during the interpreter's teardown ends the
  process at once with the status already decided, rather than a second message or a death by
  SIGINT after "Wrote brief.md"."""

import os
import signal
import sys


def _terminated(number: int, frame: object) -> None:
    sys.stderr.write("Error: terminated; nothing was written\n")
    sys.exit(143)


def _exit_at_once_on_signals(code: object) -> None:
    status = code if isinstance(code, int) else (0 if code is None else 1)

    def exit_now(number: int, frame: object) -> None:
        for stream in (sys.stdout, sys.stderr):
            try:
                stream.flush()
            except (OSError, ValueError):
                pass
        os._exit(status)

    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, exit_now)


def run() -> None:
    received: list[int] = []
    try:
        signal.signal(signal.SIGTERM, _terminated)
        from .cli.interrupts import Terminated, signals_raised

        with signals_raised() as received:
            try:
                from .cli.main import main
            except Exception:
                if not received:
                    raise
                # The signal became another exception on its way up: a class built during the import
                # wraps it in RuntimeError ("Error calling __set_name__"); it ends the run just below.
        if received:  # raised, then lost: a compiled module reports it as ImportError, which some catch
            raise Terminated() if signal.SIGTERM in received else KeyboardInterrupt()
        main()
    except KeyboardInterrupt as error:
        from .cli.interrupts import interruption

        message, status = interruption(error, received) or ("interrupted", 130)
        sys.stderr.write(f"Error: {message}\n")
        _exit_at_once_on_signals(status)
        sys.exit(status)
    except SystemExit as ending:
        _exit_at_once_on_signals(ending.code)
        raise


if __name__ == "__main__":
    run()
