"""What compiled code prints to standard output (HiGHS has a stray debug line) stays out of a brief
on stdout and off the TUI's screen: the guard wraps each integer program, and only it."""

import subprocess
import sys
import textwrap

import pytest

STRAY = "HighsMipSolverData::transformNewIntegerFeasibleSolution"


def python(code: str, *args: str) -> subprocess.CompletedProcess:
    # A pipe, as when a brief is redirected: C's stdout is block-buffered there, the hard case.
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *args], capture_output=True, text=True, check=False
    )


def test_native_prints_inside_are_dropped_and_stdout_works_after():
    result = python(f"""
        import ctypes
        from summarize.selection.native_output import native_stdout_silenced
        print("before")
        with native_stdout_silenced():
            ctypes.CDLL(None).printf(b"{STRAY}\\n")
        print("after")
        """)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "before\nafter\n"


def test_threads_share_the_guard_and_the_last_to_leave_restores_stdout():
    # Two TUI workers may solve at once: the first to finish must not let the other's line through.
    result = python(f"""
        import ctypes, threading
        from summarize.selection.native_output import native_stdout_silenced
        printf = ctypes.CDLL(None).printf
        first_in, second_in, first_out = threading.Event(), threading.Event(), threading.Event()

        def first():
            with native_stdout_silenced():
                first_in.set()
                second_in.wait()
            first_out.set()

        def second():
            first_in.wait()
            with native_stdout_silenced():
                second_in.set()
                first_out.wait()
                printf(b"{STRAY}\\n")

        threads = [threading.Thread(target=first), threading.Thread(target=second)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        printf(b"C, after\\n")
        ctypes.CDLL(None).fflush(None)
        print("python, after")
        """)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "C, after\npython, after\n"


def test_a_closed_stdout_is_left_alone():
    result = python("""
        import os
        from summarize.selection.ilp import Program
        os.close(1)
        program = Program()
        program.variable(1.0, binary=True)
        assert program.solve(time_limit=10.0, node_limit=100)[0] == 1
        """)
    assert result.returncode == 0, result.stderr


# The CLI in a subprocess, with the fake embedder and a solver that prints as HiGHS does, at the C level.
NOISY_BRIEF = f"""
    import ctypes, sys
    import highspy
    import summarize.embedding.backends as embedding
    from summarize.cli.main import main

    from tests.fakes import HashingEmbedder
    embedding.default_embedder = HashingEmbedder
    run = highspy._Highs.run
    solved = []

    def noisy_run(self):
        ctypes.CDLL(None).printf(b"{STRAY}\\n")
        solved.append(True)
        return run(self)

    highspy._Highs.run = noisy_run
    try:
        main(sys.argv[1:])
    finally:
        print(f"solved {{len(solved)}}", file=sys.stderr)
"""


@pytest.mark.parametrize(
    "args", [["brief", "--words", "60"], ["brief", "--prompt", "briefing"], ["brief", "--focus", "Who was expelled?"]]
)
def test_a_brief_on_stdout_holds_no_solver_line(args, tmp_path):
    result = python(NOISY_BRIEF, *args, "--no-cache")
    assert "solved 0" not in result.stderr, "the integer program ran"
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# ") and STRAY not in result.stdout
