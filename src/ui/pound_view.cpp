// Local pound: a place's budgets as one picture. This file is the shell: heading, place and year,
// the conventions, the headline boxes and the tabs; each tab has its own file (pound_*.cpp). Core
// prepares the page (core/present/pound); this file keeps it between frames in UiState::pound.
#include <algorithm>

#include "core/present/pound.hpp"
#include "imgui.h"
#include "ui/pound_parts.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

using namespace ui::pound;

// The prepared page, rebuilt when the content or anything it was built from changes.
const pr::PoundPage& page_for(Ctx& c) {
    PoundUi& u = c.ui->pound;
    const jup::PoundState& ps = c.state.pound;
    std::string key = ps.tab + "\n" + ps.scope + "\n" + ps.compare_by + "\n" + std::to_string(ps.revision) + "\n" + std::to_string(c.state.revision);
    for (auto& z : ps.zoom) key += "\n>" + z;
    if (!u.page || u.content != &c.content || u.key != key) {
        u.page = std::make_unique<pr::PoundPage>(pr::pound_page(c.content, c.state));
        u.content = &c.content;
        u.key = key;
        u.laid_out = nullptr;
    }
    return *u.page;
}

// A headline box: the label, the amount, a badge when the printed figure is flagged.
void stat(const Ctx& c, const pr::Stat& s, float w) {
    ImGui::BeginGroup();
    ImGui::PushID(s.key.c_str());
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight() * 2 + ImGui::GetFontSize() * 1.4f + 10;
    ImGui::InvisibleButton("stat", ImVec2(w, h));
    bool hot = show_details();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 6);
    if (hot) dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 6, 0, 2);
    dl->AddText(ImVec2(p.x + 10, p.y + 5), ImGui::GetColorU32(ImGuiCol_TextDisabled), s.label.c_str());
    dl->AddText(c.fonts.heading, c.fonts.heading->FontSize, ImVec2(p.x + 10, p.y + 5 + ImGui::GetTextLineHeight()), ImGui::GetColorU32(ImGuiCol_Text),
                s.value.c_str());
    if (!s.badge.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(s.badge.c_str());
        dl->AddRectFilled(ImVec2(p.x + w - ts.x - 16, p.y + 4), ImVec2(p.x + w - 4, p.y + 6 + ts.y), IM_COL32(89, 77, 166, 255), 4);
        dl->AddText(ImVec2(p.x + w - ts.x - 10, p.y + 5), IM_COL32_WHITE, s.badge.c_str());
    }
    if (hot) {
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0));
        ImGui::BeginTooltip();
        ImGui::TextWrapped("%s", s.explain.c_str());
        if (s.figure) {
            tooltip_flags(s.figure->flags);
            tooltip_source(c, s.figure->source);
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    ImGui::EndGroup();
}

void key_figures(const Ctx& c, const pr::PoundPage& pg) {
    float avail = ImGui::GetContentRegionAvail().x;
    float sp = ImGui::GetStyle().ItemSpacing.x;
    int per_row = avail > ImGui::GetFontSize() * 44 ? 4 : 2;
    float w = (avail - sp * (per_row - 1)) / per_row;
    for (size_t i = 0; i < pg.stats.size(); ++i) {
        if (i % per_row) ImGui::SameLine();
        else if (i) ImGui::Spacing();
        stat(c, pg.stats[i], w);
    }
}

}  // namespace

void draw_pound(Ctx& c) {
    if (!c.ui) return;
    const pr::PoundPage& pg = page_for(c);
    const float fs = ImGui::GetFontSize();
    heading(c, pg.heading);
    if (!pg.subtitle.empty()) disabled_text(pg.subtitle);
    if (!pg.scopes.empty()) {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * 36));
        if (ImGui::BeginCombo("Place and year", pg.scope_label.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (auto& s : pg.scopes)
                if (ImGui::Selectable((s.label + "##" + s.id).c_str(), s.on)) c.emit(s.pick);
            ImGui::EndCombo();
        }
    }
    // Conventions, always on screen.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("conv", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    ImGui::TextWrapped("%s", pg.conventions.c_str());
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (!pg.empty.empty()) {
        ImGui::TextWrapped("%s", pg.empty.c_str());
        return;
    }
    key_figures(c, pg);
    ImGui::Spacing();
    // Tabs as buttons: focusable, and driven by state.
    for (size_t i = 0; i < pg.tabs.size(); ++i) {
        const pr::Choice& t = pg.tabs[i];
        if (i) ImGui::SameLine();
        if (t.on) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.13f, 0.33f, 0.70f, 1));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        if (ImGui::Button(t.label.c_str())) c.emit(t.pick);
        if (t.on) ImGui::PopStyleColor(2);
        if (ImGui::GetContentRegionAvail().x < fs * 8 && i + 1 < pg.tabs.size()) ImGui::NewLine();
    }
    ImGui::Separator();
    const std::string& tab = pg.tab;
    if (tab == "compare") pound::compare(c, pg);
    else if (tab == "time") pound::over_time(c, pg);
    else if (tab == "whatif") pound::whatif(c, pg);
    else if (tab == "funds") pound::funds(c, pg);
    else if (tab == "tables") pound::tables(c, pg);
    else pound::overview(c, pg);
}

}  // namespace ui
