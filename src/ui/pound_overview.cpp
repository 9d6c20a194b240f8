// Local pound, Overview tab: how the money is held (a bar of fund types), who holds it (a
// squarified treemap: organisation, fund type, workstream; area = annual budget, colour = forecast
// variance) and the source's own checks and contradictions.
#include <algorithm>
#include <cfloat>

#include "core/vocab.hpp"
#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

// What a fund type holds, shown on hover, focus or a long press.
void fund_details(const pr::PoundPage& pg, const jup::Group& g) {
    double total = pg.model.totals.annual;
    tooltip_width(26);
    ImGui::BeginTooltip();
    ImGui::Text("%s: %s (%s of the total)", g.label.c_str(), pr::money(g.annual).c_str(), pct(g.annual / total).c_str());
    ImGui::TextWrapped("%s", jup::vocab::fund_meaning(g.key));
    ImGui::Text("%d budget line%s. Forecast: %s.", g.lines, g.lines == 1 ? "" : "s", pr::variance_words(g.variance).c_str());
    ImGui::EndTooltip();
}

// A stacked bar of fund types, each part focusable with its definition, then its key. On a
// touch screen a thin part is too small for a finger: the key's entries, a finger's height,
// carry the definitions there, and the bar is only a picture.
void fund_type_bar(const Ctx& c, const pr::PoundPage& pg) {
    const auto& funds = pg.overview.funds;
    double total = pg.model.totals.annual;
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 1.6f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = p.x;
    for (auto& g : funds) {
        if (g.annual <= 0 || total <= 0) continue;
        float fw = std::max(2.0f, (float)(w * g.annual / total));
        ImGui::SetCursorScreenPos(ImVec2(x, p.y));
        ImGui::PushID(g.key.c_str());
        bool hot = false;
        if (c.touch) ImGui::Dummy(ImVec2(fw, h));
        else ImGui::InvisibleButton("fund", ImVec2(fw, h)), hot = show_details();
        ImVec4 col = fund_colour(g.key);
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), u32(col));
        if (hot) dl->AddRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 3);
        std::string lab = g.label + " " + pct(g.annual / total);
        ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
        if (ts.x + 8 < fw) dl->AddText(ImVec2(x + 4, p.y + (h - ts.y) / 2), text_on(col), lab.c_str());
        if (hot) fund_details(pg, g);
        ImGui::PopID();
        x += fw;
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
    // The key, with the amounts, so small parts are readable too.
    Flow key;
    for (auto& g : funds) {
        std::string label = g.label + " " + pr::money(g.annual);
        if (!c.touch) {
            key_item(key, fund_colour(g.key), label);
            continue;
        }
        const float kw = std::max(key_width(label), 44.0f), kh = std::max(ImGui::GetFrameHeight(), 44.0f);
        key.next(kw);
        ImGui::PushID(g.key.c_str());
        ImVec2 at = ImGui::GetCursorScreenPos();
        ImGui::InvisibleButton("fund-key", ImVec2(kw, kh));
        item_name(label);
        bool hot = show_details();
        const float lh = ImGui::GetTextLineHeight(), sw = lh * 0.8f, y = at.y + (kh - lh) / 2;
        dl->AddRectFilled(ImVec2(at.x, y + 2), ImVec2(at.x + sw, y + 2 + sw), u32(fund_colour(g.key)));
        dl->AddText(ImVec2(at.x + sw + ImGui::GetStyle().ItemSpacing.x, y), ImGui::GetColorU32(ImGuiCol_Text), label.c_str());
        if (hot) fund_details(pg, g);
        ImGui::PopID();
    }
}

void layout(const jup::PoundNode& n, const jup::TRect& r, int depth, int top, float header, std::vector<TreeCell>& out) {
    std::vector<double> vals;
    for (auto& ch : n.children) vals.push_back(ch.annual);
    auto rects = jup::squarify(vals, r);
    for (size_t i = 0; i < n.children.size() && i < rects.size(); ++i) {
        const jup::PoundNode& ch = n.children[i];
        jup::TRect cr = jup::inset(rects[i], 1, 1, 1, 1);
        if (cr.w < 1 || cr.h < 1) continue;
        int t = depth == 0 ? (int)i : top;
        out.push_back({&ch, cr, depth, t});
        if (!ch.children.empty()) {
            bool room = cr.h > header * 2.2 && cr.w > header * 3;
            double pad = cr.w > header * 4 && cr.h > header * 3 ? 3 : 1;  // small boxes: thin frames, more room for money
            jup::TRect inner = jup::inset(cr, pad, room ? header : pad, pad, pad);
            if (inner.w >= 2 && inner.h >= 2) layout(ch, inner, depth + 1, t, header, out);
        }
    }
}

