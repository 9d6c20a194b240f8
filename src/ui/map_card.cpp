// The case-study card (with small charts for the figures) and the City & Hackney inset.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/map_layout.hpp"
#include "core/vocab.hpp"
#include "ui/map_parts.hpp"

namespace ui::mapui {

ImVec4 ics_color(const std::string& ics) {
    if (ics == "NWL") return ImVec4(0x56 / 255.f, 0xB4 / 255.f, 0xE9 / 255.f, 1);  // sky blue
    if (ics == "NCL") return ImVec4(0xE6 / 255.f, 0x9F / 255.f, 0x00 / 255.f, 1);  // orange
    if (ics == "NEL") return ImVec4(0xCC / 255.f, 0x79 / 255.f, 0xA7 / 255.f, 1);  // reddish purple
    if (ics == "SEL") return ImVec4(0x00 / 255.f, 0x9E / 255.f, 0x73 / 255.f, 1);  // bluish green
    if (ics == "SWL") return ImVec4(0xF0 / 255.f, 0xE4 / 255.f, 0x42 / 255.f, 1);  // yellow
    return ImVec4(0.6f, 0.6f, 0.6f, 1);
}

std::string marker_code(const jup::Content& c, const jup::CaseStudy& cs) {
    if (cs.ref.size() >= 3 && cs.ref.compare(0, 2, "CS") == 0) return cs.ref;
    if (cs.kind == "case") return cs.ref.empty() ? "C" : cs.ref;
    std::string g = jup::map::kind_group(cs.kind);
    int n = 0;
    for (auto& o : c.case_studies) {
        if (jup::map::kind_group(o.kind) == g && o.kind != "case") ++n;
        if (&o == &cs) break;
    }
    return (g == "example-2018" ? "E" : "P") + std::to_string(n);
}

// ---- card -------------------------------------------------------------------------------------

// One horizontal bar (value against max), with the figure at its end.
static void bar(Ctx& c, double value, double max, ImU32 col, const std::string& text) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(c.fonts.small);
    float h = ImGui::GetFontSize() + 4, w = std::max(80.f, ImGui::GetContentRegionAvail().x * 0.55f);
    ImVec2 p = ImGui::GetCursorScreenPos();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(225, 228, 235, 255), 3);
    float f = max > 0 ? (float)std::clamp(value / max, 0.0, 1.0) : 0;
    dl->AddRectFilled(p, ImVec2(p.x + std::max(2.f, w * f), p.y + h), col, 3);
    dl->AddText(ImVec2(p.x + w + 8, p.y + 2), ImGui::GetColorU32(ImGuiCol_Text), text.c_str());
    ImGui::Dummy(ImVec2(w + 8 + ImGui::CalcTextSize(text.c_str()).x, h));
    ImGui::PopFont();
}

static void metrics(Ctx& c, const jup::CaseStudy& cs) {
    // Units shared by two or more figures get bars on a common scale; % is out of 100.
    std::map<std::string, double> unit_max;
    std::map<std::string, int> unit_n;
    for (auto& m : cs.metrics)
        if (m.value) {
            unit_max[m.unit] = std::max({unit_max[m.unit], *m.value, m.baseline.value_or(0)});
            ++unit_n[m.unit];
        }
    const ImU32 now_col = IM_COL32(0, 114, 178, 255), base_col = IM_COL32(150, 150, 160, 255);
    for (auto& m : cs.metrics) {
        ImGui::PushID(m.id.c_str());
        text_wrapped(m.label + (m.date.empty() ? "" : " (" + m.date + ")") + (m.cited_source.empty() ? "" : ", source cited: " + m.cited_source));
        if (m.value) {
            double mx = m.unit == "%" ? 100 : unit_max[m.unit];
            bool chart = m.unit == "%" || m.baseline || unit_n[m.unit] >= 2;
            if (chart && mx > 0) {
                if (m.baseline) bar(c, *m.baseline, mx, base_col, "before: " + jup::fmt::compact(*m.baseline, m.unit));
                bar(c, *m.value, mx, now_col, (m.baseline ? "after: " : "") + jup::fmt::compact(*m.value, m.unit));
            } else {
                ImGui::PushFont(c.fonts.heading);
                ImGui::TextUnformatted(jup::fmt::compact(*m.value, m.unit).c_str());
                ImGui::PopFont();
            }
        } else {
            ImGui::TextDisabled("No figure given in the source.");
        }
        source_marker(c, m.source, "m");
        flag_marks(c, m.flags, "m");
        ImGui::Spacing();
        ImGui::PopID();
    }
}

