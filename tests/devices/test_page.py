"""The phone page: served from the package's static folder only, small, no CDN."""

from __future__ import annotations

import asyncio
import json
import re
import shutil

from game.devices.pagewords import page_ids, strings_js
from game.devices.server import HEADERS, STATIC
from game.i18n_check import check
from game.ui.i18n import LOCALE_DIR
from game.ui.locale import extract
from tests.devices.harness import run, table
from tests.helpers import TUTORIAL

#: requests a curious participant might type: none may reach a file outside static/
TRAVERSALS = [
    "/static/../codes.py",
    "/static/..%2Fcodes.py",
    "/static/%2e%2e%2fcodes.py",
    "/static/%2E%2E/server.py",
    "/static/..%5cserver.py",
    "/static/%252e%252e%252fserver.py",
    "/../game/devices/server.py",
    "/%2e%2e/%2e%2e/pyproject.toml",
    "/static/../../../pyproject.toml",
    "/static//etc/passwd",
    "/static/%2Fetc%2Fpasswd",
    "/static/",
    "/static/.",
    "/static/..",
    "/static/__init__.py",
    "/static/app.js%00.py",
    "/game/devices/server.py",
    "/pyproject.toml",
    "/ws/../pyproject.toml",
]


async def raw_get(port: int, path: str) -> tuple[int, bytes]:
    """GET ``path`` exactly as written (no client tidies it first)."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".encode())
    await writer.drain()
    answer = await reader.read()
    writer.close()
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split()[1]), body


def test_the_page_and_its_files_are_served(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            status, body = await raw_get(here.port, "/")
            assert status == 200 and b"<html" in body and b"/static/app.js" in body
            for name in ("app.js", "app.css"):
                status, body = await raw_get(here.port, f"/static/{name}")
                assert status == 200 and body == (STATIC / name).read_bytes()
            # the words come from the screens' own table, made when the server starts
            status, body = await raw_get(here.port, "/static/strings.js")
            assert status == 200 and body == strings_js().encode("utf-8")
            assert "Jeres holds kode" in body.decode("utf-8")

    run(story)


def test_no_file_outside_the_static_folder_is_served(tmp_path):
    secrets = [b"import ", b"[project]", b"root:", b"def "]

    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            answers = {path: await raw_get(here.port, path) for path in TRAVERSALS}
            save = here.workshop.session.path
            assert save is not None
            answers["/" + save.name] = await raw_get(here.port, "/" + save.name)
            return answers

    for path, (status, body) in run(story).items():
        assert status in (400, 403, 404), (path, status)
        assert not any(secret in body for secret in secrets), path


def test_the_whole_page_weighs_at_most_200_kb(tmp_path):
    async def story():
        async with table(TUTORIAL, tmp_path) as here:
            total = len((await raw_get(here.port, "/"))[1])
            for name in ("app.js", "app.css", "strings.js"):
                total += len((await raw_get(here.port, f"/static/{name}"))[1])
            return total

    total = run(story)
    print(f"page weight: {total} bytes")
    assert 10 * 1024 < total <= 200 * 1024


def test_the_page_is_small_plain_and_has_no_cdn():
    files = [path for path in STATIC.iterdir() if path.is_file()]
    assert sum(path.stat().st_size for path in files) < 200 * 1024
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"(src|href)\s*=\s*[\"']?(https?:)?//", text), path
        assert "import(" not in text and "@import" not in text, path


def test_the_page_runs_no_inline_script():
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts and all('src="/static/' in attrs and not body.strip() for attrs, body in scripts)
    assert not re.search(r"\son\w+\s*=", page)  # no onclick="…": the CSP would stop it
    policy = HEADERS["Content-Security-Policy"]
    assert "default-src 'self'" in policy and "unsafe" not in policy


def test_every_word_of_the_page_has_its_danish_in_the_screens_table():
    ids = page_ids()
    assert len(ids) > 60 and "Your team's code" in ids and "Propose this deal" in ids
    table = json.loads((LOCALE_DIR / "da.json").read_text(encoding="utf-8"))
    assert [key for key in ids if key not in table] == []
    assert set(ids) <= set(extract.message_ids())  # the screens' check counts them
    assert extract.main(["--check"]) == 0
    words = json.loads(strings_js().split("=", 1)[1].strip().rstrip(";"))["da"]
    assert set(words) == set(ids) and words["Your turn"] == "Jeres tur"


def test_a_new_word_on_the_page_without_its_danish_fails_the_check(tmp_path):
    for name in ("index.html", "app.js"):
        shutil.copy(STATIC / name, tmp_path / name)
    script = tmp_path / "app.js"
    script.write_text(
        script.read_text(encoding="utf-8") + '\nt("A sentence nobody has translated");\n',
        encoding="utf-8",
    )
    table = json.loads((LOCALE_DIR / "da.json").read_text(encoding="utf-8"))
    problems = check(page_ids(tmp_path), table)
    assert "missing: 'A sentence nobody has translated'" in problems


def test_the_page_is_made_for_a_narrow_phone(width: int = 360):
    page = (STATIC / "index.html").read_text(encoding="utf-8")
    assert 'name="viewport" content="width=device-width, initial-scale=1"' in page
    css = (STATIC / "app.css").read_text(encoding="utf-8")
    assert "min-height: 44px" in css  # targets a finger can hit
    widths = [int(w) for w in re.findall(r"(?<![-\w])width:\s*(\d+)px", css)]
    assert all(w <= width for w in widths)
