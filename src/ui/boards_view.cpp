// "Why can't we...?" boards: the seven questions as cards; an open board lets a participant
// rate barriers, back enablers, choose commitments and write a note. Priorities and Pounds
// carry their own choices. Every item shows its source.
#include <algorithm>
#include <cstdio>
#include <map>

#include "imgui.h"
#include "imgui_internal.h"
#include "ui/ui.hpp"

namespace ui {

static const char* kRatingWords[4] = {"Not at all", "A little", "Quite a lot", "A lot"};

static int barrier_count(const jup::Board& b) {
    int n = 0;
    for (auto& g : b.barrier_groups) n += (int)g.barriers.size();
    return n;
}

static int rated_count(const Ctx& c, const jup::Board& b) {
    int n = 0;
    for (auto& g : b.barrier_groups)
        for (auto& it : g.barriers) n += c.state.answers.ratings.count(it.id);
    return n;
}

static void answers_toolbar(Ctx& c) {
    if (ImGui::Button("Save my answers to a file")) c.emit("export_answers");
    ImGui::SetItemTooltip("Downloads a file with your answers. Nothing is sent anywhere: give the file to your facilitator if you wish.");
    ImGui::SameLine();
    if (ImGui::Button("Open an answers file")) c.emit("pick_answers_file");
    ImGui::SameLine();
    if (ImGui::Button("Clear my answers")) ImGui::OpenPopup("Clear answers?");
    ImGui::SameLine();
    ImGui::TextDisabled("|");
    ImGui::SameLine();
    if (ImGui::Button("Presenter mode")) {
        c.emit("set_presenter", {{"on", true}});
        c.emit("fullscreen");
    }
    ImGui::SameLine();
    if (ImGui::Button("Room tally (facilitators)")) c.emit("set_view", {{"view", "tally"}});
    ImGui::SameLine();
    if (ImGui::Button("QR code of this site")) c.emit("show_qr", {{"what", "site"}});
    if (ImGui::BeginPopupModal("Clear answers?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::TextUnformatted("This removes every rating, choice and note you have made in this browser.");
        ImGui::TextUnformatted("Save them to a file first if you may want them back.");
        if (ImGui::Button("Clear my answers##confirm")) {
            c.emit("clear_answers");
            ImGui::CloseCurrentPopup();
        }
        ImGui::SameLine();
        if (ImGui::Button("Keep them") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

static void import_prompt(Ctx& c) {
    if (c.pending_import.empty()) return;
    if (!ImGui::IsPopupOpen("Replace your answers?")) ImGui::OpenPopup("Replace your answers?");
    if (ImGui::BeginPopupModal("Replace your answers?", nullptr, ImGuiWindowFlags_AlwaysAutoResize)) {
        ImGui::Text("Replace the answers in this browser with those in \"%s\"?", c.pending_import.c_str());
        ImGui::TextUnformatted("Your current answers will be lost unless you save them to a file first.");
        if (ImGui::Button("Save mine first")) c.emit("export_answers");
        ImGui::SameLine();
        if (ImGui::Button("Replace")) c.emit("confirm_import");
        ImGui::SameLine();
        if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("cancel_import");
        ImGui::EndPopup();
    }
}

static void board_cards(Ctx& c) {
    heading(c, "Why can't we...?");
    text_wrapped("Seven questions from London's 2021 report on joining up health and care. Open one to see what stands in the way, "
                 "what helps and what the report commits to, and to give your own view. Your answers stay in this browser.");
    answers_toolbar(c);
    ImGui::Spacing();
    float avail = ImGui::GetContentRegionAvail().x;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float card_w = std::max(ImGui::GetFontSize() * 16, 260.0f);
    int cols = std::max(1, (int)((avail + gap) / (card_w + gap)));
    card_w = (avail - gap * (cols - 1)) / cols;
    float pad = ImGui::GetFontSize() * 0.7f;
    float card_h = ImGui::GetFontSize() * 10;
    int i = 0;
    for (auto& b : c.content.boards) {
        if (i % cols) ImGui::SameLine();
        ImGui::PushID(b.id.c_str());
        ImVec2 p = ImGui::GetCursorScreenPos();
        bool clicked = ImGui::Button("##card", ImVec2(card_w, card_h));
        ImGui::SetItemTooltip("Open this board");
        ImVec2 after = ImGui::GetCursorScreenPos();
        // Card text drawn over the button, clipped to it.
        ImGui::PushClipRect(p, ImVec2(p.x + card_w, p.y + card_h), true);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad * 0.7f));
        ImGui::PushTextWrapPos(p.x + card_w - pad);
        ImGui::PushFont(c.fonts.heading);
        ImGui::TextUnformatted(b.order == 0 ? "The big question" : b.title.c_str());
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, ImGui::GetCursorScreenPos().y));
        ImGui::TextUnformatted(b.question.text.c_str());
        int total = barrier_count(b), rated = rated_count(c, b);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + card_h - ImGui::GetTextLineHeightWithSpacing() - pad * 0.3f));
        ImGui::PushFont(c.fonts.small);
        if (rated) ImGui::Text("You rated %d of %d barriers", rated, total);
        else ImGui::Text("%d barriers, %zu commitments", total, b.commitments.size());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::PopClipRect();
        ImGui::SetCursorScreenPos(after);
        if (i % cols == cols - 1 || i + 1 == (int)c.content.boards.size()) ImGui::Dummy(ImVec2(0, 0));
        else ImGui::SetCursorScreenPos(ImVec2(p.x + card_w, p.y)), ImGui::Dummy(ImVec2(0, card_h));
        if (clicked) c.emit("open_board", {{"board", b.id}});
        ImGui::PopID();
        ++i;
    }
}

