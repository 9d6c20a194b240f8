// "Why can't we...?" boards: the seven questions as cards; an open board shows its
// barriers, enablers, trade-offs, commitments, case studies and evidence, each with its source.
#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void board_cards(Ctx& c) {
    heading(c, "Why can't we...?");
    text_wrapped("Seven questions from London's 2021 report on joining up health and care. Choose one to see what stands in the way, "
                 "what helps, and what the report commits to.");
    ImGui::Spacing();
    float avail = ImGui::GetContentRegionAvail().x;
    float card_w = std::max(ImGui::GetFontSize() * 16, 260.0f);
    int cols = std::max(1, (int)(avail / (card_w + ImGui::GetStyle().ItemSpacing.x)));
    card_w = (avail - ImGui::GetStyle().ItemSpacing.x * (cols - 1)) / cols;
    float card_h = ImGui::GetFontSize() * 9;
    int i = 0;
    for (auto& b : c.content.boards) {
        if (i % cols) ImGui::SameLine();
        ImGui::PushID(b.id.c_str());
        ImGui::BeginGroup();
        ImVec2 p = ImGui::GetCursorScreenPos();
        std::string label = "##card";
        bool clicked = ImGui::Button(label.c_str(), ImVec2(card_w, card_h));
        ImGui::SetCursorScreenPos(ImVec2(p.x + 12, p.y + 10));
        ImGui::PushTextWrapPos(p.x + card_w - 12);
        ImGui::PushFont(c.fonts.heading);
        ImGui::TextUnformatted((b.order == 0 ? std::string("The big question") : b.title).c_str());
        ImGui::PopFont();
        ImGui::TextUnformatted(b.question.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::EndGroup();
        ImGui::SetCursorScreenPos(ImVec2(p.x + card_w, p.y));
        ImGui::Dummy(ImVec2(0, card_h));
        if (clicked) c.emit("open_board", {{"board", b.id}});
        ImGui::PopID();
        ++i;
    }
}

static void section(Ctx& c, const char* title, const std::vector<jup::Item>& items, bool open = true) {
    if (items.empty()) return;
    char label[128];
    std::snprintf(label, sizeof label, "%s (%zu)", title, items.size());
    if (ImGui::CollapsingHeader(label, open ? ImGuiTreeNodeFlags_DefaultOpen : 0))
        for (auto& it : items) item_block(c, it);
}

static void open_board(Ctx& c, const jup::Board& b) {
    if (ImGui::Button("< All boards")) c.emit("open_board", {{"board", ""}});
    ImGui::SameLine();
    ImGui::TextDisabled("%s", b.p.empty() ? b.title.c_str() : b.p.c_str());
    heading(c, b.question.text);
    source_marker(c, b.question.source, "q");
    flag_marks(c, b.question.flags, "q");
    if (!b.opening_quote.text.empty()) {
        ImGui::Spacing();
        item_block(c, b.opening_quote);
    }
    for (auto& g : b.barrier_groups) {
        char label[200];
        std::snprintf(label, sizeof label, "%s (%zu)###%s", g.title.c_str(), g.barriers.size(), g.id.c_str());
        if (ImGui::CollapsingHeader(label, ImGuiTreeNodeFlags_DefaultOpen))
            for (auto& it : g.barriers) item_block(c, it);
    }
    section(c, "What helps", b.enablers);
    section(c, "Trade-offs and risks", b.tradeoffs);
    section(c, "What this would look like in practice: commitments", b.commitments);
    section(c, "Options", b.options);
    section(c, "Voices from the engagement", b.quotes, false);
    section(c, "Related evidence from the other documents", b.evidence, false);
    if (!b.case_studies.empty() && ImGui::CollapsingHeader("Case studies", ImGuiTreeNodeFlags_DefaultOpen)) {
        for (auto& id : b.case_studies) {
            const jup::CaseStudy* cs = c.content.case_study(id);
            if (!cs) continue;
            if (ImGui::Button((cs->title + "##" + id).c_str())) {
                c.emit("select_case_study", {{"case_study", id}});
                c.emit("set_view", {{"view", "map"}});
            }
        }
    }
    if (!b.terms.empty() && ImGui::CollapsingHeader("Words used here")) {
        for (auto& id : b.terms)
            if (const jup::Term* t = c.content.term(id)) {
                ImGui::Bullet();
                ImGui::SameLine();
                text_wrapped(t->term + (t->expansion.empty() ? "" : " (" + t->expansion + ")") + ": " + t->definition);
            }
    }
}

void draw_boards(Ctx& c) {
    const jup::Board* b = c.state.board.empty() ? nullptr : c.content.board(c.state.board);
    if (b) open_board(c, *b);
    else board_cards(c);
}

}  // namespace ui
