"""GraphiQL in a real headless Chromium, with every CDN blocked: the offline playground works.

Chromium is Debian's (/usr/bin/chromium); Playwright only drives it (no `playwright install`).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator, Iterator
from datetime import date
from pathlib import Path

import httpx
import pytest
import pytest_asyncio
from graphql import parse, print_ast
from playwright.async_api import Browser, Page, Route, async_playwright

from api.playground.assets import ENV_VAR
from db.migrations import upgrade
from db.session import create_engine, create_sessionmaker
from tests.builders.claims import make_article, make_claim
from tests.e2e.server import Server, running_server
from tests.live.graphql_ws import set_verification

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
SCREENSHOT = Path("test-artifacts/playground.png")
QUERY = "{ timeline(first: 50) { totalCount edges { node { id kind text } } } }"
CLAIM_TEXT = "Kyiv will be retaken by September, the minister said."
EDITOR = ".graphiql-query-editor .CodeMirror"
RESPONSE = ".graphiql-response .CodeMirror"
PARSE_DEBOUNCE_MS = 500
LIVE = "subscription { verificationChanged { claimId verification { status verifiedBy } } }"


async def seeded_database(path: Path) -> str:
    """A migrated SQLite file with one prediction (not empty, so the server loads no seeds)."""
    url = f"sqlite+aiosqlite:///{path}"
    await upgrade(url)
    engine = create_engine(url)
    async with create_sessionmaker(engine)() as session, session.begin():
        article = await make_article(session, published_at=date(2022, 7, 28))
        await make_claim(session, article, kind="PREDICTION", text=CLAIM_TEXT)
    await engine.dispose()
    return url


@pytest_asyncio.fixture(scope="module")
async def database(tmp_path_factory: pytest.TempPathFactory) -> str:
    return await seeded_database(tmp_path_factory.mktemp("playground") / "playground.db")


@pytest.fixture(scope="module")
def server(database: str, playground_assets: Path) -> Iterator[Server]:
    with running_server(database, **{ENV_VAR: str(playground_assets)}) as server:
        yield server


@pytest_asyncio.fixture(scope="module")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        await browser.close()


async def offline_page(browser: Browser, base_url: str, refused: list[str]) -> Page:
    """A page that may reach only our server; anything else is aborted and recorded."""
    page = await browser.new_page(viewport={"width": 1400, "height": 800})

    async def only_local(route: Route) -> None:
        url = route.request.url
        if url.startswith((base_url + "/", "data:")):
            await route.continue_()
        else:
            refused.append(url)
            await route.abort()

    await page.route("**/*", only_local)
    return page


async def run_in_graphiql(page: Page, base_url: str, query: str) -> None:
    """Open the playground, put `query` in the editor and press the run button."""
    await page.goto(f"{base_url}/graphql")
    await page.wait_for_selector(EDITOR, timeout=20_000)
    await page.evaluate(
        "([selector, query]) => document.querySelector(selector).CodeMirror.setValue(query)",
        [EDITOR, print_ast(parse(query))],  # laid out on lines, as a person would
    )
    # GraphiQL parses the editor on a debounce; it picks websocket or HTTP from that parse.
    await page.wait_for_timeout(PARSE_DEBOUNCE_MS)
    await page.click(".graphiql-execute-button")


async def response_text(page: Page) -> str:
    return str(
        await page.evaluate(
            "selector => document.querySelector(selector)?.CodeMirror.getValue() ?? ''", RESPONSE
        )
    )


async def test_graphiql_runs_the_timeline_query_offline(browser: Browser, server: Server) -> None:
    refused: list[str] = []
    errors: list[str] = []
    page = await offline_page(browser, server.base_url, refused)
    page.on("pageerror", lambda exc: errors.append(str(exc)))

    await run_in_graphiql(page, server.base_url, QUERY)
    await page.wait_for_function(
        "sel => document.querySelector(sel)?.CodeMirror.getValue().includes('totalCount')",
        arg=RESPONSE,
        timeout=20_000,
    )
    shown = await response_text(page)
    SCREENSHOT.parent.mkdir(exist_ok=True)
    await page.screenshot(path=str(SCREENSHOT))

    timeline = json.loads(shown)["data"]["timeline"]
    assert timeline["totalCount"] == 1
    assert timeline["edges"][0]["node"]["kind"] == "PREDICTION"
    assert timeline["edges"][0]["node"]["text"] == CLAIM_TEXT
    assert await page.locator(".graphiql-response").inner_text() != ""
    assert refused == []  # nothing tried to leave the machine: no CDN, no fonts, no telemetry
    assert errors == []


async def test_graphiql_shows_a_verdict_live_over_its_websocket(
    browser: Browser, server: Server
) -> None:
    refused: list[str] = []
    page = await offline_page(browser, server.base_url, refused)
    await run_in_graphiql(page, server.base_url, LIVE)

    assert server.admin_token is not None
    claim_id = await first_claim_id(server)
    shown = ""
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        for revision in range(10):  # a subscription has no ack: retry until one is shown
            await set_verification(http, server.admin_token, claim_id, revision, "CONFIRMED")
            await asyncio.sleep(1)
            shown = await response_text(page)
            if "verificationChanged" in shown:
                break
    await page.screenshot(path=str(SCREENSHOT.with_name("playground-subscription.png")))

    change = json.loads(shown)["data"]["verificationChanged"]
    assert change["claimId"] == claim_id
    assert change["verification"]["status"] == "CONFIRMED"
    assert change["verification"]["verifiedBy"] == "admin"
    assert refused == []


async def first_claim_id(server: Server) -> str:
    async with httpx.AsyncClient(base_url=server.base_url) as http:
        body = (await http.post("/graphql", json={"query": QUERY})).json()
    return str(body["data"]["timeline"]["edges"][0]["node"]["id"])
