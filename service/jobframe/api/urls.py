"""Where a canon IRI resolves on the service: `/canon/…` under the IRI base, else `?iri=`."""

from __future__ import annotations

from urllib.parse import quote

from ..settings import DEFAULT_IRI_BASE


def node_url(iri: str, base: str = DEFAULT_IRI_BASE) -> str:
    """The service path at which a canon IRI resolves (see `web/node_pages.py`)."""
    if iri.startswith(base):
        return "/canon/" + iri.removeprefix(base)
    return "/canon?iri=" + quote(iri, safe="")
