"""Canon IRIs that resolve: `GET /canon/…` answers a node as Turtle, JSON-LD or an HTML page.

IRIs under the configured base (by default that of the shipped canon) map onto `/canon/`;
any other IRI is reachable as `/canon?iri=…`. The description is rendered from the compiled
canon (its type, names, text and the links to its parents; as RDF by `frames/node_graph.py`),
so it is exactly what is served.
"""

from __future__ import annotations

import math
import threading
import weakref
from collections.abc import Awaitable, Callable, Sequence
from functools import partial
from urllib.parse import urlencode

import anyio.to_thread
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from ..api import costly_lane, default_schema, document_cost, node_url
from ..budget import BudgetSpent, budget, budgeted, within_budget
from ..canon import (
    Canon,
    CanonAbout,
    CanonNode,
    DimensionStatement,
    Responsibility,
    RoleLevel,
    ancestry,
    mapping,
    shown,
)
from ..changes import Dependencies
from ..formats import html_link, html_text
from ..frames import Frame, Line, RdfFormat, build_page, node_graph, write_graph
from ..loading import CanonHolder
from ..settings import DEFAULT_IRI_BASE
from .negotiation import negotiate

RDF_ANSWERS = {f.media_type: f for f in RdfFormat} | {"application/json": RdfFormat.JSON_LD}
"""The RDF a node page is answered as, by media type: every format, and JSON-LD for JSON."""
NODE_MEDIA_TYPES = ("text/html", *RDF_ANSWERS)
"""What a node page can be answered as, the first when the client states no preference."""
USED_BY_ROLE_LEVELS = 20
"""A level, a dimension or a source may be quoted by every role-level: a page builds the
frames of this many of those that may quote it, lists their lines that do, and counts the
rest."""
USED_BY_DOCUMENT = (
    '{ roleLevel(family: "", level: "") { page { frames { lines { text sources { quote'
    " node { iri } } } } } } }"
)
"""The work of one listed role-level, as GraphQL would do it: its page, every line's sources.
An HTML page is estimated as this many times USED_BY_ROLE_LEVELS, plus one unit per canon
node while the canon's quoting index is not built (measured 1.2 µs a node, a unit is 5 µs),
and runs in the costly lane by the same rule as a query."""
NODE_GRAPH_COST = 1
"""Every RDF format writes the node's own few triples, whatever the canon's size."""


class _Quoting:
    """Which role-levels quote each node of one canon, and their order in it."""

    def __init__(self, canon: Canon) -> None:
        self.dependencies = Dependencies.of(canon)
        self.order = {role.iri: n for n, role in enumerate(canon.role_levels)}

    def candidates(self, canon: Canon, node: CanonNode) -> list[RoleLevel]:
        """The role-levels that may quote the node, in canon order."""
        iris = sorted(self.dependencies.quoting([node.iri]), key=lambda i: self.order.get(i, -1))
        return [r for r in (canon.nodes.get(i) for i in iris) if isinstance(r, RoleLevel)]


_QUOTING: weakref.WeakKeyDictionary[Canon, _Quoting] = weakref.WeakKeyDictionary()
_QUOTING_LOCK = threading.Lock()


def _quoting(canon: Canon) -> _Quoting:
    """The canon's index, built by the first page asked of it (pages run in threads)."""
    with _QUOTING_LOCK:
        found = _QUOTING.get(canon)
        if found is None:
            found = _QUOTING[canon] = _Quoting(canon)
        return found


def known_candidates(canon: Canon, node: CanonNode) -> list[RoleLevel] | None:
    """The role-levels that may quote the node when the canon's index is built, else None
    (building it is work the page's estimate must count first)."""
    with _QUOTING_LOCK:
        index = _QUOTING.get(canon)
    return None if index is None else index.candidates(canon, node)


def page_estimate(canon: Canon, candidates: Sequence[RoleLevel] | None) -> int:
    """The estimated cost of a node's HTML page (see USED_BY_DOCUMENT): the pages it will
    build for its candidates, else, with the quoting index not yet built, USED_BY_ROLE_LEVELS
    pages and the index."""
    if candidates is None:
        pages, building = USED_BY_ROLE_LEVELS, len(canon.nodes)
    else:
        pages, building = min(len(candidates), USED_BY_ROLE_LEVELS), 0
    return building + pages * document_cost(default_schema(), canon, USED_BY_DOCUMENT)


def used_by(
    canon: Canon, node: CanonNode, candidates: Sequence[RoleLevel] | None = None
) -> tuple[list[tuple[RoleLevel, Frame, Line]], int]:
    """(role-level, frame, line) for every frame line that quotes the node, from the first
    USED_BY_ROLE_LEVELS role-levels (in canon order) that may quote it, and how many more
    role-levels may. The candidates come from the canon's dependency graph of provenance,
    so a role-level anywhere in the canon is found; at most USED_BY_ROLE_LEVELS pages are
    built, whatever the node, so the page's estimate bounds its work."""
    roles = _quoting(canon).candidates(canon, node) if candidates is None else candidates
    listed = roles[:USED_BY_ROLE_LEVELS]
    found = [
        (role, frame, line)
        for role in within_budget(listed, every=1)
        for frame in build_page(role).frames
        for line in frame.lines
        if any(s.node.iri == node.iri for s in line.sources)
    ]
    return found, len(roles) - len(listed)


