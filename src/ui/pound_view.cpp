// Local pound: City & Hackney's Integrated Commissioning Fund tables as printed, with
// units, the sign convention, flags and sources. (Treemap and what-ifs build on this.)
#include <cmath>
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void money_table(Ctx& c, const jup::MoneyTable& t) {
    ImGui::PushID(t.id.c_str());
    if (!ImGui::CollapsingHeader((t.title + " (" + t.unit + ")").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PopID();
        return;
    }
    if (!t.note.empty()) text_wrapped(t.note);
    source_marker(c, t.source, "t");
    flag_marks(c, t.flags, "t");
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    int ncol = 1 + (int)t.columns.size();
    float h = ImGui::GetTextLineHeightWithSpacing() * (t.rows.size() + 2.5f) + 20;
    if (ImGui::BeginTable("rows", ncol, flags, ImVec2(0, h))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 16);
        for (auto& col : t.columns) ImGui::TableSetupColumn(col.label.c_str());
        ImGui::TableHeadersRow();
        for (auto& r : t.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            bool total = r.kind != "line";
            if (total) ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(r.label.c_str());
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
                    long long n = std::llround(std::fabs(v));
                    std::string d = std::to_string(n), g;
                    for (size_t i = 0; i < d.size(); ++i) {
                        if (i && (d.size() - i) % 3 == 0) g += ',';
                        g += d[i];
                    }
                    std::snprintf(buf, sizeof buf, v < 0 ? "(%s)" : "%s", g.c_str());
                } else std::snprintf(buf, sizeof buf, "%.3g", v);
                if (v < 0) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.15f, 0.1f, 1));
                ImGui::TextUnformatted(buf);
                if (v < 0) ImGui::PopStyleColor();
                if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s\n%s", r.label.c_str(), col.label.c_str(), format_money(v, t.unit).c_str());
            }
        }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

void draw_pound(Ctx& c) {
    const jup::Money& m = c.content.money;
    heading(c, "The local pound: City & Hackney, 2020/21");
    text_wrapped("Who budgets and spends what across the NHS clinical commissioning group (CCG), the London Borough of Hackney and the "
                 "City of London, as reported to the Integrated Commissioning Boards at month 7 of 2020/21.");
    for (auto& rep : m.reports) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
        ImGui::BeginChild("conv", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
        text_wrapped("Figures in £ thousands (£k) unless marked. Sign convention: " + rep.sign_convention +
                     ". Overspends are shown in brackets and red.");
        ImGui::EndChild();
        ImGui::PopStyleColor();
        for (auto& t : rep.tables) money_table(c, t);
    }
    for (auto& t : m.series) money_table(c, t);
    for (auto& t : m.costs) money_table(c, t);
    if (!m.claims.empty() && ImGui::CollapsingHeader("Headline claims and where the report contradicts itself")) {
        for (auto& cl : m.claims) {
            ImGui::PushID(cl.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(cl.label + (cl.value ? ": " + format_money(*cl.value, cl.unit) : ""));
            ImGui::Indent();
            source_marker(c, cl.source, "c");
            flag_marks(c, cl.flags, "c");
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    for (auto& f : m.funds) {
        if (!ImGui::CollapsingHeader(f.title.c_str())) continue;
        ImGui::PushID(f.id.c_str());
        if (f.total.value) text_wrapped("Total: " + format_money(*f.total.value, f.total.unit));
        source_marker(c, f.total.source, "tot");
        for (auto& p : f.parts) {
            ImGui::PushID(p.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            char pct[32];
            std::snprintf(pct, sizeof pct, "%.0f%%: ", p.share.value_or(0) * 100);
            text_wrapped(std::string(pct) + p.label);
            ImGui::Indent();
            source_marker(c, p.source, "p");
            flag_marks(c, p.flags, "p");
            ImGui::Unindent();
            ImGui::PopID();
        }
        if (f.growth.value) {
            text_wrapped("Growth: " + format_money(*f.growth.value, f.growth.unit) + " " + f.growth.label);
            source_marker(c, f.growth.source, "g");
        }
        ImGui::PopID();
    }
    if (!m.figures.empty() && ImGui::CollapsingHeader("Other figures")) {
        for (auto& f : m.figures) {
            ImGui::PushID(f.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            std::string v;
            if (f.value) v = (f.unit.rfind("£", 0) == 0) ? format_money(*f.value, f.unit) : [&] {
                char b[64];
                std::snprintf(b, sizeof b, "%g %s", *f.value, f.unit.c_str());
                return std::string(b);
            }();
            text_wrapped(f.label + (v.empty() ? "" : ": " + v));
            ImGui::Indent();
            source_marker(c, f.source, "f");
            flag_marks(c, f.flags, "f");
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
}

}  // namespace ui
