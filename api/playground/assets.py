"""Which files the GraphiQL page loads from a CDN, and where they live once fetched."""

from __future__ import annotations

import base64
import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path

from strawberry.http.ides import get_graphql_ide_html

ENV_VAR = "HINDSIGHT_PLAYGROUND_ASSETS"
URL_PREFIX = "/graphql/assets"

# The CDNs strawberry's IDE pages use; both address files as <package>@<version>/<path>.
_CDN_URL = re.compile(
    r"https://(?:unpkg\.com|cdn\.jsdelivr\.net/npm)/"
    r"(?P<package>(?:@[\w.-]+/)?[\w.-]+)@(?P<version>[\w.+-]+)/(?P<path>[^\s\"'?#]+)"
)
_TAG = re.compile(r"<(?:script|link)\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r"\b(src|href|integrity)\s*=\s*\"([^\"]*)\"", re.IGNORECASE)


@dataclass(frozen=True)
class Asset:
    """One CDN file of the page, e.g. graphiql@3.8.3/graphiql.min.js."""

    url: str
    package: str
    version: str
    path: str
    integrity: str | None  # the page's SRI value, e.g. "sha384-…"

    @property
    def local_path(self) -> str:
        return f"{self.package}@{self.version}/{self.path}"


def cdn_page() -> str:
    """Strawberry's GraphiQL page, as it ships (CDN URLs)."""
    return get_graphql_ide_html(graphql_ide="graphiql")


def assets_in(html: str) -> list[Asset]:
    """Every script and stylesheet the page loads from a CDN, with its integrity hash."""
    assets: list[Asset] = []
    for tag in _TAG.findall(html):
        attrs = {name.lower(): value for name, value in _ATTR.findall(tag)}
        url = attrs.get("src") or attrs.get("href") or ""
        if match := _CDN_URL.fullmatch(url):
            assets.append(
                Asset(
                    url, match["package"], match["version"], match["path"], attrs.get("integrity")
                )
            )
    return assets


def default_dir(environ: dict[str, str] | None = None) -> Path:
    """$HINDSIGHT_PLAYGROUND_ASSETS, else the user's cache: ~/.cache/hindsight/playground."""
    env = os.environ if environ is None else environ
    if env.get(ENV_VAR):
        return Path(env[ENV_VAR]).expanduser()
    cache = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(cache) / "hindsight" / "playground"


def matches_integrity(data: bytes, integrity: str | None) -> bool:
    """Subresource Integrity: any of the space-separated "<alg>-<base64>" values matches."""
    if not integrity:
        return True
    for item in integrity.split():
        algorithm, _, expected = item.partition("-")
        if algorithm in ("sha256", "sha384", "sha512"):
            digest = hashlib.new(algorithm, data).digest()
            if base64.b64encode(digest).decode() == expected:
                return True
    return False


@dataclass(frozen=True)
class Playground:
    """The page and its files, served from `root` when every file is there."""

    root: Path

    def file(self, local_path: str) -> Path | None:
        """The stored file for a URL path below /graphql/assets/, only if the page uses it."""
        for asset in assets_in(cdn_page()):
            if asset.local_path == local_path:
                path = self.root / asset.local_path
                return path if path.is_file() else None
        return None

    def is_complete(self, assets: list[Asset]) -> bool:
        return bool(assets) and all((self.root / a.local_path).is_file() for a in assets)

    def page(self, html: str) -> str:
        """The page pointed at the local copies, or unchanged (CDN) if any file is missing."""
        assets = assets_in(html)
        if not self.is_complete(assets):
            return html
        for asset in assets:
            html = html.replace(asset.url, f"{URL_PREFIX}/{asset.local_path}")
        return html
