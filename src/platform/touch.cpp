#include "platform/touch.hpp"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <emscripten.h>

#include "imgui.h"
#include "imgui_internal.h"

namespace touch {
namespace {

// The speed of a flick comes from the browser's own touch times: on a slow phone a long frame
// bunches SDL's events, which then all carry the same time.
EM_JS(void, js_touch_track, (double long_press_ms, double slop_px), {
    if (Module.touchTrack) return;
    var s = Module.touchTrack = { moves: [], start: 0, end: 0, long: false, timer: 0, slop: slop_px };
    var c = document.getElementById("canvas");
    function rec(e) {
        var t = e.touches[0];
        if (!t) return;
        s.moves.push([e.timeStamp, t.clientX, t.clientY]);
        if (s.moves.length > 32) s.moves.shift();
    }
    // A long press is decided by a timer from when the page saw the finger land: a slow frame,
    // or touch events stamped before the page could handle them, must not make a tap long.
    function cancel() { clearTimeout(s.timer); s.timer = 0; }
    c.addEventListener("touchstart", function (e) {
        if (e.touches.length === 1) {
            s.moves.length = 0, s.start = e.timeStamp, s.long = false;
            cancel();
            s.timer = setTimeout(function () {
                s.long = true;
                if (Module._jup_wake) Module._jup_wake();
            }, long_press_ms);
        } else cancel();
        rec(e);
    }, { passive: true, capture: true });
    c.addEventListener("touchmove", function (e) {
        rec(e);
        var a = s.moves[0], b = s.moves[s.moves.length - 1];
        if (a && b && Math.hypot(b[1] - a[1], b[2] - a[2]) > slop_px) cancel();  // a drag
    }, { passive: true, capture: true });
    c.addEventListener("touchend", function (e) { s.end = e.timeStamp; cancel(); }, { passive: true, capture: true });
});
// Whether the finger has been held still for a long press (the page's timer above).
EM_JS(int, js_long_press, (), { return Module.touchTrack && Module.touchTrack.long ? 1 : 0; });
// px per ms over the last 100 ms of the drag; 0 if the finger was held still before it lifted.
EM_JS(void, js_touch_velocity, (float* out), {
    var s = Module.touchTrack, m = s ? s.moves : [];
    HEAPF32[out >> 2] = 0; HEAPF32[(out >> 2) + 1] = 0;
    if (m.length < 2) return;
    var last = m[m.length - 1], i = m.length - 1;
    if (s.end - last[0] > 80) return;
    while (i > 0 && last[0] - m[i - 1][0] <= 100) --i;
    var first = m[i], dt = last[0] - first[0];
    if (i === m.length - 1) first = m[i - 1], dt = last[0] - first[0];
    if (dt <= 0) return;
    HEAPF32[out >> 2] = (last[1] - first[1]) / dt;
    HEAPF32[(out >> 2) + 1] = (last[2] - first[2]) / dt;
});

enum class Mode { Idle, Pending, Scrolling, Passthrough, LongPress, Cancelled };

struct Finger {
    Mode mode = Mode::Idle;
    SDL_FingerID id = 0;
    int down = 0;                 // fingers on the screen
    ImVec2 start, at;             // CSS px
    ImVec2 pending{0, 0};         // drag not yet applied as scroll
    ImVec2 velocity{0, 0};        // px per ms, for the glide
    ImGuiID scroll_x = 0, scroll_y = 0;  // the windows the drag scrolls
    double last_frame_ms = 0;
} f;

bool inside(ImVec2 p, const float a[4]) { return a[2] > 0 && p.x >= a[0] && p.y >= a[1] && p.x < a[0] + a[2] && p.y < a[1] + a[3]; }

int depth(ImGuiWindow* w) {
    int d = 0;
    for (; w && w->ParentWindow; w = w->ParentWindow) ++d;
    return d;
}

// The window drawn under p in the last frame: the front-most root, then its deepest child.
ImGuiWindow* window_at(ImVec2 p) {
    ImGuiContext& g = *GImGui;
    ImGuiWindow* best = nullptr;
    int best_root = -1, best_depth = -1;
    for (int i = 0; i < g.Windows.Size; ++i) {
        ImGuiWindow* w = g.Windows[i];
        if (!w->WasActive || w->Hidden || (w->Flags & ImGuiWindowFlags_NoMouseInputs) || !w->OuterRectClipped.Contains(p)) continue;
        int root = g.Windows.index_from_ptr(g.Windows.find(w->RootWindow));
        int d = depth(w);
        if (root > best_root || (root == best_root && d > best_depth)) best = w, best_root = root, best_depth = d;
    }
    return best;
}

void choose_scroll_targets(ImVec2 p) {
    f.scroll_x = f.scroll_y = 0;

    for (ImGuiWindow* w = window_at(p); w; w = w->ParentWindow) {
        if (!f.scroll_y && w->ScrollMax.y > 0) f.scroll_y = w->ID;
        if (!f.scroll_x && w->ScrollMax.x > 0) f.scroll_x = w->ID;
    }
}

// Scrolls by d (finger movement: content follows the finger); false once nothing moves.
bool scroll_by(ImVec2 d) {
    bool moved = false;
    if (ImGuiWindow* w = f.scroll_y ? ImGui::FindWindowByID(f.scroll_y) : nullptr) {
        float to = ImClamp(w->Scroll.y - d.y, 0.0f, w->ScrollMax.y);
        moved |= std::fabs(to - w->Scroll.y) >= 0.5f;
        ImGui::SetScrollY(w, to);
    }
    if (ImGuiWindow* w = f.scroll_x ? ImGui::FindWindowByID(f.scroll_x) : nullptr) {
        float to = ImClamp(w->Scroll.x - d.x, 0.0f, w->ScrollMax.x);
        moved |= std::fabs(to - w->Scroll.x) >= 0.5f;
        ImGui::SetScrollX(w, to);
    }
    return moved;
}

void mouse_at(ImVec2 p) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMousePosEvent(p.x, p.y);
}

void mouse_away() { mouse_at(ImVec2(-FLT_MAX, -FLT_MAX)); }

void button(bool down) {
    ImGuiIO& io = ImGui::GetIO();
    io.AddMouseSourceEvent(ImGuiMouseSource_TouchScreen);
    io.AddMouseButtonEvent(0, down);
}

}  // namespace

