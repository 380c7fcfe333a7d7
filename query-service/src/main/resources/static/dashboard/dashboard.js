/*
 * Relais dashboard: plain JavaScript, no build. Reads the query API with the user's credentials (HTTP Basic, kept in
 * sessionStorage for this tab only, sent in the Authorization header, never in a URL), and follows GET /api/live
 * (server-sent events read with fetch, since EventSource cannot send that header).
 */
(function () {
  "use strict";

  const AUTH_KEY = "relais.dashboard.auth";
  const USER_KEY = "relais.dashboard.user";
  const STATUS = {
    REQUESTED: "Demandée", ASSIGNED: "Assignée", IN_PROGRESS: "En cours", ON_HOLD: "En attente",
    DONE: "Livrée", APPROVED: "Validée", CANCELLED: "Annulée"
  };
  const PRIORITY = {CRITICAL: "Critique", HIGH: "Haute", NORMAL: "Normale", LOW: "Basse"};
  const ALERT_KIND = {BREACHED: "SLA dépassé", AT_RISK: "SLA à risque"};
  const SLA_STATE = {BREACHED: "Dépassé", AT_RISK: "À risque", ON_TRACK: "Dans les temps", PAUSED: "En pause",
    MET: "Tenu", MISSED: "Manqué", CANCELLED: "Annulé", NONE: "Sans SLA"};
  /** The tiles: KPI name, window kind, label, format, and when the value is good / bad. */
  const TILES = [
    {kpi: "backlog", window: "NOW", label: "Tâches ouvertes", format: "count"},
    {kpi: "wip-age-max-hours", window: "NOW", label: "Plus ancienne tâche ouverte", format: "hours"},
    {kpi: "throughput", window: "TRAILING_7D", label: "Tâches livrées", format: "count"},
    {kpi: "on-time-rate", window: "TRAILING_7D", label: "Dans les délais", format: "percent", good: 0.95, bad: 0.8},
    {kpi: "critical-on-time-rate", window: "TRAILING_7D", label: "Critiques dans les délais", format: "percent", good: 0.95, bad: 0.8},
    {kpi: "processing-time-sla-p50-hours", window: "TRAILING_7D", label: "Délai médian (SLA)", format: "hours"},
    {kpi: "error-rate", window: "TRAILING_7D", label: "Taux de reprise", format: "percent", good: 0.05, bad: 0.15, lowerIsBetter: true},
    {kpi: "incidents", window: "TRAILING_7D", label: "Incidents", format: "count", good: 0, bad: 3, lowerIsBetter: true},
    {kpi: "satisfaction-mean", window: "TRAILING_7D", label: "Satisfaction interne", format: "score10", good: 8, bad: 6},
    {kpi: "savings-eur", window: "TRAILING_7D", label: "Économies", format: "eur"},
    {kpi: "health-growth", window: "TRAILING_7D", label: "Santé (croissance)", format: "score100", good: 75, bad: 50}
  ];

  const $ = (id) => document.getElementById(id);
  const numberFr = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1});
  const eurFr = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0});
  const dateFr = new Intl.DateTimeFormat("fr-FR", {day: "2-digit", month: "short", hour: "2-digit", minute: "2-digit", timeZone: "Europe/Paris"});
  const dayFr = new Intl.DateTimeFormat("fr-FR", {day: "2-digit", month: "2-digit", timeZone: "UTC"});
  const longDayFr = new Intl.DateTimeFormat("fr-FR", {day: "numeric", month: "long", year: "numeric", timeZone: "UTC"});
  const changeFr = new Intl.NumberFormat("fr-FR", {maximumFractionDigits: 1, signDisplay: "exceptZero"});
  const eurChangeFr = new Intl.NumberFormat("fr-FR", {style: "currency", currency: "EUR", maximumFractionDigits: 0, signDisplay: "exceptZero"});

  const state = {
    auth: null, user: null, charts: {}, tasks: new Map(), changed: new Set(), alerts: [],
    live: null, liveRetry: 0, timers: {},
    reviews: [], reviewWeek: null, reviewFigures: new Map(), canGenerate: null
  };

  // ---------------------------------------------------------------- API

  class ApiError extends Error {
    constructor(status, detail) {
      super(detail || ("HTTP " + status));
      this.status = status;
    }
  }

  /** A call with the session's credentials; a refusal becomes an ApiError carrying the problem's detail. */
  async function request(path, {method = "GET", body, accept = "application/json"} = {}) {
    const headers = {"Authorization": "Basic " + state.auth, "Accept": accept};
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await fetch(path, {
      method, headers, body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "omit", // no browser login prompt, no cookies: the header is the only credential
      cache: "no-store"
    });
    if (!response.ok) {
      let detail = null;
      try { detail = (await response.json()).detail; } catch (ignored) { /* not a problem body */ }
      if (response.status === 401) {
        logout("Session expirée ou identifiants refusés.");
      }
      throw new ApiError(response.status, detail);
    }
    return response;
  }

  async function api(path, options) {
    return (await request(path, options)).json();
  }

  function debounce(name, delay, action) {
    clearTimeout(state.timers[name]);
    state.timers[name] = setTimeout(action, delay);
  }

  // ---------------------------------------------------------------- login

  function encode(user, password) {
    return btoa(String.fromCharCode(...new TextEncoder().encode(user + ":" + password)));
  }

  async function login(event) {
    event.preventDefault();
    const user = $("login-user").value.trim();
    const password = $("login-password").value;
    const error = $("login-error");
    error.hidden = true;
    state.auth = encode(user, password);
    try {
      // GET /api/me answers any authenticated caller: a 401 is the only refusal of good-looking credentials
      const response = await fetch("/api/me", {
        headers: {"Authorization": "Basic " + state.auth, "Accept": "application/json"}, credentials: "omit", cache: "no-store"
      });
      if (response.status === 401) {
        throw new Error("Identifiant ou mot de passe incorrect.");
      }
      if (response.status >= 500) {
        throw new Error("Le service ne répond pas (" + response.status + "). Réessayez.");
      }
    } catch (failure) {
      state.auth = null;
      error.textContent = failure instanceof TypeError ? "Le service est injoignable." : failure.message;
      error.hidden = false;
      return;
    }
    sessionStorage.setItem(AUTH_KEY, state.auth);
    sessionStorage.setItem(USER_KEY, user);
    $("login-password").value = "";
    start(user);
  }

  function logout(message) {
    sessionStorage.removeItem(AUTH_KEY);
    sessionStorage.removeItem(USER_KEY);
    state.auth = null;
    stopLive();
    Object.values(state.timers).forEach(clearTimeout);
    $("dashboard").hidden = true;
    $("session").hidden = true;
    $("login").hidden = false;
    $("login-user").value = "";
    $("login-password").value = "";
    const error = $("login-error");
    error.textContent = message || "";
    error.hidden = !message;
  }

  function start(user) {
    state.user = user;
    state.reviewWeek = null;
    state.canGenerate = null; // another user may be another role
    $("review-generate").hidden = true;
    delete $("reviews-section").dataset.canGenerate;
    $("who").textContent = user;
    $("login").hidden = true;
    $("session").hidden = false;
    $("dashboard").hidden = false;
    loadAll();
    startLive();
  }

  function loadAll() {
    loadTiles();
    loadCharts();
    loadBoard();
    loadAlerts();
    loadGrants();
    loadReviews();
  }

  /** A panel the caller's role may not read is hidden (403), not shown as an error. */
  function forbidden(failure, sectionId) {
    if (failure instanceof ApiError && failure.status === 403) {
      $(sectionId).hidden = true;
      return true;
    }
    return false;
  }

  /** A panel's data, the panel shown; null when it cannot be read (hidden if the role may not read it). */
  async function readPanel(sectionId, path) {
    try {
      const data = await api(path);
      $(sectionId).hidden = false;
      return data;
    } catch (failure) {
      if (!forbidden(failure, sectionId)) console.warn(sectionId, failure);
      return null;
    }
  }

  // ---------------------------------------------------------------- KPI tiles

  function formatValue(value, format) {
    if (value === undefined || value === null) return "—";
    switch (format) {
      case "percent": return numberFr.format(value * 100) + " %";
      case "hours": return value >= 48 ? numberFr.format(value / 24) + " j" : numberFr.format(value) + " h";
      case "eur": return eurFr.format(value);
      case "score10": return numberFr.format(value) + " / 10";
      case "score100": return Math.round(value) + " / 100";
      default: return numberFr.format(value);
    }
  }

  function tone(tile, value) {
    if (value === undefined || tile.good === undefined) return "";
    if (tile.lowerIsBetter) return value <= tile.good ? "good" : value >= tile.bad ? "bad" : "warn";
    return value >= tile.good ? "good" : value <= tile.bad ? "bad" : "warn";
  }

  async function loadTiles() {
    const values = await readPanel("kpis-section", "/api/kpis?current=true&dimension=overall&group=all&limit=500");
    if (!values) return;
    const byKey = new Map(values.map((v) => [v.kpi + "|" + v.windowKind, v.value]));
    const box = $("kpi-tiles");
    box.replaceChildren(...TILES.map((tile) => {
      const value = byKey.get(tile.kpi + "|" + tile.window);
      const element = document.createElement("div");
      element.className = "tile card " + (value === undefined ? "none" : tone(tile, value));
      element.dataset.kpi = tile.kpi;
      element.append(text("div", "label", tile.label), text("div", "value", formatValue(value, tile.format)),
          text("div", "hint", tile.window === "NOW" ? "maintenant" : "7 derniers jours"));
      return element;
    }));
    $("kpis-updated").textContent = "mis à jour " + dateFr.format(new Date());
  }

  // ---------------------------------------------------------------- charts

  function chart(id, config) {
    if (!window.Chart) return;
    if (state.charts[id]) state.charts[id].destroy();
    state.charts[id] = new window.Chart($(id), config);
  }

  function lastDays(count) {
    const days = [];
    const today = new Date();
    today.setUTCHours(0, 0, 0, 0);
    for (let i = count - 1; i >= 0; i--) days.push(new Date(today.getTime() - i * 86400000).toISOString().slice(0, 10));
    return days;
  }

  function seriesOn(days, values) {
    const byDay = new Map(values.map((v) => [v.windowStart.slice(0, 10), v.value]));
    return days.map((day) => (byDay.has(day) ? byDay.get(day) : null));
  }

  function lineOptions(suffix, max) {
    return {
      responsive: true, maintainAspectRatio: false, animation: false, spanGaps: true,
      elements: {point: {radius: 2, hoverRadius: 4}, line: {borderWidth: 2}},
      plugins: {legend: {display: true, position: "bottom", labels: {usePointStyle: true, boxWidth: 6, boxHeight: 6, font: {size: 11}}}},
      scales: {
        x: {grid: {display: false}, ticks: {font: {size: 10}, maxTicksLimit: 8}},
        y: {beginAtZero: true, max: max, ticks: {font: {size: 10}, precision: 0, callback: (v) => numberFr.format(v) + suffix}}
      }
    };
  }

  async function loadCharts() {
    const days = lastDays(30);
    const labels = days.map((d) => dayFr.format(new Date(d + "T00:00:00Z")));
    const series = (kpi) => api("/api/kpis/series?kpi=" + kpi + "&dimension=overall&group=all&windowKind=DAY");
    try {
      const [mean, p90, onTime, critical] = await Promise.all([series("processing-time-sla-mean-hours"),
        series("processing-time-sla-p90-hours"), series("on-time-rate"), series("critical-on-time-rate")]);
      $("charts-section").hidden = false;
      chart("chart-processing", {
        type: "line",
        data: {labels, datasets: [
          {label: "moyenne", data: seriesOn(days, mean), borderColor: "#2f5bea", backgroundColor: "#2f5bea", tension: .3},
          {label: "p90", data: seriesOn(days, p90), borderColor: "#c77700", backgroundColor: "#c77700", borderDash: [4, 3], tension: .3}
        ]},
        options: lineOptions(" h")
      });
      const percent = (values) => seriesOn(days, values).map((v) => (v === null ? null : v * 100));
      chart("chart-on-time", {
        type: "line",
        data: {labels, datasets: [
          {label: "toutes", data: percent(onTime), borderColor: "#1f9d61", backgroundColor: "#1f9d61", tension: .3},
          {label: "critiques", data: percent(critical), borderColor: "#d1353b", backgroundColor: "#d1353b", tension: .3}
        ]},
        options: lineOptions(" %", 100)
      });
    } catch (failure) {
      if (!forbidden(failure, "charts-section")) console.warn("series", failure);
      return;
    }
    loadBreaches(days, labels);
  }

  async function loadBreaches(days, labels) {
    days = days || lastDays(30);
    labels = labels || days.map((d) => dayFr.format(new Date(d + "T00:00:00Z")));
    let alerts;
    try {
      alerts = await api("/api/sla-alerts?kind=BREACHED&limit=5000");
    } catch (failure) {
      return;
    }
    const perDay = new Map(days.map((d) => [d, 0]));
    alerts.forEach((a) => {
      const day = (a.crossedAt || a.detectedAt || "").slice(0, 10);
      if (perDay.has(day)) perDay.set(day, perDay.get(day) + 1);
    });
    chart("chart-breaches", {
      type: "bar",
      data: {labels, datasets: [{label: "dépassements", data: days.map((d) => perDay.get(d)), backgroundColor: "#d1353b", borderRadius: 3}]},
      options: Object.assign(lineOptions(""), {plugins: {legend: {display: false}}})
    });
  }

  // ---------------------------------------------------------------- board

  function text(tag, className, content) {
    const element = document.createElement(tag);
    if (className) element.className = className;
    element.textContent = content === undefined || content === null ? "" : String(content);
    return element;
  }

  function boardQuery() {
    const params = new URLSearchParams({limit: "200"});
    const status = $("filter-status").value;
    const type = $("filter-type").value.trim();
    const priority = $("filter-priority").value;
    const sla = $("filter-sla").value;
    if (status) params.set("status", status);
    if (type) params.set("type", type);
    if (priority) params.set("priority", priority);
    if (sla) params.set("sla", sla);
    return "/api/board?" + params;
  }

  async function loadBoard() {
    let tasks;
    try {
      tasks = (await api(boardQuery())).items;
    } catch (failure) {
      if (!forbidden(failure, "board-section")) console.warn("tasks", failure);
      return;
    }
    $("board-section").hidden = false;
    const rows = tasks.map((task) => {
      state.tasks.set(task.taskId, task);
      const row = document.createElement("tr");
      row.dataset.taskId = task.taskId;
      row.dataset.status = task.status;
      row.dataset.version = task.version;
      if (state.changed.has(task.taskId)) row.classList.add("flash");
      const sla = task.sla || {};
      const due = text("td", "due" + (["BREACHED", "MISSED"].includes(sla.state) ? " overdue" : ""),
          SLA_STATE[sla.state] || sla.state || "—");
      due.dataset.sla = sla.state || "";
      if (sla.dueAt) due.append(text("span", "sub", "échéance " + dateFr.format(new Date(sla.dueAt))
          + (sla.remainingSeconds != null && sla.remainingSeconds > 0
              ? " · reste " + Math.round(sla.remainingSeconds / 3600) + " h" : "")));
      const status = document.createElement("td");
      status.className = "status";
      status.append(text("span", "badge " + task.status, STATUS[task.status] || task.status));
      const priority = document.createElement("td");
      priority.append(text("span", "prio " + task.priority, PRIORITY[task.priority] || task.priority));
      const owner = task.owner || {};
      const agent = text("td", "agent", owner.agent || "—");
      if (owner.organisation) agent.append(text("span", "sub", owner.organisation));
      const title = text("td", "title", task.title || "(sans titre)");
      title.append(text("span", "sub", "demandée " + (task.requestedAt ? dateFr.format(new Date(task.requestedAt)) : "—")
          + (owner.requestedBy ? " par " + owner.requestedBy : "")
          + (task.sop ? " · SOP " + (task.sop.title || "") + " v" + task.sop.version : "")
          + (task.recurrence && task.recurrence.recurring ? " · récurrente" : "")));
      row.append(title, text("td", "type", task.type), priority, status, agent, due);
      return row;
    });
    state.changed.clear();
    $("board").tBodies[0].replaceChildren(...rows);
    $("board-empty").hidden = rows.length > 0;
    $("board-count").textContent = tasks.length;
    const types = new Set([...state.tasks.values()].map((t) => t.type).filter(Boolean));
    $("known-types").replaceChildren(...[...types].sort().map((t) => Object.assign(document.createElement("option"), {value: t})));
  }

  // ---------------------------------------------------------------- alerts

  async function loadAlerts() {
    const alerts = await readPanel("alerts-section", "/api/sla-alerts?open=true&limit=100");
    if (!alerts) return;
    state.alerts = alerts;
    renderAlerts();
  }

  function renderAlerts(fresh) {
    const items = state.alerts.map((alert) => {
      const item = document.createElement("li");
      item.className = alert.kind + (fresh && fresh === alert ? " fresh" : "");
      item.dataset.taskId = alert.taskId;
      item.dataset.kind = alert.kind;
      const task = state.tasks.get(alert.taskId);
      const what = (task && task.title ? task.title + " — " : "") + (alert.type || "tâche") + " · "
          + (PRIORITY[alert.priority] || alert.priority || "") + (alert.assignedOrganisation ? " · " + alert.assignedOrganisation : "");
      item.append(text("div", "kind", ALERT_KIND[alert.kind] || alert.kind), text("div", "what", what),
          text("div", "when", "échéance " + (alert.dueAt ? dateFr.format(new Date(alert.dueAt)) : "—")
              + " · détectée " + dateFr.format(new Date(alert.detectedAt)) + " · " + (alert.slaPolicy || "")));
      return item;
    });
    $("alerts").replaceChildren(...items);
    $("alerts-empty").hidden = items.length > 0;
    $("alerts-count").textContent = items.length;
  }

  function onAlert(alert) {
    state.alerts = [alert, ...state.alerts.filter((a) => !(a.taskId === alert.taskId && a.kind === alert.kind))];
    renderAlerts(alert);
    if (alert.kind === "BREACHED") debounce("breaches", 1000, () => loadBreaches());
  }

  // ---------------------------------------------------------------- access registry

  async function loadGrants() {
    const grants = await readPanel("access-section", "/api/access/grants?status=ACTIVE&limit=200"); // ADMIN, AUDITOR
    if (!grants) return;
    const rows = grants.map((g) => {
      const row = document.createElement("tr");
      row.dataset.grantId = g.grantId;
      row.append(text("td", null, g.principal), text("td", null, g.organisation), text("td", null, g.resource),
          text("td", null, g.level), text("td", "title", g.purpose),
          text("td", null, g.expiresAt ? dateFr.format(new Date(g.expiresAt)) : "sans expiration"),
          text("td", null, g.grantedBy + (g.grantedAt ? " · " + dateFr.format(new Date(g.grantedAt)) : "")));
      return row;
    });
    $("grants").tBodies[0].replaceChildren(...rows);
    $("grants-empty").hidden = rows.length > 0;
  }

  // ---------------------------------------------------------------- weekly reviews

  /**
   * The weekly review's headline figures: a KPI of the week (with its change against the week before) or a count of
   * the week's events, read from the review's JSON.
   */
  const REVIEW_FIGURES = [
    {kpi: "throughput", label: "Tâches livrées", format: "count"},
    {kpi: "on-time-rate", label: "Dans les délais", format: "percent"},
    {id: "sla-breached", label: "Dépassements SLA", format: "count", read: (review) => review.sla.breached},
    {id: "incidents", label: "Incidents signalés", format: "count", read: (review) => review.incidents.reported},
    {kpi: "time-saved-hours", label: "Temps gagné", format: "hours"},
    {kpi: "savings-eur", label: "Économies", format: "eur"}
  ];

  function weekLabel(weekStart) {
    return "Semaine du " + longDayFr.format(new Date(weekStart + "T00:00:00Z"));
  }

  /** The Monday (UTC) of the last week that has ended: the week the server accepts to generate. */
  function lastCompleteWeek(now) {
    const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
    const sinceMonday = (now.getUTCDay() + 6) % 7;
    return new Date(today - (sinceMonday + 7) * 86400000).toISOString().slice(0, 10);
  }

  function formatChange(change, format) {
    if (change === undefined || change === null) return "";
    const shown = format === "percent" ? changeFr.format(change * 100) + " pts"
        : format === "eur" ? eurChangeFr.format(change) : changeFr.format(change) + (format === "hours" ? " h" : "");
    return shown + " vs sem. préc.";
  }

  function showReviewError(failure) {
    const error = $("reviews-error");
    error.textContent = failure ? (failure instanceof TypeError ? "Le service est injoignable." : failure.message) : "";
    error.hidden = !failure;
  }

  async function loadReviews() {
    const reviews = await readPanel("reviews-section", "/api/reviews/weekly?limit=52"); // KPI readers
    if (!reviews) return;
    state.reviews = reviews;
    if (!reviews.some((r) => r.weekStart === state.reviewWeek)) state.reviewWeek = reviews.length ? reviews[0].weekStart : null;
    renderReviews();
    if (state.canGenerate === null) showGenerateToAdmins();
  }

  /** Only an admin generates a week: the page asks the server for the caller's roles (GET /api/me). */
  async function showGenerateToAdmins() {
    state.canGenerate = false;
    try {
      const caller = await api("/api/me");
      state.canGenerate = (caller.roles || []).includes("ADMIN");
    } catch (failure) {
      state.canGenerate = false;
    }
    $("review-generate").hidden = !state.canGenerate;
    $("reviews-section").dataset.canGenerate = String(state.canGenerate);
  }

  function renderReviews() {
    const items = state.reviews.map((review) => {
      const item = document.createElement("li");
      const button = text("button", "review-item" + (review.weekStart === state.reviewWeek ? " selected" : ""), weekLabel(review.weekStart));
      button.type = "button";
      button.dataset.week = review.weekStart;
      button.append(text("span", "sub", "générée le " + dateFr.format(new Date(review.generatedAt)) + " · révision " + review.revision));
      button.addEventListener("click", () => { state.reviewWeek = review.weekStart; showReviewError(null); renderReviews(); });
      item.append(button);
      return item;
    });
    $("review-list").replaceChildren(...items);
    $("reviews-count").textContent = items.length;
    $("reviews-empty").hidden = items.length > 0;
    const selected = state.reviews.find((r) => r.weekStart === state.reviewWeek);
    $("review-detail").hidden = !selected;
    if (selected) renderReview(selected);
  }

  async function renderReview(review) {
    const detail = $("review-detail");
    detail.dataset.week = review.weekStart;
    $("review-title").textContent = weekLabel(review.weekStart) + " au " + longDayFr.format(new Date(review.weekEnd + "T00:00:00Z"));
    $("review-meta").textContent = "révision " + review.revision + " · générée le " + dateFr.format(new Date(review.generatedAt))
        + " par " + review.generatedBy;
    const key = review.weekStart + "|" + review.revision;
    let figures = state.reviewFigures.get(key);
    if (!figures) {
      try {
        figures = await api(review.links.figures);
      } catch (failure) {
        showReviewError(failure);
        return;
      }
      state.reviewFigures.set(key, figures);
    }
    if (detail.dataset.week !== review.weekStart) return; // another week was chosen meanwhile
    const kpis = new Map((figures.kpis || []).map((k) => [k.kpi, k]));
    $("review-figures").replaceChildren(...REVIEW_FIGURES.map((figure) => {
      const kpi = figure.kpi ? kpis.get(figure.kpi) || {} : null;
      const value = kpi ? kpi.value : figure.read(figures);
      const element = document.createElement("div");
      element.className = "figure" + (value === undefined || value === null ? " none" : "");
      element.dataset.figure = figure.kpi || figure.id;
      element.append(text("div", "label", figure.label), text("div", "value", formatValue(value, figure.format)),
          text("div", "hint", kpi ? formatChange(kpi.change, figure.format) || "sem. préc. : —" : "dans la semaine"));
      return element;
    }));
  }

  function selectedReview() {
    return state.reviews.find((r) => r.weekStart === state.reviewWeek);
  }

  async function openReviewHtml() {
    const review = selectedReview();
    if (!review) return;
    showReviewError(null);
    try {
      const response = await request(review.links.html, {accept: "text/html, application/problem+json"});
      const url = URL.createObjectURL(await response.blob());
      const page = window.open(url, "_blank");
      if (!page) {
        URL.revokeObjectURL(url);
        throw new Error("Le navigateur a bloqué l'ouverture de la revue : autorisez les fenêtres de ce site.");
      }
      // The blob: page inherits this page's Content-Security-Policy, which refuses the report's inline <style>; the
      // same rules are handed to it as constructed style sheets, which the policy leaves to this origin's scripts.
      page.addEventListener("load", () => {
        page.document.adoptedStyleSheets = [...page.document.querySelectorAll("style")].map((style) => {
          const sheet = new page.CSSStyleSheet();
          sheet.replaceSync(style.textContent);
          return sheet;
        });
        URL.revokeObjectURL(url);
      }, {once: true});
    } catch (failure) {
      showReviewError(failure);
    }
  }

  async function downloadReviewPdf() {
    const review = selectedReview();
    if (!review) return;
    showReviewError(null);
    const button = $("review-download-pdf");
    try {
      const response = await request(review.links.pdf, {accept: "application/pdf, application/problem+json"});
      const named = /filename="?([^";]+)"?/.exec(response.headers.get("Content-Disposition") || "");
      const url = URL.createObjectURL(await response.blob());
      const link = Object.assign(document.createElement("a"), {href: url, download: named ? named[1] : "revue-" + review.weekStart + ".pdf"});
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60000); // the download reads the blob after the click returns
      button.dataset.downloaded = review.weekStart;
    } catch (failure) {
      showReviewError(failure);
    }
  }

  async function generateLastWeek() {
    const button = $("review-generate");
    button.disabled = true;
    showReviewError(null);
    try {
      const generated = await api("/api/reviews/weekly", {method: "POST", body: {weekStart: lastCompleteWeek(new Date())}});
      state.reviewWeek = generated.weekStart;
      await loadReviews();
    } catch (failure) {
      showReviewError(failure);
    } finally {
      button.disabled = false;
    }
  }

  // ---------------------------------------------------------------- live updates (SSE over fetch)

  function setLive(stateName, label) {
    const badge = $("live-status");
    badge.dataset.state = stateName;
    badge.textContent = label;
  }

  function stopLive() {
    if (state.live) state.live.abort();
    state.live = null;
    clearTimeout(state.timers.liveRetry);
    clearTimeout(state.timers.watchdog);
    setLive("off", "Hors ligne");
  }

  async function startLive() {
    stopLive();
    const controller = new AbortController();
    state.live = controller;
    setLive("connecting", "Connexion…");
    let keepAliveSeconds = 15;
    const watchdog = () => {
      clearTimeout(state.timers.watchdog);
      // three keep-alives missed: the stream is dead even if the socket did not say so
      state.timers.watchdog = setTimeout(() => controller.abort(), keepAliveSeconds * 3000 + 5000);
    };
    try {
      const response = await fetch("/api/live", {
        headers: {"Authorization": "Basic " + state.auth, "Accept": "text/event-stream"},
        credentials: "omit", cache: "no-store", signal: controller.signal
      });
      if (response.status === 401) {
        logout("Session expirée ou identifiants refusés.");
        return;
      }
      if (!response.ok || !response.body) throw new Error("HTTP " + response.status);
      watchdog();
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = "";
      for (;;) {
        const {value, done} = await reader.read();
        if (done) break;
        watchdog();
        buffer += value.replace(/\r\n?/g, "\n");
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const message = parseEvent(block);
          if (!message) continue;
          if (message.event === "ready") {
            keepAliveSeconds = message.data.keepAliveSeconds || keepAliveSeconds;
            state.liveRetry = 0;
            setLive("live", "En direct");
            watchdog();
          } else {
            dispatch(message);
          }
        }
      }
    } catch (failure) {
      if (state.live !== controller) return; // stopped on purpose (logout or a newer stream)
      console.info("live stream interrupted", failure);
    }
    if (state.live !== controller || !state.auth) return;
    // the stream ended (timeout, restart, network): reconnect with back-off, and reload what may have been missed
    setLive("connecting", "Reconnexion…");
    const delay = Math.min(30000, 1000 * Math.pow(2, state.liveRetry++));
    state.timers.liveRetry = setTimeout(() => { loadAll(); startLive(); }, delay);
  }

  function parseEvent(block) {
    let event = "message";
    const data = [];
    for (const line of block.split("\n")) {
      if (line === "" || line.startsWith(":")) continue; // comment: keep-alive
      const colon = line.indexOf(":");
      const field = colon < 0 ? line : line.slice(0, colon);
      let value = colon < 0 ? "" : line.slice(colon + 1);
      if (value.startsWith(" ")) value = value.slice(1);
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
    }
    if (data.length === 0) return null;
    try {
      return {event, data: JSON.parse(data.join("\n"))};
    } catch (ignored) {
      return null;
    }
  }

  function dispatch(message) {
    switch (message.event) {
      case "task": {
        const known = state.tasks.get(message.data.taskId);
        if (known && known.version >= message.data.version) return;
        state.changed.add(message.data.taskId);
        debounce("board", 250, loadBoard);
        break;
      }
      case "kpi":
        debounce("tiles", 2000, loadTiles);
        debounce("charts", 15000, loadCharts);
        break;
      case "sla-alert":
        onAlert(message.data);
        // the board shows each task's SLA verdict, which the alert just changed
        state.changed.add(message.data.taskId);
        debounce("board", 250, loadBoard);
        break;
      default:
        break;
    }
  }

  // ---------------------------------------------------------------- start

  function fillFilters() {
    const status = $("filter-status");
    Object.entries(STATUS).forEach(([value, label]) => status.append(Object.assign(document.createElement("option"), {value, textContent: label})));
    const priority = $("filter-priority");
    Object.entries(PRIORITY).forEach(([value, label]) => priority.append(Object.assign(document.createElement("option"), {value, textContent: label})));
    const sla = $("filter-sla");
    Object.entries(SLA_STATE).forEach(([value, label]) => sla.append(Object.assign(document.createElement("option"), {value, textContent: label})));
    ["filter-status", "filter-priority", "filter-sla"].forEach((id) => $(id).addEventListener("change", loadBoard));
    $("filter-type").addEventListener("input", () => debounce("type", 300, loadBoard));
    $("filters").addEventListener("submit", (event) => { event.preventDefault(); loadBoard(); });
  }

  document.addEventListener("DOMContentLoaded", () => {
    fillFilters();
    $("login-form").addEventListener("submit", login);
    $("logout").addEventListener("click", () => logout());
    $("review-generate").addEventListener("click", generateLastWeek);
    $("review-open-html").addEventListener("click", openReviewHtml);
    $("review-download-pdf").addEventListener("click", downloadReviewPdf);
    state.auth = sessionStorage.getItem(AUTH_KEY);
    const user = sessionStorage.getItem(USER_KEY);
    if (state.auth && user) start(user); else logout();
  });
})();
