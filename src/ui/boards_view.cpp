// "Why can't we...?" boards: the seven questions as cards; an open board lets a participant
// rate barriers, back enablers, choose commitments and write a note. Priorities and Pounds
// carry their own choices. Every item shows its source.
#include <algorithm>
#include <cstdio>
#include <map>

#include "imgui.h"
#include "imgui_internal.h"
#include "imgui_stdlib.h"
#include "core/answers.hpp"
#include "core/present/board.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace pr = jup::present;

// A multi-line box for one answer. The draft keeps what is typed: nothing is cut, and text the
// core refuses (too long) stays in the box with a message. A changed saved answer (an import, a
// share link, another tab) replaces the draft.
static void answer_box(Ctx& c, const char* id, Draft& d, const std::string& saved, float lines, const jup::Action& set) {
    if (d.synced != saved) d.text = d.synced = saved;
    std::string& draft = d.text;
    if (ImGui::InputTextMultiline(id, &draft, ImVec2(-1, ImGui::GetFontSize() * lines))) {
        jup::Action a = set;
        a.args["text"] = draft;
        c.emit(a);
    }
    too_long(draft, jup::kMaxNoteBytes);
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
    text_wrapped(pr::boards_intro());
    answers_toolbar(c);
    ImGui::Spacing();
    float avail = ImGui::GetContentRegionAvail().x;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float card_w = std::max(ImGui::GetFontSize() * 16, 260.0f);
    int cols = std::max(1, (int)((avail + gap) / (card_w + gap)));
    card_w = (avail - gap * (cols - 1)) / cols;
    float pad = ImGui::GetFontSize() * 0.7f;
    float card_h = ImGui::GetFontSize() * 10;
    std::vector<pr::BoardCard> cards = pr::board_cards(c.content, c.state);
    for (size_t i = 0; i < cards.size(); ++i) {
        const pr::BoardCard& card = cards[i];
        if (i % cols) ImGui::SameLine();
        ImGui::PushID(card.board->id.c_str());
        ImVec2 p = ImGui::GetCursorScreenPos();
        bool clicked = ImGui::Button("##card", ImVec2(card_w, card_h));
        ImGui::SetItemTooltip("Open this board");
        ImVec2 after = ImGui::GetCursorScreenPos();
        // Card text drawn over the button, clipped to it.
        ImGui::PushClipRect(p, ImVec2(p.x + card_w, p.y + card_h), true);
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + pad * 0.7f));
        ImGui::PushTextWrapPos(p.x + card_w - pad);
        ImGui::PushFont(c.fonts.heading);
        ImGui::TextUnformatted(card.title.c_str());
        ImGui::PopFont();
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, ImGui::GetCursorScreenPos().y));
        ImGui::TextUnformatted(card.question.c_str());
        ImGui::SetCursorScreenPos(ImVec2(p.x + pad, p.y + card_h - ImGui::GetTextLineHeightWithSpacing() - pad * 0.3f));
        ImGui::PushFont(c.fonts.small);
        ImGui::TextUnformatted(card.progress.c_str());
        ImGui::PopFont();
        ImGui::PopTextWrapPos();
        ImGui::PopClipRect();
        ImGui::SetCursorScreenPos(after);
        if ((int)(i % cols) == cols - 1 || i + 1 == cards.size()) ImGui::Dummy(ImVec2(0, 0));
        else ImGui::SetCursorScreenPos(ImVec2(p.x + card_w, p.y)), ImGui::Dummy(ImVec2(0, card_h));
        if (clicked) c.emit(card.open);
        ImGui::PopID();
    }
}

