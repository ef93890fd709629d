"""What `jobframe serve` does before it listens, measured: load, check, compile, build the app.

    python -m bench.coldstart FOLDER

Prints seconds, this process's peak RSS and its children's peak RSS (MB), as JSON.
"""

import json
import resource
import sys
import time
from pathlib import Path

from jobframe.loading import CanonHolder, Served, first_load
from jobframe.web.app import create_app


def main() -> None:
    folder = Path(sys.argv[1])
    start = time.monotonic()
    served = first_load(folder)
    assert isinstance(served, Served), "the synthetic canon must have no errors"
    create_app(CanonHolder(folder, served))
    elapsed = time.monotonic() - start
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(json.dumps({"seconds": elapsed, "peak_mb": own, "children_peak_mb": children}))


if __name__ == "__main__":
    main()
