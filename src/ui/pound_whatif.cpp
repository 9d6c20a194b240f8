// Local pound, What if tab: pool by default. Today's pooled share against the participant's
// choice, and per budget line the choice (as today, pooled, aligned, exception) with a reason
// for an exception. Reasons are typed into a draft the shell keeps (UiState::pound.reasons).
#include <cmath>

#include "imgui.h"
#include "imgui_stdlib.h"
#include "ui/fit.hpp"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

void shares(Ctx& c, const pr::WhatIf& w) {
    const auto& W = w.totals;
    float width = ImGui::GetContentRegionAvail().x, bh = ImGui::GetFontSize() * 1.4f;
    for (int row = 0; row < 2; ++row) {
        double pooled = row == 0 ? W.today_pooled : W.pooled;
        double share = W.total > 0 ? pooled / W.total : 0;
        ImGui::PushFont(row == 1 ? c.fonts.heading : c.fonts.body);
        text_wrapped(row == 0 ? w.today_text : w.choice_text);
        ImGui::PopFont();
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + width, p.y + bh), u32(kBlue));
        dl->AddRectFilled(p, ImVec2(p.x + (float)(width * share), p.y + bh), u32(kGreen));
        if (row == 1 && W.exceptions > 0 && W.total > 0) {
            float ex = (float)(width * W.exceptions / W.total);
            dl->AddRectFilled(ImVec2(p.x + width - ex, p.y), ImVec2(p.x + width, p.y + bh), u32(kYellow));
        }
        ImGui::Dummy(ImVec2(width, bh));
    }
    ImGui::TextWrapped("%s", w.key_text.c_str());
    text_wrapped(w.moved_text);
}

// The reason for an exception: a multi-line box on a draft, so nothing typed is cut; text longer
// than the core keeps stays in the box with a message. A changed saved reason replaces the draft.
void reason_box(Ctx& c, const pr::WhatIf& w, const pr::WhatIfRow& r) {
    Draft& d = c.ui->pound.reasons[r.row];
    if (d.synced != r.note) d.text = d.synced = r.note;
    ImVec2 at = ImGui::GetCursorScreenPos();
    const char* hint = "Why should it stay out?";
    bool edited = ImGui::InputTextMultiline("##why", &d.text, ImVec2(-1, ImGui::GetTextLineHeight() * 2.4f + ImGui::GetStyle().FramePadding.y * 2));
    item_name(hint);
    if (edited) {
        jup::Action a = r.set_note;
        a.args["note"] = d.text;
        c.emit(a);
    }
    if (d.text.empty() && !ImGui::IsItemActive()) {
        ImVec2 pad = ImGui::GetStyle().FramePadding;
        ImGui::GetWindowDrawList()->AddText(ImVec2(at.x + pad.x, at.y + pad.y), ImGui::GetColorU32(ImGuiCol_TextDisabled), hint);
    }
    under_box(d.text, w.note_max);
}

// A budget line's cells: its name, its budget today, the choice, the reason. In the table's
// columns on a wide screen; one under another on a phone.
void line_name(const Ctx& c, const pr::PoundPage& pg, const pr::WhatIfRow& r) {
    ImGui::TextWrapped("%s", r.label.c_str());
    disabled_text(r.org);
    if ((show_details() || ImGui::IsItemHovered()) && r.line >= 0) line_tooltip(c, pg.model.lines[r.line]);
}

void line_budget(const pr::WhatIfRow& r, bool one_line) {
    if (one_line) return disabled_text(r.budget + " \xC2\xB7 " + r.now);
    ImGui::TextUnformatted(r.budget.c_str());
    disabled_text(r.now);
}

void line_choice(Ctx& c, const pr::WhatIfRow& r) {
    Flow f;
    for (auto& o : r.options) {
        f.next(choice_width(o.label.c_str()));
        if (radio(o.label.c_str(), o.on) && !o.on) c.emit(o.pick);
    }
    if (!r.change_text.empty()) ImGui::TextColored(r.change > 0 ? kGreen : kVermillion, "%s", r.change_text.c_str());
}

}  // namespace

void whatif(Ctx& c, const pr::PoundPage& pg) {
    const pr::WhatIf& w = pg.whatif;
    const float fs = ImGui::GetFontSize();
    heading(c, "What if budgets were pooled by default?");
    if (w.question) {
        text_wrapped("The report asks: \xE2\x80\x9C" + (w.question->text.empty() ? w.question->label : w.question->text) + "\xE2\x80\x9D");
        source_marker(c, w.question->source, "q");
    }
    ImGui::TextWrapped("Start from today. Move each budget line into the shared pool or out of it, or mark it as an exception: money that "
                       "should stay with one organisation for a compelling reason (say why). The pooled share changes as you go, and your "
                       "choices are saved with your answers.");
    shares(c, w);
    Flow f;
    if (fit_button(f, "Pool by default (every line except exceptions)")) c.emit(w.pool_all);
    ImGui::BeginDisabled(!w.can_reset);
    if (fit_button(f, "Reset to today")) c.emit(w.reset);
    ImGui::EndDisabled();
    ImGui::Spacing();

    ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    // On a phone, one column: each line's cells under each other.
    if (!ImGui::BeginTable("whatif", c.narrow ? 1 : 4, tf)) return;
    if (c.narrow) ImGui::TableSetupColumn("Budget line and your choice");
    else {
        ImGui::TableSetupColumn("Budget line", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Annual budget, today", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn("Your choice", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("Reason for an exception", ImGuiTableColumnFlags_WidthStretch, 1.0f);
    }
    ImGui::TableHeadersRow();
    ImGuiListClipper clip;
    clip.Begin((int)w.rows.size());
    while (clip.Step()) {
        for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
            const pr::WhatIfRow& r = w.rows[i];
            ImGui::PushID(r.row.c_str());
            ImGui::TableNextRow(0, fs * 2.2f);
            ImGui::TableNextColumn();
            line_name(c, pg, r);
            if (!c.narrow) ImGui::TableNextColumn();
            line_budget(r, c.narrow);
            if (!c.narrow) ImGui::TableNextColumn();
            line_choice(c, r);
            if (!c.narrow) ImGui::TableNextColumn();
            if (r.exception) reason_box(c, w, r);
            else if (!c.narrow) ImGui::TextDisabled("-");
            ImGui::PopID();
        }
    }
    ImGui::EndTable();
}

}  // namespace ui::pound
