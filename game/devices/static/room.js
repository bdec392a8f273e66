// The room's screen, for a projector: the trainer types the trainer's code (never in the
// address: it would be on the screen and in the browser's history), then the page shows
// the room's view (the public one: nothing any team keeps secret) and the trainer's
// controls, as buttons and as the projector's own keys (F2 pause, F4 undo, F6 skip, F7
// event card, F8 straw poll; Ctrl+Y / Ctrl+N admit or refuse a device asking to join,
// Ctrl+J the teams' devices). The code is kept in memory only, to join again after a
// lost connection; a command is not sent again by itself (an undo must not count twice).
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const store = window.localStorage;
  let lang = store.getItem("otb-lang") || (navigator.language || "en").slice(0, 2);
  if (lang !== "da") lang = "en";
  let device = store.getItem("otb-room-device");
  if (!device) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    device = "room-" + Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    store.setItem("otb-room-device", device);
  }
  let code = ""; // in memory only
  let seq = 0, socket = null, joined = null, view = null, version = -1, retry = 250;
  let timer = null; // {left, running, at}: the round timer, when the server sends one
  let closedPoll = ""; // the poll the trainer closed on this screen (the rules keep it)
  let signedSeen = -1; // agreements shown so far: a new one is the room's moment
  let devices = { asks: [], teams: [], at: 0 }; // the asks waiting and each team's devices
  const pending = new Map(); // seq -> the team an admit/refuse/remove was about

  function t(text, values) {
    const table = (window.STRINGS || {})[lang] || {};
    let out = table[text] || text;
    for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(value);
    return out;
  }
  function status(text, bad) { $("status").textContent = text || ""; $("status").className = bad ? "bad" : ""; }
  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  function translatePage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((node) => { node.textContent = t(node.dataset.t); });
    document.querySelectorAll("[data-lang]").forEach((node) => node.setAttribute("aria-pressed", String(node.dataset.lang === lang)));
    render();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = () => { retry = 250; if (code) hello(); else status(""); };
    socket.onmessage = (event) => receive(JSON.parse(event.data));
    socket.onclose = () => {
      status(t("Connection lost; trying again…"), true);
      setTimeout(connect, retry);
      retry = Math.min(2000, retry * 2);
    };
  }
  function send(message) {
    if (socket && socket.readyState === 1) { socket.send(JSON.stringify(message)); return true; }
    status(t("Not connected; try again in a moment."), true);
    return false;
  }
  function hello() { send({ type: "hello", code: code, device: device, lang: lang }); }
  const sent = new Map(); // seq -> the command's type, to say in this page's words what it did
  function command(body, team) {
    if (!joined) return;
    seq += 1;
    sent.set(seq, body.type);
    if (team !== undefined) pending.set(seq, team);
    send({ type: "trainer", device: device, seq: seq, command: body });
  }
  function done(type, team) {
    return { admit: t("A device of the {team} team joined.", { team: team }),
      refuse: t("A device asking to join as the {team} team was refused.", { team: team }),
      remove: t("A device of the {team} team was removed.", { team: team }), pause: t("The game is paused."), resume: t("The game goes on."), skip: t("The turn was skipped."),
      inject: t("The event card is played."), poll: t("The straw poll is open."),
      undo: t("The last action was undone.") }[type] || "";
  }

  function receive(message) {
    if (message.type === "trainer-welcome") {
      joined = message;
      seq = Math.max(seq, message.acked);
      $("join").hidden = true;
      $("room").hidden = false;
      $("controls").hidden = false;
      $("code").value = "";
      status("");
    } else if (message.type === "room") {
      if (message.version >= version) { version = message.version; view = message.view; render(); }
    } else if (message.type === "devices") {
      devices = { asks: message.asks, teams: message.teams, at: Date.now() };
      renderAsk();
      renderDevices();
    } else if (message.type === "timer") {
      timer = message.left === null ? null : { left: message.left, running: message.running, at: Date.now() };
      renderTimer();
    } else if (message.type === "ack") {
      status(done(sent.get(message.seq), pending.get(message.seq)) || message.message);
      sent.delete(message.seq);
      pending.delete(message.seq);
    } else if (message.type === "refused") {
      if (!joined || message.why === "code" || message.why === "rate-limited") {
        code = ""; joined = null;
        $("join").hidden = false; $("room").hidden = true; $("controls").hidden = true;
        $("ask").hidden = true; $("devices").hidden = true;
      }
      status(message.why === "code" ? t("That is not the trainer's code of this game.") : message.reason, true);
    }
  }

  // -- the room's view ----------------------------------------------------------------
  function names(id) {
    // [the team's own name, the role's name when the team chose another] (Team Red, Museum)
    const role = view && view.roles.find((r) => r.id === id);
    const name = role ? role.name : id;
    const team = joined && joined.teams.find((x) => x.role === id);
    const own = team ? team.team.trim() : "";
    return own && own !== name ? [own, name] : [name, ""];
  }
  function label(id) { return names(id)[0]; } // short: read from the back of the room
  function nameNode(id, className) {
    // the team's own name large, the role's name beside it small (one line on a projector)
    const [own, role] = names(id);
    const node = el("span", className || "name", own);
    if (role) node.append(" ", el("small", "", role));
    return node;
  }
  function project(id) { return view.projects.find((p) => p.id === id); }
  function optionLabel(issue, id) {
    const option = issue.options.find((o) => o.id === id);
    return option ? option.label : id;
  }
  function render() {
    if (!view || !joined) return;
    $("scenario").textContent = "· " + view.scenario.title;
    $("round").textContent = t("Round {round} of {rounds}", { round: view.round, rounds: view.scenario.rounds });
    const turn = $("turn");
    turn.className = "turn" + (view.paused ? " paused" : "");
    turn.textContent = view.finished ? t("The game is over") : view.paused ? t("The game is paused")
      : t("It is {team}'s turn", { team: label(view.turn_of) });
    if (!view.finished && !view.paused && names(view.turn_of)[1]) turn.append(" ", el("small", "", names(view.turn_of)[1]));
    renderDeals();
    renderSigned();
    renderNews();
    renderPoll();
    renderControls();
    renderTimer();
    renderAsk();
    renderDevices();
  }
  function renderDeals() {
    const list = $("deals");
    list.textContent = "";
    const open = view.deals.filter((d) => d.status === "open");
    if (!open.length) list.append(el("li", "empty", t("No deal is on the table.")));
    for (const deal of open) list.append(dealItem(deal));
    fit();
  }
  function fit() {
    // a projector does not scroll: smaller steps until every open deal is on the screen
    const area = list().parentElement;
    const deals = list();
    for (let step = 0; step <= 4; step += 1) {
      deals.dataset.fit = String(step);
      if (area.scrollHeight <= area.clientHeight + 1) break;
    }
  }
  function list() { return $("deals"); }
  function dealItem(deal) {
    const item = $("deal").content.firstElementChild.cloneNode(true);
    const shown = project(deal.project);
    item.querySelector(".what").textContent = t("Deal {number}: {project}, proposed by {team}",
      { number: deal.number, project: shown ? shown.title : deal.project, team: label(deal.proposer) });
    const earlier = deal.counter_of === null ? null : view.deals.find((d) => d.number === deal.counter_of);
    const counter = item.querySelector(".counter");
    counter.textContent = earlier ? t("A counter to deal {number}; changed terms are marked.", { number: earlier.number }) : "";
    counter.hidden = !earlier;
    const body = item.querySelector("tbody");
    (shown ? shown.issues : []).forEach((issue, index) => {
      const row = el("tr");
      const changed = earlier && earlier.project === deal.project && earlier.options[index] !== deal.options[index];
      if (changed) row.className = "changed";
      row.append(el("th", "", issue.title), el("td", "", (changed ? "● " : "") + optionLabel(issue, deal.options[index])));
      body.append(row);
    });
    const who = item.querySelector(".who");
    for (const role of deal.participants) {
      const rejected = deal.rejected.find((r) => r.role === role);
      let mark = "…", state = "waiting", said = t("waiting");
      if (role === deal.proposer) { mark = "★"; state = "proposer"; said = t("proposed it"); }
      else if (deal.accepted.includes(role)) { mark = "✓"; state = "yes"; said = t("accepted"); }
      else if (rejected) { mark = "✗"; state = "no"; said = t("rejected"); }
      const li = el("li", state);
      li.append(el("span", "mark", mark), nameNode(role), el("span", "said", said));
      who.append(li);
    }
    return item;
  }
  function renderSigned() {
    const list = $("signed");
    list.textContent = "";
    if (!view.agreements.length) list.append(el("li", "empty", view.finished ? t("No deal was signed.") : t("No deal is signed yet.")));
    const fresh = signedSeen >= 0 && view.agreements.length > signedSeen;
    signedSeen = view.agreements.length;
    view.agreements.slice().reverse().forEach((agreement, index) => {
      const shown = project(agreement.project);
      const li = el("li", (agreement.failed_round ? "failed" : "") + (fresh && index === 0 ? " new" : ""));
      if (fresh && index === 0) status(t("Signed: {project}!", { project: shown ? shown.title : agreement.project }));
      li.append(el("strong", "", (shown ? shown.title : agreement.project)));
      li.append(el("span", "", " · " + t("round {round}", { round: agreement.round }) + " · "
        + agreement.members.map(label).join(", ")));
      if (agreement.failed_round) li.append(el("span", "note", " · " + t("fell through in round {round}", { round: agreement.failed_round })));
      list.append(li);
    });
  }
  function renderNews() {
    const list = $("news");
    list.textContent = "";
    if (!view.news.length) list.append(el("li", "empty", t("No news yet.")));
    for (const news of view.news.slice(-3).reverse()) {
      const li = el("li");
      li.append(el("strong", "", news.title), el("p", "", news.text));
      list.append(li);
    }
  }
  function pollKey(poll) { return poll ? JSON.stringify([poll.project, poll.participants, poll.options]) : ""; }
  function renderPoll() {
    const poll = view.poll;
    const shown = poll && pollKey(poll) !== closedPoll;
    $("poll").hidden = !shown;
    $("close-poll").hidden = !shown;
    if (!shown) return;
    const about = project(poll.project);
    const on = view.deals.find((d) => d.status === "open" && d.project === poll.project
      && pollKey({ project: d.project, participants: d.participants, options: d.options }) === pollKey(poll));
    $("poll-title").textContent = on ? t("Straw poll on deal {number}", { number: on.number })
      : t("Straw poll: {project}", { project: about ? about.title : poll.project });
    const list = $("poll-answers");
    list.textContent = "";
    for (const role of poll.participants) {
      const answer = poll.answers[role];
      const li = el("li", answer === undefined ? "waiting" : answer ? "yes" : "no");
      li.append(el("span", "mark", answer === undefined ? "…" : answer ? "✓" : "✗"), nameNode(role),
        el("span", "said", answer === undefined ? t("waiting") : answer ? t("yes") : t("no")));
      list.append(li);
    }
  }
  function newestOpen() {
    const open = view ? view.deals.filter((d) => d.status === "open") : [];
    return open.length ? open[open.length - 1] : null;
  }
  function renderControls() {
    const over = view.finished;
    const pause = $("pause");
    pause.querySelector("span").textContent = view.paused ? t("Resume") : t("Pause");
    pause.disabled = over;
    $("skip").disabled = over || view.paused;
    $("inject").disabled = over || !joined.cards.length;
    $("call-poll").disabled = over || !newestOpen();
  }
  function renderTimer() {
    const shown = $("timer");
    if (!timer) { shown.hidden = true; return; }
    const left = Math.max(0, timer.left - (timer.running ? (Date.now() - timer.at) / 1000 : 0));
    const whole = Math.ceil(left);
    shown.hidden = false;
    shown.textContent = Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    shown.className = "timer" + (left <= 30 ? " low" : "") + (timer.running ? "" : " stopped");
  }

  // -- the devices: the oldest ask as a banner, each team's devices in a panel -----------
  function renderAsk() {
    const banner = $("ask");
    const ask = joined ? devices.asks[0] : undefined;
    banner.hidden = !ask;
    if (!ask) { place(); return; }
    $("ask-team").textContent = t("A device asks to join as the {team} team.", { team: ask.team });
    const more = devices.asks.length - 1;
    $("ask-more").textContent = more > 0 ? t("{count} more waiting.", { count: more }) : "";
    place();
  }
  function seenWords(entry) {
    if (entry.seen_seconds_ago === null) return t("not heard from since the start");
    const seen = entry.seen_seconds_ago + (Date.now() - devices.at) / 1000;
    if (seen < 60) return t("last seen {seconds} s ago", { seconds: Math.floor(seen) });
    return t("last seen {minutes} min ago", { minutes: Math.floor(seen / 60) });
  }
  function renderDevices() {
    const panel = $("devices");
    const list = $("device-list");
    list.textContent = "";
    if (!devices.teams.length) list.append(el("li", "empty", t("No team plays on a device.")));
    for (const team of devices.teams) {
      const li = el("li", "team");
      const connected = team.devices.filter((d) => d.connected).length;
      li.append(el("h3", "", t("{team}: {count} connected", { team: team.team, count: connected })));
      const rows = el("ol");
      team.devices.forEach((entry, index) => {
        const row = el("li", entry.connected ? "on" : "off");
        const state = entry.connected ? t("connected") : t("not connected");
        row.append(el("span", "words", t("Device {number}: {state}, {seen}",
          { number: index + 1, state: state, seen: seenWords(entry) })));
        const button = el("button", "remove", t("Remove"));
        button.type = "button";
        button.addEventListener("click", () => command({ type: "remove", role: team.role, device: entry.device }, team.team));
        row.append(button);
        rows.append(row);
      });
      if (!team.devices.length) rows.append(el("li", "empty", t("No device yet.")));
      li.append(rows);
      list.append(li);
    }
    $("devices-toggle").setAttribute("aria-pressed", String(!panel.hidden));
    place();
  }
  function place() {
    // the panel opens under the ask's banner, so an ask stays in sight while it is open
    const banner = $("ask");
    const above = banner.hidden ? $("status") : banner;
    $("devices").style.top = Math.round(above.getBoundingClientRect().bottom + 6) + "px";
  }
  function toggleDevices() {
    if (!joined) return;
    $("devices").hidden = !$("devices").hidden;
    renderDevices();
  }
  function admitFirst() {
    const ask = devices.asks[0];
    if (ask) command({ type: "admit", ask: ask.number }, ask.team);
  }
  function refuseFirst() {
    const ask = devices.asks[0];
    if (ask) command({ type: "refuse", ask: ask.number }, ask.team);
  }

  // -- the trainer's controls -----------------------------------------------------------
  function pauseOrResume() { if (view && !view.finished) command({ type: view.paused ? "resume" : "pause" }); }
  function skip() { if (view && !view.finished) command({ type: "skip" }); }
  function undo() { command({ type: "undo" }); }
  function callPoll() {
    const deal = newestOpen();
    if (!deal) { status(t("A straw poll needs a deal on the table."), true); return; }
    closedPoll = "";
    command({ type: "poll", deal: deal.number });
  }
  function closePoll() { if (view && view.poll) { closedPoll = pollKey(view.poll); renderPoll(); } }
  function openCards() {
    if (!joined || !joined.cards.length || (view && view.finished)) return;
    const list = $("card-list");
    list.textContent = "";
    joined.cards.forEach((card, index) => {
      const button = el("button");
      button.type = "button";
      if (index < 9) button.append(el("kbd", "", String(index + 1)), " ");
      button.append(card.title);
      button.addEventListener("click", () => playCard(card.id));
      const li = el("li");
      li.append(button);
      list.append(li);
    });
    $("cards").showModal();
  }
  function playCard(id) { $("cards").close(); command({ type: "inject", card: id }); }

  document.addEventListener("keydown", (event) => {
    if (!joined) return;
    const dialog = $("cards");
    if (dialog.open) {
      const number = Number(event.key);
      if (number >= 1 && number <= Math.min(9, joined.cards.length)) { event.preventDefault(); playCard(joined.cards[number - 1].id); }
      return; // Esc closes the dialog by itself
    }
    const keys = { F2: pauseOrResume, F4: undo, F6: skip, F7: openCards, F8: callPoll, Escape: closePoll };
    let work = keys[event.key];
    const ctrl = { z: undo, y: admitFirst, n: refuseFirst, j: toggleDevices };
    if (event.ctrlKey && !event.altKey && ctrl[event.key.toLowerCase()]) work = ctrl[event.key.toLowerCase()];
    if (work) { event.preventDefault(); work(); }
  });
  $("pause").addEventListener("click", pauseOrResume);
  $("skip").addEventListener("click", skip);
  $("undo").addEventListener("click", undo);
  $("inject").addEventListener("click", openCards);
  $("call-poll").addEventListener("click", callPoll);
  $("close-poll").addEventListener("click", closePoll);
  $("admit").addEventListener("click", admitFirst);
  $("refuse").addEventListener("click", refuseFirst);
  $("devices-toggle").addEventListener("click", toggleDevices);
  $("devices-close").addEventListener("click", toggleDevices);
  $("cards-cancel").addEventListener("click", () => $("cards").close());
  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    code = $("code").value.trim();
    status(t("Connecting…"));
    hello();
  });
  document.querySelectorAll("[data-lang]").forEach((node) => node.addEventListener("click", () => {
    lang = node.dataset.lang; store.setItem("otb-lang", lang); translatePage();
  }));
  setInterval(() => { if (timer && timer.running) renderTimer(); }, 250);
  setInterval(() => { if (!$("devices").hidden) renderDevices(); }, 5000); // "last seen" grows
  window.addEventListener("resize", () => { if (view) fit(); place(); });
  translatePage();
  connect();
})();
