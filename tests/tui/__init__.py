"""The TUI's tests: driven through the Pilot (tui_helpers), as snapshots, and in a real terminal (tmux)."""
