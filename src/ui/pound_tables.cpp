// Local pound, Source tables tab: every table exactly as the source prints it, in its units.
#include <algorithm>
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

void money_table(Ctx& c, const jup::MoneyTable& t) {
    ImGui::PushID(t.id.c_str());
    if (!fit_header((t.title + " (" + t.unit + ")").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PopID();
        return;
    }
    if (!t.note.empty()) text_wrapped(t.note);
    if (!t.sign_convention.empty()) text_wrapped(t.sign_convention);
    source_marker(c, t.source, "t");
    flag_marks(c, t.flags, "t");
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    int ncol = 1 + (int)t.columns.size();
    float h = ImGui::GetTextLineHeightWithSpacing() * (t.rows.size() + 2.5f) + 20;
    // The frozen first column leaves room for the figures on a phone; its labels wrap there.
    float first = std::min(ImGui::GetFontSize() * 16, ImGui::GetContentRegionAvail().x * 0.45f);
    if (ImGui::BeginTable("rows", ncol, flags, ImVec2(0, std::min(h, ImGui::GetFontSize() * 40)))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, first);
        for (auto& col : t.columns) ImGui::TableSetupColumn(col.label.c_str());
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin((int)t.rows.size());
        while (clip.Step())
            for (int ri = clip.DisplayStart; ri < clip.DisplayEnd; ++ri) {
                const jup::MoneyRow& r = t.rows[ri];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool total = r.kind != "line";
                if (total) ImGui::PushFont(c.fonts.heading);
                ImGui::TextWrapped("%s", r.label.c_str());
                if (total) ImGui::PopFont();
                ImGui::PushID(r.id.c_str());
                source_marker(c, r.source, "r");
                flag_marks(c, r.flags, "r");
                ImGui::PopID();
                for (auto& col : t.columns) {
                    ImGui::TableNextColumn();
                    auto it = r.values.find(col.id);
                    if (it == r.values.end() || !it->second) {
                        ImGui::TextDisabled("-");
                        continue;
                    }
                    double v = *it->second;
                    char buf[64];
                    if (t.unit == "£k" || t.unit == "£") {
                        std::string g = jup::fmt::grouped(std::llround(std::fabs(v)));
                        std::snprintf(buf, sizeof buf, v < 0 ? "(%s)" : "%s", g.c_str());
                    } else std::snprintf(buf, sizeof buf, "%.3g", v);
                    if (v < 0) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.5f, 0.15f, 1));
                    ImGui::TextUnformatted(buf);
                    if (v < 0) ImGui::PopStyleColor();
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s\n%s", r.label.c_str(), col.label.c_str(), jup::fmt::money_short(v, t.unit).c_str());
                }
            }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

}  // namespace

void tables(Ctx& c, const pr::PoundPage& pg) {
    (void)pg;
    const jup::Money& m = c.content.money;
    text_wrapped("The tables exactly as the source prints them, in its units. Brackets (and orange) mark negative numbers: overspends.");
    for (auto& rep : m.reports) {
        if (!rep.note.empty()) disabled_text(rep.title + ": " + rep.note);  // an editors' note on the whole report
        for (auto& t : rep.tables) money_table(c, t);
    }
    for (auto& t : m.series) money_table(c, t);
    for (auto& t : m.costs) money_table(c, t);
}

}  // namespace ui::pound