static bool section_header(const char* title, size_t n, bool open = true) {
    char label[200];
    std::snprintf(label, sizeof label, "%s (%zu)###%s", title, n, title);
    return ImGui::CollapsingHeader(label, open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

static void rating_row(Ctx& c, const jup::Item& it) {
    auto r = c.state.answers.ratings.find(it.id);
    int current = r == c.state.answers.ratings.end() ? -1 : r->second;
    ImGui::Indent();
    ImGui::PushFont(c.fonts.small);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Holds us back:");
    for (int v = 0; v < 4; ++v) {
        ImGui::SameLine();
        char label[48];
        std::snprintf(label, sizeof label, "%s##r%d", kRatingWords[v], v);
        if (ImGui::RadioButton(label, current == v)) c.emit("rate_barrier", {{"barrier", it.id}, {"rating", current == v ? nlohmann::json() : nlohmann::json(v)}});
    }
    ImGui::PopFont();
    ImGui::Unindent();
}

static void notes_box(Ctx& c, const jup::Board& b) {
    // The edit buffer lives here only while typing; every change goes to the state at once.
    static std::map<std::string, std::string> buffers;
    auto it = c.state.answers.notes.find(b.id);
    std::string& buf = buffers[b.id];
    std::string saved = it == c.state.answers.notes.end() ? "" : it->second;
    ImGui::PushID("note");
    if (!ImGui::IsItemActive() && buf != saved && !ImGui::GetIO().WantTextInput) buf = saved;
    char tmp[20001];
    std::snprintf(tmp, sizeof tmp, "%s", buf.c_str());
    if (ImGui::InputTextMultiline("##note", tmp, sizeof tmp, ImVec2(-1, ImGui::GetFontSize() * 5))) {
        buf = tmp;
        c.emit("set_note", {{"board", b.id}, {"text", buf}});
    }
    ImGui::PopID();
}

static void priorities_choice(Ctx& c, const jup::Board& b) {
    if (b.id != "priorities" || b.options.empty()) return;
    const jup::Answers& a = c.state.answers;
    if (!section_header("Choose up to three priority outcomes", b.options.size())) return;
    text_wrapped("Which outcomes should your borough partnership deliver in the next 12 months? Choose at most three.");
    for (auto& o : b.options) {
        ImGui::PushID(o.id.c_str());
        bool on = a.priorities.count(o.id) > 0;
        bool full = !on && (int)a.priorities.size() >= jup::kMaxPriorities;
        ImGui::BeginDisabled(full);
        if (ImGui::Checkbox(o.label.c_str(), &on)) c.emit("toggle_priority", {{"option", o.id}});
        ImGui::EndDisabled();
        if (full) ImGui::SetItemTooltip("You have chosen three already. Remove one to choose this.");
        ImGui::Indent();
        source_marker(c, o.source, "s");
        flag_marks(c, o.flags, "f");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted("What will you de-prioritise for the next year?");
    static std::string buf;
    if (!ImGui::GetIO().WantTextInput) buf = a.deprioritised;
    char tmp[4096];
    std::snprintf(tmp, sizeof tmp, "%s", buf.c_str());
    if (ImGui::InputTextMultiline("##deprioritise", tmp, sizeof tmp, ImVec2(-1, ImGui::GetFontSize() * 3))) {
        buf = tmp;
        c.emit("set_deprioritised", {{"text", buf}});
    }
    bool counts = jup::priorities_count(a);
    ImGui::PushStyleColor(ImGuiCol_Text, counts ? ImVec4(0.05f, 0.45f, 0.15f, 1) : ImVec4(0.70f, 0.30f, 0.0f, 1));
    if (a.priorities.empty()) text_wrapped("Choose your priorities above.");
    else if (counts) text_wrapped("Your choice of " + std::to_string(a.priorities.size()) + " priorities counts.");
    else text_wrapped("Your choice counts once you say what you will de-prioritise. The report asks partnerships to be \"explicit in what "
                      "we are going to de-prioritise for the next year\", because \"prioritising everything means prioritising nothing\".");
    ImGui::PopStyleColor();
    for (auto& cm : b.commitments)
        if (cm.id == "P2.3") source_marker(c, cm.source, "p23");
}

static void pounds_choice(Ctx& c, const jup::Board& b) {
    if (b.id != "pounds" || b.options.empty()) return;
    const jup::Answers& a = c.state.answers;
    if (!section_header("Your choice: pool by default?", b.options.size())) return;
    text_wrapped("Which comes closest to what you think? These options are the ones the documents name.");
    for (auto& o : b.options) {
        ImGui::PushID(o.id.c_str());
        if (ImGui::RadioButton(o.label.c_str(), a.pool_choice == o.id)) c.emit("set_pool_choice", {{"option", a.pool_choice == o.id ? "" : o.id}});
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped("\xE2\x80\x9C" + o.text + "\xE2\x80\x9D");
        ImGui::PopStyleColor();
        source_marker(c, o.source, "s");
        flag_marks(c, o.flags, "f");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Spacing();
    text_wrapped("The report says \"except where there is a compelling reason not to\" but never says what such a reason is. What would yours be?");
    for (size_t i = 0; i < a.pool_exceptions.size(); ++i) {
        ImGui::PushID((int)i);
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", a.pool_exceptions[i].c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) c.emit("remove_pool_exception", {{"index", (int)i}});
        ImGui::PopID();
    }
    static char reason[1000];
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Add reason").x - ImGui::GetStyle().FramePadding.x * 4);
    bool enter = ImGui::InputTextWithHint("##reason", "A compelling reason not to pool...", reason, sizeof reason, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Add reason") || enter) && jup::collapse_ws(reason).size()) {
        c.emit("add_pool_exception", {{"text", std::string(reason)}});
        reason[0] = 0;
    }
    if (ImGui::Button("Try pooling on City & Hackney's real budget")) {
        c.emit("set_view", {{"view", "pound"}});
        c.emit("pound_tab", {{"tab", "whatif"}});
    }
}

static void board_nav(Ctx& c, const jup::Board& b) {
    int idx = 0, n = (int)c.content.boards.size();
    for (int k = 0; k < n; ++k)
        if (c.content.boards[k].id == b.id) idx = k;
    if (ImGui::Button("< All boards")) c.emit("open_board", {{"board", ""}});
    ImGui::SameLine();
    ImGui::BeginDisabled(idx == 0);
    if (ImGui::Button("Previous")) c.emit("open_board", {{"board", c.content.boards[idx - 1].id}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(idx + 1 >= n);
    if (ImGui::Button("Next")) c.emit("open_board", {{"board", c.content.boards[idx + 1].id}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("Board %d of %d: %s", idx + 1, n, b.p.empty() ? b.title.c_str() : b.p.c_str());
}

static void open_board(Ctx& c, const jup::Board& b) {
    board_nav(c, b);
    heading(c, b.question.text);
    source_marker(c, b.question.source, "q");
    flag_marks(c, b.question.flags, "q");
    term_chips(c, b.question.text, "q");
    if (!b.opening_quote.text.empty()) item_block(c, b.opening_quote);
    // The board's own choice first: it is what the participant came to answer.
    priorities_choice(c, b);
    pounds_choice(c, b);

    int total = barrier_count(b);
    if (total) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.13f, 0.33f, 0.70f, 1));
        text_wrapped("For each barrier: how much does this hold us back here? You rated " + std::to_string(rated_count(c, b)) + " of " +
                     std::to_string(total) + ".");
        ImGui::PopStyleColor();
    }
    for (auto& g : b.barrier_groups) {
        ImGui::PushID(g.id.c_str());
        if (section_header(g.title.c_str(), g.barriers.size()))
            for (auto& it : g.barriers) {
                item_block(c, it);
                ImGui::PushID(it.id.c_str());
                rating_row(c, it);
                ImGui::PopID();
                ImGui::Spacing();
            }
        ImGui::PopID();
    }
    if (!b.enablers.empty() && section_header("What helps: back the ones you support", b.enablers.size()))
        for (auto& it : b.enablers) {
            ImGui::PushID(it.id.c_str());
            bool on = c.state.answers.enablers.count(it.id) > 0;
            if (ImGui::Checkbox("I back this##en", &on)) c.emit("toggle_enabler", {{"enabler", it.id}});
            ImGui::SameLine();
            ImGui::TextWrapped("%s", it.label.c_str());
            jup::Item rest = it;
            rest.label.clear();
            item_block(c, rest);
            ImGui::PopID();
        }
    if (!b.tradeoffs.empty() && section_header("Trade-offs and risks", b.tradeoffs.size()))
        for (auto& it : b.tradeoffs) item_block(c, it);
    if (!b.commitments.empty() && section_header("What this would look like in practice: would you sign up?", b.commitments.size()))
        for (auto& it : b.commitments) {
            ImGui::PushID(it.id.c_str());
            bool on = c.state.answers.commitments.count(it.id) > 0;
            if (ImGui::Checkbox(("I would sign up to " + it.id + "##cm").c_str(), &on)) c.emit("toggle_commitment", {{"commitment", it.id}});
            jup::Item rest = it;
            item_block(c, rest);
            ImGui::PopID();
        }
    if (section_header("Your note on this board", c.state.answers.notes.count(b.id))) notes_box(c, b);
    if (!b.case_studies.empty() && section_header("Case studies: see them on the map", b.case_studies.size())) {
        for (auto& id : b.case_studies) {
            const jup::CaseStudy* cs = c.content.case_study(id);
            if (!cs) continue;
            if (ImGui::Button((cs->title + "##" + id).c_str())) {
                c.emit("select_case_study", {{"case_study", id}});
                c.emit("set_view", {{"view", "map"}});
            }
        }
    }
    if (!b.quotes.empty() && section_header("Voices from the engagement", b.quotes.size(), false))
        for (auto& it : b.quotes) item_block(c, it);
    if (!b.evidence.empty() && section_header("Related evidence from the other documents", b.evidence.size(), false))
        for (auto& it : b.evidence) item_block(c, it);
}

void draw_boards(Ctx& c) {
    import_prompt(c);
    const jup::Board* b = c.state.board.empty() ? nullptr : c.content.board(c.state.board);
    if (b) open_board(c, *b);
    else board_cards(c);
}

// Presenter mode: one board at a time, large type, arrow keys to step, Esc to leave.
void draw_presenter(Ctx& c) {
    const jup::Board* b = c.content.board(c.state.board);
    if (!b && !c.content.boards.empty()) b = &c.content.boards.front();
    if (!b) return;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space, false))
        c.emit("present_step", {{"delta", 1}});
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) c.emit("present_step", {{"delta", -1}});
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("set_presenter", {{"on", false}});
    int idx = 0;
    for (int k = 0; k < (int)c.content.boards.size(); ++k)
        if (c.content.boards[k].id == b->id) idx = k;
    ImGui::TextDisabled("%d / %zu   %s   (arrow keys to move, Esc to leave)", idx + 1, c.content.boards.size(), b->p.c_str());
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize("Leave presenter mode").x - ImGui::GetStyle().FramePadding.x * 6);
    if (ImGui::Button("Leave presenter mode")) c.emit("set_presenter", {{"on", false}});
    ImGui::Spacing();
    ImGui::PushFont(c.fonts.heading);
    text_wrapped(b->question.text);
    ImGui::PopFont();
    if (!b->opening_quote.text.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped("\xE2\x80\x9C" + b->opening_quote.text + "\xE2\x80\x9D");
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    float w = ImGui::GetContentRegionAvail().x;
    ImGui::BeginChild("barriers", ImVec2(w * 0.5f - 8, 0), ImGuiChildFlags_Border);
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted("What stands in the way");
    ImGui::PopFont();
    for (auto& g : b->barrier_groups)
        for (auto& it : g.barriers) {
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(it.label.empty() ? it.text : it.label);
        }
    ImGui::EndChild();
    ImGui::SameLine();
    ImGui::BeginChild("commitments", ImVec2(0, 0), ImGuiChildFlags_Border);
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted(b->commitments.empty() ? "What helps" : "What we commit to");
    ImGui::PopFont();
    for (auto& it : b->commitments.empty() ? b->enablers : b->commitments) {
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(it.label.empty() ? it.text : it.label);
    }
    ImGui::EndChild();
}

}  // namespace ui
