// Room tally: a facilitator imports many participants' answer files and sees, per board,
// the barrier ratings (mean and spread), votes, priorities with what was de-prioritised,
// pool-by-default choices and exceptions, and notes. Nothing leaves the device.
#include <algorithm>
#include <cstdio>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

static void distribution_bar(const jup::RatingStat& s, float width, float height) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 p = ImGui::GetCursorScreenPos();
    // Sequential blues, light to dark, for "not at all" to "a lot" (colour-blind safe).
    static const ImU32 col[4] = {IM_COL32(222, 235, 247, 255), IM_COL32(158, 202, 225, 255), IM_COL32(66, 146, 198, 255), IM_COL32(8, 69, 148, 255)};
    float x = p.x;
    for (int k = 0; k < 4; ++k) {
        if (!s.n) break;
        float w = width * s.counts[k] / s.n;
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + w, p.y + height), col[k]);
        x += w;
    }
    dl->AddRect(p, ImVec2(p.x + width, p.y + height), IM_COL32(90, 90, 100, 255));
    ImGui::Dummy(ImVec2(width, height));
    if (ImGui::IsItemHovered())
        ImGui::SetTooltip("Not at all: %d\nA little: %d\nQuite a lot: %d\nA lot: %d", s.counts[0], s.counts[1], s.counts[2], s.counts[3]);
}

static void votes(const char* title, const std::vector<jup::Item>& items, const std::map<std::string, int>& counts, int people) {
    // Only what people voted for; the rest is one line, not a wall of zeros.
    std::vector<std::pair<int, const jup::Item*>> rows;
    for (auto& it : items) {
        auto f = counts.find(it.id);
        if (f != counts.end() && f->second > 0) rows.push_back({f->second, &it});
    }
    if (rows.empty()) return;
    std::stable_sort(rows.begin(), rows.end(), [](auto& a, auto& b) { return a.first > b.first; });
    ImGui::TextUnformatted(title);
    if (ImGui::BeginTable(title, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
        ImGui::TableSetupColumn("votes", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 5);
        ImGui::TableSetupColumn("item");
        for (auto& [n, it] : rows) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::Text("%d of %d", n, people);
            ImGui::TableNextColumn();
            ImGui::TextWrapped("%s%s%s", it->id.rfind("P", 0) == 0 ? (it->id + " ").c_str() : "", it->label.empty() ? it->text.c_str() : it->label.c_str(), "");
        }
        ImGui::EndTable();
    }
    if (rows.size() < items.size()) ImGui::TextDisabled("%zu others: no votes.", items.size() - rows.size());
}

