// Local pound, Compare tab: for each group, the annual budget (outline) against the forecast
// (filled), and the forecast variance as a bar diverging from the centre.
#include <algorithm>
#include <cmath>
#include <string>

#include "imgui.h"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

void group_tooltip(const Ctx& c, const pr::PoundPage& pg, const jup::Group& g) {
    if (g.line_index.size() == 1) return line_tooltip(c, pg.model.lines[g.line_index[0]]);
    tooltip_width(28);
    ImGui::BeginTooltip();
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextWrapped("%s", g.label.c_str());
    ImGui::PopFont();
    ImGui::Text("Annual budget: %s", pr::money(g.annual).c_str());
    ImGui::Text("Forecast spend: %s", pr::money(g.forecast).c_str());
    ImGui::Text("Variance: %s = %s (%s)", (pr::money(g.annual) + " \xE2\x88\x92 " + pr::money(g.forecast)).c_str(), pr::money(g.variance).c_str(),
                pr::variance_words(g.variance).c_str());
    ImGui::Text("Pooled: %s. %d budget lines.", pr::money(g.pooled).c_str(), g.lines);
    if (g.any_derived)
        ImGui::TextWrapped("i Some of these figures are computed here, not printed: a variance the source leaves blank (budget \xE2\x88\x92 forecast), "
                           "or a row's pooled and aligned parts (the row's forecast shared by budget).");
    disabled_text("The sum of the source's budget lines in: " + pg.model.title);
    ImGui::EndTooltip();
}

// The annual budget (outline) against the forecast (filled), then the two amounts.
void budget_bars(const pr::Compare& cm, const jup::Group& g, float w) {
    const float fs = ImGui::GetFontSize();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float bh = fs * 0.7f;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float bw = (float)(w * g.annual / cm.max_budget), fw = (float)(w * g.forecast / cm.max_budget);
    dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + fw, p.y + 2 + bh), u32(kSky));
    dl->AddRect(ImVec2(p.x, p.y + 1), ImVec2(p.x + std::max(1.0f, bw), p.y + 3 + bh), ImGui::GetColorU32(ImGuiCol_Text), 0, 0, 2);
    ImGui::Dummy(ImVec2(w, bh + 4));
    ImGui::Text("%s \xE2\x86\x92 %s", pr::money(g.annual).c_str(), pr::money(g.forecast).c_str());
}

// The forecast variance as a bar diverging from the centre, then in words.
void variance_bar(const pr::Compare& cm, const pr::CompareRow& row, float w) {
    const jup::Group& g = row.group;
    const float fs = ImGui::GetFontSize();
    ImVec2 p = ImGui::GetCursorScreenPos();
    float bh = fs * 0.7f, mid = p.x + w / 2;
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float len = (float)(w / 2 * std::fabs(g.variance) / cm.max_variance);
    ImVec4 col = g.variance < 0 ? kPuOr[0] : kPuOr[6];
    if (g.variance < 0) dl->AddRectFilled(ImVec2(mid - len, p.y + 2), ImVec2(mid, p.y + 2 + bh), u32(col));
    else dl->AddRectFilled(ImVec2(mid, p.y + 2), ImVec2(mid + len, p.y + 2 + bh), u32(col));
    dl->AddLine(ImVec2(mid, p.y), ImVec2(mid, p.y + bh + 4), ImGui::GetColorU32(ImGuiCol_Text), 2);
    ImGui::Dummy(ImVec2(w, bh + 4));
    ImGui::TextWrapped("%s", row.variance_text.c_str());
}

