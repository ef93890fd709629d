"""Hypothesis fuzzes the real `jobframe serve` below GraphQL (issue 11 §5): raw bodies under any
content type, query strings, headers, broken framing and paths. Whatever arrives, the answer is
below 500 and no later than the time budget plus a margin, every GraphQL error carries a code
(never INTERNAL_SERVER_ERROR), /healthz keeps answering, and the log never holds a traceback."""

from __future__ import annotations

import contextlib
import itertools
import json
import re
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

import h11
import httpx2
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from jobframe.api import ErrorCode
from jobframe.resources import QUERIES_DIR, VIEWER_DIR
from tests.servers import jobframe_serve

BUDGET = 2.0
"""The server's --time-budget, in seconds."""
MARGIN = 5.0
"""How much later than the budget an answer (or /healthz) may come on a noisy machine."""
BODY_TIMEOUT = 1.0
HEADER_TIMEOUT = 2.0
ADMIN_TOKEN = "fuzz-admin-token"
H11_LIMIT = 16 * 2**10
"""h11's largest incomplete request head (its max_incomplete_event_size; uvicorn keeps it)."""
CODES = {code.value for code in ErrorCode}
JSON = {"content-type": "application/json"}
JSON_TYPE = b"application/json"
GRAPHQL_MEDIA = ("application/json", "application/graphql-response+json")
SERVED_FILES = {
    p.read_bytes() for d in (VIEWER_DIR, QUERIES_DIR) for p in d.rglob("*") if p.is_file()
}
"""Every file under /viewer; a 200 there with any other body leaked a file."""


def fuzz(examples: int) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        suppress_health_check=[
            HealthCheck.function_scoped_fixture,
            HealthCheck.too_slow,
            HealthCheck.data_too_large,
        ],
    )


def client(transport: httpx2.HTTPTransport | None = None) -> httpx2.Client:
    """A client opening a connection per request: an idle kept-alive one would be closed by
    the server's header timeout, racing the next request."""
    no_keepalive = httpx2.Limits(max_keepalive_connections=0)
    return httpx2.Client(transport=transport, limits=no_keepalive, timeout=BUDGET + MARGIN + 5)


@dataclass
class Answer:
    """What came back for one input: its statuses (none when the server closed without an
    answer; several when the request's leftovers were read as further requests)."""

    what: str
    statuses: list[int]
    media: str
    body: bytes
    elapsed: float


@dataclass
class LiveServer:
    """The server under fuzz, the input being sent (to blame), and what /healthz saw."""

    url: str
    log: Path
    http: httpx2.Client
    current: str = "(none)"
    previous: str = "(none)"
    health_failures: list[str] = field(default_factory=list)
    slowest_health: float = 0.0
    polls: int = 0
    log_offset: int = 0

    def send(
        self,
        what: str,
        method: str,
        path: str,
        *,
        content: bytes | None = None,
        headers: dict[str, bytes] | None = None,
        http: httpx2.Client | None = None,
    ) -> Answer:
        """One request through httpx2."""
        self.previous, self.current = self.current, what
        start = time.monotonic()
        try:
            response = (http or self.http).request(
                method, self.url + path, content=content, headers=_pairs(headers or {})
            )
        except httpx2.TransportError as error:
            pytest.fail(f"{error!r} instead of an answer to {what}")
        media = response.headers.get("content-type", "").split(";")[0].strip()
        elapsed = time.monotonic() - start
        return Answer(what, [response.status_code], media, response.content, elapsed)

    def raw(self, what: str, request: bytes, method: bytes = b"GET") -> Answer:
        """Exactly these bytes on a socket, read until the server closes (or resets)."""
        self.previous, self.current = self.current, what
        parts = urlsplit(self.url)
        start = time.monotonic()
        received = b""
        with socket.create_connection((parts.hostname, parts.port), BUDGET + MARGIN + 5) as sock:
            with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                sock.sendall(request)  # may be refused and closed while still being sent
            try:
                while chunk := sock.recv(2**16):
                    received += chunk
            except ConnectionResetError:
                pass
            except TimeoutError:
                pytest.fail(f"neither answered nor closed after {received[:300]!r}: {what}")
        return _parsed(what, received, method, time.monotonic() - start)

    def assert_healthy(self) -> None:
        """/healthz never failed nor lagged, and nothing logged since holds a traceback (a
        fault is logged as its response is sent: it may show after the next input)."""
        assert not self.health_failures, self.health_failures
        assert self.slowest_health <= MARGIN, f"/healthz took {self.slowest_health:.1f} s"
        with self.log.open("rb") as log:
            log.seek(self.log_offset)
            new = log.read()
        self.log_offset += len(new)
        logged = new.decode("utf-8", "replace")
        blame = f"{self.current}\nor the input before: {self.previous}"
        assert "Traceback" not in logged, f"traceback logged for {blame}:\n{logged}"