void case_card(Ctx& c, const jup::CaseStudy& cs) {
    ImGui::PushID(cs.id.c_str());
    if (ImGui::Button("Close card")) c.emit("select_case_study", {{"case_study", ""}});
    heading(c, (cs.ref.empty() ? "" : cs.ref + ": ") + cs.title);
    ImGui::TextDisabled("%s, %d (document %s)", jup::vocab::kind_label(jup::map::kind_group(cs.kind)), cs.year, cs.doc.c_str());
    source_marker(c, cs.source, "cs");
    flag_marks(c, cs.flags, "cs");
    std::string places;
    for (auto& p : cs.places) {
        const jup::Place* pl = c.content.place(p);
        places += (places.empty() ? "" : ", ") + (pl ? pl->name : p);
    }
    text_wrapped("Places: " + places);
    if (!cs.partners.empty()) {
        std::string s;
        for (auto& p : cs.partners) s += (s.empty() ? "" : "; ") + p;
        text_wrapped("Partners: " + s);
    }
    if (!cs.themes.empty()) {
        std::string s;
        for (auto& t : cs.themes)
            if (const jup::Board* b = c.content.board(t)) s += (s.empty() ? "" : ", ") + b->p;
        text_wrapped("Themes (the Ps): " + s);
    }
    if (!cs.summary.text.empty()) item_block(c, cs.summary);
    if (!cs.what_was_done.empty() && ImGui::CollapsingHeader("What was done", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.what_was_done) item_block(c, it);
    if (!cs.metrics.empty() && ImGui::CollapsingHeader("Impact and figures", ImGuiTreeNodeFlags_DefaultOpen)) metrics(c, cs);
    if (!cs.lessons.empty() && ImGui::CollapsingHeader("Lessons", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.lessons) item_block(c, it);
    if (!cs.boards.empty()) {
        ImGui::TextUnformatted("Linked boards:");
        for (auto& b : cs.boards)
            if (const jup::Board* bd = c.content.board(b)) {
                if (ImGui::Button(bd->title.c_str())) c.emit("open_board", {{"board", b}});
                ImGui::SameLine();
            }
        ImGui::NewLine();
    }
    if (cs.source.present()) {
        ImGui::Separator();
        ImGui::TextUnformatted("Source:");
        ImGui::SameLine();
        const jup::Document* d = c.content.document(cs.source.doc);
        text_wrapped(d ? d->title : cs.source.doc);
        if (ImGui::Button("Read it in Sources")) c.emit("show_source", {{"doc", cs.source.doc}, {"line", cs.source.from}});
    }
    ImGui::PopID();
}

// ---- City & Hackney inset ---------------------------------------------------------------------

struct NbSpot {
    const char* id;
    float x, y;  // schematic position in a unit box (not geography)
};
// Roughly north at the top, the City at the bottom; positions are schematic.
static const NbSpot kSpots[] = {
    {"nb-woodberry-wetlands", 0.28f, 0.10f}, {"nb-springfield-park", 0.74f, 0.10f}, {"nb-clissold-park", 0.22f, 0.32f},
    {"nb-unnamed-1", 0.55f, 0.32f},          {"nb-hackney-marshes", 0.84f, 0.36f},  {"nb-unnamed-2", 0.40f, 0.54f},
    {"nb-well-street-common", 0.74f, 0.58f}, {"nb-shoreditch-park-and-the-city", 0.32f, 0.78f},
};

void draw_inset(Ctx& c, ImVec2 size) {
    const jup::CaseStudy* nb = c.content.case_study("c4-neighbourhoods");
    const jup::CaseStudy* casel = c.content.case_study("c4-case-l");
    heading(c, "City & Hackney close-up");
    text_wrapped("The 8 Neighbourhoods, each 30-50,000 people. Schematic: positions are approximate, not boundaries (none are published).");
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float w = ImGui::GetContentRegionAvail().x, h = std::max(220.f, std::min(size.y * 0.62f, w * 1.05f));
    ImVec2 o = ImGui::GetCursorScreenPos();
    const ImU32 text = IM_COL32(20, 20, 28, 255);
    ImVec4 nel = ics_color("NEL");
    ImU32 fill = ImGui::GetColorU32(ImVec4(nel.x * 0.45f + 0.55f, nel.y * 0.45f + 0.55f, nel.z * 0.45f + 0.55f, 1));
    dl->AddRectFilled(o, ImVec2(o.x + w, o.y + h), IM_COL32(250, 250, 252, 255), 8);
    dl->AddRect(o, ImVec2(o.x + w, o.y + h), IM_COL32(150, 150, 160, 255), 8);
    ImGui::PushFont(c.fonts.small);
    float r = std::min(w, h) * 0.13f;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    std::string hover_tip;
    for (auto& s : kSpots) {
        const jup::Place* p = c.content.place(s.id);
        if (!p) continue;
        ImVec2 ctr(o.x + s.x * w, o.y + 8 + s.y * (h - 16));
        bool sel = c.state.place == s.id;
        dl->AddCircleFilled(ctr, r, sel ? ImGui::GetColorU32(nel) : fill, 6);
        dl->AddCircle(ctr, r, IM_COL32(255, 255, 255, 255), 6, 2);
        bool unnamed = std::find_if(p->flags.begin(), p->flags.end(), [](auto& f) { return f.kind == "not-named"; }) != p->flags.end();
        std::string name = unnamed ? "(not named)" : p->name;
        // wrap to two lines at the middle space
        std::string l1 = name, l2;
        if (ImGui::CalcTextSize(name.c_str()).x > r * 2.2f) {
            size_t mid = name.size() / 2, best = std::string::npos;
            for (size_t i = 0; i < name.size(); ++i)
                if (name[i] == ' ' && (best == std::string::npos || (size_t)std::abs((int)i - (int)mid) < (size_t)std::abs((int)best - (int)mid))) best = i;
            if (best != std::string::npos) l1 = name.substr(0, best), l2 = name.substr(best + 1);
        }
        float lh = ImGui::GetFontSize();
        float y = ctr.y - (l2.empty() ? lh / 2 : lh);
        dl->AddText(ImVec2(ctr.x - ImGui::CalcTextSize(l1.c_str()).x / 2, y), text, l1.c_str());
        if (!l2.empty()) dl->AddText(ImVec2(ctr.x - ImGui::CalcTextSize(l2.c_str()).x / 2, y + lh), text, l2.c_str());
        float dx = mouse.x - ctr.x, dy = mouse.y - ctr.y;
        if (dx * dx + dy * dy < r * r && ImGui::IsWindowHovered()) {
            hover_tip = p->name + (unnamed ? ": the source does not name it" : "");
            if (ImGui::IsMouseClicked(0)) c.emit("select_place", {{"place", s.id}});
        }
    }
    // The City of London, which shares the Shoreditch Park and the City Neighbourhood.
    {
        ImVec2 a(o.x + w * 0.56f, o.y + h - ImGui::GetFontSize() - 18), b(o.x + w - 8, o.y + h - 8);
        dl->AddRectFilled(a, b, fill, 4);
        dl->AddRect(a, b, IM_COL32(120, 120, 130, 255), 4);
        dl->AddText(ImVec2(a.x + 6, a.y + 5), text, "City of London");
    }
    // Sites: hospitals and practices, at their neighbourhood where the data says so.
    struct SiteSpot { const char* id; float x, y; };
    static const SiteSpot sites[] = {{"site-homerton", 0.90f, 0.52f}, {"site-chcmh", 0.94f, 0.47f}, {"site-st-leonards", 0.46f, 0.72f},
                                     {"site-lower-clapton", 0.78f, 0.28f}, {"site-greenhouse", 0.58f, 0.46f}};
    for (auto& s : sites) {
        const jup::Place* p = c.content.place(s.id);
        if (!p) continue;
        ImVec2 ctr(o.x + s.x * w, o.y + 8 + s.y * (h - 16));
        bool hospital = p->kind == "hospital";
        float k = 7;
        dl->AddRectFilled(ImVec2(ctr.x - k, ctr.y - k), ImVec2(ctr.x + k, ctr.y + k), hospital ? IM_COL32(0, 90, 170, 255) : IM_COL32(90, 90, 90, 255), 2);
        if (hospital) {
            dl->AddLine(ImVec2(ctr.x - 4, ctr.y), ImVec2(ctr.x + 4, ctr.y), IM_COL32_WHITE, 2);
            dl->AddLine(ImVec2(ctr.x, ctr.y - 4), ImVec2(ctr.x, ctr.y + 4), IM_COL32_WHITE, 2);
        }
        float dx = mouse.x - ctr.x, dy = mouse.y - ctr.y;
        if (std::fabs(dx) <= k + 2 && std::fabs(dy) <= k + 2 && ImGui::IsWindowHovered()) {
            hover_tip = p->name + (hospital ? " (hospital)" : " (GP practice)") + ". Position approximate.";
            if (ImGui::IsMouseClicked(0)) c.emit("select_place", {{"place", s.id}});
        }
    }
    // Case L at Lower Clapton Practice, Hackney Marshes.
    if (casel) {
        ImVec2 ctr(o.x + 0.78f * w + 18, o.y + 8 + 0.28f * (h - 16) - 16);
        dl->AddCircleFilled(ctr, 12, IM_COL32(30, 30, 40, 255));
        ImVec2 ts = ImGui::CalcTextSize("L");
        dl->AddText(ImVec2(ctr.x - ts.x / 2, ctr.y - ts.y / 2), IM_COL32_WHITE, "L");
        float dx = mouse.x - ctr.x, dy = mouse.y - ctr.y;
        if (dx * dx + dy * dy < 14 * 14 && ImGui::IsWindowHovered()) {
            hover_tip = "Case L: " + casel->title;
            if (ImGui::IsMouseClicked(0)) c.emit("select_case_study", {{"case_study", casel->id}});
        }
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(w, h));
    if (!hover_tip.empty()) ImGui::SetTooltip("%s", hover_tip.c_str());
    ImGui::PushFont(c.fonts.small);
    ImGui::TextWrapped("Key: hexagons are Neighbourhoods; blue squares with a cross are hospitals, grey squares GP practices; \"L\" is case L.");
    ImGui::PopFont();
    if (nb) {
        ImGui::SeparatorText("The Neighbourhoods programme");
        for (auto& m : nb->metrics) {
            if (!m.value) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(m.label + ": " + jup::fmt::compact(*m.value, m.unit));
        }
        if (ImGui::Button("Open the Neighbourhoods programme")) c.emit("select_case_study", {{"case_study", nb->id}});
    }
    if (casel && ImGui::Button("Open case L")) c.emit("select_case_study", {{"case_study", casel->id}});
    if (const jup::CaseStudy* pw = c.content.case_study("c4-pathway"))
        if (ImGui::Button("Open the Pathway programme")) c.emit("select_case_study", {{"case_study", pw->id}});
}

}  // namespace ui::mapui
