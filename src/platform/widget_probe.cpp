#include "platform/widget_probe.hpp"

#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/json_in.hpp"
#include "imgui.h"
#include "imgui_internal.h"

namespace probe {
namespace {

struct Widget {
    std::string label;
    ImRect bb;
    bool visible;
};

bool enabled = false;
std::unordered_map<ImGuiID, std::pair<ImRect, bool>> boxes;  // this frame: id -> rect, inside its window's clip
std::vector<Widget> current, last;

}  // namespace

void new_frame() {
    if (!enabled) return;
    last.swap(current);
    current.clear();
    boxes.clear();
    GImGui->TestEngineHookItems = true;
}

std::string widgets_json() {
    enabled = true;  // from the next frame on
    nlohmann::json out = nlohmann::json::array();
    for (auto& w : last) {
        std::string shown = w.label.substr(0, w.label.find("##"));
        out.push_back({{"label", shown}, {"id", w.label}, {"x", w.bb.Min.x}, {"y", w.bb.Min.y}, {"w", w.bb.GetWidth()},
                       {"h", w.bb.GetHeight()}, {"visible", w.visible}});
    }
    return jup::json_text(out);
}

}  // namespace probe

// Dear ImGui calls these when TestEngineHookItems is set (imgui_internal.h).
void ImGuiTestEngineHook_ItemAdd(ImGuiContext* ctx, ImGuiID id, const ImRect& bb, const ImGuiLastItemData*) {
    ImGuiWindow* w = ctx->CurrentWindow;
    bool visible = w && bb.Overlaps(w->ClipRect);
    probe::boxes[id] = {bb, visible};
}

void ImGuiTestEngineHook_ItemInfo(ImGuiContext*, ImGuiID id, const char* label, ImGuiItemStatusFlags) {
    auto it = probe::boxes.find(id);
    if (it == probe::boxes.end() || !label) return;
    probe::current.push_back({label, it->second.first, it->second.second});
}

void ImGuiTestEngineHook_Log(ImGuiContext*, const char*, ...) {}

const char* ImGuiTestEngine_FindItemDebugLabel(ImGuiContext*, ImGuiID) { return nullptr; }
