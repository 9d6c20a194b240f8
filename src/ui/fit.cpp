#include "ui/fit.hpp"

#include <algorithm>
#include <string>

#include "imgui.h"
#include "imgui_internal.h"  // RenderArrow: the header's own arrow, drawn over its hidden label

namespace ui {

bool fit_button(const char* label) {
    const ImGuiStyle& st = ImGui::GetStyle();
    float avail = ImGui::GetContentRegionAvail().x;
    if (button_width(label) <= avail) return ImGui::Button(label);
    std::string shown(label);
    shown = shown.substr(0, shown.find("##"));
    float wrap = std::max(1.0f, avail - st.FramePadding.x * 2);
    ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
    ImVec2 at = ImGui::GetCursorScreenPos();
    // The Button keeps the label (for its ID and the widget probe) but draws it on one line:
    // draw it invisibly, then the wrapped text over it.
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    bool pressed = ImGui::Button(label, ImVec2(avail, ts.y + st.FramePadding.y * 2));
    ImGui::PopStyleColor();
    ImGui::GetWindowDrawList()->AddText(nullptr, 0, ImVec2(at.x + st.FramePadding.x, at.y + st.FramePadding.y), ImGui::GetColorU32(ImGuiCol_Text),
                                        shown.c_str(), nullptr, wrap);
    return pressed;
}

bool fit_button(Flow& f, const char* label) {
    f.next(button_width(label));
    return fit_button(label);
}

bool fit_header(const char* label, int flags) {
    const ImGuiStyle& st = ImGui::GetStyle();
    std::string shown(label);
    shown = shown.substr(0, shown.find("##"));
    float text_x = ImGui::GetFontSize() + st.FramePadding.x * 3;  // where ImGui puts a framed header's label
    float wrap = std::max(1.0f, ImGui::GetContentRegionAvail().x - text_x - st.FramePadding.x);
    ImVec2 ts = ImGui::CalcTextSize(shown.c_str(), nullptr, false, wrap);
    if (ts.y <= ImGui::GetFontSize() * 1.5f) return ImGui::CollapsingHeader(label, flags);
    // Taller padding makes the frame as tall as the wrapped label (its arrow centred); the
    // label itself is drawn invisibly (kept for the ID and the widget probe), then wrapped over it.
    ImVec2 at = ImGui::GetCursorScreenPos();
    float pad_y = st.FramePadding.y + (ts.y - ImGui::GetFontSize()) / 2;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(st.FramePadding.x, pad_y));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0, 0, 0, 0));
    bool open = ImGui::CollapsingHeader(label, flags);
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    ImGui::RenderArrow(dl, ImVec2(at.x + st.FramePadding.x, at.y + pad_y), col, open ? ImGuiDir_Down : ImGuiDir_Right, 1.0f);
    dl->AddText(nullptr, 0, ImVec2(at.x + text_x, at.y + st.FramePadding.y), col, shown.c_str(), nullptr, wrap);
    return open;
}

float begin_wide(const char* id, float min_width) {
    ImGui::BeginChild(id, ImVec2(0, 0), ImGuiChildFlags_AutoResizeY, ImGuiWindowFlags_HorizontalScrollbar);
    return std::max(ImGui::GetContentRegionAvail().x, min_width);
}

void end_wide() { ImGui::EndChild(); }

}  // namespace ui
