// The shell: a top bar with the views and the text-size control, any message for the
// participant, then the current view filling the rest of the window.
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void tab_button(Ctx& c, const char* label, jup::View v) {
    bool active = c.state.view == v;
    if (active) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
    if (active) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    if (ImGui::Button(label)) c.emit("set_view", {{"view", jup::view_name(v)}});
    if (active) ImGui::PopStyleColor(2);
    ImGui::SameLine();
}

static void top_bar(Ctx& c) {
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted("Joined-Up");
    ImGui::PopFont();
    ImGui::SameLine(0, ImGui::GetFontSize() * 1.5f);
    tab_button(c, "Why can't we...? boards", jup::View::Boards);
    tab_button(c, "Local pound", jup::View::Pound);
    tab_button(c, "Map", jup::View::Map);
    tab_button(c, "Sources & About", jup::View::Sources);

    // Right-aligned display controls.
    float w = ImGui::CalcTextSize("Text size  A-  A+  100%  Light").x + ImGui::GetStyle().FramePadding.x * 8 + 40;
    ImGui::SameLine(std::max(ImGui::GetCursorPosX(), ImGui::GetWindowWidth() - w));
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Text size");
    ImGui::SameLine();
    if (ImGui::Button("A-")) c.emit("set_text_scale", {{"scale", c.state.text_scale - 0.125f}});
    ImGui::SameLine();
    if (ImGui::Button("A+")) c.emit("set_text_scale", {{"scale", c.state.text_scale + 0.125f}});
    ImGui::SameLine();
    ImGui::Text("%d%%", (int)(c.state.text_scale * 100 + 0.5f));
    ImGui::SameLine();
    if (ImGui::Button(c.state.light_theme ? "Dark" : "Light")) c.emit("set_theme", {{"theme", c.state.light_theme ? "dark" : "light"}});
    ImGui::Separator();
}

static void messages(Ctx& c) {
    if (!c.notice.empty()) {
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1.0f, 0.93f, 0.75f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.2f, 0.1f, 0, 1));
        ImGui::BeginChild("notice", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
        text_wrapped(c.notice);
        if (ImGui::Button("OK")) c.emit("dismiss_notice");
        ImGui::EndChild();
        ImGui::PopStyleColor(2);
    }
    int errors = 0;
    for (auto& i : c.issues) errors += !i.warning;
    if (errors) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        char title[120];
        std::snprintf(title, sizeof title, "The content pack has %d problem%s: some items may be missing###contentissues", errors, errors == 1 ? "" : "s");
        bool open = ImGui::CollapsingHeader(title);
        ImGui::PopStyleColor();
        if (open) {
            ImGui::BeginChild("issues", ImVec2(0, ImGui::GetFontSize() * 10), ImGuiChildFlags_Border);
            for (auto& i : c.issues)
                if (!i.warning) text_wrapped(i.str());
            ImGui::EndChild();
        }
    }
}

void draw_app(Ctx& c) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    ImGui::PushFont(c.fonts.body);
    ImGui::Begin("Joined-Up", nullptr,
                 ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                     ImGuiWindowFlags_NoBringToFrontOnFocus);
    if (c.state.presenter) {
        messages(c);
        draw_presenter(c);
        ImGui::End();
        ImGui::PopFont();
        return;
    }
    top_bar(c);
    messages(c);
    ImGui::BeginChild("view", ImVec2(0, 0), ImGuiChildFlags_None, ImGuiWindowFlags_NavFlattened);
    switch (c.state.view) {
        case jup::View::Tally: draw_tally(c); break;
        case jup::View::Boards: draw_boards(c); break;
        case jup::View::Pound: draw_pound(c); break;
        case jup::View::Map: draw_map(c); break;
        case jup::View::Sources: draw_sources(c); break;
    }
    ImGui::EndChild();
    ImGui::End();
    ImGui::PopFont();
}

}  // namespace ui
