"""Goal frames: rules (as data) applied to the checked canon, and their renderings."""
