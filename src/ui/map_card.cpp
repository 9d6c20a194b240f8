// The case-study card (with small charts for the figures) and the schematic close-up, laid out
// from core/present/case_card and map_page.
#include <algorithm>
#include <cmath>

#include "ui/map_parts.hpp"
#include "ui/wrap_label.hpp"

namespace ui::mapui {

namespace jp = jup::present;

constexpr unsigned kPalette[] = {0x56B4E9, 0xE69F00, 0xCC79A7, 0x009E73, 0xF0E442};  // sky blue, orange, reddish purple, bluish green, yellow

ImVec4 ics_color(int palette) {
    if (palette < 0) return ImVec4(0.6f, 0.6f, 0.6f, 1);
    unsigned c = kPalette[palette % 5];
    return ImVec4((c >> 16) / 255.f, ((c >> 8) & 0xFF) / 255.f, (c & 0xFF) / 255.f, 1);
}

MarkerColors marker_colors(jp::MarkerStyle s) {
    if (s == jp::MarkerStyle::Example) return {IM_COL32(255, 255, 255, 255), IM_COL32(20, 20, 30, 255), true};
    if (s == jp::MarkerStyle::Programme) return {IM_COL32(110, 30, 90, 255), IM_COL32_WHITE, false};
    return {IM_COL32(25, 35, 60, 255), IM_COL32_WHITE, false};
}

// ---- card -------------------------------------------------------------------------------------

// One horizontal bar (value against max), with the figure at its end.
static void bar(Ctx& c, const jp::Bar& b) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImGui::PushFont(c.fonts.small);
    // The bar leaves room for its figure after it, so both fit a phone's line.
    float text_w = ImGui::CalcTextSize(b.text.c_str()).x, avail = ImGui::GetContentRegionAvail().x;
    float h = ImGui::GetFontSize() + 4, w = std::max(40.f, std::min(avail * 0.55f, avail - text_w - 8));
    ImVec2 p = ImGui::GetCursorScreenPos();
    const ImU32 col = b.baseline ? IM_COL32(150, 150, 160, 255) : IM_COL32(0, 114, 178, 255);
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), IM_COL32(225, 228, 235, 255), 3);
    float f = b.max > 0 ? (float)std::clamp(b.value / b.max, 0.0, 1.0) : 0;
    dl->AddRectFilled(p, ImVec2(p.x + std::max(2.f, w * f), p.y + h), col, 3);
    dl->AddText(ImVec2(p.x + w + 8, p.y + 2), ImGui::GetColorU32(ImGuiCol_Text), b.text.c_str());
    ImGui::Dummy(ImVec2(w + 8 + text_w, h));
    ImGui::PopFont();
}

static void figures(Ctx& c, const jp::CaseCard& k) {
    for (auto& f : k.figures) {
        ImGui::PushID(f.metric->id.c_str());
        text_wrapped(f.line);
        if (!f.missing.empty()) {
            ImGui::TextDisabled("%s", f.missing.c_str());
        } else if (!f.bars.empty()) {
            for (auto& b : f.bars) bar(c, b);
        } else {
            ImGui::PushFont(c.fonts.heading);
            ImGui::TextUnformatted(f.compact.c_str());
            ImGui::PopFont();
        }
        source_marker(c, f.metric->source, "m");
        flag_marks(c, f.metric->flags, "m");
        ImGui::Spacing();
        ImGui::PopID();
    }
}

