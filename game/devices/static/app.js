// The phone page: join with the team's code, then show the team's own view and send its
// answers. Every action carries this device's id and a sequence number, and is kept until
// the server answers it, so an action sent before a lost connection is sent again (the
// server applies it once). The connection comes back by itself, at most every 2 s.
"use strict";
(function () {
  const $ = (id) => document.getElementById(id);
  const store = window.localStorage;
  let lang = store.getItem("otb-lang") || (navigator.language || "en").slice(0, 2);
  if (lang !== "da") lang = "en";
  let device = store.getItem("otb-device");
  if (!device) {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    device = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
    store.setItem("otb-device", device);
  }
  let code = store.getItem("otb-code") || "";
  let seq = Number(store.getItem("otb-seq") || "0");
  const pending = new Map(); // seq -> message, until the server answers it
  let socket = null, view = null, me = null, version = -1, retry = 250;

  function t(text, values) {
    const table = (window.STRINGS || {})[lang] || {};
    let out = table[text] || text;
    for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(value);
    return out;
  }
  function status(text, bad) { $("status").textContent = text; $("status").className = bad ? "bad" : ""; }
  function translatePage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    document.querySelectorAll("[data-lang]").forEach((el) => el.setAttribute("aria-pressed", String(el.dataset.lang === lang)));
    render();
  }

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = () => { retry = 250; if (code) hello(); };
    socket.onmessage = (event) => receive(JSON.parse(event.data));
    socket.onclose = () => {
      status(t("Connection lost; trying again…"), true);
      setTimeout(connect, retry);
      retry = Math.min(2000, retry * 2);
    };
  }
  function send(message) { if (socket && socket.readyState === 1) socket.send(JSON.stringify(message)); }
  function hello() { send({ type: "hello", code: code, device: device, lang: lang }); }
  function act(action) {
    seq += 1;
    store.setItem("otb-seq", String(seq));
    const message = { type: "action", device: device, seq: seq, action: action };
    pending.set(seq, message);
    send(message);
  }

  function receive(message) {
    if (message.type === "welcome") {
      me = message;
      $("join").hidden = true;
      $("game").hidden = false;
      status("");
      for (const waiting of pending.values()) send(waiting); // answered ones: answered again
    } else if (message.type === "view") {
      if (message.version >= version) { version = message.version; view = message.view; render(); }
    } else if (message.type === "ack") {
      pending.delete(message.seq);
      status(message.private || message.message || t("Sent."));
    } else if (message.type === "refused") {
      if (message.seq) pending.delete(message.seq);
      if (message.why === "code" || message.why === "rate-limited" || message.why === "trainer") {
        code = ""; store.removeItem("otb-code");
        $("join").hidden = false; $("game").hidden = true;
      }
      status(message.reason, true);
    }
  }

  function roleName(id) {
    const role = view.roles.find((r) => r.id === id);
    return role ? role.name : id;
  }
  function render() {
    if (!view || !me) return;
    const mine = view.me;
    $("team").textContent = me.team + (me.team !== me.name ? " · " + me.name : "");
    const turn = $("turn");
    const myTurn = view.turn_of === me.role && !view.paused && !view.finished;
    turn.className = "turn" + (myTurn ? " mine" : "");
    turn.textContent = t("Round {round}", { round: view.round }) + " · " + (
      view.finished ? t("The game is over") : view.paused ? t("The game is paused")
        : myTurn ? t("Your turn") : t("It is {team}'s turn", { team: roleName(view.turn_of) }));
    $("pass").disabled = !myTurn;
    const brief = $("brief");
    brief.textContent = ""; // the author's paragraphs; a single line break is a space
    for (const part of mine.brief.split(/\n\s*\n/)) {
      const paragraph = document.createElement("p");
      paragraph.textContent = part.replace(/\s+/g, " ").trim();
      brief.append(paragraph);
    }
    const list = $("deals");
    list.textContent = "";
    const deals = view.deals.filter((d) => d.status === "open" && d.participants.includes(me.role));
    if (!deals.length) { const li = document.createElement("li"); li.textContent = t("No open deal names you."); list.append(li); }
    for (const deal of deals) list.append(dealItem(deal, mine, myTurn));
  }
  function dealItem(deal, mine, myTurn) {
    const item = $("deal").content.firstElementChild.cloneNode(true);
    const project = view.projects.find((p) => p.id === deal.project);
    item.querySelector(".what").textContent = t("Deal {number}: {project}, proposed by {team}",
      { number: deal.number, project: project ? project.title : deal.project, team: roleName(deal.proposer) });
    const points = (mine.points || {})[deal.project] || {};
    let total = 0;
    (project ? project.issues : []).forEach((issue, index) => {
      const option = issue.options.find((o) => o.id === deal.options[index]);
      const own = (points[issue.id] || {})[deal.options[index]] || 0;
      total += own;
      const li = document.createElement("li");
      li.textContent = issue.title + " — " + (option ? option.label : deal.options[index]) + " (" + own + ")";
      item.querySelector(".terms").append(li);
    });
    item.querySelector(".points").textContent = t("Your points: {points} (your walk-away: {walk})",
      { points: total, walk: (mine.walk_away || {})[deal.project] ?? "–" });
    const answering = deal.participants.includes(me.role) && deal.proposer !== me.role
      && !deal.accepted.includes(me.role) && !deal.rejected.some((r) => r.role === me.role);
    const answer = item.querySelector(".answer");
    answer.hidden = !answering;
    answer.querySelectorAll("[data-t]").forEach((el) => { el.textContent = t(el.dataset.t); });
    const reason = item.querySelector(".reason");
    reason.placeholder = t("Why not?");
    item.querySelector(".accept").disabled = !myTurn;
    item.querySelector(".reject").disabled = !myTurn;
    item.querySelector(".accept").onclick = () => act({ type: "accept", deal: deal.number });
    item.querySelector(".reject").onclick = () => act({ type: "reject", deal: deal.number, reason: reason.value.slice(0, 300) });
    return item;
  }

  $("join").addEventListener("submit", (event) => {
    event.preventDefault();
    code = $("code").value.trim();
    store.setItem("otb-code", code);
    status(t("Connecting…"));
    hello();
  });
  $("pass").addEventListener("click", () => act({ type: "pass" }));
  document.querySelectorAll("[data-lang]").forEach((el) => el.addEventListener("click", () => {
    lang = el.dataset.lang; store.setItem("otb-lang", lang); translatePage();
  }));
  translatePage();
  connect();
})();
