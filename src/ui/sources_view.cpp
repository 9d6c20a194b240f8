// Sources & About: the five documents (readable, line-numbered, scrolled to a cited line),
// the glossary, the timeline, and what the app is, with the data licences.
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void document_text(Ctx& c, const jup::Document& d) {
    if (ImGui::Button("< All documents")) c.emit("show_source", {{"doc", ""}});
    heading(c, d.title);
    ImGui::TextDisabled("Document %s, %s%s, %d lines", d.id.c_str(), d.date.c_str(), d.date_basis == "inferred" ? " (inferred)" : "", d.line_count);
    flag_marks(c, d.flags, "d");
    ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
    static std::string scrolled_for;
    std::string key = d.id + ":" + std::to_string(c.state.doc_line);
    float line_h = ImGui::GetTextLineHeightWithSpacing();
    if (scrolled_for != key && c.state.doc_line > 0) {
        ImGui::SetScrollY(std::max(0.0f, (c.state.doc_line - 4) * line_h));
        scrolled_for = key;
    }
    ImGuiListClipper clip;
    clip.Begin((int)d.lines.size(), line_h);
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            bool hit = i + 1 == c.state.doc_line;
            if (hit) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.35f, 0.0f, 1));
            ImGui::TextDisabled("%5d", i + 1);
            ImGui::SameLine();
            ImGui::TextUnformatted(d.lines[i].c_str());
            if (hit) ImGui::PopStyleColor();
        }
    }
    ImGui::EndChild();
}

void draw_sources(Ctx& c) {
    if (const jup::Document* d = c.state.doc.empty() ? nullptr : c.content.document(c.state.doc)) {
        document_text(c, *d);
        return;
    }
    heading(c, "About Joined-Up");
    text_wrapped("Joined-Up puts London's 2021 \"Why can't we?\" report on joining up health and care, and four related documents, in "
                 "your hands. Everything runs in this browser: nothing you enter leaves your device unless you export it. Every item shows "
                 "its source (document and line) and quotes it word for word. Figures that are derived, inferred or contradicted in the "
                 "source carry a mark that explains why.");
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("The documents", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (auto& d : c.content.documents) {
            ImGui::PushID(d.id.c_str());
            if (ImGui::Button(("Read document " + d.id).c_str())) c.emit("show_source", {{"doc", d.id}, {"line", 1}});
            ImGui::SameLine();
            text_wrapped(d.title + " (" + d.date + (d.date_basis == "inferred" ? ", inferred" : "") + ")");
            if (!d.summary.empty()) {
                ImGui::Indent();
                ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                text_wrapped(d.summary);
                ImGui::PopStyleColor();
                ImGui::Unindent();
            }
            ImGui::PopID();
        }
    }
    char label[64];
    std::snprintf(label, sizeof label, "Glossary (%zu terms)", c.content.terms.size());
    if (ImGui::CollapsingHeader(label)) {
        for (auto& t : c.content.terms) {
            ImGui::PushID(t.id.c_str());
            ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(t.term.c_str());
            ImGui::PopFont();
            if (!t.expansion.empty()) {
                ImGui::SameLine();
                ImGui::TextUnformatted(("(" + t.expansion + ")").c_str());
            }
            if (!t.definition.empty()) text_wrapped(t.definition);
            source_marker(c, t.source, "t");
            flag_marks(c, t.flags, "t");
            ImGui::PopID();
        }
    }
    std::snprintf(label, sizeof label, "Timeline (%zu events)", c.content.events.size());
    if (ImGui::CollapsingHeader(label)) {
        for (auto& e : c.content.events) {
            ImGui::PushID(e.id.c_str());
            ImGui::TextDisabled("%-10s", e.date.c_str());
            ImGui::SameLine();
            text_wrapped(e.label);
            ImGui::Indent();
            source_marker(c, e.source, "e");
            flag_marks(c, e.flags, "e");
            ImGui::Unindent();
            ImGui::PopID();
        }
    }
    if (ImGui::CollapsingHeader("Licences and attribution", ImGuiTreeNodeFlags_DefaultOpen)) {
        text_wrapped("Boundaries of London's 33 local authority areas: Office for National Statistics, Local Authority Districts (May 2020) "
                     "Boundaries UK BGC, licensed under the Open Government Licence v3.0.");
        text_wrapped("Contains National Statistics data \xC2\xA9 Crown copyright and database right 2020. "
                     "Contains OS data \xC2\xA9 Crown copyright and database right 2020.");
        text_wrapped("Typeface: Inter, SIL Open Font License 1.1. Built with Dear ImGui, SDL2 and nlohmann/json (MIT and zlib licences).");
    }
}

}  // namespace ui
