"""`python -m jobframe.cli`: the `jobframe` command."""

from . import main

main()
