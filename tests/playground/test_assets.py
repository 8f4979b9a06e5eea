"""The page points at local copies only when all are stored; the route serves exactly those."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from api.app import create_app
from api.cli.main import main
from api.playground.assets import ENV_VAR, assets_in, cdn_page, matches_integrity
from api.settings import Settings

HTML = {"accept": "text/html"}


MakeClient = Callable[[Path], httpx.AsyncClient]


@pytest.fixture
def make_client(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> MakeClient:
    """A client of an app whose playground files are in the given directory."""

    def make(assets: Path) -> httpx.AsyncClient:
        monkeypatch.setenv(ENV_VAR, str(assets))
        app = create_app(Settings(database_url=f"sqlite+aiosqlite:///{tmp_path}/x.db"))
        transport = httpx.ASGITransport(app=app)
        return httpx.AsyncClient(transport=transport, base_url="http://testserver")

    return make


def test_the_page_names_its_cdn_files_with_integrity_hashes() -> None:
    assets = assets_in(cdn_page())
    packages = {a.package for a in assets}
    assert {"react", "react-dom", "graphiql"} <= packages
    assert all(a.integrity and a.integrity.startswith("sha384-") for a in assets)


async def test_with_the_files_the_page_is_local(
    make_client: MakeClient, playground_assets: Path
) -> None:
    async with make_client(playground_assets) as client:
        page = (await client.get("/graphql", headers=HTML)).text
        assert "unpkg.com" not in page
        assets = assets_in(cdn_page())
        for asset in assets:
            assert f'"/graphql/assets/{asset.local_path}"' in page
            response = await client.get(f"/graphql/assets/{asset.local_path}")
            assert response.status_code == 200
            assert matches_integrity(response.content, asset.integrity)
            assert "immutable" in response.headers["cache-control"]


@pytest.mark.parametrize(
    "path", ["graphiql@3.8.3/package.json", "..%2F..%2Fetc%2Fpasswd", "react@18.2.0/"]
)
async def test_only_the_page_files_are_served(
    make_client: MakeClient, playground_assets: Path, path: str
) -> None:
    async with make_client(playground_assets) as client:
        response = await client.get(f"/graphql/assets/{path}")
    assert response.status_code == 404


async def test_without_the_files_the_page_uses_the_cdn(
    make_client: MakeClient, tmp_path: Path
) -> None:
    async with make_client(tmp_path / "nothing") as client:
        page = (await client.get("/graphql", headers=HTML)).text
        missing = await client.get(f"/graphql/assets/{assets_in(cdn_page())[0].local_path}")
    assert "https://unpkg.com/graphiql@" in page
    assert "/graphql/assets/" not in page
    assert missing.status_code == 404


def test_status_tells_complete_from_missing(
    playground_assets: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["playground", "status", "--dir", str(playground_assets)]) == 0
    assert "complete" in capsys.readouterr().out
    assert main(["playground", "status", "--dir", str(tmp_path)]) == 1
    assert assets_in(cdn_page())[0].local_path in capsys.readouterr().out
