"""Are the directory's pages still there? HEAD (else GET) every source and service URL.

Run by operators in production (`tsunagari directory check --links`): a page that moved
(a redirect to another address) or vanished (404, 410, no such host) is reported, and a
source page that should show a phone number but no longer does is reported too — the
nearest we come to checking the fact itself. Requests run a few at a time with a timeout;
nothing a visitor typed is ever sent.
"""

from __future__ import annotations

import enum
import re
import socket
import unicodedata
import urllib.error
import urllib.request
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    from tsunagari.directory.bundle import Bundle

USER_AGENT = "tsunagari-directory-check/1 (+https://github.com/tsunagari; link check)"
MAX_PAGE_BYTES = 2_000_000
WORKERS = 8


class Outcome(enum.Enum):
    OK = "ok"
    MOVED = "moved"  # redirected for good (301, 308) or to another site
    VANISHED = "vanished"  # 404, 410, no such host
    FAILED = "failed"  # timeout, 5xx, refused: try again before acting on it
    FACT_MISSING = "fact-missing"  # the page is there but no longer shows the number


@dataclass(frozen=True)
class Link:
    """One URL to check, where it is used, and the numbers its page should show."""

    url: str
    used_by: tuple[str, ...]  # "service-slug: phones source", …
    numbers: tuple[str, ...] = ()


@dataclass(frozen=True)
class LinkReport:
    link: Link
    outcome: Outcome
    detail: str = ""
    moved_to: str = ""

    def __str__(self) -> str:
        where = ", ".join(self.link.used_by)
        target = f" → {self.moved_to}" if self.moved_to else ""
        return f"{self.outcome.value}: {self.link.url}{target} ({self.detail}) used by {where}"


@dataclass
class _Response:
    status: int
    url: str
    body: bytes = b""
    content_type: str = ""
    redirects: list[tuple[int, str]] = field(default_factory=list)


class _Recorder(urllib.request.HTTPRedirectHandler):
    def __init__(self) -> None:
        self.redirects: list[tuple[int, str]] = []

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        self.redirects.append((code, urljoin(req.full_url, newurl)))
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _fetch(url: str, method: str, timeout: float) -> _Response:
    recorder = _Recorder()
    opener = urllib.request.build_opener(recorder)
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    try:
        with opener.open(request, timeout=timeout) as answer:
            body = answer.read(MAX_PAGE_BYTES) if method == "GET" else b""
            kind = answer.headers.get("Content-Type", "")
            return _Response(answer.status, answer.url, body, kind, recorder.redirects)
    except urllib.error.HTTPError as error:
        return _Response(error.code, url, redirects=recorder.redirects)


def check_link(link: Link, timeout: float = 10.0) -> LinkReport:
    """HEAD first; GET when HEAD is refused or when the page's text must be read."""
    try:
        answer = _fetch(link.url, "HEAD", timeout)
        if answer.status in (400, 403, 405, 501) or link.numbers:
            answer = _fetch(link.url, "GET", timeout)
    except (urllib.error.URLError, TimeoutError, ConnectionError) as error:
        reason = getattr(error, "reason", error)
        if isinstance(reason, socket.gaierror):
            return LinkReport(link, Outcome.VANISHED, "no such host")
        return LinkReport(link, Outcome.FAILED, str(reason) or type(reason).__name__)
    return _judge(link, answer)


def _judge(link: Link, answer: _Response) -> LinkReport:
    if answer.status in (404, 410):
        return LinkReport(link, Outcome.VANISHED, f"HTTP {answer.status}")
    if answer.status >= 400:
        return LinkReport(link, Outcome.FAILED, f"HTTP {answer.status}")
    permanent = [url for code, url in answer.redirects if code in (301, 308)]
    if permanent or _other_site(link.url, answer.url):
        moved_to = permanent[-1] if permanent else answer.url
        return LinkReport(link, Outcome.MOVED, f"HTTP {answer.redirects[0][0]}", moved_to)
    missing = _numbers_not_shown(link.numbers, answer)
    if missing:
        return LinkReport(link, Outcome.FACT_MISSING, f"no longer shows {', '.join(missing)}")
    return LinkReport(link, Outcome.OK, f"HTTP {answer.status}")


def _other_site(before: str, after: str) -> bool:
    return (urlsplit(before).hostname or "") != (urlsplit(after).hostname or "")


def _numbers_not_shown(numbers: Iterable[str], answer: _Response) -> list[str]:
    if not answer.content_type.startswith(("text/", "application/xhtml")):
        return []  # a PDF or an image: its text cannot be read here
    text = unicodedata.normalize("NFKC", answer.body.decode("utf-8", errors="replace"))
    digits = re.sub(r"[\s\-‐‑‒–—―−ー()（）]", "", text)
    return [n for n in numbers if n.replace("-", "") not in digits]


def check_links(links: Iterable[Link], timeout: float = 10.0) -> list[LinkReport]:
    links = list(links)
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda link: check_link(link, timeout), links))


def links_of(bundle: Bundle) -> list[Link]:
    """Every source and service URL of a bundle, once each, with where it is used and, for
    a page that shows a service's numbers, those numbers."""
    used: dict[str, list[str]] = {}
    numbers: dict[str, set[str]] = {}
    for entry in bundle.services:
        for source in entry.provenance():
            used.setdefault(source.url, []).append(f"{entry.id}: {source.fact} source")
            if source.fact == "phones":
                numbers.setdefault(source.url, set()).update(p.number for p in entry.phones)
        for name in ("url", "local_finder_url"):
            if getattr(entry, name):
                used.setdefault(getattr(entry, name), []).append(f"{entry.id}: {name}")
    for org in bundle.organizations:
        if org.url:
            used.setdefault(org.url, []).append(f"organization {org.id}: url")
    return [
        Link(url, tuple(where), tuple(sorted(numbers.get(url, ()))))
        for url, where in sorted(used.items())
    ]
