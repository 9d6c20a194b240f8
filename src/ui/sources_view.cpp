// Sources & About: the five documents (readable, line-numbered, scrolled to a cited line),
// the glossary, the timeline, and what the app is, with the data licences.
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "core/present/about.hpp"
#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {

// Where each line of the document starts, wrapped to `wrap` px, relaid only when the document,
// the width or the font size changes.
const std::vector<float>& line_tops(ReaderUi& r, const jup::Document& d, float wrap) {
    float fs = ImGui::GetFontSize();
    if (r.doc == &d && r.width == wrap && r.font == fs && r.tops.size() == d.lines.size() + 1) return r.tops;
    r.doc = &d, r.width = wrap, r.font = fs;
    r.tops.assign(1, 0.0f);
    float sp = ImGui::GetStyle().ItemSpacing.y;
    for (auto& line : d.lines) r.tops.push_back(r.tops.back() + ImGui::CalcTextSize(line.c_str(), nullptr, false, wrap).y + sp);
    return r.tops;
}

// The document, line-numbered and wrapped to the width, scrolled to the cited line once.
void document_text(Ctx& c, const jup::Document& d) {
    if (ImGui::Button("< All documents")) c.emit("show_source", {{"doc", ""}});
    heading(c, d.title);
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped("Document " + d.id + ", " + jup::present::document_date(d) + ", " + std::to_string(d.line_count) + " lines");
    ImGui::PopStyleColor();
    flag_marks(c, d.flags, "d");
    ImGui::BeginChild("text", ImVec2(0, 0), ImGuiChildFlags_Border);
    float x0 = ImGui::GetCursorPosX(), y0 = ImGui::GetCursorPosY();
    float num_w = ImGui::CalcTextSize("00000").x, text_x = x0 + num_w + ImGui::GetStyle().ItemSpacing.x;
    float wrap = std::max(ImGui::GetFontSize() * 4, ImGui::GetContentRegionMax().x - text_x);
    const std::vector<float>& tops = line_tops(c.ui->reader, d, wrap);
    std::string key = d.id + ":" + std::to_string(c.state.doc_line);
    if (c.ui->doc_scrolled_to != key && c.state.doc_line > 0 && c.state.doc_line <= (int)d.lines.size()) {
        ImGui::SetScrollY(std::max(0.0f, tops[c.state.doc_line - 1] - ImGui::GetTextLineHeightWithSpacing() * 3));
        c.ui->doc_scrolled_to = key;
    }
    // Only the lines on screen are drawn; the rest is their height.
    float top = ImGui::GetScrollY() - y0, bottom = top + ImGui::GetWindowHeight();
    size_t i = (size_t)(std::upper_bound(tops.begin(), tops.end(), top) - tops.begin());
    i = i ? i - 1 : 0;
    for (; i < d.lines.size() && tops[i] < bottom; ++i) {
        bool hit = (int)i + 1 == c.state.doc_line;
        std::string n = std::to_string(i + 1);
        ImGui::SetCursorPos(ImVec2(x0 + num_w - ImGui::CalcTextSize(n.c_str()).x, y0 + tops[i]));
        ImGui::TextDisabled("%s", n.c_str());
        ImGui::SetCursorPos(ImVec2(text_x, y0 + tops[i]));
        if (hit) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.85f, 0.35f, 0.0f, 1));
        text_wrapped(d.lines[i]);
        if (hit) ImGui::PopStyleColor();
    }
    ImGui::SetCursorPos(ImVec2(x0, y0 + tops.back()));
    ImGui::Dummy(ImVec2(1, 1));
    ImGui::EndChild();
}

}  // namespace

void draw_sources(Ctx& c) {
    if (const jup::Document* d = c.state.doc.empty() ? nullptr : c.content.document(c.state.doc)) {
        document_text(c, *d);
        return;
    }
    heading(c, "About Joined-Up");
    text_wrapped(jup::present::about_text(c.content));
    ImGui::Spacing();
    if (fit_header("The documents", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (auto& d : c.content.documents) {
            ImGui::PushID(d.id.c_str());
            std::string read = "Read document " + d.id;
            // The title beside its button, or above it where the two would leave it a sliver.
            bool beside = ImGui::GetContentRegionAvail().x - button_width(read.c_str()) >= ImGui::GetFontSize() * 14;
            if (!beside) text_wrapped(d.title + " (" + jup::present::document_date(d) + ")");
            if (ImGui::Button(read.c_str())) c.emit("show_source", {{"doc", d.id}, {"line", 1}});
            if (beside) {
                ImGui::SameLine();
                text_wrapped(d.title + " (" + jup::present::document_date(d) + ")");
            }
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
    if (fit_header(label)) {
        for (auto& t : c.content.terms) {
            ImGui::PushID(t.id.c_str());
            ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(t.term.c_str());
            ImGui::PopFont();
            if (!t.expansion.empty()) {
                std::string e = "(" + t.expansion + ")";
                Flow{true}.next(ImGui::CalcTextSize(e.c_str()).x);  // beside the term, or under it
                text_wrapped(e);
            }
            if (!t.definition.empty()) text_wrapped(t.definition);
            source_marker(c, t.source, "t");
            flag_marks(c, t.flags, "t");
            ImGui::PopID();
        }
    }
    std::snprintf(label, sizeof label, "Timeline (%zu events)", c.content.events.size());
    if (fit_header(label)) {
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
    if (fit_header("Licences and attribution", ImGuiTreeNodeFlags_DefaultOpen)) {
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
