"""`python -m pipeline.cli` runs the `sekretar` command."""

from pipeline.cli import run

run()
