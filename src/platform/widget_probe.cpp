#include "platform/widget_probe.hpp"

#include <algorithm>
#include <cstdarg>
#include <cstring>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_in.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace probe {
namespace {

struct Widget {
    ImGuiID id;
    std::string label;
    const char* kind;
    ImRect bb;
    bool visible;
    std::string name = {};  // the visible name where the label is only an "##id"
};

const char* kind_of(ImGuiContext* ctx, ImGuiID id, ImGuiItemStatusFlags f) {
    if (f & ImGuiItemStatusFlags_Inputable) return "input";
    if (f & ImGuiItemStatusFlags_Checkable) return "checkbox";
    if (f & ImGuiItemStatusFlags_Openable) return "header";
    if (ctx->CurrentTabBar && ImGui::TabBarFindTabByID(ctx->CurrentTabBar, id)) return "tab";
    return "button";
}

// A kind a view names, as one of the probe's own strings (the view's may not outlive the frame).
const char* kind_name(const char* k) {
    for (const char* known : {"radio", "slider", "other"})
        if (std::strcmp(k, known) == 0) return known;
    return "other";
}

bool enabled = false;
float overflow_now = 0, overflow_last = -1;  // the right-most drawn pixel past the viewport
std::unordered_map<ImGuiID, std::pair<ImRect, bool>> boxes;  // this frame: id -> rect, inside its window's clip
std::vector<Widget> current, last;
std::vector<ImRect> fields_now, fields_last;  // text fields, always: a tap on one opens the keyboard

}  // namespace

void new_frame() {
    fields_last.swap(fields_now);
    fields_now.clear();
    GImGui->TestEngineHookItems = true;
    if (!enabled) return;
    last.swap(current);
    current.clear();
    boxes.clear();
    overflow_last = overflow_now;
    overflow_now = 0;
    GImGui->TestEngineHookItems = true;
}

std::string widgets_json() {
    enabled = true;  // from the next frame on
    nlohmann::json out = nlohmann::json::array();
    for (auto& w : last) {
        std::string shown = w.name.empty() ? w.label.substr(0, w.label.find("##")) : w.name;
        out.push_back({{"label", shown}, {"id", w.label}, {"kind", w.kind}, {"x", w.bb.Min.x}, {"y", w.bb.Min.y}, {"w", w.bb.GetWidth()},
                       {"h", w.bb.GetHeight()}, {"visible", w.visible}});
    }
    return jup::json_text(out);
}

float overflow_px() { return enabled ? overflow_last : -1; }

bool tooltip_shown() {
    for (ImGuiWindow* w : GImGui->Windows)
        if ((w->Flags & ImGuiWindowFlags_Tooltip) && w->Active) return true;
    return false;
}

bool text_field_at(float x, float y) {
    for (const ImRect& r : fields_last)
        if (r.Contains(ImVec2(x, y))) return true;
    return false;
}

}  // namespace probe

// Dear ImGui calls these when TestEngineHookItems is set (imgui_internal.h).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    if (!probe::enabled) return;
    ImGuiWindow* w = ctx->CurrentWindow;
    if (w && (id == w->ID || id == w->MoveId)) return;  // Begin() reports each window (and its title bar), even ImGui's unused "Debug" one: not a widget
    bool visible = w && bb.Overlaps(w->ClipRect);
    probe::boxes[id] = {bb, visible};
    // Overflow: an item in view vertically that reaches past the viewport, unless its window
    // scrolls sideways (a wide table in its own frame is fine: only its frame must fit).
    if (w && bb.Min.y < w->ClipRect.Max.y && bb.Max.y > w->ClipRect.Min.y) {
        bool scrolls = w->ScrollbarX || (w->Flags & ImGuiWindowFlags_HorizontalScrollbar);
        float right = scrolls ? std::min(bb.Max.x, w->ClipRect.Max.x) : bb.Max.x;
        float edge = ImGui::GetMainViewport()->Pos.x + ImGui::GetMainViewport()->Size.x;
        probe::overflow_now = std::max(probe::overflow_now, right - edge);
    }
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext* ctx, ImGuiID id, const char* label, ImGuiItemStatusFlags flags) {
    if ((flags & ImGuiItemStatusFlags_Inputable) && ctx->CurrentWindow) {  // a multi-line box: its child frame
        ImRect r = ctx->LastItemData.Rect;
        r.ClipWith(ctx->CurrentWindow->ClipRect);
        if (r.GetArea() > 0) probe::fields_now.push_back(r);
    }
    if (!probe::enabled) return;
    auto it = probe::boxes.find(id);
    if (it == probe::boxes.end() || !label) return;
    if (ctx->CurrentWindow && id == ctx->CurrentWindow->ID) return;  // Begin() reports the window itself
    probe::current.push_back({id, label, probe::kind_of(ctx, id, flags), it->second.first, it->second.second});
}

// The views say here what the flags cannot (ui::item_kind, ui::item_name): "jup-kind %s" (a
// radio button) or "jup-name %s" (a text field's hint or heading, its visible name).
void ImGuiTestEngineHook_Log(ImGuiContext* ctx, const char* fmt, ...) {
    bool kind = std::strcmp(fmt, "jup-kind %s") == 0, name = std::strcmp(fmt, "jup-name %s") == 0;
    if (!probe::enabled || !(kind || name)) return;
    va_list ap;
    va_start(ap, fmt);
    const char* value = va_arg(ap, const char*);
    va_end(ap);
    for (auto w = probe::current.rbegin(); w != probe::current.rend(); ++w) {
        if (w->id != ctx->LastItemData.ID) continue;
        if (kind) w->kind = probe::kind_name(value);
        else w->name = value;
        return;
    }
}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
