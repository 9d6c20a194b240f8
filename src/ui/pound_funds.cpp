// Local pound, Funds tab: each fund as a bar of its parts (hatched where the source does not say
// what a part is) and its growth; then each costs table with bars, and the figures' own
// arithmetic that the table declares (money.json costs[].checks), recomputed in core.
#include <algorithm>

#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

void fund(Ctx& c, const jup::Fund& f) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(f.id.c_str());
    heading(c, f.title);
    source_marker(c, f.source, "src");
    if (f.total.value) {
        ImGui::Text("Total: %s", jup::fmt::money_short(*f.total.value, f.total.unit).c_str());
        source_marker(c, f.total.source, "tot");
    }
    // How it splits: a bar, each part focusable. On a touch screen a thin part is too small for a
    // finger: the bar is a picture there, and the list under it says the same with its sources.
    float w = ImGui::GetContentRegionAvail().x, h = fs * 2.2f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = p.x;
    const ImVec4 cols[] = {kBlue, kGreen, kGrey, kSky, kPurple};
    int i = 0;
    for (auto& part : f.parts) {
        double share = part.share.value_or(0);
        float pw = (float)(w * share);
        if (pw < 1) continue;
        bool unstated = !part.flags.empty();
        ImVec4 col = cols[i % 5];
        ImGui::SetCursorScreenPos(ImVec2(x, p.y));
        ImGui::PushID(i);
        bool hot = false;
        if (c.touch) ImGui::Dummy(ImVec2(pw, h));
        else ImGui::InvisibleButton("part", ImVec2(pw, h)), hot = show_details();
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), u32(unstated ? ImVec4(0.45f, 0.45f, 0.48f, 1) : col));
        if (unstated)  // hatched: the source does not say what this is
            for (float hx = x - h; hx < x + pw; hx += 10)
                dl->AddLine(ImVec2(std::max(x, hx), p.y + h - std::max(0.f, x - hx)), ImVec2(std::min(x + pw, hx + h), p.y + std::max(0.f, hx + h - (x + pw))),
                            IM_COL32(230, 230, 230, 160), 1.5f);
        dl->AddRect(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), hot ? ImGui::GetColorU32(ImGuiCol_NavHighlight) : IM_COL32(0, 0, 0, 120), 0, 0, hot ? 3.f : 1.f);
        std::string amount = f.total.value ? jup::fmt::money_short(*f.total.value * share, f.total.unit) : "";
        std::string lab = pct(share, 0) + (amount.empty() ? "" : " \xC2\xB7 " + amount);
        ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
        if (ts.x + 8 < pw) dl->AddText(ImVec2(x + 6, p.y + (h - ts.y) / 2), unstated ? IM_COL32_WHITE : text_on(col), lab.c_str());
        if (hot) {
            tooltip_width(26);
            ImGui::BeginTooltip();
            ImGui::TextWrapped("%s: %s%s", pct(share, 0).c_str(), part.label.c_str(), amount.empty() ? "" : (" (" + amount + ")").c_str());
            tooltip_flags(part.flags);
            tooltip_source(c, part.source);
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        x += pw;
        ++i;
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
    for (auto& part : f.parts) {
        ImGui::PushID(part.id.c_str());
        ImGui::Bullet();
        ImGui::SameLine();
        std::string amount = f.total.value && part.share ? " (" + jup::fmt::money_short(*f.total.value * *part.share, f.total.unit) + ")" : "";
        text_wrapped(pct(part.share.value_or(0), 0) + amount + ": " + part.label);
        ImGui::Indent();
        source_marker(c, part.source, "p");
        marks(part.flags, part.id);
        ImGui::Unindent();
        ImGui::PopID();
    }
    if (f.growth.value && f.total.value) {
        ImGui::Spacing();
        heading(c, "Growth");
        double a = jup::to_pounds(*f.total.value, f.total.unit), b = jup::to_pounds(*f.growth.value, f.growth.unit);
        float gw = ImGui::GetContentRegionAvail().x * 0.7f, gh = fs * 1.3f;
        for (int r = 0; r < 2; ++r) {
            double v = r == 0 ? a : b;
            std::string what = pr::money(v) + (r == 0 ? " at the start" : " the stated intention");
            float bw = (float)(gw * v / std::max(a, b));
            // The words beside the bar, or above it where both do not fit (a phone).
            bool beside = bw + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(what.c_str()).x <= ImGui::GetContentRegionAvail().x;
            if (!beside) text_wrapped(what);
            ImVec2 q = ImGui::GetCursorScreenPos();
            ImGui::GetWindowDrawList()->AddRectFilled(q, ImVec2(q.x + bw, q.y + gh), u32(r == 0 ? kBlue : kGreen));
            ImGui::Dummy(ImVec2(bw, gh));
            if (beside) {
                ImGui::SameLine();
                ImGui::TextUnformatted(what.c_str());
            }
        }
        for (const jup::Figure* g : {&f.total, &f.growth})
            if (!g->source.quote.empty()) text_wrapped("\xE2\x80\x9C" + g->source.quote + "\xE2\x80\x9D");
        source_marker(c, f.growth.source, "g");
        flag_marks(c, f.growth.flags, "g");
    }
    ImGui::PopID();
    ImGui::Separator();
}