void install() { js_touch_track(kLongPressMs, kSlopPx); }

bool handle(const SDL_Event& e, float w, float h, const float drag_area[4], double now) {
    if (e.type != SDL_FINGERDOWN && e.type != SDL_FINGERMOTION && e.type != SDL_FINGERUP) return false;
    ImVec2 p(e.tfinger.x * w, e.tfinger.y * h);
    if (e.type == SDL_FINGERDOWN) {
        if (++f.down > 1) {  // a second finger: no tap; the map pinches
            if (f.mode == Mode::Pending) f.mode = Mode::Cancelled;
            return true;
        }
        f = Finger{Mode::Pending, e.tfinger.fingerId, 1, p, p};
        mouse_away();  // a hover left by an earlier long press goes
        if (inside(p, drag_area)) {
            f.mode = Mode::Passthrough;
            mouse_at(p);
            button(true);
        }
        return true;
    }
    if (e.type == SDL_FINGERUP) f.down = f.down > 0 ? f.down - 1 : 0;
    if (e.tfinger.fingerId != f.id) return true;
    ImVec2 d(p.x - f.at.x, p.y - f.at.y);
    if (e.type == SDL_FINGERMOTION) {
        f.at = p;
        switch (f.mode) {
            case Mode::Pending:
                if (std::hypot(p.x - f.start.x, p.y - f.start.y) > kSlopPx) {
                    f.mode = Mode::Scrolling;
                    choose_scroll_targets(f.start);
                    f.pending = ImVec2(p.x - f.start.x, p.y - f.start.y);
                }
                break;
            case Mode::Scrolling: f.pending = ImVec2(f.pending.x + d.x, f.pending.y + d.y); break;
            case Mode::Passthrough:
            case Mode::LongPress: mouse_at(p); break;
            default: break;
        }
        return true;
    }
    // The finger lifted.
    switch (f.mode) {
        case Mode::Pending:  // a tap
            mouse_at(p);
            button(true);
            button(false);
            mouse_away();
            f.mode = Mode::Idle;
            break;
        case Mode::Passthrough:
            button(false);
            mouse_away();
            f.mode = Mode::Idle;
            break;
        case Mode::Scrolling:
            float v[2];
            js_touch_velocity(v);
            f.velocity = ImVec2(v[0], v[1]);
            f.last_frame_ms = now;
            break;  // stays Scrolling while it glides (new_frame ends it)
        case Mode::LongPress: break;  // the hover stays until the next touch
        default: f.mode = Mode::Idle; break;
    }
    return true;
}

void new_frame(double now) {
    if (f.mode == Mode::Pending && js_long_press()) {
        f.mode = Mode::LongPress;
        mouse_at(f.at);
    }
    if (f.mode != Mode::Scrolling) return;
    if (f.down > 0) {
        scroll_by(f.pending);
        f.pending = ImVec2(0, 0);
        return;
    }
    // Gliding: the speed decays like a flick on a phone's own lists (time constant 325 ms).
    double dt = std::min(50.0, std::max(0.0, now - f.last_frame_ms));
    f.last_frame_ms = now;
    ImVec2 step(f.pending.x + f.velocity.x * (float)dt, f.pending.y + f.velocity.y * (float)dt);
    f.pending = ImVec2(0, 0);
    float decay = (float)std::exp(-dt / 325.0);
    f.velocity = ImVec2(f.velocity.x * decay, f.velocity.y * decay);
    bool moved = scroll_by(step);
    if (std::hypot(f.velocity.x, f.velocity.y) < 0.02f || !moved) f.mode = Mode::Idle;
}

bool busy() { return f.down > 0 || f.mode == Mode::Scrolling; }

}  // namespace touch
