// The phone page: a team joins (its code, a join card's QR, or by asking the trainer),
// then plays its whole game here. One truth: the page never adds points. The deal
// builder sends its terms ("read") and shows the server's reading, worked out by the
// projector's own deal builder functions; each open deal comes with its reading beside
// the view. Every action carries this device's id and a sequence number and is kept
// until answered, so one sent before a lost connection is sent again (applied once).
// Words: t(text) looks up window.STRINGS (made by the server from game/ui/locale).
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
  const fromCard = /(?:^#|&)code=([A-Za-z0-9-]{1,40})/.exec(location.hash);
  if (fromCard) { // a join card's QR: the code once, then out of the address bar
    code = fromCard[1].toUpperCase();
    store.setItem("otb-code", code);
    history.replaceState(null, "", location.pathname + location.search);
  }
  let seq = Number(store.getItem("otb-seq") || "0");
  const pending = new Map(); // seq -> message, until the server answers it
  let socket = null, retry = 250, joined = false;
  let me = null, view = null, version = -1, readings = {}, pollReading = null, moves = {};
  let teams = [], asked = null, tab = "deals";
  let build = null; // {project, participants, options, deal, reading, refusal, problem}
  const rejecting = new Map(); // deal number -> the reason being written
  let timer = null; // {end: ms, left: s, running}
  const fromBuilder = new Set(); // the seqs of proposals and counters: once applied, back to the deals

  function t(text, values) {
    const table = (window.STRINGS || {})[lang] || {};
    let out = table[text] || text;
    for (const [key, value] of Object.entries(values || {})) out = out.split("{" + key + "}").join(String(value));
    return out;
  }
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function button(text, onclick, cls, key) {
    const node = el("button", text, cls);
    node.type = "button";
    node.onclick = onclick;
    if (key) node.dataset.key = key;
    return node;
  }
  function status(text, bad) { $("status").textContent = text || ""; $("status").className = bad ? "bad" : ""; }
  function translatePage() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach((node) => { node.textContent = t(node.dataset.t); });
    document.querySelectorAll("[data-t-label]").forEach((node) => node.setAttribute("aria-label", t(node.dataset.tLabel)));
    document.querySelectorAll("[data-lang]").forEach((node) => node.setAttribute("aria-pressed", String(node.dataset.lang === lang)));
    renderTeams();
    render();
  }

  // -- the connection ------------------------------------------------------------------

  function connect() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + "/ws");
    socket.onopen = () => { retry = 250; status(""); if (code) hello(); };
    socket.onmessage = (event) => { try { receive(JSON.parse(event.data)); } catch (error) { status(String(error), true); } };
    socket.onclose = () => {
      joined = false;
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
  function read() {
    if (!build || !joined) return;
    build.reading = null;
    send({ type: "read", project: build.project, participants: build.participants, options: build.options, deal: build.deal });
  }
  function leave(reason) { // back to the join screen, with the reason
    code = ""; store.removeItem("otb-code"); joined = false; me = null; view = null; asked = null;
    $("join").hidden = false; $("game").hidden = true; $("waiting").hidden = true;
    status(reason, true);
    renderTeams();
  }

  function receive(message) {
    const type = message.type;
    if (type === "welcome") {
      me = message; joined = true; asked = null;
      if (message.key) { code = message.key; store.setItem("otb-code", code); }
      $("join").hidden = true; $("game").hidden = false; $("waiting").hidden = true;
      status("");
      for (const waiting of pending.values()) send(waiting); // answered ones: answered again
      if (build) read();
    } else if (type === "view") {
      if (message.version >= version) {
        version = message.version; view = message.view;
        readings = message.readings || {}; pollReading = message.poll_reading || null; moves = message.moves || {};
        render();
        if (build) read(); // the same terms may read differently now (resources, answers)
      }
    } else if (type === "reading") {
      if (build && message.project === build.project && (message.deal ?? null) === (build.deal ?? null)) {
        build.problem = message.problem || "";
        if (message.reading) {
          build.participants = message.reading.participants; build.options = message.reading.options;
        }
        build.reading = message.reading; build.refusal = message.refusal;
        keepFocus(drawBuild);
      }
    } else if (type === "ack") {
      pending.delete(message.seq);
      status(message.private || message.message || t("Sent."));
      if (fromBuilder.delete(message.seq)) { build = null; tab = "deals"; render(); }
    } else if (type === "refused") {
      if (message.seq) pending.delete(message.seq);
      if (["code", "rate-limited", "trainer", "refused", "removed"].includes(message.why)) {
        const why = message.why === "removed" ? t("The trainer has taken this device out of the game.")
          : message.why === "refused" ? t("The trainer did not let this device in.") : message.reason;
        leave(why);
      } else status(message.reason, true);
    } else if (type === "teams") {
      teams = message.teams || []; renderTeams();
    } else if (type === "waiting") {
      asked = message.role;
      status("");
      renderTeams();
      const team = teams.find((x) => x.role === asked);
      $("waiting").hidden = false;
      $("waiting").textContent = t("Waiting for the trainer to let {team} in…", { team: team ? team.team || team.name : asked });
    } else if (type === "timer") {
      timer = message.left === null || message.left === undefined ? null
        : { left: message.left, running: !!message.running, end: Date.now() + message.left * 1000 };
      renderTimer();
    }
  }

  // -- the join screen ---------------------------------------------------------------

  function renderTeams() {
    const box = $("teams");
    box.textContent = "";
    $("pick").hidden = !teams.length;
    for (const team of teams) {
      const label = team.team && team.team !== team.name ? team.team + " · " + team.name : team.name;
      const choice = button(label, () => {
        send({ type: "ask", role: team.role, device: device, lang: lang });
        status(t("Asking the trainer…"));
      }, "", "team-" + team.role);
      choice.setAttribute("aria-pressed", String(asked === team.role));
      box.append(choice);
    }
  }

  // -- the game --------------------------------------------------------------------------

  const roleName = (id) => { const role = view.roles.find((r) => r.id === id); return role ? role.name : id; };
  const projectOf = (id) => view.projects.find((p) => p.id === id);
  const myTurn = () => view && me && view.turn_of === me.role && !view.paused && !view.finished;
  function costText(cost) {
    const parts = [];
    if (cost && cost.staff_time) parts.push(t("{n} staff", { n: cost.staff_time }));
    if (cost && cost.budget) parts.push(t("{n} budget", { n: cost.budget }));
    return parts.join(", ") || t("free");
  }
  function lines(list, into) {
    into.textContent = "";
    for (const line of list || []) into.append(el("li", line.text, "tone-" + line.tone));
  }
  function terms(project, options, into) {
    into.textContent = "";
    const points = (view.me.points || {})[project.id] || {};
    project.issues.forEach((issue, index) => {
      const option = issue.options.find((o) => o.id === options[index]);
      const own = (points[issue.id] || {})[options[index]];
      into.append(el("li", issue.title + " — " + (own ?? "–") + " · " + (option ? option.label : options[index])));
    });
  }

  function keepFocus(draw) { // a redrawn control keeps the keyboard's place (data-key)
    const now = document.activeElement, key = now && now.dataset ? now.dataset.key : null;
    draw();
    if (!key) return;
    const again = document.querySelector('[data-key="' + CSS.escape(key) + '"]');
    if (again && again !== document.activeElement) again.focus({ preventScroll: true });
  }
  function render() { if (view && me) keepFocus(drawAll); }
  function drawAll() {
    $("team").textContent = me.team + (me.team && me.team !== me.name ? " · " + me.name : "");
    const turn = $("turn"), mine = myTurn();
    turn.className = "turn" + (mine ? " mine" : "");
    turn.textContent = t("Round {round}", { round: view.round }) + " · " + (
      view.finished ? t("The game is over") : view.paused ? t("The game is paused")
        : mine ? t("Your turn") : t("It is {team}'s turn", { team: roleName(view.turn_of) }));
    document.querySelectorAll("[data-tab]").forEach((node) => {
      node.setAttribute("aria-pressed", String(node.dataset.tab === tab));
      $("tab-" + node.dataset.tab).hidden = node.dataset.tab !== tab;
    });
    renderPoll(); renderDeals(); renderMoves(); renderBrief(); drawBuild();
  }

  function renderPoll() {
    const poll = view.poll, box = $("poll");
    box.hidden = !poll || !poll.participants.includes(me.role);
    if (box.hidden) return;
    const project = projectOf(poll.project);
    box.querySelector(".what").textContent = project.title + " · " + poll.participants.map(roleName).join(", ");
    terms(project, poll.options, box.querySelector(".terms"));
    lines(pollReading ? pollReading.lines : [], box.querySelector(".lines"));
    const answer = poll.answers[me.role];
    box.querySelector(".lines").hidden = box.querySelector("details").hidden = box.querySelector(".two").hidden = answer !== undefined;
    box.querySelector(".answered").textContent = answer === undefined ? t("Not binding: the trainer only asks.")
      : answer ? t("You answered yes.") : t("You answered no.");
  }

  function awaiting(deal) {
    return deal.proposer !== me.role && !deal.accepted.includes(me.role) && !deal.rejected.some((r) => r.role === me.role);
  }
  function renderDeals() {
    const list = $("deals");
    list.textContent = "";
    const deals = view.deals.filter((d) => d.status === "open" && d.participants.includes(me.role));
    if (!deals.length) list.append(el("li", t("No open deal names you."), "note"));
    for (const deal of deals) list.append(dealItem(deal));
    const count = deals.filter(awaiting).length;
    document.querySelector('[data-tab="deals"]').textContent = t("Deals") + (count ? " (" + count + ")" : "");
  }
  function dealItem(deal) {
    const item = $("deal").content.firstElementChild.cloneNode(true);
    const project = projectOf(deal.project), reading = readings[String(deal.number)] || {};
    const n = deal.number, answering = awaiting(deal), mine = myTurn();
    item.querySelector(".what").textContent = t("Deal {number}: {project}", { number: n, project: project.title });
    item.querySelector(".who").textContent = t("From {proposer}, with {others}", {
      proposer: roleName(deal.proposer), others: deal.participants.filter((r) => r !== deal.proposer).map(roleName).join(", ") });
    terms(project, deal.options, item.querySelector(".terms"));
    lines(reading.lines, item.querySelector(".lines"));
    const waitingFor = deal.participants.filter((r) => r !== deal.proposer && !deal.accepted.includes(r)).map(roleName);
    item.querySelector(".state").textContent = answering ? (mine ? t("Waiting for your answer") : t("Answer it on your turn."))
      : t("Waiting for: {teams}", { teams: waitingFor.join(", ") || "–" });
    const accept = item.querySelector(".accept"), reject = item.querySelector(".reject"), counter = item.querySelector(".counter");
    accept.hidden = reject.hidden = counter.hidden = !answering;
    if (!answering) return item;
    accept.textContent = t("Accept"); accept.dataset.key = "accept-" + n;
    reject.textContent = t("Reject, and say why"); reject.dataset.key = "reject-" + n;
    counter.textContent = t("Counter with a changed deal"); counter.dataset.key = "counter-" + n;
    accept.disabled = !mine || !!reading.accept_refusal;
    reject.disabled = counter.disabled = !mine;
    item.querySelector(".accept-refusal").textContent = reading.accept_refusal ? "⚠ " + reading.accept_refusal : "";
    accept.onclick = () => act({ type: "accept", deal: n });
    counter.onclick = () => openBuilder(deal.project, deal.participants.slice(), deal.options.slice(), n);
    const box = item.querySelector(".reasons");
    box.hidden = !rejecting.has(n);
    reject.onclick = () => {
      rejecting.set(n, rejecting.get(n) || (reading.reasons || [""])[0]); render();
      const first = document.querySelector('[data-key="why-' + n + '-0"]') || document.querySelector('[data-key="own-' + n + '"]');
      if (first) first.focus();
    };
    box.querySelector("legend").textContent = t("Why not? The table hears it.");
    const choices = box.querySelector(".choices-list");
    (reading.reasons || []).forEach((text, index) => {
      const id = "why-" + n + "-" + index, row = el("div", null, "check");
      const radio = el("input"); radio.type = "radio"; radio.name = "why-" + n; radio.id = id; radio.dataset.key = id;
      radio.checked = rejecting.get(n) === text;
      radio.onchange = () => { rejecting.set(n, text); box.querySelector(".own").value = ""; };
      const label = el("label", text); label.htmlFor = id;
      row.append(radio, label); choices.append(row);
    });
    const own = box.querySelector(".own"), ownId = "own-" + n;
    own.id = ownId; own.dataset.key = ownId;
    box.querySelector(".own-label").textContent = t("Or in your own words");
    box.querySelector(".own-label").htmlFor = ownId;
    if (!(reading.reasons || []).includes(rejecting.get(n))) own.value = rejecting.get(n) || "";
    own.oninput = () => { rejecting.set(n, own.value); choices.querySelectorAll("input").forEach((r) => { r.checked = false; }); };
    const sendNo = box.querySelector(".send-no"), keep = box.querySelector(".keep");
    sendNo.textContent = t("Send our no"); sendNo.dataset.key = "no-" + n; sendNo.disabled = !mine;
    keep.textContent = t("Back"); keep.dataset.key = "keep-" + n;
    sendNo.onclick = () => {
      const why = (rejecting.get(n) || "").trim().slice(0, 300);
      if (!why) { status(t("Say why, so the table can learn from it."), true); own.focus(); return; }
      rejecting.delete(n); act({ type: "reject", deal: n, reason: why });
    };
    keep.onclick = () => { rejecting.delete(n); render(); reject.focus(); };
    return item;
  }

  function renderMoves() {
    const box = $("moves"), rules = view.rules, mine = myTurn();
    box.textContent = "";
    if (!mine) box.append(el("p", t("You can move on your turn."), "note"));
    const group = (title, entries) => {
      if (!entries.length) return;
      const part = el("div", null, "group");
      part.append(el("h4", title));
      const row = el("div", null, "choices");
      for (const [label, action, key] of entries) row.append(button(label, () => act(action), "", key));
      part.append(row); box.append(part);
    };
    group(t("Explore a partner ({cost})", { cost: costText(rules.explore_cost) }),
      (moves.explore || []).map((r) => [roleName(r), { type: "explore", target: r }, "explore-" + r]));
    group(t("Consult users ({cost})", { cost: costText(rules.consult_cost) }),
      (moves.consult || []).map((p) => [projectOf(p).title, { type: "consult", project: p }, "consult-" + p]));
    group(t("Build a competence ({cost})", { cost: costText(rules.build_competence_cost) }),
      (moves.build || []).map((c) => [c.replace(/[-_]/g, " "), { type: "build", competency: c }, "build-" + c]));
    group(t("Communicate ({cost})", { cost: costText(rules.communicate_cost) }),
      (moves.communicate || []).map((c) => [c === "newsletter" ? t("A newsletter") : t("A flyer"), { type: "communicate", channel: c }, "talk-" + c]));
    if (moves.pass) group(t("Or"), [[t("Pass"), { type: "pass" }, "pass"]]);
  }

  function renderBrief() {
    const mine = view.me, brief = $("brief");
    brief.textContent = ""; // the author's paragraphs; a single line break is a space
    for (const part of mine.brief.split(/\n\s*\n/)) brief.append(el("p", part.replace(/\s+/g, " ").trim()));
    const free = mine.uncommitted_per_round || {};
    $("resources").textContent = t("Uncommitted each round: {staff} staff, {budget} budget", { staff: free.staff_time ?? "–", budget: free.budget ?? "–" });
    const insights = $("insights");
    insights.textContent = "";
    if (!mine.insights.length) insights.append(el("li", t("Nothing yet: explore a partner to learn what it wants."), "note"));
    for (const insight of mine.insights) {
      const item = el("li", null, "card");
      item.append(el("strong", roleName(insight.about)), el("p", insight.text));
      insights.append(item);
    }
    const predictions = $("predictions");
    predictions.textContent = "";
    if (!mine.predictions.length) predictions.append(el("li", t("No predictions yet."), "note"));
    for (const p of mine.predictions) {
      const item = el("li", null, "card"), project = projectOf(p.project);
      item.append(el("strong", t("Round {round}: {team} on {project}", { round: p.round, team: roleName(p.target), project: project ? project.title : p.project })));
      const issues = (id) => { const issue = project && project.issues.find((i) => i.id === id); return issue ? issue.title : id; };
      if (p.ranking.length) {
        item.append(el("p", t("You said: {ranking}", { ranking: p.ranking.map(issues).join(" › ") })));
        if (p.truth_ranking.length) item.append(el("p", t("The answer: {ranking}", { ranking: p.truth_ranking.map(issues).join(" › ") })));
      } else if (p.deal !== null) {
        item.append(el("p", p.accepts ? t("You said it would accept deal {number}.", { number: p.deal })
          : t("You said it would refuse deal {number}.", { number: p.deal })));
        if (p.truth_accepts !== null) item.append(el("p", p.truth_accepts ? t("It would accept it.") : t("It would refuse it.")));
      }
      if (p.answer) item.append(el("p", p.answer, "note"));
      if (p.score !== null) item.append(el("p", t("Score: {score}", { score: p.score }), "tone-accent"));
      predictions.append(item);
    }
  }

  // -- the deal builder --------------------------------------------------------------------

  function openBuilder(project, participants, options, deal) {
    build = { project: project, participants: participants || [], options: options || [], deal: deal ?? null, reading: null, refusal: null, problem: "" };
    tab = "build"; render(); read();
    $("build-title").focus();
  }
  function ownProjects() { return view.projects.filter((p) => p.id in (view.me.points || {})); }
  function drawBuild() {
    if (!view || !me || tab !== "build") return;
    if (!build) {
      const agreed = new Set(view.agreements.filter((a) => a.failed_round === null).map((a) => a.project));
      const projects = ownProjects(), open = projects.filter((p) => !agreed.has(p.id));
      if (!projects.length) return;
      openBuilder((open[0] || projects[0]).id);
      return;
    }
    const project = projectOf(build.project), counter = build.deal !== null;
    $("build-title").textContent = counter ? t("Counter deal {number}", { number: build.deal }) : t("Propose a deal");
    const select = $("project");
    $("project-row").hidden = counter;
    select.textContent = "";
    for (const p of ownProjects()) { const option = el("option", p.title); option.value = p.id; select.append(option); }
    select.value = build.project;
    const who = $("who");
    who.textContent = "";
    const names = view.roles.map((r) => r.id).filter((r) => !project.open_to.length || project.open_to.includes(r));
    for (const role of names) {
      const id = "with-" + role, row = el("div", null, "check");
      const box = el("input"); box.type = "checkbox"; box.id = id; box.dataset.key = id;
      box.checked = build.participants.includes(role); box.disabled = role === me.role;
      box.onchange = () => {
        const order = view.roles.map((r) => r.id);
        build.participants = order.filter((r) => r === role ? box.checked : build.participants.includes(r));
        read(); keepFocus(drawBuild);
      };
      const label = el("label", roleName(role) + (role === me.role ? " (" + t("you") + ")" : "")); label.htmlFor = id;
      row.append(box, label); who.append(row);
    }
    const issues = $("issues");
    issues.textContent = "";
    const points = view.me.points[build.project] || {};
    project.issues.forEach((issue, index) => {
      const set = el("fieldset", null, "issue");
      set.append(el("legend", issue.title));
      for (const option of issue.options) {
        const id = "opt-" + index + "-" + option.id, row = el("div", null, "check");
        const radio = el("input"); radio.type = "radio"; radio.name = "issue-" + index; radio.id = id; radio.dataset.key = id;
        radio.checked = build.options[index] === option.id;
        radio.onchange = () => { build.options = build.options.slice(); build.options[index] = option.id; read(); keepFocus(drawBuild); };
        const red = view.me.red_lines.some((l) => l.project === build.project && l.issue === issue.id && l.option === option.id);
        const label = el("label", null); label.htmlFor = id;
        label.append(el("b", String((points[issue.id] || {})[option.id] ?? "–"), "pts"), " " + (red ? "✗ " + t("red line") + ": " : "") + option.label);
        if (red) label.className = "tone-bad";
        row.append(radio, label); set.append(row);
      }
      issues.append(set);
    });
    const current = build.reading && same(build.reading.participants, build.participants) && same(build.reading.options, build.options);
    lines(current ? build.reading.lines : [{ text: build.problem || t("Reading the deal…"), tone: build.problem ? "bad" : "text" }], $("build-lines"));
    $("build-refusal").textContent = current && build.refusal ? "⚠ " + build.refusal : "";
    $("counter-row").hidden = !counter;
    const sendDeal = $("send-deal");
    sendDeal.textContent = counter ? t("Counter with this deal") : t("Propose this deal");
    sendDeal.disabled = !current || !!build.refusal;
    $("cancel-deal").hidden = !counter;
  }
  function same(a, b) { return a.length === b.length && a.every((x, i) => x === b[i]); }

  // -- the round timer -----------------------------------------------------------------

  function renderTimer() {
    const box = $("timer");
    box.hidden = !timer || !joined;
    if (box.hidden) return;
    const left = Math.max(0, timer.running ? (timer.end - Date.now()) / 1000 : timer.left);
    const whole = Math.ceil(left), text = Math.floor(whole / 60) + ":" + String(whole % 60).padStart(2, "0");
    box.textContent = timer.running ? t("Time left: {time}", { time: text }) : t("Timer stopped at {time}", { time: text });
    box.className = "timer" + (timer.running && left <= 30 ? " low" : "");
  }
  setInterval(() => { if (timer && timer.running) renderTimer(); }, 500);

  // -- the page's own controls -------------------------------------------------------

  $("codeform").addEventListener("submit", (event) => {
    event.preventDefault();
    code = $("code").value.trim().toUpperCase();
    store.setItem("otb-code", code);
    status(t("Connecting…"));
    hello();
  });
  document.querySelectorAll("[data-tab]").forEach((node) => node.addEventListener("click", () => { tab = node.dataset.tab; render(); }));
  $("project").addEventListener("change", () => openBuilder($("project").value));
  $("send-deal").addEventListener("click", () => {
    if (!build) return;
    const body = build.deal === null
      ? { type: "propose", project: build.project, participants: build.participants, options: build.options }
      : { type: "counter", deal: build.deal, participants: build.participants, options: build.options, reason: $("counter-reason").value.slice(0, 300) };
    act(body);
    fromBuilder.add(seq);
  });
  $("cancel-deal").addEventListener("click", () => { build = null; tab = "deals"; render(); });
  $("poll-yes").addEventListener("click", () => act({ type: "poll-answer", yes: true }));
  $("poll-no").addEventListener("click", () => act({ type: "poll-answer", yes: false }));
  const contrast = (on) => { document.body.classList.toggle("hc", on); $("contrast").setAttribute("aria-pressed", String(on)); };
  contrast(store.getItem("otb-contrast") === "1");
  $("contrast").addEventListener("click", () => {
    const on = !document.body.classList.contains("hc");
    store.setItem("otb-contrast", on ? "1" : "0"); contrast(on);
  });
  document.querySelectorAll("[data-lang]").forEach((node) => node.addEventListener("click", () => {
    lang = node.dataset.lang; store.setItem("otb-lang", lang); translatePage();
    if (joined) hello(); // the readings come again in this language
  }));
  if (code) $("code").value = code;
  translatePage();
  connect();
})();
