// The text edition's board pages take answers (progressive enhancement: without this script a
// page reads as a plain page, its controls hidden). Loads answer-core.wasm, Joined-Up's core
// without graphics, hands it the content pack and the session kept in this browser, and keeps the
// page's native form controls in step with its board page: each change is sent as the action
// the canvas app would send, through the same apply(). Both editions keep the same localStorage
// key, so answers given in one are in the other; a write by another tab is adopted, never
// overwritten. Results and refusals are said in the page's aria-live region.
(function () {
  "use strict";
  var intro = document.querySelector("[data-board]");
  var script = document.currentScript;
  if (!intro || !script) return;
  var boardId = intro.getAttribute("data-board");
  var here = new URL(".", script.src).href;  // .../text/
  var root = new URL("../", here).href;      // the site: the app, manifest.json and data/
  var KEY = "joinedup.session";
  var RATINGS = ["Not at all", "A little", "Quite a lot", "A lot"];
  var live = document.getElementById("answer-live");
  var core = null, page = null, storageOk = true, toldOtherTab = false;
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  ready.catch(function () {});

  // What is said last is announced (again when said again) and shown at the foot of the window
  // for a few seconds; then only screen readers keep it, so that it covers nothing for long.
  var quietTimer;
  function say(text) {
    live.textContent = "";
    live.classList.remove("quiet");
    clearTimeout(quietTimer);
    setTimeout(function () { live.textContent = text; }, 30);
    quietTimer = setTimeout(function () { live.classList.add("quiet"); }, 7000);
  }

  // ---- the module: strings in through malloc (the content pack is too big for the stack) ----
  function call(name) {
    var args = Array.prototype.slice.call(arguments, 1), ptrs = [];
    try {
      var given = args.map(function (a) {
        if (typeof a !== "string") return a;
        var n = core.lengthBytesUTF8(a) + 1, p = core._malloc(n);
        core.stringToUTF8(a, p, n);
        ptrs.push(p);
        return p;
      });
      return JSON.parse(core.UTF8ToString(core["_" + name].apply(null, given)));
    } finally {
      ptrs.forEach(function (p) { core._free(p); });
    }
  }

  // ---- browser storage: any call may throw (private mode, storage off, a full quota) ----
  function stored() {
    try { return localStorage.getItem(KEY) || ""; } catch (e) { storageOk = false; return ""; }
  }
  function keep(key, text) {
    try { localStorage.setItem(key, text); storageOk = true; return true; } catch (e) { storageOk = false; return false; }
  }
  var NOT_KEPT = "This browser is not keeping your answers (storage is off or full). Save them to a file before you leave this page.";
  function saved(r) {
    if (r && typeof r.save === "string" && !keep(KEY, r.save)) say(NOT_KEPT);
  }

  // ---- sending actions ----
  function send(action, then) {
    flushTexts();
    var r = call("jup_apply", JSON.stringify(action));
    saved(r);
    refresh();
    if (!r.ok) say(r.error);
    else if (then) say(typeof then === "function" ? then() : then);
    return r;
  }
  function withText(action, text) {
    var a = JSON.parse(JSON.stringify(action));
    a.text = text;
    return a;
  }

  // ---- keeping the controls in step with the module's board page ----
  function el(sel, from) { return (from || document).querySelector(sel); }
  function all(sel, from) { return Array.prototype.slice.call((from || document).querySelectorAll(sel)); }
  function byItem(kind, id) { return el('[data-control="' + kind + '"][data-item="' + CSS.escape(id) + '"]'); }
  function entry(id) { return page.entries.filter(function (e) { return e.id === id; })[0]; }
  function option(list, id) { return list.options.filter(function (o) { return o.id === id; })[0]; }

  var dirty = {};  // textareas typed in and not yet sent: a sync must not overwrite them
  function setText(id, value) {
    var t = document.getElementById(id);
    if (t && !dirty[id] && t.value !== value) t.value = value;
  }

  function refresh() {
    page = call("jup_board", boardId);
    if (!page.ok) throw new Error(page.error);
    page.entries.forEach(function (e) {
      if (e.control === "rating") {
        var f = byItem("rating", e.id);
        if (!f) return;
        all("input[type=radio]", f).forEach(function (r) { r.checked = Number(r.value) === e.rating; });
        el("[data-clear]", f).hidden = e.rating < 0;
      } else {
        var box = byItem(e.control, e.id);
        if (box) el("input", box).checked = e.on;
      }
    });
    if (page.priorities) {
      page.priorities.options.forEach(function (o) {
        var box = byItem("priority", o.id);
        if (!box) return;
        el("input", box).checked = o.on;
        el(".hint", box).textContent = o.hint;
      });
      setText("deprioritised", page.priorities.deprioritised);
      el('[data-status="priorities"]').textContent = page.priorities.status;
    }
    if (page.pool) {
      var any = false;
      page.pool.options.forEach(function (o) {
        var box = byItem("pool", o.id);
        if (box) el("input", box).checked = o.on;
        any = any || o.on;
      });
      el('[data-control="pool-clear"]').hidden = !any;
      var ul = el("[data-exceptions]");
      ul.textContent = "";
      page.pool.exceptions.forEach(function (text, i) {
        var li = document.createElement("li"), b = document.createElement("button");
        li.appendChild(document.createTextNode(text + " "));
        b.type = "button"; b.className = "secondary"; b.setAttribute("data-remove", String(i));
        b.textContent = "Remove";
        b.setAttribute("aria-label", "Remove: " + text);
        li.appendChild(b);
        ul.appendChild(li);
      });
    }
    setText("note", page.note);
  }

  // A text box's words go to the module when it loses focus, when typing pauses, and before
  // any other action (so that Save always includes what was just typed).
  var timers = {};
  function textAction(id, value) {
    if (id === "note") return withText(page.set_note, value);
    if (id === "deprioritised") return withText(page.priorities.set_deprioritised, value);
    return null;
  }
  function sendText(id) {
    clearTimeout(timers[id]);
    if (!dirty[id]) return false;
    dirty[id] = false;
    var a = textAction(id, document.getElementById(id).value);
    var r = call("jup_apply", JSON.stringify(a));
    saved(r);
    if (!r.ok) { dirty[id] = true; say(r.error); }
    return r.ok;
  }
  function flushTexts() {
    Object.keys(dirty).forEach(function (id) { if (dirty[id]) sendText(id); });
  }

  // ---- the page's events ----
  document.addEventListener("change", function (ev) {
    if (!page) return;
    var t = ev.target, box = t.closest("[data-control]");
    if (!box) return;
    var kind = box.getAttribute("data-control"), id = box.getAttribute("data-item");
    if (kind === "rating" && t.type === "radio") {
      var e = entry(id), v = Number(t.value);
      send(e.rate[v], function () { return "Rated: " + RATINGS[v] + ". " + page.rating_progress.replace(/^.*\? /, ""); });
    } else if (kind === "back" || kind === "signup") {
      var en = entry(id);
      send(en.toggle, function () { return (entry(id).on ? "Ticked: " : "Unticked: ") + en.label + "."; });
    } else if (kind === "priority") {
      send(option(page.priorities, id).toggle, function () { return page.priorities.status; });
    } else if (kind === "pool") {
      send(option(page.pool, id).toggle, "Your choice is saved.");
    } else if (kind === "open") {
      openFile(t);
    } else if (kind === "note" || kind === "deprioritised") {
      sendText(kind);
      if (!dirty[kind]) {  // sent now, or already when typing paused
        refresh();
        say(kind === "note" ? "Your note is kept." : page.priorities.status);
      }
    }
  });
  document.addEventListener("input", function (ev) {
    var id = ev.target.id;
    if (!page || (id !== "note" && id !== "deprioritised")) return;
    dirty[id] = true;
    clearTimeout(timers[id]);
    timers[id] = setTimeout(function () { sendText(id); }, 700);
  });
  document.addEventListener("click", function (ev) {
    if (!page) return;
    var b = ev.target.closest("button");
    if (!b) return;
    if (b.hasAttribute("data-clear")) {
      var id = b.closest("[data-item]").getAttribute("data-item"), e = entry(id);
      send(e.rate[e.rating], "Rating cleared.");
      var first = el("input[type=radio]", b.closest("fieldset"));
      if (first) first.focus();
    } else if (b.hasAttribute("data-remove")) {
      send(page.pool.remove_exception[Number(b.getAttribute("data-remove"))], "Reason removed.");
      document.getElementById("exception").focus();
    }
    var kind = b.getAttribute("data-control");
    if (kind === "pool-clear") {
      var on = page.pool.options.filter(function (o) { return o.on; })[0];
      if (on) send(on.toggle, "Your choice is cleared.");
    } else if (kind === "exception-add") {
      var box = document.getElementById("exception");
      if (!box.value.trim()) return say("Write your reason in the box first.");
      if (send(withText(page.pool.add_exception, box.value), "Reason added.").ok) box.value = "";
    } else if (kind === "save") {
      saveFile();
    } else if (kind === "clear") {
      clearAll();
    } else if (kind === "share") {
      makeShare();
    } else if (kind === "copy") {
      copyShare();
    }
  });

  // ---- files and the share link ----
  function saveFile() {
    flushTexts();
    var f = call("jup_export", new Date().toISOString());
    if (!f.ok) return say(f.error);
    var url = URL.createObjectURL(new Blob([f.text], { type: "application/json" }));
    var a = document.createElement("a");
    a.href = url; a.download = f.name; document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
    say("Your answers are saved as " + f.name + ", in your downloads. Give this file to your facilitator to hand them in.");
  }

  // As the app's "Clear my answers": every board, after asking (nothing typed goes unasked).
  function clearAll() {
    flushTexts();
    if (!window.confirm("Clear every answer in this browser, on every board? This cannot be undone; save them to a file first to keep them."))
      return say("Your answers are unchanged.");
    dirty = {};
    send({ type: "clear_answers" }, "Your answers are cleared, on every board.");
    all("textarea").forEach(function (t) { t.value = ""; });
  }

  function openFile(input) {
    var file = input.files && input.files[0];
    if (!file) return;
    file.text().then(function (text) {
      input.value = "";
      if (page.has_answers && !window.confirm("Replace the answers in this browser with those in \"" + file.name +
          "\"? Your current answers will be lost unless you save them to a file first.")) return say("Your answers are unchanged.");
      var r = call("jup_import", file.name, text);
      saved(r);
      dirty = {};
      refresh();
      say(r.ok ? r.notice : file.name + ": " + r.notice);
    }, function () { say(file.name + " could not be read. Your answers are unchanged."); });
  }

  function makeShare() {
    flushTexts();
    send({ type: "open_board", board: boardId });  // the link opens this board
    var r = call("jup_share", root);
    if (!r.ok) return say(r.error);
    el("[data-share]").hidden = false;
    var box = document.getElementById("share-url");
    box.value = r.url;
    el("[data-share-note]").textContent = r.dropped_text ? "Your notes and written reasons are left out, to keep the link short." : "";
    box.focus();
    box.select();
    say("Your share link is in the box under the button, selected.");
  }

  function copyShare() {
    var box = document.getElementById("share-url");
    var done = function () { say("Link copied."); }, failed = function () { box.focus(); box.select(); say("Could not copy: the link is selected, copy it with Ctrl+C."); };
    try { navigator.clipboard.writeText(box.value).then(done, failed); } catch (e) { failed(); }
  }

  // A share link opened on a board page: its answers replace these only when the person agrees.
  function openShareHash() {
    var frag = location.hash;
    if (!/^#s\d+\./.test(frag)) return;
    history.replaceState(null, "", location.pathname + location.search);  // a reload does not open it again
    var c = call("jup_check_share", frag);
    if (c.error) return say(c.error);
    var keepMine = !!c.question && !window.confirm(c.question + " Replace your answers with the link's?");
    var r = call("jup_open_share", frag, keepMine ? 1 : 0);
    saved(r);
    say(r.notice || (keepMine ? "Your answers are unchanged." : "The link's answers are now in this browser."));
  }

  window.addEventListener("hashchange", function () { if (page) { openShareHash(); refresh(); } });

  // Another tab (the canvas app, or another page of this edition) saved the session.
  window.addEventListener("storage", function (e) {
    try { if (e.storageArea && e.storageArea !== window.localStorage) return; } catch (x) { return; }
    if (!page || (e.key !== null && e.key !== KEY)) return;
    var r = call("jup_other_tab", stored());
    saved(r);
    refresh();
    if (r.changed && !toldOtherTab) { toldOtherTab = true; say(r.notice); }
  });

  // ---- start ----
  function loadScript(src) {
    return new Promise(function (res, rej) {
      var s = document.createElement("script");
      s.src = src; s.onload = res;
      s.onerror = function () { rej(new Error(src + " could not be downloaded")); };
      document.head.appendChild(s);
    });
  }
  function fetchText(url) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url.replace(root, "") + " could not be downloaded (HTTP " + r.status + ")");
      return r.text();
    });
  }

  Promise.all([
    loadScript(here + "answer-core.js").then(function () { return JoinedUpCore({ locateFile: function (p) { return here + p; } }); }),
    fetchText(root + "manifest.json").then(function (m) {
      var files = JSON.parse(m).files.filter(function (f) { return /^data\//.test(f.path) && !/^data\/geo\//.test(f.path); });
      return Promise.all(files.map(function (f) {
        return fetchText(root + f.path).then(function (text) { return { path: f.path.slice(5), text: text }; });
      }));
    })
  ]).then(function (got) {
    core = got[0];
    var l = call("jup_load", JSON.stringify(got[1]));
    if (!l.ok && l.error) throw new Error(l.error);
    var raw = stored();
    var o = call("jup_open", raw, Date.now());
    if (o.backup_key) keep(o.backup_key, raw);
    saved(o);
    refresh();
    all(".answer[hidden]").forEach(function (x) { x.hidden = false; });
    all("[data-answer-off]").forEach(function (x) { x.remove(); });
    if (o.notice) say(o.notice);
    else if (!storageOk) say(NOT_KEPT);
    openShareHash();
    refresh();
    resolveReady();
  }).catch(function (e) {
    say("Answering on this page is not available (" + e.message + "). You can still read it all, or answer in the interactive version.");
    rejectReady(e);
  });

  // For tests and for anyone curious: the session as the app's window.joinedup.state() gives it.
  window.joinedupText = {
    ready: ready,
    state: function () { return call("jup_state"); },
    board: function () { return page; }
  };
})();
