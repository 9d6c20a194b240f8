// The text agent (src/platform/text_agent.hpp says why): a hidden <textarea> that holds the
// browser's focus while a text field in the app is active, so a phone shows its keyboard.
// What the textarea gains or loses is sent to the app as text and Backspaces, so IME
// composition, emoji, autocorrect (which rewrites the last word) and paste all arrive as typed.
(function () {
  "use strict";
  var canvas = document.getElementById("canvas");
  var ta = document.createElement("textarea");
  ta.id = "text-agent";
  ta.setAttribute("aria-label", "Text field of the app");
  ta.setAttribute("autocapitalize", "sentences");
  ta.setAttribute("rows", "1");
  ta.tabIndex = -1;
  document.body.appendChild(ta);

  var held = "";         // what the textarea holds that the app already has
  var composing = false;
  var wanted = false;    // the app has a text field active
  var field = 0;         // which one

  function app(name, types, args) {
    if (window.Module && Module["_" + name]) Module.ccall(name, null, types, args);
  }
  function key(name, e) {
    app("jup_agent_key", ["string", "number", "number", "number"],
        [name, e && (e.ctrlKey || e.metaKey) ? 1 : 0, e && e.shiftKey ? 1 : 0, e && e.altKey ? 1 : 0]);
  }
  function reset() { ta.value = ""; held = ""; }

  // Send the difference between what the app has and what the textarea now holds.
  function flush() {
    var now = ta.value, p = 0;
    while (p < held.length && p < now.length && held.charCodeAt(p) === now.charCodeAt(p)) ++p;
    if (p > 0 && p < held.length && held.charCodeAt(p - 1) >= 0xD800 && held.charCodeAt(p - 1) <= 0xDBFF) --p;  // not inside a pair
    var gone = Array.from(held.slice(p)).length;
    for (var i = 0; i < gone; ++i) key("Backspace", null);
    var added = now.slice(p);
    if (added) app("jup_agent_text", ["string"], [added]);
    held = now;
    if (held.length > 200 && !composing) reset();  // keep a word or two of context, not a novel
  }

  ta.addEventListener("compositionstart", function () { composing = true; });
  ta.addEventListener("compositionend", function () { composing = false; flush(); });
  ta.addEventListener("input", function (e) { if (!composing && !e.isComposing) flush(); });

  var editing = { Enter: 1, Tab: 1, Escape: 1, Delete: 1, ArrowLeft: 1, ArrowRight: 1, ArrowUp: 1, ArrowDown: 1,
                  Home: 1, End: 1, PageUp: 1, PageDown: 1 };
  var chords = { a: 1, c: 1, x: 1, z: 1, y: 1, f: 1 };  // Ctrl+V is left to the browser: it pastes into the textarea
  ta.addEventListener("keydown", function (e) {
    if (composing || e.isComposing || e.keyCode === 229) return;
    var k = e.key;
    if (k === "Backspace" && ta.value === "") { e.preventDefault(); key(k, e); return; }
    if (editing[k] || ((e.ctrlKey || e.metaKey) && chords[k.toLowerCase()])) {
      e.preventDefault();
      flush();
      key(chords[k.toLowerCase()] ? k.toLowerCase() : k, e);
      reset();  // the caret moved or the text changed in the app: the textarea's context is stale
    }
  });
  ["keydown", "keyup", "input"].forEach(function (t) {
    ta.addEventListener(t, function () { if (window.Module && Module._jup_wake) Module._jup_wake(); });
  });

  // Called by the app whenever a field becomes active or inactive, or its caret moves.
  function update(active, id, x, y, w, h, multiline) {
    wanted = active;
    if (id !== field) { field = id; reset(); }
    if (!active) {
      if (document.activeElement === ta) { reset(); canvas.focus({ preventScroll: true }); }
      return;
    }
    var r = canvas.getBoundingClientRect();
    ta.style.left = (r.left + x) + "px";
    ta.style.top = (r.top + y) + "px";
    ta.style.height = Math.max(h, 16) + "px";
    ta.setAttribute("enterkeyhint", multiline ? "enter" : "done");
    if (document.activeElement !== ta) { reset(); ta.focus({ preventScroll: true }); }
  }

  // A phone opens its keyboard only for a focus given inside the tap itself: when a finger
  // lifts, without having moved, on a text field the app drew, focus the textarea now.
  var start = null;
  canvas.addEventListener("touchstart", function (e) {
    var t = e.changedTouches[0];
    start = e.touches.length === 1 ? { x: t.clientX, y: t.clientY } : null;
  }, { passive: true });
  canvas.addEventListener("touchend", function (e) {
    var t = e.changedTouches[0];
    if (!start || !t || !window.Module || !Module._jup_text_field_at || !Module.touchTrack) return;
    if (Math.hypot(t.clientX - start.x, t.clientY - start.y) > Module.touchTrack.slop) return;  // a drag, not a tap
    var r = canvas.getBoundingClientRect();
    if (Module._jup_text_field_at(t.clientX - r.left, t.clientY - r.top)) { reset(); ta.focus({ preventScroll: true }); }
  }, { passive: true });
  // The app's field still active but the textarea lost focus (another window, a dismissed
  // keyboard): take it back when the canvas is touched or clicked again.
  canvas.addEventListener("focus", function () { if (wanted) ta.focus({ preventScroll: true }); });

  window.joinedupTextAgent = { update: update, element: ta };
})();