def _pairs(headers: dict[str, bytes]) -> list[tuple[bytes, bytes]]:
    return [(name.encode(), value) for name, value in headers.items()]


def _parsed(what: str, received: bytes, method: bytes, elapsed: float) -> Answer:
    """The first response in `received`, read by h11 after a stand-in request of the same
    method (h11 frames an answer by its request)."""
    statuses = [int(s) for s in re.findall(rb"(?:^|\n)HTTP/1\.[01] (\d{3})", received)]
    client = h11.Connection(h11.CLIENT)
    client.send(h11.Request(method=method, target="/", headers=[("Host", "x")]))
    client.send(h11.EndOfMessage())
    client.receive_data(received)
    client.receive_data(b"")
    media, body = "", b""
    try:
        while not isinstance(event := client.next_event(), h11.EndOfMessage | h11.ConnectionClosed):
            if isinstance(event, h11.Response):
                content_type = dict(event.headers).get(b"content-type", b"")
                media = content_type.split(b";")[0].strip().decode()
            elif isinstance(event, h11.Data):
                body += event.data
    except h11.RemoteProtocolError:
        if not statuses:  # cut short while closing is fine; something else than HTTP is not
            pytest.fail(f"not an HTTP response: {received[:300]!r} to {what}")
    return Answer(what, statuses, media, body, elapsed)


def _poll_health(server: LiveServer, stop: threading.Event) -> None:
    with client() as http:
        while not stop.wait(0.2):
            _check_health(server, http)