void legend() {
    float w = std::min(ImGui::GetContentRegionAvail().x, ImGui::GetFontSize() * 30);
    float h = ImGui::GetFontSize() * 0.9f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const int n = 48;
    for (int i = 0; i < n; ++i) {
        float x0 = p.x + w * i / n, x1 = p.x + w * (i + 1) / n;
        dl->AddRectFilled(ImVec2(x0, p.y), ImVec2(x1 + 0.5f, p.y + h), u32(diverging(-1 + 2.0 * (i + 0.5) / n)));
    }
    dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_Border));
    ImGui::Dummy(ImVec2(w, h));
    // The three marks on one line under the scale; where they do not fit (a phone), one a line,
    // each under its end of the scale.
    const char* ends[3] = {"5% or more overspent", "on budget", "5% or more underspent"};
    float tw[3], sum = 0;
    for (int i = 0; i < 3; ++i) sum += tw[i] = ImGui::CalcTextSize(ends[i]).x;
    bool one_line = sum + ImGui::GetFontSize() * 2 <= w;
    float x0 = ImGui::GetCursorPosX(), y = ImGui::GetCursorPosY();
    float at[3] = {0, w / 2 - tw[1] / 2, w - tw[2]};
    for (int i = 0; i < 3; ++i) {
        if (one_line) ImGui::SetCursorPosY(y);
        ImGui::SetCursorPosX(x0 + at[i]);
        ImGui::TextUnformatted(ends[i]);
    }
}

void breadcrumb(Ctx& c, const pr::Overview& o) {
    Flow f;
    ImGui::BeginDisabled(o.zoom.empty());
    if (flow_button(f, "< Back")) c.emit(o.back);
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Zoom out one level (or press Escape over the treemap)");
    for (size_t i = 0; i < o.crumbs.size(); ++i) {
        if (i) {
            f.next(ImGui::CalcTextSize(">").x);
            ImGui::TextUnformatted(">");
        }
        if (fit_button(f, (o.crumbs[i].label + "##crumb" + std::to_string(i)).c_str())) c.emit(o.crumbs[i].go);
    }
}

