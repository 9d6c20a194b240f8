// Sources & About: the five documents (readable, line-numbered, scrolled to a cited line),
// the glossary, the timeline, and what the app is, with the data licences.
#include <cstdio>

#include "core/present/about.hpp"
#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void document_text(Ctx& c, const jup::Document& d) {
    if (ImGui::Button("< All documents")) c.emit("show_source", {{"doc", ""}});
    heading(c, d.title);
    ImGui::TextDisabled("Document %s, %s, %d lines", d.id.c_str(), jup::present::document_date(d).c_str(), d.line_count);
    flag_marks(c, d.flags, "d");
    ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_HorizontalScrollbar);
    std::string key = d.id + ":" + std::to_string(c.state.doc_line);
    float line_h = ImGui::GetTextLineHeightWithSpacing();
    if (c.ui->doc_scrolled_to != key && c.state.doc_line > 0) {
        ImGui::SetScrollY(std::max(0.0f, (c.state.doc_line - 4) * line_h));
        c.ui->doc_scrolled_to = key;
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
    text_wrapped(jup::present::about_text(c.content));
    ImGui::Spacing();
    if (ImGui::CollapsingHeader("The documents", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (auto& d : c.content.documents) {
            ImGui::PushID(d.id.c_str());
            if (ImGui::Button(("Read document " + d.id).c_str())) c.emit("show_source", {{"doc", d.id}, {"line", 1}});
            ImGui::SameLine();
            text_wrapped(d.title + " (" + jup::present::document_date(d) + ")");
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
        for (auto& cr : jup::present::credits(c.geo)) {
            ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(cr.what.c_str());
            ImGui::PopFont();
            text_wrapped(cr.text + " Licence: " + cr.licence + (cr.licence_url.empty() ? "." : " (" + cr.licence_url + ")."));
            for (auto& n : cr.notices) text_wrapped(n + ".");
        }
        if (!c.geo && c.geo_error && !c.geo_error->empty()) text_wrapped("The boundaries could not be loaded: " + *c.geo_error);
    }
}

}  // namespace ui
