"""Download the page's CDN files from the npm registry with `npm pack`, checked by integrity."""

from __future__ import annotations

import shutil
import subprocess
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import groupby
from pathlib import Path

from api.playground.assets import Asset, assets_in, cdn_page, matches_integrity

NPM_TIMEOUT_SECONDS = 300


class FetchError(Exception):
    """The files could not be fetched or did not match the page's integrity hashes."""


@dataclass
class FetchReport:
    fetched: list[str] = field(default_factory=list)  # package@version downloaded now
    cached: list[str] = field(default_factory=list)  # package@version already complete


def is_stored(root: Path, asset: Asset) -> bool:
    path = root / asset.local_path
    return path.is_file() and matches_integrity(path.read_bytes(), asset.integrity)


def fetch(
    root: Path, *, force: bool = False, npm: str = "npm", log: Callable[[str], None] = print
) -> FetchReport:
    """Store every CDN file of the page below `root`; packages already complete are kept."""
    report = FetchReport()
    assets = sorted(assets_in(cdn_page()), key=lambda a: (a.package, a.version))
    for (package, version), group in groupby(assets, key=lambda a: (a.package, a.version)):
        items = list(group)
        spec = f"{package}@{version}"
        if not force and all(is_stored(root, a) for a in items):
            report.cached.append(spec)
            continue
        log(f"fetching {spec}")
        with tempfile.TemporaryDirectory() as tmp:
            tarball = _npm_pack(npm, spec, Path(tmp))
            for asset in items:
                _store(root, asset, _read_member(tarball, asset))
        report.fetched.append(spec)
    return report


def _npm_pack(npm: str, spec: str, dest: Path) -> Path:
    if shutil.which(npm) is None:
        raise FetchError(f"{npm!r} not found: install Node.js (npm) to fetch the playground files")
    command = [npm, "pack", spec, "--pack-destination", str(dest), "--ignore-scripts", "--silent"]
    try:
        done = subprocess.run(
            command, capture_output=True, text=True, timeout=NPM_TIMEOUT_SECONDS, check=False
        )
    except subprocess.TimeoutExpired:
        raise FetchError(f"npm pack {spec} took over {NPM_TIMEOUT_SECONDS} s") from None
    tarballs = list(dest.glob("*.tgz"))
    if done.returncode != 0 or len(tarballs) != 1:
        reason = (done.stderr or done.stdout).strip().splitlines()
        raise FetchError(f"npm pack {spec} failed: {reason[-1] if reason else done.returncode}")
    return tarballs[0]


def _read_member(tarball: Path, asset: Asset) -> bytes:
    """A file of the package; npm tarballs hold it below one top folder (usually package/)."""
    with tarfile.open(tarball) as tar:
        for member in tar.getmembers():
            if member.isfile() and member.name.partition("/")[2] == asset.path:
                extracted = tar.extractfile(member)
                assert extracted is not None  # a regular file
                return extracted.read()
    raise FetchError(f"{asset.package}@{asset.version} has no file {asset.path}")


def _store(root: Path, asset: Asset, data: bytes) -> None:
    if not matches_integrity(data, asset.integrity):
        raise FetchError(f"{asset.local_path} does not match the page's integrity hash")
    target = root / asset.local_path
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.write_bytes(data)
    partial.replace(target)  # atomic: a server never serves half a file


def missing(root: Path) -> list[str]:
    """The page's files not (or not correctly) stored below `root`."""
    return [a.local_path for a in assets_in(cdn_page()) if not is_stored(root, a)]