// A costs table: one bar per line and column, then its figure checks.
void costs(Ctx& c, const pr::CostTable& ct) {
    const jup::MoneyTable& t = *ct.table;
    const float fs = ImGui::GetFontSize();
    ImGui::PushID(t.id.c_str());
    heading(c, t.title);
    source_marker(c, t.source, "src");
    if (!t.note.empty()) disabled_text(t.note);
    double maxv = 1;
    for (auto& r : t.rows)
        for (auto& [k2, v] : r.values)
            if (v && k2 != "total" && r.kind == "line") maxv = std::max(maxv, jup::to_pounds(*v, t.unit));
    // In its own frame, which scrolls sideways on a phone, never the page.
    float tw = begin_wide("costs-frame", fs * (8 + 5.5f * (float)t.columns.size()));
    if (ImGui::BeginTable("costs", 1 + (int)t.columns.size(), ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp,
                          ImVec2(tw, 0))) {
        ImGui::TableSetupColumn("Cost", ImGuiTableColumnFlags_WidthStretch, 2.0f);
        for (auto& col : t.columns) ImGui::TableSetupColumn(col.label.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        for (auto& r : t.rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::PushID(r.id.c_str());
            bool total = r.kind != "line";
            if (total) ImGui::PushFont(c.fonts.heading);
            ImGui::TextWrapped("%s", r.label.c_str());
            if (total) ImGui::PopFont();
            if (show_details()) {
                tooltip_width(26);
                ImGui::BeginTooltip();
                tooltip_flags(r.flags);
                tooltip_source(c, r.source);
                ImGui::EndTooltip();
            }
            marks(r.flags, "");
            for (auto& col : t.columns) {
                ImGui::TableNextColumn();
                auto it = r.values.find(col.id);
                if (it == r.values.end() || !it->second) {
                    ImGui::TextDisabled("not printed");
                    continue;
                }
                double v = jup::to_pounds(*it->second, t.unit);
                if (!total && col.id != "total") {
                    ImVec2 q = ImGui::GetCursorScreenPos();
                    float bw = (float)(ImGui::GetContentRegionAvail().x * 0.9 * v / maxv);
                    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + bw, q.y + fs * 0.5f), u32(kSky));
                    ImGui::Dummy(ImVec2(bw, fs * 0.55f));
                }
                ImGui::Selectable((pr::money(v) + "##" + col.id).c_str(), false, 0, ImVec2(0, c.touch ? 44.0f : 0.0f));
                if (show_details()) {
                    tooltip_width(26);
                    ImGui::BeginTooltip();
                    ImGui::TextWrapped("%s, %s: %s", r.label.c_str(), col.label.c_str(), pr::money(v).c_str());
                    tooltip_source(c, r.source);
                    ImGui::EndTooltip();
                }
            }
            ImGui::PopID();
        }
        ImGui::EndTable();
    }
    end_wide();
    if (!ct.checks.empty()) {
        ImGui::Spacing();
        heading(c, ct.checks_title);
    }
    for (size_t i = 0; i < ct.checks.size(); ++i) {
        const pr::FigureCheck& k = ct.checks[i];
        if (!k.complete) continue;
        ImGui::PushID((int)i);
        text_wrapped(k.figure->label + ": " + k.working + ".");
        ImGui::PushStyleColor(ImGuiCol_Text, k.agrees ? ImGui::GetStyleColorVec4(ImGuiCol_Text) : kWarn);
        text_wrapped((k.agrees ? "" : "! ") + k.verdict);
        ImGui::PopStyleColor();
        marks(k.figure->flags, "f");
        // The figure's source, then its parts' where they are on other lines, on one line.
        std::vector<const jup::Source*> shown{&k.figure->source};
        for (const jup::Figure* part : k.parts) {
            bool seen = false;
            for (auto* s : shown) seen |= s->doc == part->source.doc && s->from == part->source.from && s->to == part->source.to;
            if (!seen && part->source.present()) shown.push_back(&part->source);
        }
        for (size_t j = 0; j < shown.size(); ++j) {
            if (j && !c.narrow) ImGui::SameLine();  // on a phone, one under another
            source_marker(c, *shown[j], ("src" + std::to_string(j)).c_str());
        }
        ImGui::PopID();
    }
    ImGui::PopID();
}

}  // namespace

void funds(Ctx& c, const pr::PoundPage& pg) {
    for (auto& f : c.content.money.funds) fund(c, f);
    for (auto& ct : pg.costs) costs(c, ct);
}

}  // namespace ui::pound
