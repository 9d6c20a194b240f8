// Room tally: a facilitator opens many participants' answer files and sees, per board, what
// core/present/tally.* prepared: ratings (mean and spread), votes, and people's own words.
// Nothing leaves the device.
#include "core/present/tally.hpp"
#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/ui.hpp"

namespace ui {

namespace {
void bullet(const std::string& s) {
    ImGui::Bullet();
    ImGui::SameLine();
    text_wrapped(s);
}

void distribution_bar(const jup::present::TallyRating& r, float width, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    // Sequential blues, light to dark, for "not at all" to "a lot" (colour-blind safe).
    const ImU32 col[4] = {IM_COL32(222, 235, 247, 255), IM_COL32(158, 202, 225, 255), IM_COL32(66, 146, 198, 255), IM_COL32(8, 69, 148, 255)};
    float x = p.x;
    for (int k = 0; k < 4 && r.n; ++k) {
        float w = width * r.counts[k] / r.n;
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + height), col[k]);
        x += w;
    }
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), IM_COL32(90, 90, 100, 255));
    ImGui::Dummy(ImVec2(width, height));
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.breakdown.c_str());
}

// Per item: the mean, the spread and the answers as a bar. In four columns, or on a phone in
// one, each item's figures under its name.
void ratings(const jup::present::TallyBoard& b, bool narrow) {
    const float fs = ImGui::GetFontSize();
    if (b.ratings.empty() || !ImGui::BeginTable("ratings", narrow ? 1 : 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) return;
    ImGui::TableSetupColumn(b.ratings_title.c_str());
    if (!narrow) {
        ImGui::TableSetupColumn("Mean", ImGuiTableColumnFlags_WidthFixed, fs * 3.5f);
        ImGui::TableSetupColumn("Spread", ImGuiTableColumnFlags_WidthFixed, fs * 4);
        ImGui::TableSetupColumn("Answers", ImGuiTableColumnFlags_WidthFixed, fs * 9);
    }
    ImGui::TableHeadersRow();
    for (auto& r : b.ratings) {
        ImGui::TableNextRow();
        ImGui::TableNextColumn();
        ImGui::TextWrapped("%s", r.item->label.c_str());
        if (narrow) ImGui::TextDisabled("Mean %s, spread %s", r.mean.c_str(), r.spread.c_str());
        else {
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.mean.c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(r.spread.c_str());
            ImGui::TableNextColumn();
        }
        distribution_bar(r, fs * 6, fs * 0.9f);
        ImGui::SameLine();
        ImGui::Text("%d", r.n);
    }
    ImGui::EndTable();
}

void block(const jup::present::TallyBlock& k) {
    text_wrapped(k.title);
    if (!k.votes.empty() && ImGui::BeginTable(k.title.c_str(), 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("votes", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ImGui::TableSetupColumn("item");
        for (auto& v : k.votes) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(v.count.c_str());
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s", v.label.c_str());
        }
        ImGui::EndTable();
    }
    if (!k.others.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped(k.others);
        ImGui::PopStyleColor();
    }
    for (auto& text : k.texts) bullet(text);
}

void lines(const std::string& title, const std::vector<std::string>& v) {
    if (!title.empty() && fit_header(title.c_str()))
        for (auto& s : v) bullet(s);
}
}  // namespace

void draw_tally(Ctx& c) {
    jup::present::TallyPage pg = jup::present::tally_page(c.content, c.tally, !c.state.tally_files.empty());
    heading(c, pg.title);
    text_wrapped(pg.intro);
    Flow f;
    if (fit_button(f, "Open answer files...")) c.emit("pick_tally_files");
    ImGui::BeginDisabled(!pg.has_files);
    if (fit_button(f, "Export tally (CSV)")) c.emit("export_tally_csv");
    if (fit_button(f, "Export tally (JSON)")) c.emit("export_tally_json");
    if (fit_button(f, "Start again")) c.emit("tally_clear");
    ImGui::EndDisabled();
    if (fit_button(f, "Back to the boards")) c.emit("set_view", {{"view", "boards"}});
    ImGui::Spacing();
    if (!pg.has_files) {
        text_wrapped(pg.empty);
        return;
    }
    text_wrapped(pg.counted);
    if (!pg.skipped_title.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        text_wrapped(pg.skipped_title);
        ImGui::PopStyleColor();
        for (auto& s : pg.skipped) bullet(s);
    }
    lines(pg.duplicates_title, pg.duplicates);
    lines(pg.warnings_title, pg.warnings);
    for (auto& b : pg.boards) {
        ImGui::PushID(b.board->id.c_str());
        if (fit_header(b.heading.c_str(), b.answered ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            ratings(b, c.narrow);
            for (auto& k : b.blocks) block(k);
        }
        ImGui::PopID();
    }
}

}  // namespace ui
