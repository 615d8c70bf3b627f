"""The bench scripts' one markdown table."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))

from tables import settings_table


def test_a_row_per_setting_a_column_per_set_in_the_order_given():
    table = settings_table("setting (R1 / R2)", ["duc2002", "tac2010"], {"b": ["1 / 2", "3 / 4"], "a": ["5", "6"]})
    assert table.splitlines() == [
        "| setting (R1 / R2) | duc2002 | tac2010 |",
        "|---|---:|---:|",
        "| b | 1 / 2 | 3 / 4 |",
        "| a | 5 | 6 |",
    ]