// One part a row: its name, the budget against the forecast, then the variance, each across the
// whole width. A tap on the row shows its details.
void stacked(Ctx& c, const pr::PoundPage& pg) {
    const pr::Compare& cm = pg.compare;
    disabled_text("Budget (outline), forecast (filled); variance: left of the line = overspent.");
    const ImGuiStyle& st = ImGui::GetStyle();
    for (size_t i = 0; i < cm.rows.size(); ++i) {
        const pr::CompareRow& row = cm.rows[i];
        const jup::Group& g = row.group;
        ImGui::Separator();
        std::string name = row.name + (g.any_derived ? "  [i]" : "");
        float w = ImGui::GetContentRegionAvail().x;
        // A row off screen is only its height (a pack may have thousands of lines).
        float bars = ImGui::GetFontSize() * 0.7f + 4, h = ImGui::CalcTextSize(name.c_str(), nullptr, false, w).y + 2 * bars + ImGui::GetTextLineHeight() +
                                                       ImGui::CalcTextSize(row.variance_text.c_str(), nullptr, false, w).y + 4 * st.ItemSpacing.y;
        if (!ImGui::IsRectVisible(ImVec2(w, h))) {
            ImGui::Dummy(ImVec2(w, h));
            continue;
        }
        ImGui::PushID((int)i);
        ImGui::BeginGroup();
        ImGui::TextWrapped("%s", name.c_str());
        budget_bars(cm, g, w);
        variance_bar(cm, row, w);
        ImGui::EndGroup();
        // The whole row answers a tap (its details), without covering what is drawn.
        ImVec2 a = ImGui::GetItemRectMin(), b = ImGui::GetItemRectMax();
        ImGui::SetCursorScreenPos(a);
        ImGui::InvisibleButton("row", ImVec2(std::max(1.0f, b.x - a.x), std::max(1.0f, b.y - a.y)));
        bool hot = show_details();
        if (hot) ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x - 2, a.y - 2), ImVec2(b.x + 2, b.y + 2), ImGui::GetColorU32(ImGuiCol_NavHighlight), 4, 0, 2);
        ImGui::SetCursorScreenPos(ImVec2(a.x, b.y + st.ItemSpacing.y));
        if (hot) group_tooltip(c, pg, g);
        ImGui::PopID();
    }
}

}  // namespace

void compare(Ctx& c, const pr::PoundPage& pg) {
    const pr::Compare& cm = pg.compare;
    heading(c, "Budget against forecast");
    ImGui::TextWrapped("For each part, the annual budget (outline), what is forecast to be spent (filled), and the difference. "
                       "Sorted by the size of the difference, largest first.");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Group by:");
    Flow by{true};
    for (auto& b : cm.by)
        if (toggle_button(by, b.label, b.on)) c.emit(b.pick);
    // On a phone, one column: each part's name, then its two bars, under each other.
    if (c.narrow) return stacked(c, pg);
    const float fs = ImGui::GetFontSize();
    ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (!ImGui::BeginTable("compare", 3, tf)) return;
    ImGui::TableSetupColumn(cm.first_column.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.1f);
    ImGui::TableSetupColumn("Budget (outline) and forecast (filled)", ImGuiTableColumnFlags_WidthStretch, 1.4f);
    ImGui::TableSetupColumn("Forecast variance (budget \xE2\x88\x92 spend)", ImGuiTableColumnFlags_WidthStretch, 1.5f);
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin((int)cm.rows.size());
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const pr::CompareRow& row = cm.rows[i];
            const jup::Group& g = row.group;
            ImGui::TableNextRow(0, fs * 3.0f);
            ImGui::TableNextColumn();
            ImGui::PushID(i);
            ImVec2 at = ImGui::GetCursorPos();
            ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap, ImVec2(0, fs * 2.8f));
            bool hot = show_details();
            ImGui::SetCursorPos(at);
            ImGui::TextWrapped("%s%s", row.name.c_str(), g.any_derived ? "  [i]" : "");
            ImGui::TableNextColumn();
            budget_bars(cm, g, ImGui::GetContentRegionAvail().x);
            ImGui::TableNextColumn();
            variance_bar(cm, row, ImGui::GetContentRegionAvail().x);
            if (hot) group_tooltip(c, pg, g);
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace ui::pound
