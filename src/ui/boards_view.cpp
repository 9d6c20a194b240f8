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
#include "ui/wrap_label.hpp"

namespace ui {

namespace pr = jup::present;

// A multi-line box for one answer. The draft keeps what is typed: nothing is cut, and text the
// core refuses (too long) stays in the box with a message. A changed saved answer (an import, a
// share link, another tab) replaces the draft.
static void answer_box(Ctx& c, const char* id, const std::string& name, Draft& d, const std::string& saved, float lines, const jup::Action& set) {
    if (d.synced != saved) d.text = d.synced = saved;
    std::string& draft = d.text;
    bool edited = ImGui::InputTextMultiline(id, &draft, ImVec2(-1, ImGui::GetFontSize() * lines));
    item_name(name);
    if (edited) {
        jup::Action a = set;
        a.args["text"] = draft;
        c.emit(a);
    }
    under_box(draft, jup::kMaxNoteBytes);
}

// A modal that fits a phone: no wider than the screen, its text wrapped.
static void next_modal_width() {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowSize(ImVec2(std::min(vp->WorkSize.x - 16, ImGui::GetFontSize() * 34), 0));
    ImGui::SetNextWindowPos(vp->GetCenter(), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
}

static void facilitator_tools(Ctx& c, Flow& f);
static void clear_prompt(Ctx& c);

static void answers_toolbar(Ctx& c) {
    Flow f;
    if (flow_button(f, "Save my answers to a file")) c.emit("export_answers");
    ImGui::SetItemTooltip("Downloads a file with your answers. Nothing is sent anywhere: give the file to your facilitator if you wish.");
    if (flow_button(f, "Open an answers file")) c.emit("pick_answers_file");
    if (flow_button(f, "Clear my answers")) ImGui::OpenPopup("Clear answers?");
    // A phone keeps the facilitators' tools folded away, under the participant's own.
    bool facilitator = true;
    if (c.narrow) facilitator = header_wrapped("For facilitators");
    else f.next(ImGui::CalcTextSize("|").x), ImGui::TextDisabled("|");
    if (facilitator) facilitator_tools(c, f);
    clear_prompt(c);
}

static void facilitator_tools(Ctx& c, Flow& f) {
    if (flow_button(f, "Presenter mode")) {
        c.emit("set_presenter", {{"on", true}});
        c.emit("fullscreen");
    }
    if (flow_button(f, "Room tally (facilitators)")) c.emit("set_view", {{"view", "tally"}});
    if (flow_button(f, "QR code of this site")) c.emit("show_qr", {{"what", "site"}});
}

static void clear_prompt(Ctx& c) {
    next_modal_width();
    if (ImGui::BeginPopupModal("Clear answers?", nullptr)) {
        text_wrapped("This removes every rating, choice and note you have made in this browser.");
        text_wrapped("Save them to a file first if you may want them back.");
        Flow g;
        if (flow_button(g, "Clear my answers##confirm")) {
            c.emit("clear_answers");
            ImGui::CloseCurrentPopup();
        }
        if (flow_button(g, "Keep them") || ImGui::IsKeyPressed(ImGuiKey_Escape)) ImGui::CloseCurrentPopup();
        ImGui::EndPopup();
    }
}

static void import_prompt(Ctx& c) {
    if (c.pending_import.empty()) return;
    if (!ImGui::IsPopupOpen("Replace your answers?")) ImGui::OpenPopup("Replace your answers?");
    next_modal_width();
    if (ImGui::BeginPopupModal("Replace your answers?", nullptr)) {
        text_wrapped("Replace the answers in this browser with those in \"" + c.pending_import + "\"?");
        text_wrapped("Your current answers will be lost unless you save them to a file first.");
        Flow f;
        if (flow_button(f, "Save mine first")) c.emit("export_answers");
        if (flow_button(f, "Replace")) c.emit("confirm_import");
        if (flow_button(f, "Cancel") || ImGui::IsKeyPressed(ImGuiKey_Escape)) c.emit("cancel_import");
        ImGui::EndPopup();
    }
}

static void board_cards(Ctx& c) {
    heading(c, "Why can't we...?");
    text_wrapped(pr::boards_intro());
    if (!c.narrow) answers_toolbar(c);  // a phone has it under the cards
    ImGui::Spacing();
    float avail = ImGui::GetContentRegionAvail().x;
    float gap = ImGui::GetStyle().ItemSpacing.x;
    float card_w = std::max(ImGui::GetFontSize() * 16, 260.0f);
    int cols = std::max(1, (int)((avail + gap) / (card_w + gap)));
    card_w = (avail - gap * (cols - 1)) / cols;
    float pad = ImGui::GetFontSize() * 0.7f;
    std::vector<pr::BoardCard> cards = pr::board_cards(c.content, c.state);
    // A row is as tall as its longest card needs at this width; on a wide screen at least 10 lines.
    const float text_w = card_w - pad * 2;
    std::vector<float> need;
    for (const pr::BoardCard& card : cards) {
        ImGui::PushFont(c.fonts.heading);
        float h = ImGui::CalcTextSize(card.title.c_str(), nullptr, false, text_w).y;
        ImGui::PopFont();
        need.push_back(h + ImGui::CalcTextSize(wrap_safe(card.question).c_str(), nullptr, false, text_w).y + ImGui::GetTextLineHeightWithSpacing() * 2 + pad * 2);
    }
    float card_h = 0;
    for (size_t i = 0; i < cards.size(); ++i) {
        const pr::BoardCard& card = cards[i];
        if (i % cols) {
            ImGui::SameLine();
        } else {  // a new row
            card_h = *std::max_element(need.begin() + i, need.begin() + std::min(cards.size(), i + cols));
            if (!c.narrow) card_h = std::max(card_h, ImGui::GetFontSize() * 10);
        }
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
        ImGui::TextUnformatted(wrap_safe(card.question).c_str());
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
    if (c.narrow) {
        ImGui::Spacing();
        answers_toolbar(c);
    }
}

static bool section_header(const std::string& title, size_t n, bool open = true) {
    std::string label = title + " (" + std::to_string(n) + ")###" + title;
    return header_wrapped(label, open ? ImGuiTreeNodeFlags_DefaultOpen : 0);
}

// The four choices after the prompt on one line when they fit; else under it, in equal columns
// (two by two on a phone) so they line up from one barrier to the next.
static void rating_row(Ctx& c, const pr::Entry& e) {
    ImGui::Indent();
    ImGui::PushFont(c.fonts.small);
    const char* prompt = "Holds us back:";
    const float gap = ImGui::GetStyle().ItemSpacing.x, avail = ImGui::GetContentRegionAvail().x;
    std::string labels[4];
    float widest = 0, total = ImGui::CalcTextSize(prompt).x;
    for (int v = 0; v < 4; ++v) {
        labels[v] = std::string(pr::kRatingWords[v]) + "##r" + std::to_string(v);
        widest = std::max(widest, choice_width(labels[v].c_str()));
        total += gap + choice_width(labels[v].c_str());
    }
    const bool one_line = total <= avail;
    const int cols = one_line ? 4 : std::clamp((int)((avail + gap) / (widest + gap)), 1, 4);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(prompt);
    const float x0 = ImGui::GetCursorPosX();
    for (int v = 0; v < 4; ++v) {
        if (one_line) ImGui::SameLine();
        else if (v % cols) ImGui::SameLine(x0 + (v % cols) * (widest + gap));
        if (radio(labels[v].c_str(), e.rating == v)) c.emit(e.rate[v]);
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
        if (checkbox_wrapped(e.control_label + "##ctl", &on)) c.emit(e.toggle);
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
        if (checkbox_wrapped(o.item->label, &on)) c.emit(o.toggle);
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
    answer_box(c, "##deprioritise", pc.ask, c.ui->deprioritised_draft, pc.deprioritised, 3, pc.set_deprioritised);
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
        if (radio_wrapped(o.item->label, o.on)) c.emit(o.toggle);
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
        text_wrapped(pc.exceptions[i]);
        Flow{true}.next(button_width("Remove"));  // beside the reason's last line, if it fits
        if (c.touch ? ImGui::Button("Remove") : ImGui::SmallButton("Remove")) c.emit(pc.remove_exception[i]);  // a finger's size on touch
        ImGui::PopID();
    }
    std::string& reason = c.ui->reason_draft;
    // The box and its button on one line when the box still gets room for a sentence; else stacked.
    const float add_w = button_width("Add reason") + ImGui::GetStyle().ItemSpacing.x;
    const bool one_line = ImGui::GetContentRegionAvail().x - add_w > ImGui::GetFontSize() * 14;
    ImGui::SetNextItemWidth(one_line ? -add_w : -1);
    const char* hint = "A compelling reason not to pool...";
    bool enter = ImGui::InputTextWithHint("##reason", hint, &reason, ImGuiInputTextFlags_EnterReturnsTrue);
    item_name(hint);
    if (one_line) ImGui::SameLine();
    if ((ImGui::Button("Add reason") || enter) && jup::collapse_ws(reason).size()) {
        jup::Action a = pc.add_exception;
        a.args["text"] = reason;
        c.emit(a);
        reason.clear();
    }
    under_box(reason, jup::kMaxExceptionBytes);
    if (!pc.try_it.empty() && ImGui::Button(wrap_label(pc.try_label, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2).c_str()))
        for (auto& a : pc.try_it) c.emit(a);
}

static void board_nav(Ctx& c, const pr::BoardPage& pg) {
    Flow f;
    if (flow_button(f, "< All boards")) c.emit("open_board", {{"board", ""}});
    ImGui::BeginDisabled(pg.prev.empty());
    if (flow_button(f, "Previous")) c.emit("open_board", {{"board", pg.prev}});
    ImGui::EndDisabled();
    ImGui::BeginDisabled(pg.next.empty());
    if (flow_button(f, "Next")) c.emit("open_board", {{"board", pg.next}});
    ImGui::EndDisabled();
    f.next(ImGui::CalcTextSize(pg.position.c_str()).x);
    ImGui::AlignTextToFramePadding();
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
        answer_box(c, "##note", pg.note_title, draft, pg.note, 5, pg.set_note);
    }
    if (!pg.case_studies.empty() && section_header(pg.cases_title, pg.case_studies.size()))
        for (auto& lc : pg.case_studies)
            if (ImGui::Button(wrap_label(lc.case_study->title + "##" + lc.case_study->id, ImGui::GetContentRegionAvail().x - ImGui::GetStyle().FramePadding.x * 2).c_str()))
                for (auto& a : lc.open) c.emit(a);
}

void draw_boards(Ctx& c) {
    import_prompt(c);
    const jup::Board* b = c.state.board.empty() ? nullptr : c.content.board(c.state.board);
    if (b) open_board(c, *b);
    else board_cards(c);
}

// Presenter mode: one board at a time, large type, arrow keys to step, Esc to leave.
// stacked: as tall as its lines, under the one before (a phone); else the height left, side by side.
static void presenter_column(Ctx& c, const char* id, float w, bool stacked, const std::string& title, const std::vector<std::string>& lines) {
    ImGui::BeginChild(id, ImVec2(w, 0), ImGuiChildFlags_Border | (stacked ? ImGuiChildFlags_AutoResizeY : 0));
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
    ImGui::AlignTextToFramePadding();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(sl.position);  // a phone's line is shorter than "5 / 7  Pounds  (arrow keys ...)"
    ImGui::PopStyleColor();
    // At the right end of the line, or under the position when the line is too short.
    const float leave_w = button_width("Leave presenter mode");
    const float right = ImGui::GetWindowContentRegionMax().x - leave_w;
    if (ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x + ImGui::GetStyle().ItemSpacing.x <= right) ImGui::SameLine(right);
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
    if (c.narrow) {
        presenter_column(c, "barriers", 0, true, sl.left_title, sl.left);
        presenter_column(c, "commitments", 0, true, sl.right_title, sl.right);
        return;
    }
    presenter_column(c, "barriers", w * 0.5f - 8, false, sl.left_title, sl.left);
    ImGui::SameLine();
    presenter_column(c, "commitments", 0, false, sl.right_title, sl.right);
}

}  // namespace ui
