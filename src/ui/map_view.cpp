// Case-study map (first cut): London's 33 areas by ICS, with the case studies placed on
// them, and the selected case study's card. The drawn boundary map builds on this.
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static bool case_touches(const jup::Content& content, const jup::CaseStudy& cs, const std::string& place_or_ics) {
    for (auto& p : cs.places) {
        if (p == place_or_ics) return true;
        const jup::Place* pl = content.place(p);
        while (pl) {
            if (pl->id == place_or_ics || pl->ics == place_or_ics) return true;
            pl = pl->parent.empty() ? nullptr : content.place(pl->parent);
        }
    }
    return false;
}

static void case_card(Ctx& c, const jup::CaseStudy& cs) {
    ImGui::PushID(cs.id.c_str());
    if (ImGui::Button("Close")) c.emit("select_case_study", {{"case_study", ""}});
    heading(c, (cs.ref.empty() ? "" : cs.ref + ": ") + cs.title);
    source_marker(c, cs.source, "cs");
    flag_marks(c, cs.flags, "cs");
    std::string places;
    for (auto& p : cs.places) {
        const jup::Place* pl = c.content.place(p);
        places += (places.empty() ? "" : ", ") + (pl ? pl->name : p);
    }
    ImGui::TextDisabled("%s, %d. Places: %s", cs.kind.c_str(), cs.year, places.c_str());
    if (!cs.partners.empty()) {
        std::string s;
        for (auto& p : cs.partners) s += (s.empty() ? "" : "; ") + p;
        text_wrapped("Partners: " + s);
    }
    if (!cs.summary.text.empty()) item_block(c, cs.summary);
    if (!cs.what_was_done.empty() && ImGui::CollapsingHeader("What was done", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.what_was_done) item_block(c, it);
    if (!cs.metrics.empty() && ImGui::CollapsingHeader("Impact and figures", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (auto& m : cs.metrics) {
            ImGui::PushID(m.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            char v[64] = "";
            if (m.value) std::snprintf(v, sizeof v, ": %g %s", *m.value, m.unit.c_str());
            text_wrapped(m.label + v + (m.cited_source.empty() ? "" : " (" + m.cited_source + ")"));
            ImGui::Indent();
            source_marker(c, m.source, "m");
            flag_marks(c, m.flags, "m");
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    if (!cs.lessons.empty() && ImGui::CollapsingHeader("Lessons", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.lessons) item_block(c, it);
    if (!cs.boards.empty()) {
        ImGui::TextUnformatted("Linked boards:");
        for (auto& b : cs.boards)
            if (const jup::Board* bd = c.content.board(b)) {
                ImGui::SameLine();
                if (ImGui::SmallButton(bd->title.c_str())) c.emit("open_board", {{"board", b}});
            }
    }
    ImGui::PopID();
}

void draw_map(Ctx& c) {
    heading(c, "Case studies across London");
    text_wrapped("London's 33 local authority areas (32 boroughs and the City of London) in five integrated care systems (ICSs), "
                 "with the case studies from the documents placed on them.");
    float left = ImGui::GetContentRegionAvail().x * 0.42f;
    ImGui::BeginChild("areas", ImVec2(left, 0), ImGuiChildFlags_Border);
    int london = 0;
    for (auto& cs : c.content.case_studies)
        for (auto& p : cs.places) london += p == "london";
    if (london && ImGui::CollapsingHeader("London-wide", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& cs : c.content.case_studies)
            if (case_touches(c.content, cs, "london") && ImGui::Selectable((cs.title + "##lw" + cs.id).c_str(), c.state.case_study == cs.id))
                c.emit("select_case_study", {{"case_study", cs.id}});
    for (auto& ics : c.content.icss) {
        int n = 0;
        for (auto& cs : c.content.case_studies) n += case_touches(c.content, cs, ics.id);
        char label[160];
        std::snprintf(label, sizeof label, "%s (%s): %d case studies###%s", ics.name.c_str(), ics.id.c_str(), n, ics.id.c_str());
        if (!ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen)) continue;
        ImGui::PushID(ics.id.c_str());
        for (auto& pl : c.content.places) {
            if (pl.ics != ics.id) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextUnformatted(pl.name.c_str());
            ImGui::PushID(pl.id.c_str());
            flag_marks(c, pl.flags, "pl");
            for (auto& cs : c.content.case_studies) {
                bool direct = false;
                for (auto& p : cs.places) {
                    const jup::Place* q = c.content.place(p);
                    direct |= p == pl.id || (q && q->parent == pl.id);
                }
                if (!direct) continue;
                ImGui::Indent();
                if (ImGui::Selectable((cs.title + "##" + cs.id).c_str(), c.state.case_study == cs.id))
                    c.emit("select_case_study", {{"case_study", cs.id}});
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
        for (auto& cs : c.content.case_studies)
            for (auto& p : cs.places)
                if (p == ics.id && ImGui::Selectable((cs.title + " (whole ICS)##" + cs.id).c_str(), c.state.case_study == cs.id))
                    c.emit("select_case_study", {{"case_study", cs.id}});
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("card", ImVec2(0, 0), ImGuiChildFlags_Border);
    if (const jup::CaseStudy* cs = c.state.case_study.empty() ? nullptr : c.content.case_study(c.state.case_study)) case_card(c, *cs);
    else text_wrapped("Choose a case study on the left to read it.");
    ImGui::EndChild();
}

}  // namespace ui
