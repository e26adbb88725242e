"""``python -m summarise``."""

from summarise.cli import main

main()