void treemap(Ctx& c, const pr::PoundPage& pg) {
    const pr::Overview& o = pg.overview;
    const jup::PoundNode& at = pr::zoomed(pg);
    breadcrumb(c, o);
    disabled_text("Area = annual budget. Colour = forecast variance (legend below). Click a box, or press Enter on it, to zoom in.");

    float w = ImGui::GetContentRegionAvail().x;
    // Fill the window's remaining height (leaving room for the legend), within sensible bounds.
    float h = std::clamp(ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 4.2f, ImGui::GetFontSize() * 14, std::max(ImGui::GetFontSize() * 14, w * 0.6f));
    ImVec2 p = ImGui::GetCursorScreenPos();
    float header = ImGui::GetTextLineHeight() + 4;
    PoundUi& L = c.ui->pound;
    if (L.laid_out != &pg || L.w != w || L.h != h || L.header != header) {
        L.laid_out = &pg, L.w = w, L.h = h, L.header = header;
        L.cells.clear();
        layout(at, jup::TRect{0, 0, w, h}, 0, 0, header, L.cells);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_ChildBg));
    const float fs = ImGui::GetFontSize();
    ImFont* font = ImGui::GetFont();
    int hovered = -1;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    // Parents first (drawn as frames with a header), then leaves as focusable buttons.
    for (size_t i = 0; i < L.cells.size(); ++i) {
        const TreeCell& cell = L.cells[i];
        ImVec2 a(p.x + (float)cell.r.x, p.y + (float)cell.r.y), b(a.x + (float)cell.r.w, a.y + (float)cell.r.h);
        if (!cell.node->children.empty()) {
            ImU32 frame = cell.depth == 0 ? IM_COL32(70, 72, 80, 255) : IM_COL32(110, 112, 120, 255);
            bool room = cell.r.h > header * 2.2 && cell.r.w > header * 3;
            if (cell.depth == 0) dl->AddRectFilled(a, b, frame);
            else {
                dl->AddRect(a, b, frame, 0, 0, 1.5f);
                if (room) dl->AddRectFilled(a, ImVec2(b.x, a.y + header), frame);
            }
            std::string lab = cell.node->label + "  " + pr::money(cell.node->annual);
            ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
            if (room) {
                if (ts.x + 8 > cell.r.w) {
                    lab = cell.node->label;
                    ts = ImGui::CalcTextSize(lab.c_str());
                }
                if (ts.x + 8 <= cell.r.w) dl->AddText(font, fs, ImVec2(a.x + 4, a.y + 2), IM_COL32_WHITE, lab.c_str());
            }
            continue;
        }
        ImVec4 col = variance_colour(cell.node->variance, cell.node->annual);
        dl->AddRectFilled(a, b, u32(col));
        // Labels only where they fit: the name (wrapped onto several lines if need be), then the
        // amount, then the variance.
        float pad = 4, wrap = (float)cell.r.w - 2 * pad, y = a.y + pad;
        if (wrap > fs * 2) {
            const std::string& name = cell.node->label;
            ImVec2 ns = font->CalcTextSizeA(fs, FLT_MAX, wrap, name.c_str());
            if (ns.x <= wrap + 0.5f && y + ns.y + pad <= b.y) {
                dl->AddText(font, fs, ImVec2(a.x + pad, y), text_on(col), name.c_str(), nullptr, wrap);
                y += ns.y;
                std::string t2 = pr::money(cell.node->annual), t3 = pr::variance_words(cell.node->variance);
                for (const std::string* t : {&t2, &t3}) {
                    ImVec2 ts = ImGui::CalcTextSize(t->c_str());
                    if (ts.x > wrap || y + ts.y + pad > b.y) break;
                    dl->AddText(font, fs, ImVec2(a.x + pad, y), text_on(col), t->c_str());
                    y += ts.y;
                }
            }
        }
        if (mouse.x >= a.x && mouse.x < b.x && mouse.y >= a.y && mouse.y < b.y) hovered = (int)i;
    }
    // Focusable leaves (keyboard reachable); Enter or click zooms into the branch holding it. On a
    // touch screen a leaf smaller than a finger is no target of its own: a tap on it still zooms
    // (below), and its figures are in the Compare tab's list.
    int focused = -1;
    const auto zoom_to = [&](const TreeCell& cell) {
        if (cell.top >= 0 && cell.top < (int)o.zoom_into.size() && !o.zoom_into[cell.top].type.empty()) c.emit(o.zoom_into[cell.top]);
    };
    for (size_t i = 0; i < L.cells.size(); ++i) {
        const TreeCell& cell = L.cells[i];
        if (!cell.node->children.empty() || cell.r.w < 1 || cell.r.h < 1) continue;
        if (c.touch && (cell.r.w < 44 || cell.r.h < 44)) continue;
        ImGui::SetCursorScreenPos(ImVec2(p.x + (float)cell.r.x, p.y + (float)cell.r.y));
        ImGui::PushID((int)i);
        bool pressed = ImGui::InvisibleButton("cell", ImVec2((float)cell.r.w, (float)cell.r.h));
        if (nav_focused()) focused = (int)i;
        if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape) && !o.zoom.empty()) c.emit(o.back);
        ImGui::PopID();
        if (pressed) zoom_to(cell);
    }
    if (c.touch && hovered >= 0 && ImGui::IsMouseReleased(0) && !ImGui::IsAnyItemHovered() && ImGui::IsWindowHovered()) zoom_to(L.cells[hovered]);
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(w, 4));
    int show = focused >= 0 ? focused : (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) ? hovered : -1);
    if (show >= 0) {
        const TreeCell& cell = L.cells[show];
        ImVec2 a(p.x + (float)cell.r.x, p.y + (float)cell.r.y);
        dl->AddRect(a, ImVec2(a.x + (float)cell.r.w, a.y + (float)cell.r.h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 3);
        if (cell.node->line >= 0 && cell.node->line < (int)pg.model.lines.size()) line_tooltip(c, pg.model.lines[cell.node->line]);
    }
    if (L.cells.empty()) ImGui::TextWrapped("There is no budget with a positive annual amount here.");
    legend();
}

void checks_and_claims(Ctx& c, const pr::PoundPage& pg) {
    const pr::Overview& o = pg.overview;
    ImGui::Spacing();
    ImGui::PushStyleColor(ImGuiCol_Text, o.checks_ok ? ImVec4(0.35f, 0.75f, 0.55f, 1) : kWarn);
    text_wrapped(o.checks_status);
    ImGui::PopStyleColor();
    for (size_t i = 0; i < o.failed.size() && i <= 50; ++i) {
        const jup::Reconciliation& ch = pg.model.checks[o.failed[i]];
        ImGui::Bullet();
        ImGui::SameLine();
        ImGui::TextWrapped("%s", ch.note.c_str());
        mark("does-not-reconcile", ch.note + " (table " + ch.table_id + ", row " + ch.row_id + ")", std::to_string(i).c_str());
    }
    if (!o.claims.empty() && fit_header("Where the report contradicts itself")) {
        ImGui::TextWrapped("The same report gives different figures in different places. Each is shown as printed, with where it comes from.");
        for (const jup::Figure* cl : o.claims) {
            ImGui::PushID(cl->id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(cl->label + (cl->value ? ": " + jup::fmt::money_short(*cl->value, cl->unit) : ""));
            source_marker(c, cl->source, "c");
            flag_marks(c, cl->flags, "c");
            ImGui::PopID();
        }
    }
}

}  // namespace

void overview(Ctx& c, const pr::PoundPage& pg) {
    heading(c, "How the money is held");
    fund_type_bar(c, pg);
    ImGui::Spacing();
    heading(c, "Who holds it, and how it is going");
    treemap(c, pg);
    checks_and_claims(c, pg);
}

}  // namespace ui::pound
