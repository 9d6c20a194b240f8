#include "platform/text_agent.hpp"

#include <emscripten.h>

#include <algorithm>
#include <cmath>
#include <cstring>

#include "imgui.h"
#include "imgui_internal.h"

namespace text_agent {
namespace {

EM_JS(void, js_agent_update, (int active, unsigned id, float x, float y, float w, float h, int multiline), {
    if (window.joinedupTextAgent) window.joinedupTextAgent.update(active != 0, id, x, y, w, h, multiline != 0);
});
EM_JS(void, js_clipboard_write, (const char* text), {
    try { navigator.clipboard.writeText(UTF8ToString(text)).catch(function () {}); } catch (e) {}
});

struct Sent {
    bool active = false, multiline = false;
    unsigned id = 0;
    float x = -1, y = -1, w = -1, h = -1;
    bool operator==(const Sent& o) const {
        return active == o.active && id == o.id && multiline == o.multiline && x == o.x && y == o.y && w == o.w && h == o.h;
    }
} sent;

struct Kept {             // what keep_in_view() saw last
    float display_h = 0;
    unsigned id = 0;
} kept;

std::string clipboard;  // what ImGui copied last (the system clipboard cannot be read without asking)

void set_clipboard(void*, const char* text) {
    clipboard = text ? text : "";
    js_clipboard_write(clipboard.c_str());
}
const char* get_clipboard(void*) { return clipboard.c_str(); }

ImGuiKey key_of(const std::string& n) {
    struct Name { const char* dom; ImGuiKey key; };
    static const Name names[] = {
        {"Backspace", ImGuiKey_Backspace}, {"Delete", ImGuiKey_Delete}, {"Enter", ImGuiKey_Enter},
        {"Tab", ImGuiKey_Tab}, {"Escape", ImGuiKey_Escape}, {"ArrowLeft", ImGuiKey_LeftArrow},
        {"ArrowRight", ImGuiKey_RightArrow}, {"ArrowUp", ImGuiKey_UpArrow}, {"ArrowDown", ImGuiKey_DownArrow},
        {"Home", ImGuiKey_Home}, {"End", ImGuiKey_End}, {"PageUp", ImGuiKey_PageUp}, {"PageDown", ImGuiKey_PageDown},
        {"a", ImGuiKey_A}, {"c", ImGuiKey_C}, {"x", ImGuiKey_X}, {"z", ImGuiKey_Z}, {"y", ImGuiKey_Y}, {"f", ImGuiKey_F},
    };
    for (const Name& k : names)
        if (n == k.dom) return k.key;
    return ImGuiKey_None;
}

// Ctrl or Alt still down in ImGui means the key-up went to the textarea, not to SDL (a Ctrl+F
// that opened the search box, say): text typed in the textarea is never a chord, so let go of
// them, or ImGui would take every character for a shortcut and drop it.
void release_modifiers() {
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    io.AddKeyEvent(ImGuiMod_Alt, false);
    io.AddKeyEvent(ImGuiMod_Super, false);
}

}  // namespace

void install() {
    ImGuiIO& io = ImGui::GetIO();
    io.SetClipboardTextFn = set_clipboard;
    io.GetClipboardTextFn = get_clipboard;
}

void after_frame() {
    ImGuiContext& g = *GImGui;
    Sent now;
    now.active = g.ActiveId != 0 && g.InputTextState.ID == g.ActiveId;
    if (now.active) {
        now.id = g.ActiveId;
        // Over the caret, a line high: the IME's suggestions appear next to what is typed.
        const ImGuiPlatformImeData& ime = g.PlatformImeData;
        now.x = std::floor(ime.InputPos.x);
        now.y = std::floor(ime.InputPos.y);
        now.w = 2;
        now.h = std::ceil(ime.InputLineHeight > 0 ? ime.InputLineHeight : g.FontSize);
        now.multiline = (g.InputTextState.Flags & ImGuiInputTextFlags_Multiline) != 0;
    }
    if (now == sent) return;
    if (now.active && !sent.active) release_modifiers();
    sent = now;
    js_agent_update(now.active, now.id, now.x, now.y, now.w, now.h, now.multiline);
}

void keep_in_view() {
    float& shown_h = kept.display_h;
    unsigned& shown_id = kept.id;
    ImGuiContext& g = *GImGui;
    float h = ImGui::GetIO().DisplaySize.y;
    bool changed = h != shown_h || sent.id != shown_id;
    float shrunk = shown_h > h ? shown_h - h : 0;  // the window rectangles below are last frame's
    shown_h = h;
    shown_id = sent.id;
    if (!changed || !sent.active || !g.ActiveIdWindow) return;
    // The keyboard opened (the page got shorter) or a field was just chosen: scroll the
    // nearest scrolling window so that the caret is above the bottom edge.
    float margin = g.FontSize * 1.5f, bottom = sent.y + sent.h + margin;
    for (ImGuiWindow* w = g.ActiveIdWindow; w; w = w->ParentWindow) {
        if (w->ScrollMax.y <= 0) continue;
        float over = bottom - std::min(w->InnerRect.Max.y - shrunk, h);
        if (over > 0) ImGui::SetScrollY(w, w->Scroll.y + over);  // Begin() clamps it to the new, larger range
        break;
    }
}

void text(const std::string& utf8) {
    release_modifiers();
    ImGui::GetIO().AddInputCharactersUTF8(utf8.c_str());
}

void key(const std::string& name, bool ctrl, bool shift, bool alt) {
    ImGuiKey k = key_of(name);
    if (k == ImGuiKey_None) return;
    ImGuiIO& io = ImGui::GetIO();
    io.AddKeyEvent(ImGuiMod_Ctrl, ctrl);
    io.AddKeyEvent(ImGuiMod_Shift, shift);
    io.AddKeyEvent(ImGuiMod_Alt, alt);
    io.AddKeyEvent(k, true);
    io.AddKeyEvent(k, false);
    io.AddKeyEvent(ImGuiMod_Ctrl, false);
    io.AddKeyEvent(ImGuiMod_Shift, false);
    io.AddKeyEvent(ImGuiMod_Alt, false);
}

}  // namespace text_agent
