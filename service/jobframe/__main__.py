"""`python -m jobframe`: the same command line as the `jobframe` script, for an environment
whose scripts folder is not on PATH."""

from .cli import main

main()
