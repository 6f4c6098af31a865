"""The chat page in a real browser (Debian's headless Chromium, driven by Playwright)
against the real Rasa and action servers.

Without /usr/bin/chromium these tests are skipped on a developer's machine (`make browser`
installs it) and fail in CI, where a missing browser must never pass unnoticed.
"""
from __future__ import annotations

import http.client
import os
import re
import secrets
from pathlib import Path
from typing import Dict, List, Optional

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page, sync_playwright

from rasa.shared.core.events import ActionExecuted, BotUttered, UserUttered
from tests.session_driver import answer_for, docx_text, latest_saved
from tests.servers import core_reading
from webchat.channel import collected, transcript

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
TYPED_HTML = "<img src=x onerror=alert(1)><script>alert(2)</script>"
pytestmark = pytest.mark.servers


def need_chromium() -> None:
    if CHROMIUM.exists():
        return
    why = f"{CHROMIUM} is missing: `make browser` installs Debian's chromium."
    if os.environ.get("CI") == "true":
        pytest.fail(why)
    pytest.skip(why)


@pytest.fixture(scope="session")  # the servers' scope, so that it comes first
def chromium():
    need_chromium()  # asked for before the servers: no minute spent starting them without a browser


@pytest.fixture(scope="module")
def web_servers(chromium, servers):
    """The run's shared pair (every page here has a sender of its own), once Chromium is known to be there."""
    return servers


@pytest.fixture(scope="module")
def browser(web_servers):
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


class Chat:
    """The page as a practitioner uses it: type and press Enter, or press a button."""

    def __init__(self, page: Page, port: int):
        self.page, self.port = page, port
        self.dialogs: List[str] = []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.set_default_timeout(120_000)  # a 20,000-character message takes NLU a few seconds

    def open(self) -> "Chat":
        self.page.goto(f"http://127.0.0.1:{self.port}/chat")
        self.page.wait_for_selector('#composer[data-state="ready"]')
        return self

    def reload(self) -> None:
        self.page.reload()
        self.page.wait_for_selector('#composer[data-state="ready"]')

    def _after(self, act) -> str:
        """Do something that sends a message; wait for the reply; return its text."""
        count = self.page.locator(".message").count()
        act()
        self.page.wait_for_function(
            "n => document.querySelector('#composer').dataset.state === 'ready'"
            " && document.querySelectorAll('.message').length > n + 1", arg=count)
        return self.last_reply()

    def say(self, text: str) -> str:
        self.page.fill("#message", text)
        return self._after(lambda: self.page.press("#message", "Enter"))

    def choose(self, title: str) -> str:
        return self._after(lambda: self.choice(title).click())

    def choice(self, title: str):
        return self.page.locator(".choices button").filter(
            has_text=re.compile(rf"^{re.escape(title)}$", re.IGNORECASE))

    def messages(self) -> List[Dict[str, str]]:
        return self.page.eval_on_selector_all(".message", """items => items.map(item => ({
            from: item.classList.contains('user') ? 'user' : 'bot',
            text: item.querySelector('p').textContent}))""")

    def said(self) -> List[str]:
        return [m["text"] for m in self.messages() if m["from"] == "user"]

    def last_reply(self) -> str:
        messages = self.messages()
        last_user = max((i for i, m in enumerate(messages) if m["from"] == "user"), default=-1)
        return "\n".join(m["text"] for m in messages[last_user + 1:])

    def progress(self) -> str:
        line = self.page.locator("#progress")
        return line.text_content() if line.is_visible() else ""

    def sender(self) -> str:
        return self.page.evaluate("localStorage.getItem('supervision-chat-secret')")


@pytest.fixture
def chat(browser, web_servers):
    context = browser.new_context(viewport={"width": 1000, "height": 800}, accept_downloads=True)
    yield Chat(context.new_page(), web_servers.rasa_port)
    context.close()


def answer_current_question(chat: Chat, core, answer: Optional[str] = None) -> tuple:
    """Answer what is asked now, by its button when one says exactly the answer."""
    step = core.current_step(chat.sender())
    answer = answer or answer_for(step.key)
    if chat.choice(answer).count() == 1:
        return step.key, answer, chat.choose(answer)
    return step.key, answer, chat.say(answer)


