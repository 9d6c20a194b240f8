// Search: a box over everything in the pack (boards, case studies, places, glossary, sources).
// Opened by the top bar's Search button or Ctrl+F; Enter opens the first result, Escape closes.
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "core/search.hpp"
#include "imgui.h"
#include "misc/cpp/imgui_stdlib.h"
#include "ui/ui.hpp"

namespace ui {

namespace {
void run(Ctx& c, const jup::SearchHit& h) {
    for (const auto& a : h.actions)
        if (a.is_object() && a.contains("type") && a["type"].is_string()) c.out.push_back({a["type"].get<std::string>(), a});
    c.ui->search.open = false;
}
}  // namespace

void search_button(Ctx& c) {
    SearchUi& S = c.ui->search;
    if (ImGui::Button("Search")) S.open = true, S.focus = true;
    ImGui::SetItemTooltip("Find a board, case study, place, term or line in the sources (Ctrl+F)");
    if (ImGui::IsKeyChordPressed(ImGuiMod_Ctrl | ImGuiKey_F)) S.open = true, S.focus = true;
}

void search_panel(Ctx& c) {
    SearchUi& S = c.ui->search;
    if (!S.open || !c.search) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    // A phone: the whole screen. Wider: a panel below the top bar.
    float w = c.narrow ? vp->WorkSize.x : std::min(vp->WorkSize.x - 40, ImGui::GetFontSize() * 46);
    float top = c.narrow ? 0 : ImGui::GetFontSize() * 3;
    ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + (vp->WorkSize.x - w) / 2, vp->WorkPos.y + top));
    ImGui::SetNextWindowSize(ImVec2(w, c.narrow ? vp->WorkSize.y : std::min(vp->WorkSize.y - ImGui::GetFontSize() * 5, ImGui::GetFontSize() * 34)));
    // Full screen on a phone: nothing to resize (its grips would reach past the screen's edge).
    ImGuiWindowFlags flags = ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoMove;
    if (c.narrow) flags |= ImGuiWindowFlags_NoResize;
    if (!ImGui::Begin("Search###search", &S.open, flags)) {
        ImGui::End();
        return;
    }
    if (S.focus) ImGui::SetKeyboardFocusHere(), S.focus = false;
    ImGui::SetNextItemWidth(-1);
    const char* hint = "Search: a word or two, e.g. pooled budget, Camden, ICS";
    bool enter = ImGui::InputTextWithHint("##q", hint, &S.query, ImGuiInputTextFlags_EnterReturnsTrue);
    item_name(hint);
    if (S.searched != S.query) S.searched = S.query, S.hits = jup::search(*c.search, S.query);
    if (ImGui::IsKeyPressed(ImGuiKey_Escape)) S.open = false;
    if (enter && !S.hits.empty()) {
        run(c, S.hits.front());
        ImGui::End();
        return;
    }
    if (!S.query.empty() && S.hits.empty()) ImGui::TextWrapped("Nothing found for \"%s\". Every word has to appear; try fewer words.", S.query.c_str());
    else if (!S.query.empty()) ImGui::TextDisabled("%d result%s%s. Enter opens the first.", (int)S.hits.size(), S.hits.size() == 1 ? "" : "s",
                                             S.hits.size() >= 40 ? " (the best 40)" : "");
    ImGui::BeginChild("results");
    for (size_t i = 0; i < S.hits.size(); ++i) {
        const auto& h = S.hits[i];
        ImGui::PushID((int)i);
        std::string label = "[" + h.kind + "]  " + h.title;
        if (selectable_wrapped(label, false)) {
            run(c, h);
            ImGui::PopID();
            break;
        }
        if (!h.snippet.empty() && h.snippet != h.title) {
            ImGui::Indent();
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            ImGui::TextWrapped("%s", h.snippet.c_str());
            ImGui::PopStyleColor();
            ImGui::Unindent();
        }
        ImGui::PopID();
    }
    ImGui::EndChild();
    ImGui::End();
}

}  // namespace ui
