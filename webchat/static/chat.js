// The chat page. Plain JavaScript, no build step; everything it loads comes from /chat.
// Text from anyone, practitioner or assistant, goes into the page as textContent only:
// it is never read as HTML.
"use strict";

(() => {
  const API = "/chat";
  const KEY = "supervision-chat-secret";
  const $ = (id) => document.getElementById(id);
  const log = $("log"), form = $("composer"), input = $("message"), typing = $("typing");
  const problem = $("problem"), progress = $("progress"), record = $("record"), download = $("download");
  const forget = $("forget"), forgetConfirm = $("forget-confirm");
  let busy = false;
  let recordName = null;
  let openQuestion = null; // the id of the question on screen, so a double send is never stored twice

  // A random 128-bit secret, kept in this browser: it is the Rasa sender id, and the
  // only key to this practitioner's conversation and records.
  function secret() {
    let value = localStorage.getItem(KEY);
    if (!/^[0-9a-f]{32}$/.test(value || "")) {
      const bytes = crypto.getRandomValues(new Uint8Array(16));
      value = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
      localStorage.setItem(KEY, value);
    }
    return value;
  }
  const sender = secret();

  // Over this the server takes nothing in; the page says so before sending.
  const MAX_MESSAGE_CHARS = 20000;
  const TOO_LONG = "That message is too long for me to take in one go (the most is 20,000 characters, " +
    "about 3,000 words). Nothing has been sent or saved. Please send it in two or more parts.";
  class TooLong extends Error {}
  class TooFast extends Error {} // 429: the server asks for a moment; what was typed stays in the box

  async function post(path, body) {
    const response = await fetch(API + path, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender, ...body }),
    });
    if (response.status === 413) throw new TooLong((await response.json()).error);
    if (response.status === 429) throw new TooFast((await response.json()).error);
    if (!response.ok) throw new Error(`${path}: ${response.status}`);
    return response.json();
  }

  function addMessage(from, text) {
    const item = document.createElement("div");
    item.className = `message ${from}`;
    const who = document.createElement("span");
    who.className = "who";
    who.textContent = from === "user" ? "You" : "Assistant";
    const body = document.createElement("p");
    body.textContent = text;
    item.append(who, body);
    log.append(item);
    return item;
  }

  function choiceButton(title, onClick) {
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = title;
    button.addEventListener("click", async () => {
      await onClick();
      input.focus(); // the buttons are gone: keep the keyboard in the conversation
    });
    return button;
  }

  // "All that apply": the choices are tick boxes, sent together as one message,
  // "a; b; c", the same words a practitioner could type. Buttons whose payload
  // is a command ("/skip_question") stay buttons.
  function addTickBoxes(group, buttons) {
    const options = buttons.filter((b) => !b.payload.startsWith("/"));
    const fieldset = document.createElement("fieldset");
    fieldset.className = "ticks";
    const legend = document.createElement("legend");
    legend.textContent = "Tick all that apply, then send them (or type your answer)";
    fieldset.append(legend);
    options.forEach(({ title, payload }, index) => {
      const label = document.createElement("label");
      const box = document.createElement("input");
      box.type = "checkbox";
      box.value = payload;
      box.dataset.title = title;
      box.id = `tick-${log.children.length}-${index}`;
      label.htmlFor = box.id;
      label.append(box, document.createTextNode(` ${title}`));
      fieldset.append(label);
    });
    group.append(fieldset, choiceButton("Send the ticked choices", async () => {
      const ticked = Array.from(fieldset.querySelectorAll("input:checked"));
      if (!ticked.length) {
        problem.textContent = "Tick at least one, or type your answer in the message box.";
        return;
      }
      await send(ticked.map((box) => box.value).join("; "), ticked.map((box) => box.dataset.title).join("; "));
    }));
    return buttons.filter((b) => b.payload.startsWith("/"));
  }

  function addChoices(buttons, multi) {
    const group = document.createElement("div");
    group.className = multi ? "choices multi" : "choices";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "Choices");
    if (multi) buttons = addTickBoxes(group, buttons);
    for (const { title, payload } of buttons) group.append(choiceButton(title, () => send(payload, title)));
    log.append(group);
  }

  // Show messages (and their buttons), the progress line and the record link.
  function show({ messages, progress: line, record: name, file_kind: kind }) {
    for (const message of messages) {
      if (message.from === "bot") openQuestion = message.question || null; // sent back with the answer
      if (message.text) addMessage(message.from, message.text);
      if (message.buttons && message.buttons.length) addChoices(message.buttons, message.multi === true);
    }
    progress.textContent = line || "";
    progress.hidden = !line;
    recordName = name || null;
    record.hidden = !recordName;
    const what = kind === "pack" ? "the workshop pack" : "the record";
    if (recordName) download.textContent = `Download ${what} (${recordName})`;
    log.scrollTop = log.scrollHeight;
  }

  function setBusy(value) {
    busy = value;
    form.dataset.state = value ? "busy" : "ready";
    typing.textContent = value ? "The assistant is writing a reply" : "";
  }

  // Send a message; `shown` is what the practitioner sees (a button's title, not its payload).
  async function send(text, shown = text) {
    if (busy || !text.trim()) return false;
    if (text.length > MAX_MESSAGE_CHARS) {
      problem.textContent = TOO_LONG; // what was typed stays in the box
      return false;
    }
    for (const group of log.querySelectorAll(".choices")) group.remove();
    problem.textContent = "";
    const mine = addMessage("user", shown);
    log.scrollTop = log.scrollHeight;
    setBusy(true);
    try {
      const body = shown === text ? { message: text } : { message: text, shown };
      if (openQuestion) body.question = openQuestion;
      show(await post("/webhook", body));
      return true;
    } catch (error) {
      mine.remove();
      problem.textContent = error instanceof TooLong ? (error.message || TOO_LONG)
        : error instanceof TooFast ? error.message
        : "Your message couldn't be sent. Check your connection and try again.";
      return false;
    } finally {
      setBusy(false);
    }
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const text = input.value;
    if (!text.trim() || busy) return; // empty messages are not sent
    input.value = "";
    if (!(await send(text)) && !input.value) input.value = text; // keep what was typed
  });

  input.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });

  // The record comes with the secret in a header, so it never appears in an address.
  download.addEventListener("click", async () => {
    problem.textContent = "";
    const response = await fetch(`${API}/record/${encodeURIComponent(recordName)}`, {
      headers: { "X-Chat-Secret": sender },
    }).catch(() => null);
    if (!response || !response.ok) {
      problem.textContent = "The file couldn't be downloaded. Try again, or ask your administrator.";
      return;
    }
    const url = URL.createObjectURL(await response.blob());
    const link = document.createElement("a");
    link.href = url;
    link.download = recordName;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60000);
  });

  // "Forget this conversation": after a confirmation, this browser's copy and its secret
  // are cleared and the page starts afresh with a new secret. Nothing is deleted on the
  // server: saved records stay there under the retention rules.
  function askToForget(open) {
    forgetConfirm.hidden = !open;
    forget.setAttribute("aria-expanded", String(open));
    (open ? $("forget-yes") : forget).focus();
  }
  forget.addEventListener("click", () => askToForget(forgetConfirm.hidden));
  $("forget-no").addEventListener("click", () => askToForget(false));
  $("forget-yes").addEventListener("click", () => {
    localStorage.removeItem(KEY);
    log.replaceChildren();
    record.hidden = true;
    location.reload();
  });

  // On load: the conversation so far (a reload or a new connection carries on), or a greeting.
  async function start() {
    setBusy(true);
    try {
      const history = await post("/history", {});
      if (history.messages.length) {
        show(history);
      } else {
        setBusy(false);
        await send("/greet", "Hello");
      }
    } catch (error) {
      problem.textContent = "The assistant can't be reached at the moment. Reload the page to try again.";
    } finally {
      setBusy(false);
    }
  }

  start();
})();
