// Loads the app: checks WebGL2, downloads the wasm and the content pack with a progress
// bar, writes the pack into the wasm file system, and exposes window.joinedup for tests.
(function () {
  "use strict";
  var statusEl = document.getElementById("status");
  var bar = document.getElementById("progress-bar");
  var progress = document.getElementById("progress");
  var canvas = document.getElementById("canvas");
  canvas.addEventListener("contextmenu", function (e) { e.preventDefault(); });  // right-drag pans the map
  var resolveReady, rejectReady;
  var ready = new Promise(function (res, rej) { resolveReady = res; rejectReady = rej; });
  ready.catch(function () {});  // failures are shown on the page; tests read them from the rejection

  var failed = false;
  function fail(message) {
    if (failed) return;  // keep the first reason; later progress must not overwrite it
    failed = true;
    document.body.classList.remove("running");
    statusEl.textContent = message;
    statusEl.className = "error";
    rejectReady(new Error(message));
  }

  function call(name, ret, types, args) { return Module.ccall(name, ret, types, args); }
  // The text-returning calls give "" when the app caught a failure; say why instead.
  function callJson(name) {
    var text = call(name, "string", [], []);
    if (!text) throw new Error(call("jup_last_error", "string", [], []) || name + " failed");
    return JSON.parse(text);
  }

  window.joinedup = {
    ready: ready,
    stats: function () {
      var s = callJson("jup_stats");
      s.loadMs = window.joinedup.loadMs;
      s.heapBytes = Module.HEAP8 ? Module.HEAP8.length : 0;
      return s;
    },
    state: function () { return callJson("jup_state"); },
    tally: function () { return callJson("jup_tally"); },
    // Tests: the labelled widgets of the last frame, [{label, id, kind, x, y, w, h, visible}] in
    // CSS pixels (kind: button, input, checkbox, radio, tab, header, slider or other; label: what
    // a person sees, a text field's hint or heading). The first call turns the probe on;
    // ask again after a frame. stats().overflowPx then says how far the last frame drew past the
    // right edge (0: everything fits).
    widgets: function () { return callJson("jup_widgets"); },
    items: function () { return callJson("jup_widgets"); },
    // The first widget of the last frame with this visible label (or "##id"), or null.
    locate: function (label) {
      var all = callJson("jup_widgets");
      for (var i = 0; i < all.length; ++i) if (all[i].label === label || all[i].id === label) return all[i];
      return null;
    },
    exportAnswers: function () { return callJson("jup_export"); },
    // Same path as the file picker and drag-and-drop: files = [{name, text}].
    addFiles: function (purpose, files) { call("jup_files", null, ["string", "string"], [purpose, JSON.stringify(files)]); },
    dispatch: function (action) {
      var text = typeof action === "string" ? action : JSON.stringify(action);
      var err = call("jup_dispatch", "string", ["string"], [text]);
      if (err) throw new Error(err);
      return window.joinedup.state();
    }
  };

  // The link to the text edition goes to the board open in the app, once the app runs.
  var srLink = document.getElementById("sr-link");
  if (srLink) srLink.addEventListener("focus", function () {
    try {
      var board = document.body.classList.contains("running") && window.joinedup.state().nav.board;
      srLink.href = board ? "text/boards/" + encodeURIComponent(board) + ".html" : "text/boards.html";
    } catch (e) { /* the default, the list of boards */ }
  });

  // The app takes Tab for its own controls. When none of them has the keyboard (Escape clears it),
  // Shift+Tab goes to the browser instead, back to the page's links: the keyboard is never trapped.
  // (A capture listener on the window runs before the app's own, on the canvas.)
  window.addEventListener("keydown", function (e) {
    if (e.key !== "Tab" || !e.shiftKey || document.activeElement !== canvas) return;
    if (window.Module && Module._jup_nav_idle && Module._jup_nav_idle()) e.stopImmediatePropagation();
  }, true);

  // Offline: a service worker keeps a copy of this release (not on file://).
  if ("serviceWorker" in navigator && /^https?:$/.test(location.protocol)) {
    navigator.serviceWorker.register("sw.js").catch(function (e) { console.warn("offline copy unavailable: " + e.message); });
  }

  if (!document.createElement("canvas").getContext("webgl2")) {
    fail("This browser cannot show Joined-Up: it needs WebGL2, which is missing or turned off. " +
         "Try an up-to-date Firefox, Chrome, Edge or Safari.");
    return;
  }

  function fetchWithProgress(url, onBytes) {
    return fetch(url).then(function (r) {
      if (!r.ok) throw new Error(url + " could not be downloaded (HTTP " + r.status + ")");
      if (!r.body || !r.body.getReader) return r.arrayBuffer().then(function (b) { onBytes(b.byteLength); return b; });
      var reader = r.body.getReader(), chunks = [], n = 0;
      function pump() {
        return reader.read().then(function (x) {
          if (x.done) {
            var out = new Uint8Array(n), o = 0;
            chunks.forEach(function (c) { out.set(c, o); o += c.length; });
            return out.buffer;
          }
          chunks.push(x.value); n += x.value.length; onBytes(x.value.length);
          return pump();
        });
      }
      return pump();
    });
  }

  function makeModule(extra) {
    var m = {
      canvas: canvas,
      print: function (t) { console.log(t); },
      printErr: function (t) { console.warn(t); },
      fail: fail,
      onFirstFrame: function () {
        window.joinedup.loadMs = performance.now();
        document.body.classList.add("running");
        // Keys go to the app, unless the person already moved the focus (to the text edition's link).
        if (!document.activeElement || document.activeElement === document.body) canvas.focus();
        resolveReady();
      },
      onAbort: function (what) { fail("Joined-Up stopped unexpectedly: " + what); }
    };
    for (var k in extra) m[k] = extra[k];
    return m;
  }

  if (window.JOINEDUP_SINGLE_FILE) {
    // The single-file build: the wasm and the content pack are inside this page already.
    statusEl.textContent = "Starting…";
    window.Module = makeModule({});
  } else {
  statusEl.textContent = "Downloading the app and its content…";
  fetch("manifest.json").then(function (r) {
    if (!r.ok) throw new Error("manifest.json could not be downloaded (HTTP " + r.status + ")");
    return r.json();
  }).then(function (manifest) {
    var total = manifest.files.reduce(function (a, f) { return a + f.bytes; }, 0), done = 0;
    function onBytes(n) {
      if (failed) return;
      done += n;
      var pct = Math.min(100, Math.round(100 * done / Math.max(1, total)));
      bar.style.width = pct + "%";
      progress.setAttribute("aria-valuenow", String(pct));
      statusEl.textContent = "Downloading the app and its content… " + pct + "%";
    }
    return Promise.all(manifest.files.map(function (f) {
      return fetchWithProgress(f.path, onBytes).then(function (buf) { return { path: f.path, data: new Uint8Array(buf) }; });
    }));
  }).then(function (files) {
    if (failed) return;
    statusEl.textContent = "Starting…";
    var wasm = files.filter(function (f) { return f.path === "joinedup.wasm"; })[0];
    window.Module = makeModule({
      wasmBinary: wasm.data,
      preRun: [function () {
        files.forEach(function (f) {
          if (f.path.indexOf("data/") !== 0) return;
          var parts = ("/" + f.path).split("/"), dir = "";
          for (var i = 1; i < parts.length - 1; i++) {
            dir += "/" + parts[i];
            try { Module.FS.mkdir(dir); } catch (e) { /* exists */ }
          }
          Module.FS.writeFile("/" + f.path, f.data);
        });
      }]
    });
    var s = document.createElement("script");
    s.src = "joinedup.js";
    s.onerror = function () { fail("joinedup.js could not be downloaded. Check your connection and reload."); };
    document.body.appendChild(s);
  }).catch(function (e) {
    fail("Joined-Up could not load: " + e.message + ". Check your connection and reload.");
  });
  }

  // Files: offered as downloads, chosen with a picker, or dropped on the page. They are read
  // here and handed to the app; nothing is uploaded anywhere.
  window.joinedupDownload = function (name, mime, text) {
    var url = URL.createObjectURL(new Blob([text], { type: mime }));
    var a = document.createElement("a");
    a.href = url; a.download = name; document.body.appendChild(a); a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 1000);
  };
  function readFiles(list) {
    return Promise.all(Array.prototype.map.call(list, function (f) {
      return f.text().then(function (text) { return { name: f.name, text: text }; },
                           function () { return { name: f.name, text: "" }; });
    }));
  }
  window.joinedupPickFiles = function (purpose, multiple) {
    var input = document.createElement("input");
    input.type = "file"; input.accept = ".json,application/json"; input.multiple = !!multiple;
    input.style.display = "none";
    input.addEventListener("change", function () {
      readFiles(input.files).then(function (files) { window.joinedup.addFiles(purpose, files); input.remove(); });
    });
    document.body.appendChild(input);
    input.click();
  };
  window.addEventListener("dragover", function (e) { e.preventDefault(); });
  window.addEventListener("drop", function (e) {
    e.preventDefault();
    if (!document.body.classList.contains("running") || !e.dataTransfer) return;
    readFiles(e.dataTransfer.files).then(function (files) { window.joinedup.addFiles("drop", files); });
  });

  // A share link opened while the app is running.
  window.addEventListener("hashchange", function () {
    if (window.Module && Module._jup_hash && document.body.classList.contains("running"))
      call("jup_hash", null, ["string"], [location.hash]);
  });

  // Another tab of this site changed the saved answers or the room tally: the app takes the
  // newer copy instead of overwriting it with its own.
  window.addEventListener("storage", function (e) {
    try { if (e.storageArea && e.storageArea !== window.localStorage) return; } catch (x) { return; }
    if (window.Module && Module._jup_storage && document.body.classList.contains("running"))
      call("jup_storage", null, ["string"], [e.key || ""]);
  });

  // Follow the visual viewport: a phone's keyboard or a pinch leaves less of the page visible.
  function fitViewport() {
    var vv = window.visualViewport;
    if (!vv) return;
    document.documentElement.style.setProperty("--app-height", vv.height + "px");
    document.documentElement.style.setProperty("--app-top", vv.offsetTop + "px");
    if (window.Module && Module._jup_wake && document.body.classList.contains("running")) Module._jup_wake();
  }
  if (window.visualViewport) {
    visualViewport.addEventListener("resize", fitViewport);
    visualViewport.addEventListener("scroll", fitViewport);
    fitViewport();
  }

  // The app stops rendering when idle; any input wakes it.
  ["pointerdown", "pointermove", "pointerup", "wheel", "keydown", "keyup", "touchstart", "touchmove",
   "touchend", "resize", "orientationchange", "focus", "visibilitychange"].forEach(function (type) {
    window.addEventListener(type, function () {
      if (window.Module && Module._jup_wake && document.body.classList.contains("running")) Module._jup_wake();
    }, { capture: true, passive: true });
  });
})();
