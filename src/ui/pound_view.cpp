// Local pound: a place's budgets as one picture. This file is the shell: heading, place and year,
// the conventions, the headline boxes and the tabs; each tab has its own file (pound_*.cpp). Core
// prepares the page (core/present/pound); this file keeps it between frames in UiState::pound.
#include <algorithm>
#include <string>
#include <vector>

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

// A headline box for width w: the label (wrapped), the "i derived" badge beside it when both fit
// on one line or under it, then the amount in the heading font, broken only between words.
// Every box in a row is as tall as the tallest.
struct StatLayout {
    float h = 0, value_y = 0, value_line = 0;
    ImVec2 badge_at, badge_size;      // badge_at is from the box's top-left
    std::vector<std::string> value;   // the amount's lines
};

constexpr float kPad = 10;

// Words joined onto lines no wider than `width` (in the current font); a word wider stays whole.
std::vector<std::string> word_lines(const std::string& text, float width) {
    std::vector<std::string> lines;
    size_t at = 0;
    while (at < text.size()) {
        size_t sp = text.find(' ', at);
        std::string word = text.substr(at, sp == std::string::npos ? std::string::npos : sp - at);
        at = sp == std::string::npos ? text.size() : sp + 1;
        if (!lines.empty() && ImGui::CalcTextSize((lines.back() + " " + word).c_str()).x <= width) lines.back() += " " + word;
        else lines.push_back(word);
    }
    return lines;
}

float widest_word(const std::string& text) {
    float w = 0;
    for (auto& word : word_lines(text, 0)) w = std::max(w, ImGui::CalcTextSize(word.c_str()).x);
    return w;
}

StatLayout stat_layout(const Ctx& c, const pr::Stat& s, float w) {
    StatLayout L;
    float inner = std::max(1.0f, w - 2 * kPad), y = kPad / 2;
    if (!s.badge.empty()) {
        ImVec2 ts = ImGui::CalcTextSize(s.badge.c_str());
        L.badge_size = ImVec2(ts.x + 12, ts.y + 2);
    }
    float label_h = ImGui::CalcTextSize(s.label.c_str(), nullptr, false, inner).y;
    if (s.badge.empty() || ImGui::CalcTextSize(s.label.c_str()).x + kPad + L.badge_size.x <= inner) {
        y += label_h;
        L.badge_at = ImVec2(w - kPad / 2 - L.badge_size.x, kPad / 2);
    } else {
        y += label_h + 2;
        L.badge_at = ImVec2(kPad, y);
        y += L.badge_size.y + 2;
    }
    L.value_y = y;
    ImGui::PushFont(c.fonts.heading);
    L.value = word_lines(s.value, inner);
    L.value_line = ImGui::GetTextLineHeight();
    ImGui::PopFont();
    L.h = y + L.value_line * (float)L.value.size() + kPad / 2;
    return L;
}

void stat(const Ctx& c, const pr::Stat& s, float w, float h, const StatLayout& L) {
    ImVec2 p = ImGui::GetCursorScreenPos();
    float inner = std::max(1.0f, w - 2 * kPad);
    // Labelled with the figure's label, so the widget probe (and a test) finds each box.
    ImGui::InvisibleButton((s.label + "##stat").c_str(), ImVec2(w, h));
    bool hot = show_details();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 6);
    if (hot) dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 6, 0, 2);
    dl->AddText(nullptr, 0, ImVec2(p.x + kPad, p.y + kPad / 2), ImGui::GetColorU32(ImGuiCol_TextDisabled), s.label.c_str(), nullptr, inner);
    ImGui::PushFont(c.fonts.heading);  // drawn at the heading's size as shown (GetFontSize), not as rasterised
    for (size_t i = 0; i < L.value.size(); ++i)
        dl->AddText(ImGui::GetFont(), ImGui::GetFontSize(), ImVec2(p.x + kPad, p.y + L.value_y + L.value_line * (float)i), ImGui::GetColorU32(ImGuiCol_Text),
                    L.value[i].c_str());
    ImGui::PopFont();
    if (!s.badge.empty()) {
        ImVec2 a(p.x + L.badge_at.x, p.y + L.badge_at.y);
        dl->AddRectFilled(a, ImVec2(a.x + L.badge_size.x, a.y + L.badge_size.y), IM_COL32(89, 77, 166, 255), 4);
        dl->AddText(ImVec2(a.x + 6, a.y + 1), IM_COL32_WHITE, s.badge.c_str());
    }
    if (hot) {
        tooltip_width(26);
        ImGui::BeginTooltip();
        ImGui::TextWrapped("%s", s.explain.c_str());
        if (s.figure) {
            tooltip_flags(s.figure->flags);
            tooltip_source(c, s.figure->source);
        }
        ImGui::EndTooltip();
    }
}

// Four boxes to a row where every amount fits on one line in a quarter of the width; else two
// where each amount's words fit; else one: on a phone they stack instead of overlapping.
void key_figures(const Ctx& c, const pr::PoundPage& pg) {
    float avail = ImGui::GetContentRegionAvail().x;
    float sp = ImGui::GetStyle().ItemSpacing.x;
    float whole = ImGui::GetFontSize() * 8, words = whole;
    ImGui::PushFont(c.fonts.heading);
    for (auto& s : pg.stats) {
        whole = std::max(whole, ImGui::CalcTextSize(s.value.c_str()).x + 2 * kPad);
        words = std::max(words, widest_word(s.value) + 2 * kPad);
    }
    ImGui::PopFont();
    int per_row = (avail - sp * 3) / 4 >= whole ? 4 : (avail - sp) / 2 >= words ? 2 : 1;
    float w = (avail - sp * (per_row - 1)) / per_row;
    for (size_t i = 0; i < pg.stats.size(); i += per_row) {
        size_t end = std::min(pg.stats.size(), i + per_row);
        std::vector<StatLayout> row;
        float h = 0;
        for (size_t k = i; k < end; ++k) {
            row.push_back(stat_layout(c, pg.stats[k], w));
            h = std::max(h, row.back().h);
        }
        for (size_t k = i; k < end; ++k) {
            if (k > i) ImGui::SameLine();
            ImGui::PushID((int)k);
            stat(c, pg.stats[k], w, h, row[k - i]);
            ImGui::PopID();
        }
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
        // The label beside the box, or above it when both would not fit.
        const char* name = "Place and year";
        float avail = ImGui::GetContentRegionAvail().x, beside = avail - ImGui::CalcTextSize(name).x - ImGui::GetStyle().ItemInnerSpacing.x;
        bool above = beside < fs * 14;
        if (above) ImGui::TextUnformatted(name);
        ImGui::SetNextItemWidth(above ? avail : std::min(beside, fs * 36));
        if (ImGui::BeginCombo(above ? "##place" : name, pg.scope_label.c_str(), ImGuiComboFlags_HeightLarge)) {
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
    // Tabs as buttons: focusable, driven by state, and wrapping onto more rows on a phone.
    Flow tabs;
    for (const pr::Choice& t : pg.tabs)
        if (toggle_button(tabs, t.label, t.on)) c.emit(t.pick);
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