void case_card(Ctx& c, const jp::CaseCard& k) {
    const jup::CaseStudy& cs = *k.cs;
    ImGui::PushID(cs.id.c_str());
    if (ImGui::Button("Close card")) c.emit(k.close);
    heading(c, k.heading);
    ImGui::TextDisabled("%s", k.meta.c_str());
    source_marker(c, cs.source, "cs");
    flag_marks(c, cs.flags, "cs");
    for (const std::string* line : {&k.places_line, &k.partners_line, &k.themes_line})
        if (!line->empty()) text_wrapped(*line);
    if (!cs.summary.text.empty()) item_block(c, cs.summary);
    if (!cs.what_was_done.empty() && header_wrapped("What was done", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.what_was_done) item_block(c, it);
    if (!k.figures.empty() && header_wrapped("Impact and figures", ImGuiTreeNodeFlags_DefaultOpen)) figures(c, k);
    if (!cs.lessons.empty() && header_wrapped("Lessons", ImGuiTreeNodeFlags_DefaultOpen))
        for (auto& it : cs.lessons) item_block(c, it);
    if (!k.boards.empty()) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("Linked boards:");
        Flow f{true};
        for (auto& b : k.boards)
            if (flow_button(f, b.title.c_str())) c.emit(b.open);
    }
    if (!k.source_title.empty()) {
        ImGui::Separator();
        ImGui::TextUnformatted("Source:");
        ImGui::SameLine();
        text_wrapped(k.source_title);
        if (ImGui::Button("Read it in Sources")) c.emit(k.read_source);
    }
    ImGui::PopID();
}

// ---- the close-up -----------------------------------------------------------------------------

// A name on two lines, split at the space nearest its middle, when it is wider than max_w.
static void two_lines(const std::string& name, float max_w, std::string& l1, std::string& l2) {
    l1 = name, l2.clear();
    if (ImGui::CalcTextSize(name.c_str()).x <= max_w) return;
    size_t mid = name.size() / 2, best = std::string::npos;
    for (size_t i = 0; i < name.size(); ++i)
        if (name[i] == ' ' && (best == std::string::npos || (size_t)std::abs((int)i - (int)mid) < (size_t)std::abs((int)best - (int)mid))) best = i;
    if (best != std::string::npos) l1 = name.substr(0, best), l2 = name.substr(best + 1);
}

struct Schematic {
    ImDrawList* dl;
    ImVec2 o;      // top-left corner
    float w, h;
    ImU32 fill;    // the area's ICS colour, light
    ImVec4 strong; // the same, full
    ImVec2 at(double x, double y) const { return ImVec2(o.x + (float)x * w, o.y + 8 + (float)y * (h - 16)); }
};

// Draws one spot; true if the mouse is over it.
static bool spot(const Schematic& s, const jp::SpotView& sp) {
    ImDrawList* dl = s.dl;
    const ImU32 text = IM_COL32(20, 20, 28, 255);
    ImVec2 mouse = ImGui::GetIO().MousePos, ctr = s.at(sp.x, sp.y);
    float dx = mouse.x - ctr.x, dy = mouse.y - ctr.y;
    if (sp.shape == jp::SpotShape::Neighbourhood) {
        float r = std::min(s.w, s.h) * 0.13f;
        dl->AddCircleFilled(ctr, r, sp.selected ? ImGui::GetColorU32(s.strong) : s.fill, 6);
        dl->AddCircle(ctr, r, IM_COL32(255, 255, 255, 255), 6, 2);
        std::string l1, l2;
        two_lines(sp.name, r * 2.2f, l1, l2);
        float lh = ImGui::GetFontSize(), y = ctr.y - (l2.empty() ? lh / 2 : lh);
        dl->AddText(ImVec2(ctr.x - ImGui::CalcTextSize(l1.c_str()).x / 2, y), text, l1.c_str());
        if (!l2.empty()) dl->AddText(ImVec2(ctr.x - ImGui::CalcTextSize(l2.c_str()).x / 2, y + lh), text, l2.c_str());
        return dx * dx + dy * dy < r * r;
    }
    if (sp.shape == jp::SpotShape::Area) {  // a band from the spot to the right edge, its bottom at the spot
        ImVec2 a(ctr.x, ctr.y - ImGui::GetFontSize() - 10), b(s.o.x + s.w - 8, ctr.y);
        dl->AddRectFilled(a, b, s.fill, 4);
        dl->AddRect(a, b, IM_COL32(120, 120, 130, 255), 4);
        dl->AddText(ImVec2(a.x + 6, a.y + 5), text, sp.name.c_str());
        return mouse.x >= a.x && mouse.x <= b.x && mouse.y >= a.y && mouse.y <= b.y;
    }
    bool hospital = sp.shape == jp::SpotShape::Hospital;
    const float k = 7;
    dl->AddRectFilled(ImVec2(ctr.x - k, ctr.y - k), ImVec2(ctr.x + k, ctr.y + k), hospital ? IM_COL32(0, 90, 170, 255) : IM_COL32(90, 90, 90, 255), 2);
    if (hospital) {
        dl->AddLine(ImVec2(ctr.x - 4, ctr.y), ImVec2(ctr.x + 4, ctr.y), IM_COL32_WHITE, 2);
        dl->AddLine(ImVec2(ctr.x, ctr.y - 4), ImVec2(ctr.x, ctr.y + 4), IM_COL32_WHITE, 2);
    }
    return std::fabs(dx) <= k + 2 && std::fabs(dy) <= k + 2;
}