def viewer_url(role: RoleLevel, frame: Frame) -> str:
    """The viewer showing that frame of that role-level."""
    query = urlencode({"family": role.family.label, "level": role.level.code})
    return f"/?{query}#frame-{frame.kind.value}"


def _page(canon: Canon, node: CanonNode, base: str, candidates: Sequence[RoleLevel] | None) -> str:
    e = html_text
    path = ancestry(canon, node.iri) or (node,)
    crumbs = " → ".join(html_link(node_url(n.iri, base), n.label) for n in path)
    lines, more = used_by(canon, node, candidates)
    uses = "".join(
        f"<li>{html_link(node_url(role.iri, base), role.label)} · "
        f"{html_link(viewer_url(role, frame), frame.title)}: {e(line.text)}</li>"
        for role, frame, line in lines
    )
    if more:
        uses += f"<li>… and {more:,} more role-levels that may quote it.</li>"
    kind = mapping.mapping_of(node).kind
    text = f"<blockquote>{e(node.text)}</blockquote>" if node.text else ""
    notation = f"<p>Notation: <code>{e(node.notation)}</code></p>" if node.notation else ""
    for what, target in _shown_links(node):
        notation += f"<p>{what}: {html_link(node_url(target.iri, base), target.label)}</p>"
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<link rel="icon" href="data:,"><link rel="stylesheet" href="/viewer/viewer.css">'
        f"<title>{e(node.label)} — JobFrame canon</title></head><body>"
        '<header class="site-header"><p class="brand">JobFrame <span>canon node</span></p>'
        '<nav aria-label="Service"><a href="/">Goal frames</a> <a href="/graphql">GraphQL API</a>'
        "</nav></header><main>"
        f"<h1>{e(node.label)}</h1><p>{e(kind)} · <code>{e(node.iri)}</code></p>"
        f"{notation}{text}<h2>Lineage</h2><p>{crumbs}</p>"
        f"<h2>Used by</h2><ul>{uses or '<li>No frame line quotes this node.</li>'}</ul>"
        f"</main>{_attribution(canon.about)}</body></html>"
    )


def _shown_links(node: CanonNode) -> list[tuple[str, CanonNode]]:
    """The links a page shows besides the lineage: a group, a statement's own family."""
    if isinstance(node, Responsibility) and node.group is not None:
        return [("Group", node.group)]
    if isinstance(node, DimensionStatement) and node.family is not None:
        return [("Specific to the family", node.family)]
    return []


def _attribution(about: CanonAbout | None) -> str:
    """The footer crediting the canon's published source, as its licence requires."""
    if about is None or not (about.attribution or about.source or about.license):
        return ""
    parts = [html_text(about.attribution)] if about.attribution else []
    if about.source:
        parts.append(f"Source: {html_link(about.source)}")
    if about.license:
        parts.append(f"Licence: {html_link(about.license)}")
    return f'<footer class="attribution"><p>{" · ".join(parts)}</p></footer>'


def answer(canon: Canon, iri: str, accept: str | None, base: str) -> Response:
    """The response for one IRI: CPU work over the canon, run off the event loop."""
    node = canon.nodes.get(iri)
    if node is None:
        with costly_lane(canon.closest_iris_cost):
            closest = canon.closest_iris(iri)
        return JSONResponse(
            {
                "error": f"no canon node {shown(iri)!r}",
                "closest": [{"iri": i, "url": node_url(i, base)} for i in closest],
            },
            status_code=404,
        )
    vary = {"Vary": "Accept"}
    chosen = negotiate(accept, NODE_MEDIA_TYPES)
    if chosen is None:
        return JSONResponse(
            {"error": "not acceptable", "available": list(NODE_MEDIA_TYPES)},
            status_code=406,
            headers=vary,
        )
    candidates = known_candidates(canon, node) if chosen == "text/html" else None
    estimate = page_estimate(canon, candidates) if chosen == "text/html" else NODE_GRAPH_COST
    with costly_lane(estimate):
        if chosen == "text/html":
            return HTMLResponse(_page(canon, node, base, candidates), headers=vary)
        format = RDF_ANSWERS[chosen]
        body = write_graph(node_graph(canon, node), format)
        return Response(body, media_type=format.media_type, headers=vary)


def canon_handler(
    holder: CanonHolder, base: str = DEFAULT_IRI_BASE, time_budget: float = math.inf
) -> Callable[[Request], Awaitable[Response]]:
    """`GET /canon/{path}` and `GET /canon?iri=…`, negotiated by the Accept header, answered
    in a worker thread within the request's time budget (a spent budget is a 400: the
    request asks more than the service gives one request)."""

    async def canon_page(request: Request) -> Response:
        rest = request.path_params.get("path")
        iri = base + rest if rest else request.query_params.get("iri", "")
        work = partial(answer, holder.current.canon, iri, request.headers.get("accept"), base)
        try:
            with budget(time_budget):
                return await anyio.to_thread.run_sync(budgeted(work))
        except BudgetSpent as spent:
            return JSONResponse({"error": str(spent)}, status_code=400)

    return canon_page
