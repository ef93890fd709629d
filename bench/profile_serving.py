"""The serving process under load, profiled: where a repeated query's time goes over HTTP.

    python -m bench.profile_serving FOLDER [--seconds 10] [--json OUT]

Loads the canon in FOLDER (from the snapshot cache when it holds it) and serves it as
`jobframe serve` does with one worker (`create_app` with the default settings, response cache
on, uvicorn with the service's HTTP protocol and switch interval), in this process's main
thread under pyinstrument, while wrk asks the same frames query (bench/run's repeated-query
figure) for `--seconds`. pyinstrument samples the event loop's thread, where a cached answer
is served; work sent to a worker thread shows as the loop waiting. Prints requests/s under
the profiler and self time by layer (uvicorn and h11, Starlette, the service's HTTP code,
the response cache, asyncio), as Markdown.
"""

from __future__ import annotations

import argparse
import json
import sys
import threading
import time
from collections import defaultdict
from pathlib import Path

import uvicorn
from pyinstrument import Profiler
from pyinstrument.frame import Frame

from bench.harness import free_port, graphql_path, wrk
from bench.profile_start import hottest

LAYERS = (
    ("uvicorn and h11 (HTTP/1.1)", ("/uvicorn/", "/h11/")),
    ("Starlette", ("/starlette/",)),
    ("JobFrame response cache", ("/jobframe/web/response_cache",)),
    ("JobFrame web (GraphQL over HTTP, middleware)", ("/jobframe/web/",)),
    ("JobFrame other", ("/jobframe/",)),
    ("graphql-core and Strawberry", ("/graphql/", "/strawberry/")),
    ("asyncio event loop", ("/asyncio/", "selectors")),
)
OTHER = "other (stdlib, orjson, …)"


SOCKETS = {"send", "sendall", "recv", "recv_into", "poll", "select", "accept"}
"""Built-in calls counted as socket I/O and polling (time in the kernel)."""


def layer(frame: Frame, parent: str) -> str:
    if frame.file_path is None:
        return parent
    if frame.file_path == "<built-in>" and frame.function.rsplit(".", 1)[-1] in SOCKETS:
        return "socket I/O and epoll (kernel)"
    path = frame.file_path.replace("\\", "/")
    return next((name for name, parts in LAYERS if any(p in path for p in parts)), OTHER)


def self_times(frame: Frame, into: defaultdict[str, float], parent: str = OTHER) -> None:
    own = layer(frame, parent)
    into[own] += frame.time - sum(child.time for child in frame.children)
    for child in frame.children:
        self_times(child, into, own)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("folder", type=Path)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--json", type=Path, help="also write requests/s and layers here")
    args = parser.parse_args()
    from jobframe.loading import CanonHolder, Served, first_load
    from jobframe.settings import Settings
    from jobframe.web.app import create_app
    from jobframe.web.slow_clients import http_protocol
    from jobframe.web.workers import SWITCH_INTERVAL

    served = first_load(args.folder)
    assert isinstance(served, Served), "the canon must have no errors"
    settings = Settings()
    sys.setswitchinterval(SWITCH_INTERVAL)
    port = free_port()
    app = create_app(CanonHolder(args.folder, served), settings)
    config = uvicorn.Config(
        app, port=port, http=http_protocol(settings), log_level="warning", access_log=False
    )
    server = uvicorn.Server(config)
    role = served.canon.role_levels[0]
    path = graphql_path(role.family.label, role.level.code)
    measured: dict[str, float] = {}

    def load() -> None:
        try:
            while not server.started:
                time.sleep(0.05)
            url = f"http://127.0.0.1:{port}{path}"
            wrk(url, 1)  # warm: the first answer fills the response cache
            measured["rps"], measured["p50"] = wrk(url, args.seconds)
        finally:  # a failed wrk must stop the server too, or the profile never ends
            server.should_exit = True

    threading.Thread(target=load, daemon=True).start()
    profiler = Profiler()
    profiler.start()
    server.run()
    session = profiler.stop()
    root = session.root_frame()
    assert root is not None
    by_layer: defaultdict[str, float] = defaultdict(float)
    self_times(root, by_layer)
    total = sum(by_layer.values())
    shares = sorted(((k, v / total) for k, v in by_layer.items()), key=lambda kv: -kv[1])
    per = 1e6 / measured["rps"]
    lines = [
        f"One `jobframe serve` app in-process under pyinstrument, wrk asking one frames query"
        f" for {args.seconds} s: {measured['rps']:,.0f} requests/s under the profiler"
        f" ({per:,.0f} µs each), p50 {measured['p50']:.1f} ms; the event loop's thread by"
        " layer (self time):",
        "",
        "| layer | share | µs per request |",
        "|---|---:|---:|",
        *(f"| {name} | {share:.0%} | {share * per:,.0f} |" for name, share in shares),
        "",
        "| most self time | share |",
        "|---|---:|",
        *(f"| `{name}` | {seconds / total:.0%} |" for name, seconds in hottest(root)),
    ]
    text = "\n".join(lines) + "\n"
    if args.json:
        found = {"rps": measured["rps"], "layers": shares, "markdown": text}
        args.json.write_text(json.dumps(found), "utf-8")
    print(text, end="")


if __name__ == "__main__":
    main()