def download_status(port: int, path: str, secret: Optional[str]) -> http.client.HTTPResponse:
    """A raw request, so that paths with `..` reach the server exactly as written."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    connection.request("GET", path, headers={"X-Chat-Secret": secret} if secret else {})
    response = connection.getresponse()
    response.body = response.read()
    connection.close()
    return response


def test_the_history_shows_button_titles_and_only_the_last_replys_buttons():
    reflect, skip = {"title": "Reflect", "payload": "/start"}, {"title": "Skip", "payload": "/skip_question"}
    events = [UserUttered("/greet", metadata={"shown": "Hello"}), ActionExecuted("utter_greet"),
              BotUttered("What would you like to do?", {"buttons": [reflect]}),
              UserUttered("<b>typed</b>"), BotUttered("Your name?", {"buttons": [skip]}),
              BotUttered(None, {})]
    assert transcript(events) == [
        {"from": "user", "text": "Hello"},
        {"from": "bot", "text": "What would you like to do?"},
        {"from": "user", "text": "<b>typed</b>"},
        {"from": "bot", "text": "Your name?", "buttons": [skip]},
    ]


def test_a_whole_session_in_the_browser_gives_a_downloaded_record_with_every_answer(chat, web_servers,
                                                                                      tmp_path):
    core = core_reading(web_servers)
    chat.open()
    assert "999" in chat.last_reply()
    assert len(chat.sender()) == 32
    reply = chat.choose("Reflect on a case")
    sent, progress_lines = {}, set()
    for _ in range(120):
        if "Say save to write the record" in reply:
            break
        step = core.current_step(chat.sender())
        assert step.prompt.split("\n")[0][:40] in reply or step.kind == "themes", reply
        key, answer, reply = answer_current_question(chat, core)
        sent[key] = answer
        progress_lines.add(chat.progress())
    else:
        pytest.fail("The session did not reach the summary")
    assert any(re.fullmatch(r"Question \d+ of \d+", line) for line in progress_lines)
    assert any(re.fullmatch(r"Theme \d of \d, question \d+ of \d+", line) for line in progress_lines)
    assert chat.progress() == "Review and save"

    assert "saved as" in chat.choose("Save the record")
    record = latest_saved(core.store, chat.sender(), "record")
    link = chat.page.locator("#download")
    assert link.is_visible() and record.name in link.text_content()
    with chat.page.expect_download() as info:
        link.click()
    assert info.value.suggested_filename == record.name
    downloaded = tmp_path / record.name
    info.value.save_as(downloaded)
    text = docx_text(downloaded)
    for key, answer in sent.items():
        assert answer in text, f"{key} missing from the downloaded record"
    (ROOT / "results").mkdir(exist_ok=True)
    chat.page.mouse.move(0, 0)  # no hover colour on the last button pressed
    chat.page.screenshot(path=str(ROOT / "results" / "web-session.png"))


def test_a_reload_mid_session_keeps_the_conversation_and_it_carries_on(chat, web_servers):
    core = core_reading(web_servers)
    chat.open().choose("Reflect on a case")
    answer_current_question(chat, core)
    before, progress = chat.messages(), chat.progress()
    assert {"from": "user", "text": "Reflect on a case"} in before  # a button's title, not its payload

    chat.reload()
    assert chat.messages() == before
    assert chat.progress() == progress
    assert chat.choice("Skip").count() == 1  # the last reply's buttons are back too

    # The session carries on, and a long answer (20,000 characters) is taken whole.
    step = core.current_step(chat.sender())
    long_answer = ("We talked about what has changed for the family since the last plan. " * 300)[:20_000]
    reply = chat.say(long_answer)
    assert core.current_step(chat.sender()).key != step.key
    assert core.current_step(chat.sender()).prompt.split("\n")[0][:40] in reply
    with core.store.transaction() as db:
        assert core.store.current(db, chat.sender()).answer(step.key).text == long_answer
    chat.reload()
    assert {"from": "user", "text": long_answer} in chat.messages()


def test_no_serious_or_critical_accessibility_problems(chat, web_servers):
    axe = Axe()

    def check(where: str) -> None:
        violations = axe.run(chat.page).response["violations"]
        bad = [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']]}"
               for v in violations if v["impact"] in ("serious", "critical")]
        assert not bad, f"{where}: {bad}"

    chat.open()
    check("greeting with buttons")
    chat.choose("Reflect on a case")
    chat.say("Sam Example")
    check("in a session, with the progress line and a Skip button")
    chat.say("save")
    check("with the record's download button")


def test_typed_html_is_shown_as_text_and_never_run(chat, web_servers):
    chat.open().choose("Reflect on a case")
    chat.say(TYPED_HTML)  # as the practitioner's name
    assert chat.said()[-1] == TYPED_HTML
    assert TYPED_HTML in chat.say("change")  # the assistant echoes it back in the list of answers
    assert chat.page.locator("#log img, #log script").count() == 0
    chat.page.wait_for_timeout(500)
    assert chat.dialogs == []


def test_a_record_downloads_only_for_the_session_that_made_it(browser, web_servers):
    port, pages = web_servers.rasa_port, []
    for _ in range(2):  # two practitioners, each in their own browser session, each saves a record
        context = browser.new_context()
        chat = Chat(context.new_page(), port).open()
        chat.choose("Reflect on a case")
        chat.say("Sam Example")
        assert "Saved what you have so far" in chat.say("save")
        pages.append((context, chat.sender(), chat.page.locator("#download").text_content()))
    (context_a, a, link_a), (context_b, b, _) = pages
    name_a = latest_saved(core_reading(web_servers).store, a, "record").name
    name_b = latest_saved(core_reading(web_servers).store, b, "record").name
    assert name_a in link_a and name_a != name_b

    mine = download_status(port, f"/chat/record/{name_a}", a)
    assert mine.status == 200 and mine.body.startswith(b"PK")
    assert mine.getheader("Content-Type") == DOCX
    assert mine.getheader("Content-Disposition") == f'attachment; filename="{name_a}"'

    refused = [
        (f"/chat/record/{name_a}", b),  # another session's secret
        (f"/chat/record/{name_b}", a),
        (f"/chat/record/{name_a}", secrets.token_hex(16)),  # a secret nobody has
        (f"/chat/record/{name_a}", None),
        (f"/chat/record/{name_a}?secret={a}", None),  # never in the address
        (f"/chat/record/../records/{name_a}", a),
        (f"/chat/record/..%2F{name_a}", a),
        ("/chat/record/..%2F..%2Fassistant.db", a),
        (f"/chat/record/%2e%2e/{name_a}", a),
        ("/chat/record/assistant.db", a),  # any other file
        ("/chat/record/rasa.log", a),
        ("/chat/record/", a),
    ]
    for path, secret in refused:
        assert download_status(port, path, secret).status == 404, (path, secret)
    for context, *_ in pages:
        context.close()


def test_a_workshop_pack_downloads_from_the_page_too(chat, web_servers):
    chat.open()
    chat.say("run a practice workshop")
    for answer in ("90 minutes", "experienced", "yes", "start"):
        chat.say(answer)
    chat.say("An invented point from the group")
    assert "pack" in chat.say("save the pack").lower()
    link = chat.page.locator("#download")
    assert link.is_visible() and link.text_content().startswith("Download the workshop pack (")
    with chat.page.expect_download() as download:
        link.click()
    path = download.value.path()
    assert "An invented point from the group" in docx_text(Path(path))
    name = link.text_content().split("(", 1)[1].rstrip(")")
    assert download_status(web_servers.rasa_port, f"/chat/record/{name}", chat.sender()).status == 200
    for secret in (secrets.token_hex(16), None):  # another browser, or none: the same 404 as for no file
        assert download_status(web_servers.rasa_port, f"/chat/record/{name}", secret).status == 404


def test_keyboard_alone_reaches_the_message_box_and_the_buttons(chat, web_servers):
    page = chat.open().page
    for _ in range(20):
        if page.evaluate("document.activeElement.id") == "message":
            break
        page.keyboard.press("Tab")
    else:
        pytest.fail("Tab never reached the message box")

    count = len(chat.messages())
    page.keyboard.type("   ")
    page.keyboard.press("Enter")  # an empty message is not sent
    assert len(chat.messages()) == count
    page.fill("#message", "")

    page.keyboard.type("I want to reflect on a case")
    chat._after(lambda: page.keyboard.press("Enter"))
    assert chat.said()[-1] == "I want to reflect on a case"

    page.keyboard.press("Shift+Tab")  # back from the message box to the last reply's buttons
    focused = page.evaluate("""() => { const el = document.activeElement, style = getComputedStyle(el);
        return {text: el.textContent, choice: !!el.closest('.choices'), ring: style.boxShadow}; }""")
    assert focused["choice"] and focused["text"] == "Skip"
    assert focused["ring"] != "none"  # focus is visible
    assert "Skipped" in chat._after(lambda: page.keyboard.press("Enter"))
    assert chat.said()[-1] == "Skip"
    assert page.evaluate("document.activeElement.id") == "message"  # back in the message box


def test_a_message_that_cannot_be_sent_stays_in_the_box_to_send_again(chat, web_servers):
    page = chat.open().page
    count = len(chat.messages())
    page.route("**/chat/webhook", lambda route: route.abort())  # the connection drops
    page.fill("#message", "I want to reflect on a case")
    page.press("#message", "Enter")
    page.wait_for_selector("#problem:not(:empty)")
    assert "couldn't be sent" in page.locator("#problem").text_content()
    assert len(chat.messages()) == count
    assert page.input_value("#message") == "I want to reflect on a case"

    page.unroute("**/chat/webhook")  # back again: the same words go through
    assert "what name should go on the record" in chat._after(lambda: page.press("#message", "Enter"))
    assert page.locator("#problem").text_content() == ""


# ----- tick boxes, "Forget this conversation", a phone's width ------------------------------


def answer_until(chat: Chat, core, key: str) -> str:
    """Answer each question in turn until `key` is the one asked; return the last reply."""
    reply = chat.last_reply()
    for _ in range(20):
        if core.current_step(chat.sender()).key == key:
            return reply
        _, _, reply = answer_current_question(chat, core)
    pytest.fail(f"{key} was never asked")


def ticks(chat: Chat):
    return chat.page.locator(".choices .ticks input[type=checkbox]")


def tick(chat: Chat, label: str) -> None:
    chat.page.get_by_label(label, exact=True).check()


def test_all_that_apply_questions_have_tick_boxes_and_can_still_be_typed(chat, web_servers):
    core = core_reading(web_servers)
    chat.open().choose("Reflect on a case")
    answer_until(chat, core, "case.concerns")
    assert ticks(chat).count() == len(core.current_step(chat.sender()).choices)
    assert chat.choice("Skip").count() == 1  # a command stays a button

    chat.page.get_by_role("button", name="Send the ticked choices").click()  # nothing ticked yet
    assert "Tick at least one" in chat.page.locator("#problem").text_content()
    assert core.current_step(chat.sender()).key == "case.concerns"

    tick(chat, "Domestic abuse")
    tick(chat, "A parent's self-neglect or care needs")
    reply = chat._after(lambda: chat.choice("Send the ticked choices").click())
    assert chat.said()[-1] == "Domestic abuse; A parent's self-neglect or care needs"  # one message
    assert "Noted: Domestic abuse; A parent's self-neglect or care needs." in reply
    with core.store.transaction() as db:
        answer = core.store.current(db, chat.sender()).answer("case.concerns")
    assert answer.value == ["domestic_abuse", "parental_self_neglect"]

    # the next "all that apply" question: typed instead, as before
    assert core.current_step(chat.sender()).key == "case.agencies" and ticks(chat).count() > 0
    assert "Noted: Police; Education." in chat.say("police and education")
    assert ticks(chat).count() == 0  # the tick boxes went with that question

    chat.reload()  # a reload shows the same words, and no stale tick boxes
    assert "Domestic abuse; A parent's self-neglect or care needs" in chat.said()
    assert ticks(chat).count() == 0


def test_forget_this_conversation_clears_this_browser_after_asking(chat, web_servers):
    core = core_reading(web_servers)
    page = chat.open().page
    chat.choose("Reflect on a case")
    chat.say("Sam Example")
    first = chat.sender()

    page.get_by_role("button", name="Forget this conversation").click()
    assert page.locator("#forget-confirm").is_visible()
    page.get_by_role("button", name="No, keep it").click()  # changed their mind: nothing is cleared
    assert not page.locator("#forget-confirm").is_visible()
    assert chat.sender() == first and "Sam Example" in chat.said()

    page.get_by_role("button", name="Forget this conversation").click()
    with page.expect_navigation():
        page.get_by_role("button", name="Yes, forget it").click()
    page.wait_for_selector('#composer[data-state="ready"]')
    page.wait_for_function("document.querySelectorAll('.message.bot').length > 0")
    assert chat.sender() != first and len(chat.sender()) == 32  # a new secret
    assert "Sam Example" not in chat.said() and "999" in chat.last_reply()  # a fresh greeting

    chat.reload()  # and it stays forgotten
    assert "Sam Example" not in chat.said()
    assert core.has_active_session(first)  # the server keeps what was saved, under retention


def test_at_a_phones_width_everything_fits_and_passes_axe(browser, web_servers):
    context = browser.new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True)
    chat = Chat(context.new_page(), web_servers.rasa_port)
    core = core_reading(web_servers)
    chat.open().choose("Reflect on a case")
    answer_until(chat, core, "case.concerns")
    page = chat.page
    tick(chat, "Neglect")
    page.get_by_role("button", name="Forget this conversation").click()  # the confirmation, open
    wider = page.evaluate("document.documentElement.scrollWidth")
    assert wider <= 375, f"the page is {wider} px wide at a phone's 375"
    for selector in ("#send", "#message", ".ticks label >> nth=0", "#forget-yes"):
        box = page.locator(selector).bounding_box()
        assert box and box["x"] >= 0 and box["x"] + box["width"] <= 375, selector
    label = page.locator(".ticks label").first.bounding_box()
    assert label["height"] >= 44  # a comfortable target for a finger
    page.get_by_role("button", name="No, keep it").click()
    log = page.locator("#log").bounding_box()
    assert log["height"] >= 0.5 * 740, f"the conversation has {log['height']:.0f} of 740 px"
    composer = page.locator("#composer").bounding_box()
    assert composer["y"] + composer["height"] <= 740  # the message box is on screen, not below it
    page.get_by_role("button", name="Forget this conversation").click()  # open again for axe
    violations = Axe().run(page).response["violations"]
    bad = [f"{v['id']} ({v['impact']})" for v in violations if v["impact"] in ("serious", "critical")]
    assert not bad, bad
    (ROOT / "results").mkdir(exist_ok=True)
    page.screenshot(path=str(ROOT / "results" / "web-phone.png"), full_page=False)
    context.close()


def test_an_all_that_apply_mark_reaches_the_page_with_its_reply():
    """Rasa's collector sends the custom JSON as a message of its own, after the text and buttons."""
    tick, skip = {"title": "Police", "payload": "Police"}, {"title": "Skip", "payload": "/skip_question"}
    raw = [{"text": "Noted."}, {"text": "Which agencies?", "buttons": [tick, skip]}, {"custom": {"multi": True}},
           {"text": "Your name?", "buttons": [skip]}]
    assert collected(raw) == [
        {"from": "bot", "text": "Noted.", "buttons": []},
        {"from": "bot", "text": "Which agencies?", "buttons": [tick, skip], "multi": True},
        {"from": "bot", "text": "Your name?", "buttons": [skip]},
    ]
    # in the tracker the mark is kept with the reply itself; only the latest reply keeps it
    events = [BotUttered("Which agencies?", {"buttons": [tick, skip], "custom": {"multi": True}})]
    assert transcript(events)[-1]["multi"] is True
    assert "multi" not in transcript(events + [UserUttered("Police"), BotUttered("Next?", {})])[0]