void draw_inset(Ctx& c, const jp::CloseUpView& cu, ImVec2 size) {
    heading(c, cu.title);
    text_wrapped(cu.intro->label);
    source_marker(c, cu.intro->source, "cu");
    for (size_t i = 0; i < cu.flags->size(); ++i) {  // the positions' flag, in words: it matters here
        flag_marks(c, {(*cu.flags)[i]}, ("cu" + std::to_string(i)).c_str());
        ImGui::PushFont(c.fonts.small);
        text_wrapped((*cu.flags)[i].note);
        ImGui::PopFont();
    }
    Schematic s;
    s.dl = ImGui::GetWindowDrawList();
    s.w = ImGui::GetContentRegionAvail().x, s.h = std::max(220.f, std::min(size.y * 0.62f, s.w * 1.05f));
    s.o = ImGui::GetCursorScreenPos();
    s.strong = ics_color(cu.palette);
    s.fill = ImGui::GetColorU32(ImVec4(s.strong.x * 0.45f + 0.55f, s.strong.y * 0.45f + 0.55f, s.strong.z * 0.45f + 0.55f, 1));
    s.dl->AddRectFilled(s.o, ImVec2(s.o.x + s.w, s.o.y + s.h), IM_COL32(250, 250, 252, 255), 8);
    s.dl->AddRect(s.o, ImVec2(s.o.x + s.w, s.o.y + s.h), IM_COL32(150, 150, 160, 255), 8);
    ImGui::PushFont(c.fonts.small);
    const std::string* tip = nullptr;
    const bool here = ImGui::IsWindowHovered();
    for (auto& sp : cu.spots)
        if (spot(s, sp) && here) {
            tip = &sp.tip;
            if (ImGui::IsMouseClicked(0)) c.emit(sp.select);
        }
    // A case study's marker, just above and to the right of the spot it sits by.
    for (auto& m : cu.markers) {
        ImVec2 at = s.at(m.x, m.y), ctr(at.x + 18, at.y - 16);
        s.dl->AddCircleFilled(ctr, 12, IM_COL32(30, 30, 40, 255));
        ImVec2 ts = ImGui::CalcTextSize(m.code.c_str());
        s.dl->AddText(ImVec2(ctr.x - ts.x / 2, ctr.y - ts.y / 2), IM_COL32_WHITE, m.code.c_str());
        ImVec2 mouse = ImGui::GetIO().MousePos;
        float dx = mouse.x - ctr.x, dy = mouse.y - ctr.y;
        if (dx * dx + dy * dy < 14 * 14 && here) {
            tip = &m.tip;
            if (ImGui::IsMouseClicked(0)) c.emit(m.open);
        }
    }
    ImGui::PopFont();
    ImGui::Dummy(ImVec2(s.w, s.h));
    if (tip) ImGui::SetTooltip("%s", tip->c_str());
    ImGui::PushFont(c.fonts.small);
    text_wrapped(cu.key);
    ImGui::PopFont();
    if (!cu.figures_title.empty()) {
        ImGui::SeparatorText(cu.figures_title.c_str());
        for (auto& f : cu.figures) {
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(f);
        }
    }
    Flow f;
    for (auto& l : cu.links)
        if (flow_button(f, l.label.c_str())) c.emit(l.open);
}

}  // namespace ui::mapui
