"""The schema's types: canon nodes, goal frames and their parts, comparisons, changes and
the canon's status, each wrapping an immutable model of the checked canon."""
