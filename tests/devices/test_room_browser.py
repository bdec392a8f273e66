"""The room page in a real browser (headless Chromium through Playwright, the system's
chromium): the trainer types the code, sees the room's view, and the projector's keys
work (F2 pauses and resumes, F6 skips, F4 undoes). The server runs on 127.0.0.1 on its
own thread, as beside the projector's loop. Under CI (``CI=true``) a missing browser
fails the test; elsewhere it is skipped with the reason.
"""

from __future__ import annotations

import os
import shutil

import pytest

from game.devices.codes import codes_for
from game.devices.running import ServerThread
from game.devices.server import DeviceServer
from game.session.workshop import Seat, Workshop
from tests.helpers import TUTORIAL

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
WAIT = 5000  # ms a page may take to show a change


def _needs_browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        sync_playwright = None
    missing = "" if CHROMIUM and sync_playwright else "headless Chromium and Playwright"
    if missing and os.environ.get("CI") == "true":
        pytest.fail(f"{missing} are needed under CI")
    if missing:
        pytest.skip(f"{missing} are needed (.ci/run installs chromium)")
    return sync_playwright


def test_the_trainer_opens_the_room_page_and_its_keys_work(tmp_path):
    sync_playwright = _needs_browser()
    seats = [Seat("library", "Team Red", device=True), Seat("cafe", "Team Blue", device=True)]
    workshop = Workshop.start(TUTORIAL, 3, seats, tmp_path)
    assert workshop.session.path is not None
    codes = codes_for(workshop.session.path, ["library", "cafe"])
    thread = ServerThread(DeviceServer(workshop, codes), "127.0.0.1", 0)
    port = thread.start()
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            page = browser.new_page(viewport={"width": 1280, "height": 720})
            page.goto(f"http://127.0.0.1:{port}/room")
            assert codes.trainer not in page.url
            page.fill("#code", "AAAAA-AAAAA")
            page.press("#code", "Enter")
            page.wait_for_selector("#status.bad", timeout=WAIT)
            assert page.is_hidden("#room")
            page.fill("#code", codes.trainer)
            page.press("#code", "Enter")
            page.wait_for_selector("#room:not([hidden])", timeout=WAIT)
            assert "Team Red" in page.inner_text("#turn")
            assert codes.trainer not in page.content()
            page.keyboard.press("F2")
            page.wait_for_selector(".turn.paused", timeout=WAIT)
            assert workshop.state.paused
            page.keyboard.press("F2")
            page.wait_for_selector(".turn:not(.paused)", timeout=WAIT)
            page.keyboard.press("F6")
            page.locator("#turn", has_text="Team Blue").wait_for(timeout=WAIT)  # no eval: CSP
            assert workshop.state.current_role == "cafe"
            page.keyboard.press("F4")
            page.locator("#turn", has_text="Team Red").wait_for(timeout=WAIT)  # no eval: CSP
            assert workshop.state.current_role == "library"
            page.click("[data-lang=da]")
            assert "Det er Team Red" in page.inner_text("#turn")
            browser.close()
    finally:
        thread.stop()
    assert thread.server.errors == 0


def test_the_trainer_admits_a_phone_with_ctrl_y_and_removes_it_from_the_devices_panel(tmp_path):
    sync_playwright = _needs_browser()
    seats = [Seat("library", "Team Red", device=True), Seat("cafe", "Team Blue", device=True)]
    workshop = Workshop.start(TUTORIAL, 3, seats, tmp_path)
    assert workshop.session.path is not None
    codes = codes_for(workshop.session.path, ["library", "cafe"])
    thread = ServerThread(DeviceServer(workshop, codes), "127.0.0.1", 0)
    port = thread.start()
    server = thread.server
    try:
        with sync_playwright() as driver:
            browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
            room = browser.new_page(viewport={"width": 1280, "height": 720})
            room.goto(f"http://127.0.0.1:{port}/room")
            room.fill("#code", codes.trainer)
            room.press("#code", "Enter")
            room.wait_for_selector("#room:not([hidden])", timeout=WAIT)
            assert room.is_hidden("#ask")
            phone = browser.new_context().new_page()  # a phone of its own (its own storage)
            phone.goto(f"http://127.0.0.1:{port}/")
            phone.click("[data-key=team-cafe]", timeout=WAIT)
            room.locator("#ask-team", has_text="Team Blue").wait_for(timeout=WAIT)
            room.keyboard.press("Control+y")
            room.wait_for_selector("#ask", state="hidden", timeout=WAIT)
            assert thread.call(server.connected) == {"cafe": 1}
            room.keyboard.press("Control+j")
            room.wait_for_selector("#devices:not([hidden])", timeout=WAIT)
            room.locator("#device-list", has_text="Team Blue: 1 connected").wait_for(timeout=WAIT)
            room.click("#device-list .remove")
            room.locator("#device-list", has_text="Team Blue: 0 connected").wait_for(timeout=WAIT)
            assert thread.call(server.connected) == {}
            assert codes.trainer not in room.content()
            browser.close()
    finally:
        thread.stop()
    assert thread.server.errors == 0