def _check_health(server: LiveServer, http: httpx2.Client) -> None:
    during = server.current
    start = time.monotonic()
    try:
        outcome = str(http.get(f"{server.url}/healthz", timeout=3 * MARGIN).status_code)
    except httpx2.TransportError as error:
        outcome = repr(error)
    took = time.monotonic() - start
    server.polls += 1
    server.slowest_health = max(server.slowest_health, took)
    if outcome != "200" or took > MARGIN:
        server.health_failures.append(f"/healthz {outcome} in {took:.1f} s during {during}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """One server for the module, with /healthz polled every 0.2 s throughout."""
    log = tmp_path_factory.mktemp("http-fuzz") / "serve.log"
    options = [
        *("--time-budget", str(BUDGET), "--response-cache-mb", "0"),
        *("--body-timeout", str(BODY_TIMEOUT), "--header-timeout", str(HEADER_TIMEOUT)),
    ]
    with pytest.MonkeyPatch.context() as env:
        env.setenv("JOBFRAME_ADMIN_TOKEN", ADMIN_TOKEN)
        with jobframe_serve(log, *options) as url, client() as http:
            live = LiveServer(url, log, http)
            stop = threading.Event()
            poller = threading.Thread(target=_poll_health, args=(live, stop), daemon=True)
            poller.start()
            try:
                yield live
            finally:
                stop.set()
                poller.join(timeout=3 * MARGIN)


def assert_sound(
    server: LiveServer, answer: Answer, *, graphql: bool = False, may_close: bool = False
) -> None:
    """Below 500, in time, every GraphQL error coded, and the server still healthy."""
    what = answer.what
    if any(s >= 500 for s in answer.statuses):
        time.sleep(0.2)  # for the fault's traceback to reach the log
    server.assert_healthy()
    assert answer.statuses or may_close, f"closed without an answer to {what}"
    assert all(s < 500 for s in answer.statuses), f"{answer.statuses} {answer.body[:500]!r}: {what}"
    assert answer.elapsed <= BUDGET + MARGIN, f"answered after {answer.elapsed:.1f} s: {what}"
    if graphql and answer.media in GRAPHQL_MEDIA and answer.body:
        try:
            result = json.loads(answer.body)
        except ValueError:
            pytest.fail(f"{answer.media} that is not JSON: {answer.body[:300]!r}: {what}")
        errors = result.get("errors") if isinstance(result, dict) else None
        for error in errors or []:
            code = (error.get("extensions") or {}).get("code")
            assert code in CODES, f"uncoded error {error}: {what}"
            assert code != ErrorCode.INTERNAL_SERVER_ERROR, f"internal error {error}: {what}"


def show(**parts: object) -> str:
    """The input, as a reproducer: each part's repr, a long one as its start, its end and
    its length (enough to rebuild a run of `[` or of 16 KB of `a`)."""
    shown = (f"{k}={v!r}" for k, v in parts.items())
    return ", ".join(
        s if len(s) <= 1000 else f"{s[:600]} …({len(s)} chars in all)… {s[-300:]}" for s in shown
    )


def words(text: str) -> st.SearchStrategy[str]:
    return st.sampled_from(text.split())


def octets(text: str) -> st.SearchStrategy[bytes]:
    return st.sampled_from([w.encode("latin-1") for w in text.split()])


def percent(data: bytes) -> str:
    return "".join(f"%{b:02X}" for b in data)


# Strategies ----------------------------------------------------------------------------------

VALID_QUERIES = (
    "{ __typename }",
    "{ __schema { queryType { name } } }",
    'query($f: String!) { roleLevel(family: $f, level: "M5") { label } }',
    "query A { __typename } query B { __typename }",
    "mutation { __typename }",
    "subscription { __typename }",
)
GRAPHQL_TOKENS = words(
    "{ } { } ( ) [ ] query mutation subscription fragment on A B F Query ... $f : String! = "
    '@include(if:true) @skip(if:$f) __typename __schema __type(name:"Query") name label '
    'roleLevel(family:"x",level:"M5") roleLevels(first:2) edges node , # """ "x" 1 1.5 null'
)
HUGE_QUERIES = st.builds(
    lambda n, shape: shape[0] + shape[1] * n + shape[2],
    st.integers(1, 5000),
    st.sampled_from(
        [
            ("", "{", ""),
            ("{ ", "__typename ", "}"),
            ("{ ", "__typename(a:1) ", "}"),
            ("query(", "$a: Int, ", ") { __typename }"),
            ("{ __typename ", "@skip(if: false) ", "}"),
            ("{ ", "...on Query { __typename } ", "}"),
            ("", "# a comment\n", "{ __typename }"),
        ]
    ),
)
"""Queries past the token, depth and alias limits, sized to need those limits."""
QUERY_TEXT = (
    st.sampled_from(VALID_QUERIES)
    | st.lists(GRAPHQL_TOKENS, max_size=30).map(" ".join)
    | st.text(max_size=200)
    | HUGE_QUERIES
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
MEMBERS = st.fixed_dictionaries(
    {},
    optional={
        "query": QUERY_TEXT | JSON_VALUES,
        "variables": st.dictionaries(words("f x"), JSON_VALUES) | JSON_VALUES,
        "operationName": words("A B F") | JSON_VALUES,
        "extensions": JSON_VALUES,
    },
)


def _json(value: object, ascii_only: bool = True) -> bytes:
    return json.dumps(value, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


DEPTHS = st.integers(1, 6000) | st.integers(900, 1100)
"""How deep JSON nests: anywhere, and often around the parsers' limits (orjson's is 1024,
Python's json is bounded by the recursion limit, 1000 frames)."""
NESTED = st.builds(
    lambda n, shape: shape.replace(b"<", b"[" * n).replace(b">", b"]" * n),
    DEPTHS,
    st.sampled_from(
        [
            b"<>",
            b"<",
            b'{"query":"{ __typename }","variables":{"v":<>}}',
            b'{"query":"{ __typename }","extensions":{"e":<1>}}',
            b'{"query":<>}',
        ]
    ),
) | DEPTHS.map(lambda n: b'{"a":' * n + b"1" + b"}" * n)
STRANGE = st.builds(
    lambda pieces, template: template.replace(b"@", b"".join(pieces)),
    st.lists(
        octets(r"\ud800 \udfff \udc00\ud800 \u0000 \u12 \x41 \ ")
        | st.sampled_from([b"\x00", b"\xff", b"\xc3\x28", b"\xc0\xaf", b"\xed\xa0\x80"])
        | st.sampled_from([b"\xf4\x90\x80\x80", b"\xef\xbb\xbf"])
        | st.text(st.characters(min_codepoint=32, max_codepoint=126), max_size=6).map(str.encode),
        min_size=1,
        max_size=8,
    ),
    st.sampled_from(
        [
            b'{"query":"@"}',
            b'{"query":"{ __typename }","operationName":"@"}',
            b'{"query":"query($f: String!) { __typename }","variables":{"f":"@"}}',
            b'{"query":"{ __typename }","variables":{"@":1}}',
            b'"@"',
            b"@",
        ]
    ),
)
BODIES = (
    st.binary(max_size=1000)
    | st.builds(_json, JSON_VALUES, st.booleans())
    | st.builds(_json, MEMBERS, st.booleans())
    | NESTED
    | STRANGE
    | st.integers(100_001, 120_000).map(lambda n: b'{"query":"' + b" " * n + b'{ __typename }"}')
)
HEADER_TEXT = st.text(st.characters(codec="latin-1", exclude_categories=["Cc"]), max_size=60).map(
    lambda s: s.encode("latin-1").strip(b" ")
)
"""Any header value h11 lets a client send: visible latin-1 and inner spaces."""
CONTENT_TYPES = (
    st.none()
    | octets("application/json APPLICATION/JSON application/graphql text/plain json ;")
    | octets("application/graphql-response+json application/x-www-form-urlencoded")
    | octets("multipart/form-data multipart/form-data;boundary=x application/json;charset=utf-8")
    | HEADER_TEXT
)
ACCEPT = (
    st.lists(
        st.builds(
            lambda media, q: f"{media}{q}",
            words("*/* application/* application/json application/graphql-response+json * /")
            | words("text/html text/* text/turtle application/ld+json image/png"),
            words(";q=1 ;q=0 ;q=0.5 ;q= ;q=x ;q=-1 ;q=2 ;Q=1;q=0 ;level=1") | st.just(""),
        ),
        max_size=5,
    ).map(lambda ranges: ", ".join(ranges).encode())
    | HEADER_TEXT
)
URL_CHARS = st.characters(min_codepoint=0x21, max_codepoint=0x7E, exclude_characters="#")
URL_TEXT = st.text(URL_CHARS, max_size=30)
"""Characters a request target may hold unescaped (h11 refuses the others with 400)."""


def request_of(method: str, target: str, accept: bytes | None = None) -> bytes:
    accepting = b"" if accept is None else b"Accept: " + accept + b"\r\n"
    head = f"{method} {target} HTTP/1.1\r\nHost: x\r\n".encode()
    return head + accepting + b"Connection: close\r\n\r\n"


# 1. POST bodies ------------------------------------------------------------------------------


DEEP = b"[" * 1000 + b"]" * 1000
"""Nesting that orjson (limit 1024) lets through to the parsers after it."""
FOUND = {
    "an empty selection set": b'{"query":"{}"}',
    "variables nested 1000 deep": b'{"query":"{ __typename }","variables":{"v":' + DEEP + b"}}",
}
"""Inputs this fuzzing once found faults with, tried first on every run."""


@fuzz(300)
@example(method="POST", body=FOUND["an empty selection set"], content_type=JSON_TYPE, accept=None)
@example(
    method="POST", body=FOUND["variables nested 1000 deep"], content_type=JSON_TYPE, accept=None
)
@given(
    method=st.sampled_from(["POST"] * 6 + ["GET", "PUT", "PATCH", "DELETE", "OPTIONS"]),
    body=BODIES,
    content_type=CONTENT_TYPES,
    accept=st.none() | ACCEPT,
)
def test_any_body_under_any_content_type_gets_a_sound_answer(
    server: LiveServer, method: str, body: bytes, content_type: bytes | None, accept: bytes | None
) -> None:
    given_headers = {"content-type": content_type, "accept": accept}
    headers = {k: v for k, v in given_headers.items() if v is not None}
    what = show(request=f"{method} /graphql", headers=headers, body=body)
    answer = server.send(what, method, "/graphql", content=body, headers=headers)
    assert_sound(server, answer, graphql=True)


# 2. GET query strings ------------------------------------------------------------------------

QUERY_STRINGS = (
    st.lists(
        st.builds(
            lambda name, value: f"{name}={value}",
            words("query query variables operationName extensions q") | st.just(""),
            QUERY_TEXT.map(lambda s: quote(s, safe=""))
            | JSON_VALUES.map(lambda v: quote(json.dumps(v), safe=""))
            | NESTED.map(lambda b: quote(b, safe=""))
            | st.binary(max_size=20).map(percent)
            | URL_TEXT,
        ),
        max_size=6,
    ).map("&".join)
    | st.binary(max_size=60).map(percent)
    | URL_TEXT
)


@fuzz(300)
@example(query_string="query=%7B%7D", accept=None)
@example(
    query_string="query=%7B__typename%7D&variables=" + quote(b'{"v":' + DEEP + b"}"), accept=None
)
@given(query_string=QUERY_STRINGS, accept=st.none() | ACCEPT)
def test_any_query_string_on_get_graphql_gets_a_sound_answer(
    server: LiveServer, query_string: str, accept: bytes | None
) -> None:
    request = request_of("GET", f"/graphql?{query_string}", accept)
    assert_sound(server, server.raw(show(request=request), request), graphql=True)


# 3. Headers ----------------------------------------------------------------------------------


@fuzz(100)
@given(
    method=st.sampled_from(["GET", "POST"]),
    accept=st.none() | ACCEPT,
    if_none_match=st.none() | st.sampled_from([b"*", b'W/"x"', b'"a", "b"', b","]) | HEADER_TEXT,
    with_etag=st.booleans(),
    request_id=st.none() | HEADER_TEXT,
)
def test_any_accept_if_none_match_and_request_id_on_graphql_get_a_sound_answer(
    server: LiveServer,
    method: str,
    accept: bytes | None,
    if_none_match: bytes | None,
    with_etag: bool,
    request_id: bytes | None,
) -> None:
    query = VALID_QUERIES[1]
    path = "/graphql?query=" + quote(query) if method == "GET" else "/graphql"
    content = None if method == "GET" else _json({"query": query})
    headers = {"content-type": b"application/json"}
    if with_etag:  # the right ETag, alone or in a list
        first = server.http.request(method, server.url + path, content=content, headers=JSON)
        if_none_match = b", ".join(filter(None, [if_none_match, first.headers["etag"].encode()]))
    more = {"accept": accept, "if-none-match": if_none_match, "x-request-id": request_id}
    headers |= {k: v for k, v in more.items() if v is not None}
    what = show(request=f"{method} {path}", headers=headers, body=content)
    answer = server.send(what, method, path, content=content, headers=headers)
    assert_sound(server, answer, graphql=True)


@pytest.fixture(scope="module")
def node_path(server: LiveServer) -> str:
    """A canon node's page: the closest node to one that does not exist."""
    return str(server.http.get(f"{server.url}/canon/no-such-node").json()["closest"][0]["url"])


@fuzz(60)
@given(method=st.sampled_from(["GET", "HEAD"]), accept=st.none() | ACCEPT)
def test_any_accept_on_a_canon_node_gets_it_or_406(
    server: LiveServer, node_path: str, method: str, accept: bytes | None
) -> None:
    headers = {} if accept is None else {"accept": accept}
    what = show(request=f"{method} {node_path}", accept=accept)
    answer = server.send(what, method, node_path, headers=headers)
    assert_sound(server, answer)
    assert answer.statuses[0] in (200, 406), answer.what


def _loopback_addresses() -> Iterator[str | None]:
    """A loopback address per example, so that every example reaches the token check: reload
    refuses a client after 5 wrong tokens (429). Where only 127.0.0.1 is configured (macOS),
    the default address, and the 429s."""
    try:
        with socket.socket() as probe:
            probe.bind(("127.1.0.1", 0))
    except OSError:
        yield from itertools.repeat(None)
    yield from (f"127.1.{n // 250}.{n % 250 + 1}" for n in itertools.count())


SOURCE_ADDRESSES = _loopback_addresses()
AUTHORIZATION = (
    st.builds(
        lambda scheme, gap, token: f"{scheme}{gap}{token}".strip(" \t").encode("latin-1"),
        words("Bearer bearer BEARER Basic Token Bearer:") | st.just(""),
        st.sampled_from([" ", "  ", "\t", ""]),
        st.sampled_from([ADMIN_TOKEN, ADMIN_TOKEN + "x", ADMIN_TOKEN[:-1], ADMIN_TOKEN.upper()])
        | HEADER_TEXT.map(lambda b: b.decode("latin-1")),
    )
    | HEADER_TEXT
)


RIGHT_TOKEN = re.compile(rf"\s*(?i:bearer) +{re.escape(ADMIN_TOKEN)}\s*")
"""The one header that reloads (RFC 6750: the scheme in any case, then a space): the token
exactly as configured. Whatever else comes is refused, 401, or 429 once too many came."""


@fuzz(60)
@given(authorization=st.none() | AUTHORIZATION, body=st.none() | st.binary(max_size=100))
def test_only_the_right_bearer_token_reloads_and_any_other_authorization_is_refused(
    server: LiveServer, authorization: bytes | None, body: bytes | None
) -> None:
    headers = {} if authorization is None else {"authorization": authorization}
    what = show(request="POST /admin/reload", authorization=authorization, body=body)
    # Plain HTTP: verify=False only spares loading the CA bundle for each transport.
    transport = httpx2.HTTPTransport(local_address=next(SOURCE_ADDRESSES), verify=False)
    with client(transport) as http:
        answer = server.send(
            what, "POST", "/admin/reload", content=body, headers=headers, http=http
        )
    assert_sound(server, answer)
    right = authorization is not None and RIGHT_TOKEN.fullmatch(authorization.decode("latin-1"))
    assert answer.statuses[0] in ((200,) if right else (401, 429)), what


POST_HEAD = b"POST /graphql HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
JSON_BODIES = st.builds(_json, MEMBERS) | st.just(b'{"query":"{ __typename }"}')


@pytest.mark.slow
@fuzz(5)
@given(body=JSON_BODIES, missing=st.integers(1, 10_000))
def test_a_body_shorter_than_its_content_length_is_answered_within_the_body_timeout(
    server: LiveServer, body: bytes, missing: int
) -> None:
    request = POST_HEAD + f"Content-Length: {len(body) + missing}\r\n\r\n".encode() + body
    answer = server.raw(show(request=request), request, b"POST")
    assert_sound(server, answer, graphql=True, may_close=True)
    assert answer.elapsed <= BODY_TIMEOUT + MARGIN, answer.what


@fuzz(100)
@given(
    body=JSON_BODIES | st.binary(max_size=200),
    lengths=st.lists(
        words("-1 abc 1e3 0x10 +5 99999999999999999999999") | st.just("") | st.integers(0, 300),
        min_size=1,
        max_size=3,
    ),
    chunked=st.sampled_from([False] * 4 + [True]),
    close=st.booleans(),
)
def test_content_lengths_that_do_not_frame_the_body_are_answered_below_500(
    server: LiveServer, body: bytes, lengths: list[str | int], chunked: bool, close: bool
) -> None:
    """A longer body than declared leaves bytes read as the next request (followed, unless
    the first closes, by a pipelined request that does); a shorter one (only the one huge
    length here, or chunks that do not end) waits out the body timeout."""
    declared = (str(min(n, len(body))) if isinstance(n, int) else n for n in lengths)
    head = b"".join(f"Content-Length: {n}\r\n".encode() for n in declared)
    head += b"Transfer-Encoding: chunked\r\n" if chunked else b""
    head += b"Connection: close\r\n" if close else b""
    then = b"" if close else request_of("GET", "/healthz")
    request = POST_HEAD + head + b"\r\n" + body + then
    answer = server.raw(show(request=request), request, b"POST")
    assert_sound(server, answer, graphql=True, may_close=True)


@fuzz(30)
@given(
    name=words("Accept If-None-Match X-Request-ID Cookie User-Agent Content-Type X-Fuzz"),
    pattern=st.binary(min_size=1, max_size=8),
    size=st.integers(1_000, H11_LIMIT - 2_000),
)
def test_long_header_values_within_h11s_limit_are_answered(
    server: LiveServer, name: str, pattern: bytes, size: int
) -> None:
    visible = bytes(0x21 + b % 0x5E for b in pattern)
    value = (visible * (size // len(visible) + 1))[:size]
    headers = {"content-type": b"application/json", name: value}
    what = show(request="POST /graphql", header=name, value=value)
    content = _json({"query": "{ __typename }"})
    answer = server.send(what, "POST", "/graphql", content=content, headers=headers)
    assert_sound(server, answer, graphql=True)


@fuzz(20)
@given(size=st.integers(H11_LIMIT, 1_000_000), where=words("header headers target"))
def test_request_heads_beyond_h11s_limit_are_refused_closed_or_answered(
    server: LiveServer, size: int, where: str
) -> None:
    head = b"GET /healthz HTTP/1.1\r\nHost: x\r\n"
    if where == "header":
        head += b"X-Long: " + b"a" * size + b"\r\n"
    elif where == "headers":
        head += b"X-Many: aaaaaaaa\r\n" * (size // 18)
    else:
        head = b"GET /canon/" + b"a" * size + b" HTTP/1.1\r\nHost: x\r\n"
    request = head + b"Connection: close\r\n\r\n"
    assert_sound(server, server.raw(show(where=where, size=size), request), may_close=True)


@fuzz(300)
@given(
    method=octets("GET POST HEAD OPTIONS PUT TRACE CONNECT get G\x00T") | st.binary(max_size=8),
    separator=st.sampled_from([b" ", b"  ", b"\t", b""]),
    target=octets("/graphql /healthz * http://x/graphql // /\x00 /\xff") | st.binary(max_size=30),
    version=octets("HTTP/1.1 HTTP/1.0 HTTP/2.0 HTTP/0.9 http/1.1 HTTP/1.1\x00 HTTP/")
    | st.binary(max_size=10),
    lines=st.lists(
        st.sampled_from([b"Host: x", b"Host: y", b"NoColon", b": no-name", b"X : x", b" folded"])
        | st.sampled_from([b"X: \x00", b"X: a\rb", b"X: \x7f", b"Expect: 100-continue"])
        | st.sampled_from([b"Transfer-Encoding: gzip", b"Content-Length: 3", b"Upgrade: h2c"])
        | st.sampled_from([b"Upgrade: websocket", b"Connection: upgrade", b"Connection: close"])
        | st.binary(max_size=40),
        max_size=5,
    ),
)
def test_malformed_request_lines_and_header_bytes_are_answered_below_500(
    server: LiveServer,
    method: bytes,
    separator: bytes,
    target: bytes,
    version: bytes,
    lines: list[bytes],
) -> None:
    head = method + separator + target + separator + version + b"\r\n"
    request = head + b"".join(line + b"\r\n" for line in lines) + b"Connection: close\r\n\r\n"
    framing = method if method in (b"GET", b"POST", b"HEAD", b"OPTIONS", b"PUT") else b"GET"
    assert_sound(server, server.raw(show(request=request), request, framing), may_close=True)


# 4. Paths ------------------------------------------------------------------------------------

SEGMENTS = (
    words(". .. %2e%2e %2E%2e .%2e %2e. ..%2f ..%2F..%2F ..%5c ..\\ %252e%252e %00 %ff")
    | words("etc passwd viewer queries index.html viewer.css settings.py __init__.py")
    | words("pyproject.toml canon graphql healthz readyz metrics admin reload")
    | st.just("")
    | st.text(URL_CHARS, max_size=12)
    | st.binary(min_size=1, max_size=6).map(percent)
)
PATHS = st.lists(SEGMENTS, max_size=8).map("/".join)


@fuzz(200)
@given(method=st.sampled_from(["GET", "HEAD"]), path=PATHS)
def test_any_path_gets_a_sound_answer(server: LiveServer, method: str, path: str) -> None:
    request = request_of(method, "/" + path)
    assert_sound(server, server.raw(show(request=request), request, method.encode()))


IRIS = (
    words("https://jobframe.example/canon/ urn:x http://[::1 % %%")
    | st.just("")
    | st.text(max_size=100).map(lambda s: quote(s, safe=""))
    | st.binary(max_size=40).map(percent)
    | st.integers(1_000, 20_000).map(lambda n: "https://jobframe.example/canon/" + "a" * n)
    | URL_TEXT
)


@fuzz(200)
@given(path=st.none() | PATHS, iri=st.none() | IRIS, accept=st.none() | ACCEPT)
def test_any_canon_path_or_iri_gets_a_sound_answer(
    server: LiveServer, path: str | None, iri: str | None, accept: bytes | None
) -> None:
    target = (
        "/canon" + ("" if path is None else "/" + path) + ("" if iri is None else "?iri=" + iri)
    )
    request = request_of("GET", target, accept)
    assert_sound(server, server.raw(show(request=request), request))


@fuzz(200)
@given(prefix=words("/viewer/ /viewer/queries/ /viewer /viewer// /viewer/%2e%2e/"), path=PATHS)
def test_viewer_paths_never_serve_a_file_outside_the_viewer(
    server: LiveServer, prefix: str, path: str
) -> None:
    request = request_of("GET", prefix + path)
    answer = server.raw(show(request=request), request)
    assert_sound(server, answer)
    if answer.statuses[0] == 200:
        assert answer.body in SERVED_FILES, f"served {answer.body[:300]!r} for {answer.what}"


# After the fuzzing ---------------------------------------------------------------------------


def test_the_server_is_alive_and_healthy_after_the_fuzzing(server: LiveServer) -> None:
    assert server.http.get(f"{server.url}/healthz").status_code == 200
    assert server.polls > 0, "the /healthz poller never ran"
    server.assert_healthy()
    assert b"Traceback" not in server.log.read_bytes()