void draw_tally(Ctx& c) {
    heading(c, "Room tally");
    text_wrapped("Gather the room's answers: ask each participant to save their answers to a file, collect the files, and open them all "
                 "here at once (or drop them on this window). Files stay on this device. The same file twice counts once.");
    if (ImGui::Button("Open answer files...")) c.emit("pick_tally_files");
    ImGui::SameLine();
    ImGui::BeginDisabled(c.state.tally_files.empty());
    if (ImGui::Button("Export tally (CSV)")) c.emit("export_tally_csv");
    ImGui::SameLine();
    if (ImGui::Button("Export tally (JSON)")) c.emit("export_tally_json");
    ImGui::SameLine();
    if (ImGui::Button("Start again")) c.emit("tally_clear");
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Back to the boards")) c.emit("set_view", {{"view", "boards"}});
    const jup::Tally* t = c.tally;
    if (!t || c.state.tally_files.empty()) {
        ImGui::Spacing();
        text_wrapped("No answer files yet.");
        return;
    }
    ImGui::Spacing();
    ImGui::Text("%d files read; %d participants counted.", t->files, t->counted);
    if (!t->skipped.empty()) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.75f, 0.1f, 0.1f, 1));
        ImGui::Text("%zu file%s could not be read and %s skipped:", t->skipped.size(), t->skipped.size() == 1 ? "" : "s", t->skipped.size() == 1 ? "was" : "were");
        ImGui::PopStyleColor();
        for (auto& s : t->skipped) ImGui::BulletText("%s", s.c_str());
    }
    if (!t->duplicates.empty() && ImGui::CollapsingHeader(("Counted once (" + std::to_string(t->duplicates.size()) + ")").c_str()))
        for (auto& s : t->duplicates) ImGui::BulletText("%s", s.c_str());
    if (!t->warnings.empty() && ImGui::CollapsingHeader(("Parts of files skipped (" + std::to_string(t->warnings.size()) + ")").c_str()))
        for (auto& s : t->warnings) ImGui::BulletText("%s", s.c_str());

    for (auto& b : c.content.boards) {
        ImGui::PushID(b.id.c_str());
        bool any = false;
        auto has = [&](const std::vector<jup::Item>& v, const std::map<std::string, int>& m) {
            for (auto& it : v) any |= m.count(it.id) > 0;
        };
        for (auto& g : b.barrier_groups)
            for (auto& it : g.barriers) any |= t->ratings.count(it.id) > 0;
        has(b.enablers, t->enablers);
        has(b.commitments, t->commitments);
        any |= t->notes.count(b.id) > 0 || (b.choice.kind == "pool-by-default" && (!t->pool_choices.empty() || !t->pool_exceptions.empty())) ||
               (b.choice.kind == "priorities" && (!t->priorities.empty() || t->priorities_not_counted));
        std::string head = b.title + ": " + b.question.text + (any ? "" : " (no answers yet)");
        if (!ImGui::CollapsingHeader(head.c_str(), any ? ImGuiTreeNodeFlags_DefaultOpen : 0)) {
            ImGui::PopID();
            continue;
        }
        std::vector<std::pair<const jup::Item*, const jup::RatingStat*>> rated;
        for (auto& g : b.barrier_groups)
            for (auto& it : g.barriers) {
                auto f = t->ratings.find(it.id);
                if (f != t->ratings.end()) rated.push_back({&it, &f->second});
            }
        std::stable_sort(rated.begin(), rated.end(), [](auto& a, auto& b) { return a.second->mean > b.second->mean; });
        if (!rated.empty() && ImGui::BeginTable("ratings", 4, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH)) {
            ImGui::TableSetupColumn("Barrier (how much it holds us back, 0-3)");
            ImGui::TableSetupColumn("Mean", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 3.5f);
            ImGui::TableSetupColumn("Spread", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 4);
            ImGui::TableSetupColumn("Answers", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 9);
            ImGui::TableHeadersRow();
            for (auto& [it, s] : rated) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", it->label.c_str());
                ImGui::TableNextColumn();
                ImGui::Text("%.1f", s->mean);
                ImGui::TableNextColumn();
                ImGui::Text("\xC2\xB1%.1f", s->sd);
                ImGui::TableNextColumn();
                distribution_bar(*s, ImGui::GetFontSize() * 6, ImGui::GetFontSize() * 0.9f);
                ImGui::SameLine();
                ImGui::Text("%d", s->n);
            }
            ImGui::EndTable();
        }
        votes("Backed enablers", b.enablers, t->enablers, t->counted);
        votes("Commitments people would sign up to", b.commitments, t->commitments, t->counted);
        if (b.choice.kind == "priorities") {
            votes("Priority outcomes (counted only with something de-prioritised)", b.options, t->priorities, t->counted);
            if (t->priorities_not_counted) ImGui::Text("%d participants chose priorities without naming what to de-prioritise: not counted.", t->priorities_not_counted);
            if (!t->deprioritised.empty()) {
                ImGui::TextUnformatted("What people would de-prioritise for the next year:");
                for (auto& [p, text] : t->deprioritised) ImGui::BulletText("%s", text.c_str());
            }
        }
        if (b.choice.kind == "pool-by-default") {
            votes("Pool by default?", b.options, t->pool_choices, t->counted);
            if (!t->pool_exceptions.empty()) {
                ImGui::TextUnformatted("Compelling reasons not to pool, in participants' words:");
                for (auto& e : t->pool_exceptions) ImGui::BulletText("%s", e.c_str());
            }
        }
        auto n = t->notes.find(b.id);
        if (n != t->notes.end()) {
            ImGui::TextUnformatted("Notes:");
            for (auto& text : n->second) {
                ImGui::Bullet();
                ImGui::SameLine();
                text_wrapped(text);
            }
        }
        ImGui::PopID();
    }
}

}  // namespace ui