static bool section_header(const std::string& title, size_t n, bool open = true) {
    std::string label = title + " (" + std::to_string(n) + ")###" + title;
    return ImGui::CollapsingHeader(label.c_str(), open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

static void rating_row(Ctx& c, const pr::Entry& e) {
    ImGui::Indent();
    ImGui::PushFont(c.fonts.small);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Holds us back:");
    for (int v = 0; v < 4; ++v) {
        ImGui::SameLine();
        std::string label = std::string(pr::kRatingWords[v]) + "##r" + std::to_string(v);
        if (ImGui::RadioButton(label.c_str(), e.rating == v)) c.emit(e.rate[v]);
    }
    ImGui::PopFont();
    ImGui::Unindent();
}

static void entry(Ctx& c, const pr::Entry& e) {
    ImGui::PushID(e.item->id.empty() ? e.item->text.c_str() : e.item->id.c_str());
    jup::Item shown = *e.item;
    if (!e.prefix.empty()) shown.label = shown.label.empty() ? e.prefix : e.prefix + ": " + shown.label;
    if (e.control == pr::Control::Back || e.control == pr::Control::SignUp) {
        bool on = e.on;
        if (ImGui::Checkbox((e.control_label + "##ctl").c_str(), &on)) c.emit(e.toggle);
    }
    item_block(c, shown);
    if (e.control == pr::Control::Rating) {
        rating_row(c, e);
        ImGui::Spacing();
    }
    ImGui::PopID();
}

static void priorities_choice(Ctx& c, const pr::PrioritiesChoice& pc) {
    if (!section_header(pc.title, pc.options.size())) return;
    text_wrapped(pc.intro);
    for (auto& o : pc.options) {
        ImGui::PushID(o.item->id.c_str());
        bool on = o.on;
        ImGui::BeginDisabled(!o.enabled);
        if (ImGui::Checkbox(o.item->label.c_str(), &on)) c.emit(o.toggle);
        ImGui::EndDisabled();
        if (!o.hint.empty()) ImGui::SetItemTooltip("%s", o.hint.c_str());
        ImGui::Indent();
        source_marker(c, o.item->source, "s");
        flag_marks(c, o.item->flags, "f");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Spacing();
    ImGui::TextUnformatted(pc.ask.c_str());
    answer_box(c, "##deprioritise", c.ui->deprioritised_draft, pc.deprioritised, 3, pc.set_deprioritised);
    ImGui::PushStyleColor(ImGuiCol_Text, pc.counts ? ImVec4(0.05f, 0.45f, 0.15f, 1) : ImVec4(0.70f, 0.30f, 0.0f, 1));
    text_wrapped(pc.status);
    ImGui::PopStyleColor();
    if (pc.reason) source_marker(c, pc.reason->source, "reason");
}

static void pool_choice(Ctx& c, const pr::PoolChoice& pc) {
    if (!section_header(pc.title, pc.options.size())) return;
    text_wrapped(pc.intro);
    for (auto& o : pc.options) {
        ImGui::PushID(o.item->id.c_str());
        if (ImGui::RadioButton(o.item->label.c_str(), o.on)) c.emit(o.toggle);
        ImGui::Indent();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped("\xE2\x80\x9C" + o.item->text + "\xE2\x80\x9D");
        ImGui::PopStyleColor();
        source_marker(c, o.item->source, "s");
        flag_marks(c, o.item->flags, "f");
        ImGui::Unindent();
        ImGui::PopID();
    }
    ImGui::Spacing();
    text_wrapped(pc.exceptions_ask);
    for (size_t i = 0; i < pc.exceptions.size(); ++i) {
        ImGui::PushID((int)i);
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", pc.exceptions[i].c_str());
        ImGui::SameLine();
        if (ImGui::SmallButton("Remove")) c.emit(pc.remove_exception[i]);
        ImGui::PopID();
    }
    std::string& reason = c.ui->reason_draft;
    ImGui::SetNextItemWidth(-ImGui::CalcTextSize("Add reason").x - ImGui::GetStyle().FramePadding.x * 4);
    bool enter = ImGui::InputTextWithHint("##reason", "A compelling reason not to pool...", &reason, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::SameLine();
    if ((ImGui::Button("Add reason") || enter) && jup::collapse_ws(reason).size()) {
        jup::Action a = pc.add_exception;
        a.args["text"] = reason;
        c.emit(a);
        reason.clear();
    }
    too_long(reason, jup::kMaxExceptionBytes);
    if (!pc.try_it.empty() && ImGui::Button(pc.try_label.c_str()))
        for (auto& a : pc.try_it) c.emit(a);
}

static void board_nav(Ctx& c, const pr::BoardPage& pg) {
    if (ImGui::Button("< All boards")) c.emit("open_board", {{"board", ""}});
    ImGui::SameLine();
    ImGui::BeginDisabled(pg.prev.empty());
    if (ImGui::Button("Previous")) c.emit("open_board", {{"board", pg.prev}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::BeginDisabled(pg.next.empty());
    if (ImGui::Button("Next")) c.emit("open_board", {{"board", pg.next}});
    ImGui::EndDisabled();
    ImGui::SameLine();
    ImGui::TextDisabled("%s", pg.position.c_str());
}

static void open_board(Ctx& c, const jup::Board& b) {
    pr::BoardPage pg = pr::board_page(c.content, c.state, b);
    board_nav(c, pg);
    heading(c, b.question.text);
    source_marker(c, b.question.source, "q");
    flag_marks(c, b.question.flags, "q");
    term_chips(c, b.question.text, "q");
    if (!b.opening_quote.text.empty()) item_block(c, b.opening_quote);
    // The board's own choice first: it is what the participant came to answer.
    if (pg.priorities) priorities_choice(c, *pg.priorities);
    if (pg.pool) pool_choice(c, *pg.pool);
    for (auto& sec : pg.sections) {
        ImGui::PushID(sec.key.c_str());
        if (sec.entries.empty()) {  // the heading over the barrier groups: on the canvas, the rating prompt
            ImGui::Spacing();
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.13f, 0.33f, 0.70f, 1));
            text_wrapped(pg.rating_progress);
            ImGui::PopStyleColor();
        } else if (section_header(pr::header(sec), sec.entries.size(), sec.open)) {
            for (auto& e : sec.entries) entry(c, e);
        }
        ImGui::PopID();
    }
    if (section_header(pg.note_title, pg.note.empty() ? 0 : 1)) {
        Draft& draft = c.ui->note_drafts[b.id];
        answer_box(c, "##note", draft, pg.note, 5, pg.set_note);
    }
    if (!pg.case_studies.empty() && section_header(pg.cases_title, pg.case_studies.size()))
        for (auto& lc : pg.case_studies)
            if (ImGui::Button((lc.case_study->title + "##" + lc.case_study->id).c_str()))
                for (auto& a : lc.open) c.emit(a);
}

void draw_boards(Ctx& c) {
    import_prompt(c);
    const jup::Board* b = c.state.board.empty() ? nullptr : c.content.board(c.state.board);
    if (b) open_board(c, *b);
    else board_cards(c);
}

// Presenter mode: one board at a time, large type, arrow keys to step, Esc to leave.
static void presenter_column(Ctx& c, const char* id, float w, const std::string& title, const std::vector<std::string>& lines) {
    ImGui::BeginChild(id, ImVec2(w, 0), ImGuiChildFlags_Border);
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted(title.c_str());
    ImGui::PopFont();
    for (auto& l : lines) {
        ImGui::Bullet();
        ImGui::SameLine();
        text_wrapped(l);
    }
    ImGui::EndChild();
}

void draw_presenter(Ctx& c) {
    jup::present::PresenterSlide sl = jup::present::presenter_slide(c.content, c.state);
    if (!sl.board) return;
    if (ImGui::IsKeyPressed(ImGuiKey_RightArrow) || ImGui::IsKeyPressed(ImGuiKey_PageDown) || ImGui::IsKeyPressed(ImGuiKey_Space, false)) c.emit(sl.next);
    if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow) || ImGui::IsKeyPressed(ImGuiKey_PageUp)) c.emit(sl.prev);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit(sl.leave);
    ImGui::TextDisabled("%s", sl.position.c_str());
    ImGui::SameLine(ImGui::GetWindowWidth() - ImGui::CalcTextSize("Leave presenter mode").x - ImGui::GetStyle().FramePadding.x * 6);
    if (ImGui::Button("Leave presenter mode")) c.emit(sl.leave);
    ImGui::Spacing();
    ImGui::PushFont(c.fonts.heading);
    text_wrapped(sl.question);
    ImGui::PopFont();
    if (!sl.quote.empty()) {
        ImGui::Spacing();
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped(sl.quote);
        ImGui::PopStyleColor();
    }
    ImGui::Spacing();
    float w = ImGui::GetContentRegionAvail().x;
    presenter_column(c, "barriers", w * 0.5f - 8, sl.left_title, sl.left);
    ImGui::SameLine();
    presenter_column(c, "commitments", 0, sl.right_title, sl.right);
}

}  // namespace ui
