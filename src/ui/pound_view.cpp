// Local pound: City & Hackney's (or any place's) budgets as one picture. Tabs: Overview (a
// squarified treemap: organisation, fund type, workstream; area = annual budget, colour =
// forecast variance), Compare (budget against forecast, variance bars), Over time (the CCG's
// monthly costs and top-up), What if (pool by default), Funds (NCL Inequalities Investment Fund,
// Pathway business case) and the source tables as printed. All arithmetic lives in core/money.*
// and core/treemap.*; this file only draws and emits "pound_" actions.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cfloat>
#include <cstring>
#include <functional>
#include <map>

#include "core/money.hpp"
#include "core/treemap.hpp"
#include "core/vocab.hpp"
#include "imgui.h"
#include "ui/ui.hpp"

namespace ui {

namespace {

// ---- cached model (the content never changes after load) ------------------------------
struct Cache {
    const jup::Content* content = nullptr;
    size_t reports = 0;
    std::string scope;
    jup::PoundModel model;
    jup::PoundNode tree;
};

const Cache& cache_for(const Ctx& c) {
    static Cache k;
    std::string scope = jup::effective_scope(c.state.pound, c.content);
    if (k.content != &c.content || k.scope != scope || k.reports != c.content.money.reports.size()) {
        k.content = &c.content;
        k.reports = c.content.money.reports.size();
        k.scope = scope;
        k.model = jup::build_pound(c.content.money, scope);
        k.tree = jup::build_tree(c.content.money, k.model);
    }
    return k;
}

// ---- formatting -------------------------------------------------------------------------
std::string money(double pounds) { return jup::fmt::money_short(pounds, "£"); }

std::string variance_words(double v) {
    if (std::fabs(v) < 500) return "on budget";
    return money(std::fabs(v)) + (v < 0 ? " overspend" : " underspend");
}

std::string pct(double f, int decimals = 1) { return jup::fmt::percent(f, decimals); }

bool nav_focused() { return ImGui::IsItemFocused() && ImGui::GetIO().NavVisible; }
bool show_details() { return ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || nav_focused(); }

// ---- colour: ColorBrewer PuOr (colour-blind safe), orange = overspend, purple = underspend --
const ImVec4 kPuOr[7] = {{0.702f, 0.345f, 0.024f, 1}, {0.945f, 0.639f, 0.251f, 1}, {0.996f, 0.878f, 0.714f, 1}, {0.969f, 0.969f, 0.969f, 1},
                         {0.847f, 0.855f, 0.922f, 1}, {0.600f, 0.557f, 0.765f, 1}, {0.329f, 0.153f, 0.533f, 1}};
constexpr double kColourRange = 0.05;  // ±5% of budget saturates the scale

ImVec4 diverging(double t) {  // t in [-1, 1]
    t = std::clamp(t, -1.0, 1.0);
    double x = (t + 1) * 3;  // 0..6
    int i = std::min(5, (int)std::floor(x));
    float f = (float)(x - i);
    const ImVec4 &a = kPuOr[i], &b = kPuOr[i + 1];
    return ImVec4(a.x + (b.x - a.x) * f, a.y + (b.y - a.y) * f, a.z + (b.z - a.z) * f, 1);
}
ImVec4 variance_colour(double variance, double annual) { return diverging(jup::variance_ratio(variance, annual) / kColourRange); }
ImU32 text_on(const ImVec4& bg) {
    float lum = 0.2126f * bg.x + 0.7152f * bg.y + 0.0722f * bg.z;
    return lum > 0.5f ? IM_COL32(20, 20, 25, 255) : IM_COL32(255, 255, 255, 255);
}
ImU32 u32(const ImVec4& v) { return ImGui::ColorConvertFloat4ToU32(v); }

// Okabe-Ito, for categories (fund types, series).
const ImVec4 kBlue(0.000f, 0.447f, 0.698f, 1), kVermillion(0.835f, 0.369f, 0.000f, 1), kGreen(0.000f, 0.620f, 0.451f, 1),
    kSky(0.337f, 0.706f, 0.914f, 1), kYellow(0.941f, 0.894f, 0.259f, 1), kGrey(0.6f, 0.6f, 0.6f, 1), kPurple(0.800f, 0.475f, 0.655f, 1);
ImVec4 fund_colour(const std::string& f) {
    if (f == "pooled") return kGreen;
    if (f == "aligned") return kBlue;
    if (f == "in-collaboration") return kSky;
    if (f == "capital") return kYellow;
    return kGrey;
}

std::string org_name(const Ctx& c, const std::string& id) { return jup::group_label(c.content.money, jup::Level::Org, id); }

const jup::Figure* figure(const Ctx& c, const std::string& id) {
    for (auto& f : c.content.money.figures)
        if (f.id == id) return &f;
    for (auto& f : c.content.money.claims)
        if (f.id == id) return &f;
    return nullptr;
}

// A small inline mark ("derived", "contradicted") with its explanation on hover and focus.
void mark(const char* kind, const std::string& note, const char* id) {
    bool warn = jup::vocab::flag_warns(kind);
    ImGui::SameLine();
    ImGui::PushStyleColor(ImGuiCol_Button, warn ? ImVec4(0.80f, 0.30f, 0.0f, 1) : ImVec4(0.35f, 0.30f, 0.65f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(5, 1));
    char label[96];
    std::snprintf(label, sizeof label, "%s %s##mk%s", warn ? "!" : "i", jup::vocab::flag_label(kind), id);
    ImGui::SmallButton(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    if (show_details()) {
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0));
        ImGui::BeginTooltip();
        ImGui::TextWrapped("%s: %s", jup::vocab::flag_label(kind), note.c_str());
        ImGui::EndTooltip();
    }
}

void tooltip_source(const Ctx& c, const jup::Source& s) {
    if (!s.present()) return;
    const jup::Document* d = c.content.document(s.doc);
    ImGui::Separator();
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Source: %s, line%s %d%s", d ? d->title.c_str() : s.doc.c_str(), s.from == s.to ? "" : "s", s.from,
                       s.from == s.to ? "" : ("-" + std::to_string(s.to)).c_str());
    ImGui::PopStyleColor();
    if (!s.quote.empty()) ImGui::TextWrapped("\xE2\x80\x9C%s\xE2\x80\x9D", s.quote.c_str());
}

void tooltip_flags(const std::vector<jup::Flag>& flags) {
    for (auto& f : flags) {
        bool warn = jup::vocab::flag_warns(f.kind);
        ImGui::PushStyleColor(ImGuiCol_Text, warn ? ImVec4(0.95f, 0.55f, 0.2f, 1) : ImVec4(0.70f, 0.65f, 0.95f, 1));
        ImGui::TextWrapped("%s %s: %s", warn ? "!" : "i", jup::vocab::flag_label(f.kind), f.note.c_str());
        ImGui::PopStyleColor();
    }
}

// Every column of a budget line, its flags and its source line.
void line_tooltip(const Ctx& c, const jup::BudgetLine& l) {
    ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 30, 0));
    ImGui::BeginTooltip();
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextWrapped("%s%s", l.label.c_str(), l.part.empty() ? "" : (" (" + l.part + " part)").c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s \xC2\xB7 %s \xC2\xB7 %s", org_name(c, l.org).c_str(), jup::vocab::fund_label(l.fund_type),
                       jup::group_label(c.content.money, jup::Level::Workstream, l.workstream.empty() ? "none" : l.workstream).c_str());
    if (ImGui::BeginTable("cols", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](const char* k, const std::optional<double>& v, bool variance = false) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k);
            ImGui::TableNextColumn();
            if (!v) ImGui::TextDisabled("not given in the source");
            else if (variance) ImGui::Text("%s (%s)", money(*v).c_str(), variance_words(*v).c_str());
            else ImGui::TextUnformatted(money(*v).c_str());
        };
        row("Annual budget", l.has_annual ? std::optional<double>(l.annual) : std::nullopt);
        row("Budget so far this year", l.ytd_budget);
        row("Spent so far this year", l.ytd_spend);
        row("Variance so far", l.ytd_variance, true);
        row("Forecast spend for the year", l.forecast);
        row("Forecast variance", l.forecast_variance, true);
        ImGui::EndTable();
    }
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    ImGui::TextWrapped("Variance = budget \xE2\x88\x92 spend. From the table \xE2\x80\x9C%s\xE2\x80\x9D (printed in %s).", l.table ? l.table->title.c_str() : "",
                       l.table ? l.table->unit.c_str() : "");
    ImGui::PopStyleColor();
    tooltip_flags(l.flags);
    if (l.row) tooltip_source(c, l.row->source);
    ImGui::EndTooltip();
}

// ---- header: key figures and conventions -----------------------------------------------
void stat(const Ctx& c, const char* id, const std::string& label, const std::string& value, const std::string& explain, float w,
          const jup::Figure* fig = nullptr) {
    ImGui::BeginGroup();
    ImGui::PushID(id);
    ImVec2 p = ImGui::GetCursorScreenPos();
    float h = ImGui::GetTextLineHeight() * 2 + ImGui::GetFontSize() * 1.4f + 10;
    ImGui::InvisibleButton("stat", ImVec2(w, h));
    bool hot = show_details();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_FrameBg), 6);
    if (hot) dl->AddRect(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 6, 0, 2);
    dl->AddText(ImVec2(p.x + 10, p.y + 5), ImGui::GetColorU32(ImGuiCol_TextDisabled), label.c_str());
    dl->AddText(c.fonts.heading, c.fonts.heading->FontSize, ImVec2(p.x + 10, p.y + 5 + ImGui::GetTextLineHeight()),
                ImGui::GetColorU32(ImGuiCol_Text), value.c_str());
    bool flagged = fig && !fig->flags.empty();
    if (flagged) {
        const char* m = "i derived";
        for (auto& f : fig->flags)
            if (f.kind != "derived") m = "! check";
        ImVec2 ts = ImGui::CalcTextSize(m);
        dl->AddRectFilled(ImVec2(p.x + w - ts.x - 16, p.y + 4), ImVec2(p.x + w - 4, p.y + 6 + ts.y), IM_COL32(89, 77, 166, 255), 4);
        dl->AddText(ImVec2(p.x + w - ts.x - 10, p.y + 5), IM_COL32_WHITE, m);
    }
    if (hot) {
        ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0));
        ImGui::BeginTooltip();
        ImGui::TextWrapped("%s", explain.c_str());
        if (fig) {
            tooltip_flags(fig->flags);
            tooltip_source(c, fig->source);
        }
        ImGui::EndTooltip();
    }
    ImGui::PopID();
    ImGui::EndGroup();
}

void key_figures(Ctx& c, const jup::PoundModel& m) {
    const auto& T = m.totals;
    float avail = ImGui::GetContentRegionAvail().x;
    float sp = ImGui::GetStyle().ItemSpacing.x;
    int per_row = avail > ImGui::GetFontSize() * 44 ? 4 : 2;
    float w = (avail - sp * (per_row - 1)) / per_row;
    bool single = m.reports.size() == 1;
    std::string orgs;
    auto og = jup::aggregate(c.content.money, m, jup::Level::Org);
    for (size_t i = 0; i < og.size() && i < 4; ++i) orgs += (i ? (i + 1 == og.size() ? " and " : ", ") : "") + og[i].label + " " + money(og[i].annual);
    if (og.size() > 4) orgs += " and " + std::to_string(og.size() - 4) + " more";
    stat(c, "annual", "Annual budget", money(T.annual),
         "The whole year's budget of every organisation in this report added up: " + orgs + ".", w,
         single ? figure(c, "icf-annual-budget-total") : nullptr);
    ImGui::SameLine();
    stat(c, "forecast", "Forecast spend for the year", money(T.forecast),
         "What the organisations expected, at month " + std::to_string(m.month) + ", to spend by the end of the year.", w,
         single ? figure(c, "icf-forecast-total") : nullptr);
    if (per_row == 2) ImGui::Spacing();
    else ImGui::SameLine();
    stat(c, "variance", "Forecast variance", variance_words(T.variance),
         "Variance = budget \xE2\x88\x92 spend: " + money(T.annual) + " \xE2\x88\x92 " + money(T.forecast) + " = " + money(T.variance) +
             ". Negative means more will be spent than was budgeted (an overspend).",
         w, single ? figure(c, "icf-forecast-variance-total") : nullptr);
    ImGui::SameLine();
    stat(c, "pooled", "Pooled into shared budgets", money(T.pooled) + " (" + pct(T.pooled_share()) + ")",
         std::string(jup::vocab::fund_meaning("pooled")) + " Of " + money(T.annual) + ", " + money(T.pooled) + " is pooled" +
             (T.capital_pooled > 0 ? " (including " + money(T.capital_pooled) + " of capital)" : "") + ".",
         w, single ? figure(c, "icf-pooled-annual") : nullptr);
}

// A stacked bar of fund types, each part focusable with its definition.
void fund_type_bar(Ctx& c, const jup::PoundModel& m) {
    auto funds = jup::aggregate(c.content.money, m, jup::Level::FundType);
    float w = ImGui::GetContentRegionAvail().x, h = ImGui::GetFontSize() * 1.6f;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float x = p.x;
    for (auto& g : funds) {
        if (g.annual <= 0 || m.totals.annual <= 0) continue;
        float fw = std::max(2.0f, (float)(w * g.annual / m.totals.annual));
        ImGui::SetCursorScreenPos(ImVec2(x, p.y));
        ImGui::PushID(g.key.c_str());
        ImGui::InvisibleButton("fund", ImVec2(fw, h));
        ImVec4 col = fund_colour(g.key);
        dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), u32(col));
        bool hot = show_details();
        if (hot) dl->AddRect(ImVec2(x, p.y), ImVec2(x + fw, p.y + h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 3);
        std::string lab = g.label + " " + pct(g.annual / m.totals.annual);
        ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
        if (ts.x + 8 < fw) dl->AddText(ImVec2(x + 4, p.y + (h - ts.y) / 2), text_on(col), lab.c_str());
        if (hot) {
            ImGui::SetNextWindowSize(ImVec2(ImGui::GetFontSize() * 26, 0));
            ImGui::BeginTooltip();
            ImGui::Text("%s: %s (%s of the total)", g.label.c_str(), money(g.annual).c_str(), pct(g.annual / m.totals.annual).c_str());
            ImGui::TextWrapped("%s", jup::vocab::fund_meaning(g.key));
            ImGui::Text("%d budget line%s. Forecast: %s.", g.lines, g.lines == 1 ? "" : "s", variance_words(g.variance).c_str());
            ImGui::EndTooltip();
        }
        ImGui::PopID();
        x += fw;
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
    // The key, with the amounts, so small parts are readable too.
    for (size_t i = 0; i < funds.size(); ++i) {
        auto& g = funds[i];
        if (i) ImGui::SameLine(0, ImGui::GetFontSize());
        ImVec2 q = ImGui::GetCursorScreenPos();
        float s = ImGui::GetTextLineHeight() * 0.8f;
        dl->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + s, q.y + 2 + s), u32(fund_colour(g.key)));
        ImGui::Dummy(ImVec2(s, s));
        ImGui::SameLine();
        ImGui::Text("%s %s", g.label.c_str(), money(g.annual).c_str());
        if (ImGui::GetContentRegionAvail().x < ImGui::GetFontSize() * 12 && i + 1 < funds.size()) ImGui::NewLine();
    }
}

// ---- treemap ----------------------------------------------------------------------------
struct Cell {
    const jup::PoundNode* node;
    jup::TRect r;
    int depth;
    int top;  // index of the zoom node's child that holds it
};

void layout(const jup::PoundNode& n, const jup::TRect& r, int depth, int top, float header, std::vector<Cell>& out) {
    std::vector<double> vals;
    for (auto& ch : n.children) vals.push_back(ch.annual);
    auto rects = jup::squarify(vals, r);
    for (size_t i = 0; i < n.children.size(); ++i) {
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

struct TreeLayout {
    const jup::PoundNode* at = nullptr;
    float w = 0, h = 0, header = 0;
    std::vector<Cell> cells;
};

void legend(Ctx& c) {
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
    float y = ImGui::GetCursorPosY();
    ImGui::TextUnformatted("5% or more overspent");
    const char* mid = "on budget";
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + w / 2 - ImGui::CalcTextSize(mid).x / 2, y));
    ImGui::TextUnformatted(mid);
    const char* right = "5% or more underspent";
    ImGui::SetCursorPos(ImVec2(ImGui::GetCursorPosX() + w - ImGui::CalcTextSize(right).x, y));
    ImGui::TextUnformatted(right);
    (void)c;
}

void breadcrumb(Ctx& c, const jup::PoundNode& root, const std::vector<std::string>& zoom) {
    ImGui::BeginDisabled(zoom.empty());
    if (ImGui::Button("< Back")) c.emit("pound_zoom_out");
    ImGui::EndDisabled();
    if (ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenDisabled)) ImGui::SetTooltip("Zoom out one level (or press Escape over the treemap)");
    ImGui::SameLine();
    const jup::PoundNode* n = &root;
    std::vector<std::string> path;
    if (ImGui::Button(("All organisations " + money(root.annual) + "##crumb").c_str())) c.emit("pound_zoom", {{"path", nlohmann::json::array()}});
    for (auto& k : zoom) {
        const jup::PoundNode* next = nullptr;
        for (auto& ch : n->children)
            if (ch.key == k) next = &ch;
        if (!next) break;
        n = next;
        path.push_back(k);
        ImGui::SameLine();
        ImGui::TextUnformatted(">");
        ImGui::SameLine();
        if (ImGui::Button((n->label + " " + money(n->annual) + "##crumb" + std::to_string(path.size())).c_str()))
            c.emit("pound_zoom", {{"path", path}});
    }
}

void treemap(Ctx& c, const Cache& k) {
    const auto& zoom = c.state.pound.zoom;
    size_t matched = 0;
    const jup::PoundNode* at = jup::find_node(k.tree, zoom, &matched);
    std::vector<std::string> path(zoom.begin(), zoom.begin() + matched);
    breadcrumb(c, k.tree, path);
    ImGui::TextDisabled("Area = annual budget. Colour = forecast variance (legend below). Click a box, or press Enter on it, to zoom in.");

    float w = ImGui::GetContentRegionAvail().x;
    // Fill the window's remaining height (leaving room for the legend), within sensible bounds.
    float h = std::clamp(ImGui::GetContentRegionAvail().y - ImGui::GetFontSize() * 4.2f, ImGui::GetFontSize() * 14, std::max(ImGui::GetFontSize() * 14, w * 0.6f));
    ImVec2 p = ImGui::GetCursorScreenPos();
    static TreeLayout L;
    float header = ImGui::GetTextLineHeight() + 4;
    if (L.at != at || L.w != w || L.h != h || L.header != header) {
        L = TreeLayout{at, w, h, header, {}};
        layout(*at, jup::TRect{0, 0, w, h}, 0, 0, header, L.cells);
    }
    ImDrawList* dl = ImGui::GetWindowDrawList();
    dl->AddRectFilled(p, ImVec2(p.x + w, p.y + h), ImGui::GetColorU32(ImGuiCol_ChildBg));
    const float fs = ImGui::GetFontSize();
    ImFont* font = ImGui::GetFont();
    int hovered = -1;
    ImVec2 mouse = ImGui::GetIO().MousePos;
    // Parents first (drawn as frames with a header), then leaves as focusable buttons.
    for (size_t i = 0; i < L.cells.size(); ++i) {
        const Cell& cell = L.cells[i];
        ImVec2 a(p.x + (float)cell.r.x, p.y + (float)cell.r.y), b(a.x + (float)cell.r.w, a.y + (float)cell.r.h);
        if (!cell.node->children.empty()) {
            ImU32 frame = cell.depth == 0 ? IM_COL32(70, 72, 80, 255) : IM_COL32(110, 112, 120, 255);
            if (cell.depth == 0) dl->AddRectFilled(a, b, frame);
            else {
                dl->AddRect(a, b, frame, 0, 0, 1.5f);
                if (cell.r.h > header * 2.2 && cell.r.w > header * 3) dl->AddRectFilled(a, ImVec2(b.x, a.y + header), frame);
            }
            std::string lab = cell.node->label + "  " + money(cell.node->annual);
            ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
            if (cell.r.h > header * 2.2 && cell.r.w > header * 3) {
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
                std::string t2 = money(cell.node->annual), t3 = variance_words(cell.node->variance);
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
    // Focusable leaves (keyboard reachable); Enter or click zooms into the branch holding it.
    int focused = -1;
    for (size_t i = 0; i < L.cells.size(); ++i) {
        const Cell& cell = L.cells[i];
        if (!cell.node->children.empty() || cell.r.w < 1 || cell.r.h < 1) continue;
        ImGui::SetCursorScreenPos(ImVec2(p.x + (float)cell.r.x, p.y + (float)cell.r.y));
        ImGui::PushID((int)i);
        bool pressed = ImGui::InvisibleButton("cell", ImVec2((float)cell.r.w, (float)cell.r.h));
        if (nav_focused()) focused = (int)i;
        if (ImGui::IsItemFocused() && ImGui::IsKeyPressed(ImGuiKey_Escape) && !path.empty()) c.emit("pound_zoom_out");
        ImGui::PopID();
        if (pressed) {
            const jup::PoundNode& top = at->children[cell.top];
            if (!top.children.empty()) {
                auto next = path;
                next.push_back(top.key);
                c.emit("pound_zoom", {{"path", next}});
            }
        }
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h));
    ImGui::Dummy(ImVec2(w, 4));
    int show = focused >= 0 ? focused : (ImGui::IsWindowHovered(ImGuiHoveredFlags_ChildWindows) ? hovered : -1);
    if (show >= 0) {
        const Cell& cell = L.cells[show];
        ImVec2 a(p.x + (float)cell.r.x, p.y + (float)cell.r.y);
        dl->AddRect(a, ImVec2(a.x + (float)cell.r.w, a.y + (float)cell.r.h), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 3);
        if (cell.node->line >= 0) line_tooltip(c, k.model.lines[cell.node->line]);
    }
    if (L.cells.empty()) ImGui::TextWrapped("There is no budget with a positive annual amount here.");
    legend(c);
}

void checks_and_claims(Ctx& c, const jup::PoundModel& m) {
    int failed = m.failed_checks();
    ImGui::Spacing();
    if (failed == 0) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.35f, 0.75f, 0.55f, 1));
        ImGui::TextWrapped("Checked: the budget lines add up to every subtotal and total the source prints (%d checks, to the source's rounding).",
                           (int)m.checks.size());
        ImGui::PopStyleColor();
    } else {
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.55f, 0.2f, 1));
        ImGui::TextWrapped("! %d of %d checks do not add up: the source's totals differ from its lines.", failed, (int)m.checks.size());
        ImGui::PopStyleColor();
        int i = 0;
        for (auto& ch : m.checks) {
            if (ch.ok) continue;
            ImGui::Bullet();
            ImGui::SameLine();
            ImGui::TextWrapped("%s", ch.note.c_str());
            mark("does-not-reconcile", ch.note + " (table " + ch.table_id + ", row " + ch.row_id + ")", std::to_string(i++).c_str());
            if (i > 50) break;
        }
    }
    bool single = m.reports.size() == 1;
    if (single && !c.content.money.claims.empty() && ImGui::CollapsingHeader("Where the report contradicts itself")) {
        ImGui::TextWrapped("The same report gives different figures in different places. Each is shown as printed, with where it comes from.");
        for (auto& cl : c.content.money.claims) {
            ImGui::PushID(cl.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            text_wrapped(cl.label + (cl.value ? ": " + jup::fmt::money_short(*cl.value, cl.unit) : ""));
            source_marker(c, cl.source, "c");
            flag_marks(c, cl.flags, "c");
            ImGui::PopID();
        }
    }
}

void overview(Ctx& c, const Cache& k) {
    heading(c, "How the money is held");
    fund_type_bar(c, k.model);
    ImGui::Spacing();
    heading(c, "Who holds it, and how it is going");
    treemap(c, k);
    checks_and_claims(c, k.model);
}

// ---- compare ------------------------------------------------------------------------------
void compare(Ctx& c, const Cache& k) {
    const auto& m = k.model;
    heading(c, "Budget against forecast");
    ImGui::TextWrapped("For each part, the annual budget (outline), what is forecast to be spent (filled), and the difference. "
                       "Sorted by the size of the difference, largest first.");
    const char* bys[][2] = {{"workstream", "Workstream"}, {"organisation", "Organisation"}, {"fund_type", "Fund type"}, {"line", "Budget line"}};
    ImGui::TextUnformatted("Group by:");
    for (auto& b : bys) {
        ImGui::SameLine();
        bool on = c.state.pound.compare_by == b[0];
        if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
        if (ImGui::Button(b[1])) c.emit("pound_compare_by", {{"by", b[0]}});
        if (on) ImGui::PopStyleColor();
    }
    std::string by = c.state.pound.compare_by;
    jup::Level level = by == "organisation" ? jup::Level::Org : by == "fund_type" ? jup::Level::FundType : by == "line" ? jup::Level::Line : jup::Level::Workstream;
    static std::string cached_key;
    static std::vector<jup::Group> groups;
    std::string key = k.scope + "|" + by + "|" + std::to_string((uintptr_t)&k.model);
    if (key != cached_key || groups.empty()) {
        groups = jup::aggregate(c.content.money, m, level);
        std::stable_sort(groups.begin(), groups.end(), [](const jup::Group& a, const jup::Group& b) { return std::fabs(a.variance) > std::fabs(b.variance); });
        cached_key = key;
    }
    double max_budget = 1, max_var = 1;
    for (auto& g : groups) max_budget = std::max({max_budget, g.annual, g.forecast}), max_var = std::max(max_var, std::fabs(g.variance));

    const float fs = ImGui::GetFontSize();
    ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("compare", 3, tf)) {
        const char* first = level == jup::Level::Line ? "Budget line" : level == jup::Level::Org ? "Organisation" : level == jup::Level::FundType ? "Fund type" : "Workstream";
        ImGui::TableSetupColumn(first, ImGuiTableColumnFlags_WidthStretch, 1.1f);
        ImGui::TableSetupColumn("Budget (outline) and forecast (filled)", ImGuiTableColumnFlags_WidthStretch, 1.4f);
        ImGui::TableSetupColumn("Forecast variance (budget \xE2\x88\x92 spend)", ImGuiTableColumnFlags_WidthStretch, 1.5f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin((int)groups.size());
        while (clip.Step()) {
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const jup::Group& g = groups[i];
                ImGui::TableNextRow(0, fs * 3.0f);
                ImGui::TableNextColumn();
                ImGui::PushID(i);
                ImVec2 at = ImGui::GetCursorPos();
                ImGui::Selectable("##row", false, ImGuiSelectableFlags_SpanAllColumns | ImGuiSelectableFlags_AllowOverlap, ImVec2(0, fs * 2.8f));
                bool hot = show_details();
                ImGui::SetCursorPos(at);
                std::string name = g.label;
                if (level == jup::Level::Line && g.line_index.size() == 1) name += " \xC2\xB7 " + org_name(c, m.lines[g.line_index[0]].org);
                ImGui::TextWrapped("%s%s", name.c_str(), g.any_derived ? "  [i]" : "");
                // budget / forecast bars
                ImGui::TableNextColumn();
                {
                    ImVec2 p = ImGui::GetCursorScreenPos();
                    float w = ImGui::GetContentRegionAvail().x, bh = fs * 0.7f;
                    ImDrawList* dl = ImGui::GetWindowDrawList();
                    float bw = (float)(w * g.annual / max_budget), fw = (float)(w * g.forecast / max_budget);
                    dl->AddRectFilled(ImVec2(p.x, p.y + 2), ImVec2(p.x + fw, p.y + 2 + bh), u32(kSky));
                    dl->AddRect(ImVec2(p.x, p.y + 1), ImVec2(p.x + std::max(1.0f, bw), p.y + 3 + bh), ImGui::GetColorU32(ImGuiCol_Text), 0, 0, 2);
                    ImGui::Dummy(ImVec2(w, bh + 4));
                    ImGui::Text("%s \xE2\x86\x92 %s", money(g.annual).c_str(), money(g.forecast).c_str());
                }
                // variance bar, diverging from the centre
                ImGui::TableNextColumn();
                {
                    ImVec2 p = ImGui::GetCursorScreenPos();
                    float w = ImGui::GetContentRegionAvail().x, bh = fs * 0.7f, mid = p.x + w / 2;
                    ImDrawList* dl = ImGui::GetWindowDrawList();
                    float len = (float)(w / 2 * std::fabs(g.variance) / max_var);
                    ImVec4 col = g.variance < 0 ? kPuOr[0] : kPuOr[6];
                    if (g.variance < 0) dl->AddRectFilled(ImVec2(mid - len, p.y + 2), ImVec2(mid, p.y + 2 + bh), u32(col));
                    else dl->AddRectFilled(ImVec2(mid, p.y + 2), ImVec2(mid + len, p.y + 2 + bh), u32(col));
                    dl->AddLine(ImVec2(mid, p.y), ImVec2(mid, p.y + bh + 4), ImGui::GetColorU32(ImGuiCol_Text), 2);
                    ImGui::Dummy(ImVec2(w, bh + 4));
                    double r = jup::variance_ratio(g.variance, g.annual);
                    ImGui::Text("%s%s", variance_words(g.variance).c_str(), std::fabs(g.variance) >= 500 ? (" (" + pct(std::fabs(r)) + " of budget)").c_str() : "");
                }
                if (hot) {
                    if (g.line_index.size() == 1) line_tooltip(c, m.lines[g.line_index[0]]);
                    else {
                        ImGui::SetNextWindowSize(ImVec2(fs * 28, 0));
                        ImGui::BeginTooltip();
                        ImGui::PushFont(c.fonts.heading);
                        ImGui::TextWrapped("%s", g.label.c_str());
                        ImGui::PopFont();
                        ImGui::Text("Annual budget: %s", money(g.annual).c_str());
                        ImGui::Text("Forecast spend: %s", money(g.forecast).c_str());
                        ImGui::Text("Variance: %s = %s (%s)", (money(g.annual) + " \xE2\x88\x92 " + money(g.forecast)).c_str(), money(g.variance).c_str(),
                                    variance_words(g.variance).c_str());
                        ImGui::Text("Pooled: %s. %d budget lines.", money(g.pooled).c_str(), g.lines);
                        if (g.any_derived)
                            ImGui::TextWrapped("i Some of these figures are computed here, not printed: a variance the source leaves blank (budget \xE2\x88\x92 forecast), "
                                               "or Hackney's pooled and aligned parts of one row (the row's forecast shared by budget).");
                        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
                        ImGui::TextWrapped("The sum of the source's budget lines in: %s", m.title.c_str());
                        ImGui::PopStyleColor();
                        ImGui::EndTooltip();
                    }
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

// ---- over time ----------------------------------------------------------------------------
void over_time(Ctx& c, const Cache& k) {
    (void)k;
    const auto& series = c.content.money.series;
    if (series.empty()) {
        ImGui::TextWrapped("This content pack has no monthly figures.");
        return;
    }
    for (auto& t : series) {
        ImGui::PushID(t.id.c_str());
        heading(c, "Month by month: " + org_name(c, t.org));
        text_wrapped(t.title);
        source_marker(c, t.source, "t");
        flag_marks(c, t.flags, "t");
        std::vector<const jup::MoneyRow*> months;
        for (auto& r : t.rows)
            if (r.kind == "line" && r.month > 0) months.push_back(&r);
        if (months.empty()) {
            ImGui::PopID();
            continue;
        }
        auto v = [&](const jup::MoneyRow* r, const char* col) {
            auto it = r->values.find(col);
            return it != r->values.end() && it->second ? jup::to_pounds(*it->second, t.unit) : 0.0;
        };
        ImGui::TextWrapped("Each month: extra costs above plan, split into Covid costs and other costs (bars), and the top-up money the "
                           "NHS sent to cover them (green diamonds). Below the line: costs that came in under plan.");
        double lo = 0, hi = 1;
        for (auto* r : months) {
            double o = v(r, "other_costs"), cv = v(r, "covid_costs"), tu = -v(r, "topup_received");
            hi = std::max({hi, std::max(o, 0.0) + std::max(cv, 0.0), tu});
            lo = std::min({lo, std::min(o, 0.0) + std::min(cv, 0.0)});
        }
        const float fs = ImGui::GetFontSize();
        float W = ImGui::GetContentRegionAvail().x, H = fs * 16, axis = fs * 5;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float plot_w = W - axis, top = p.y + fs * 0.5f, bottom = p.y + H - fs * 2;
        auto Y = [&](double val) { return (float)(bottom - (val - lo) / (hi - lo) * (bottom - top)); };
        // grid in £0.5m steps
        double step = hi - lo > 1.2e6 ? 500e3 : 250e3;
        for (double g = std::ceil(lo / step) * step; g <= hi; g += step) {
            float y = Y(g);
            dl->AddLine(ImVec2(p.x + axis, y), ImVec2(p.x + W, y), g == 0 ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_Border), g == 0 ? 2.f : 1.f);
            std::string lab = money(g);
            dl->AddText(ImVec2(p.x + axis - ImGui::CalcTextSize(lab.c_str()).x - 6, y - fs * 0.6f), ImGui::GetColorU32(ImGuiCol_Text), lab.c_str());
        }
        float slot = plot_w / months.size(), bw = slot * 0.5f;
        for (size_t i = 0; i < months.size(); ++i) {
            const jup::MoneyRow* r = months[i];
            float x0 = p.x + axis + slot * i + (slot - bw) / 2;
            double o = v(r, "other_costs"), cv = v(r, "covid_costs"), tu = -v(r, "topup_received");
            double pos = 0, neg = 0;
            for (auto [val, col] : {std::pair{cv, kVermillion}, std::pair{o, kBlue}}) {
                double base = val >= 0 ? pos : neg;
                double end = base + val;
                dl->AddRectFilled(ImVec2(x0, std::min(Y(base), Y(end))), ImVec2(x0 + bw, std::max(Y(base), Y(end))), u32(col));
                (val >= 0 ? pos : neg) = end;
            }
            if (tu > 0) {
                float cx = x0 + bw / 2, cy = Y(tu), s = fs * 0.45f;
                dl->AddQuadFilled(ImVec2(cx, cy - s), ImVec2(cx + s, cy), ImVec2(cx, cy + s), ImVec2(cx - s, cy), u32(kGreen));
                dl->AddQuad(ImVec2(cx, cy - s), ImVec2(cx + s, cy), ImVec2(cx, cy + s), ImVec2(cx - s, cy), IM_COL32_WHITE, 1.5f);
            }
            std::string lab = "M" + std::to_string(r->month);
            dl->AddText(ImVec2(x0 + bw / 2 - ImGui::CalcTextSize(lab.c_str()).x / 2, bottom + fs * 0.4f), ImGui::GetColorU32(ImGuiCol_Text), lab.c_str());
            // focusable month
            ImGui::SetCursorScreenPos(ImVec2(p.x + axis + slot * i, top));
            ImGui::PushID((int)i);
            ImGui::InvisibleButton("month", ImVec2(slot, bottom - top + fs * 1.6f));
            if (show_details()) {
                dl->AddRect(ImVec2(p.x + axis + slot * i, top), ImVec2(p.x + axis + slot * (i + 1), bottom + fs * 1.6f), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 2);
                ImGui::SetNextWindowSize(ImVec2(fs * 26, 0));
                ImGui::BeginTooltip();
                ImGui::PushFont(c.fonts.heading);
                ImGui::TextUnformatted(r->label.c_str());
                ImGui::PopFont();
                for (auto& col : t.columns) {
                    auto it = r->values.find(col.id);
                    if (it == r->values.end() || !it->second) ImGui::Text("%s: not given", col.label.c_str());
                    else ImGui::Text("%s: %s", col.label.c_str(), money(jup::to_pounds(*it->second, t.unit)).c_str());
                }
                ImGui::TextDisabled("Top-ups are printed as negative numbers (money received).");
                tooltip_flags(r->flags);
                tooltip_source(c, r->source);
                ImGui::EndTooltip();
            }
            ImGui::PopID();
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + H));
        ImGui::Dummy(ImVec2(W, 1));
        // key
        for (auto [name, col] : {std::pair{"Covid costs", kVermillion}, std::pair{"Other costs", kBlue}, std::pair{"Top-up received", kGreen}}) {
            ImVec2 q = ImGui::GetCursorScreenPos();
            float s = ImGui::GetTextLineHeight() * 0.8f;
            ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + s, q.y + 2 + s), u32(col));
            ImGui::Dummy(ImVec2(s, s));
            ImGui::SameLine();
            ImGui::TextUnformatted(name);
            ImGui::SameLine(0, fs * 1.5f);
        }
        ImGui::NewLine();
        // The year-to-date summary from the table's own grand total.
        const jup::MoneyRow* total = nullptr;
        for (auto& r : t.rows)
            if (r.kind == "total") total = &r;
        if (total) {
            double tot = v(total, "total"), covid = v(total, "covid_costs"), tu = -v(total, "topup_received"), net = v(total, "net_topup_required");
            text_wrapped("Months 1 to " + std::to_string(months.back()->month) + ": " + money(tot) + " spent above plan, of which " + money(covid) +
                         " on Covid. " + money(tu) + " of top-up was received; " + money(net) + " more was still needed.");
            source_marker(c, total->source, "tot");
            flag_marks(c, total->flags, "tot");
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
}

// ---- what-if ------------------------------------------------------------------------------
const jup::Item* pooling_question(const Ctx& c) {
    for (auto& b : c.content.boards) {
        auto hit = [](const jup::Item& it) { return it.source.doc == "000" && it.source.from <= 616 && it.source.to >= 616; };
        if (hit(b.question)) return &b.question;
        for (auto& o : b.options)
            if (hit(o)) return &o;
        for (auto& o : b.commitments)
            if (hit(o)) return &o;
    }
    return nullptr;
}

void whatif(Ctx& c, const Cache& k) {
    const auto& m = k.model;
    const auto& ps = c.state.pound;
    auto choices = jup::whatif_choices(ps);
    auto W = jup::whatif_totals(m, choices);
    const float fs = ImGui::GetFontSize();
    heading(c, "What if budgets were pooled by default?");
    if (const jup::Item* q = pooling_question(c)) {
        text_wrapped("The report asks: \xE2\x80\x9C" + (q->text.empty() ? q->label : q->text) + "\xE2\x80\x9D");
        source_marker(c, q->source, "q");
    }
    ImGui::TextWrapped("Start from today. Move each budget line into the shared pool or out of it, or mark it as an exception: money that "
                       "should stay with one organisation for a compelling reason (say why). The pooled share changes as you go, and your "
                       "choices are saved with your answers.");
    // Today vs your choice, as two bars.
    float w = ImGui::GetContentRegionAvail().x, bh = fs * 1.4f;
    for (int row = 0; row < 2; ++row) {
        double pooled = row == 0 ? W.today_pooled : W.pooled;
        double share = W.total > 0 ? pooled / W.total : 0;
        std::string lab = std::string(row == 0 ? "Today:  " : "Your choice:  ") + money(pooled) + " pooled, " + pct(share) + " of " + money(W.total);
        ImGui::PushFont(row == 1 ? c.fonts.heading : c.fonts.body);
        ImGui::TextUnformatted(lab.c_str());
        ImGui::PopFont();
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        dl->AddRectFilled(p, ImVec2(p.x + w, p.y + bh), u32(kBlue));
        dl->AddRectFilled(p, ImVec2(p.x + (float)(w * share), p.y + bh), u32(kGreen));
        if (row == 1 && W.exceptions > 0 && W.total > 0) {
            float ex = (float)(w * W.exceptions / W.total);
            dl->AddRectFilled(ImVec2(p.x + w - ex, p.y), ImVec2(p.x + w, p.y + bh), u32(kYellow));
        }
        ImGui::Dummy(ImVec2(w, bh));
    }
    ImGui::TextWrapped("Green: pooled. Blue: not pooled (aligned, in collaboration or capital). Yellow: exceptions you marked (%s).", money(W.exceptions).c_str());
    ImGui::Text("%d line%s moved into the pool, %d moved out, %d exception%s.", W.moved_in, W.moved_in == 1 ? "" : "s", W.moved_out, W.exception_rows,
                W.exception_rows == 1 ? "" : "s");
    if (ImGui::Button("Pool by default (every line except exceptions)")) c.emit("pound_whatif_pool_all");
    ImGui::SameLine();
    ImGui::BeginDisabled(ps.whatif.empty());
    if (ImGui::Button("Reset to today")) c.emit("pound_whatif_reset");
    ImGui::EndDisabled();
    ImGui::Spacing();

    static std::map<std::string, std::string> drafts;  // reasons being typed
    ImGuiTableFlags tf = ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp;
    if (ImGui::BeginTable("whatif", 4, tf)) {
        ImGui::TableSetupColumn("Budget line", ImGuiTableColumnFlags_WidthStretch, 1.3f);
        ImGui::TableSetupColumn("Annual budget, today", ImGuiTableColumnFlags_WidthStretch, 0.9f);
        ImGui::TableSetupColumn("Your choice", ImGuiTableColumnFlags_WidthStretch, 1.6f);
        ImGui::TableSetupColumn("Reason for an exception", ImGuiTableColumnFlags_WidthStretch, 1.0f);
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin((int)m.rows.size());
        while (clip.Step()) {
            for (int i = clip.DisplayStart; i < clip.DisplayEnd; ++i) {
                const std::string& row = m.rows[i];
                auto parts = m.row_lines(row);
                if (parts.empty()) continue;
                const jup::BudgetLine& l0 = *parts[0];
                double total = 0, today = 0;
                for (auto* l : parts) total += l->annual, today += l->pooled_today ? l->annual : 0;
                auto it = ps.whatif.find(row);
                std::string choice = it == ps.whatif.end() ? "today" : it->second.choice;
                ImGui::PushID(row.c_str());
                ImGui::TableNextRow(0, fs * 2.2f);
                ImGui::TableNextColumn();
                ImGui::TextWrapped("%s", l0.label.c_str());
                ImGui::TextDisabled("%s", org_name(c, l0.org).c_str());
                if (show_details() || ImGui::IsItemHovered()) line_tooltip(c, l0);
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(money(total).c_str());
                std::string now;
                if (parts.size() > 1) now = money(today) + " pooled, rest aligned";
                else now = std::string(jup::vocab::fund_label(l0.fund_type)) + (l0.pooled_today && l0.fund_type != "pooled" ? ", counted as pooled" : "");
                ImGui::TextDisabled("%s", now.c_str());
                ImGui::TableNextColumn();
                const char* opts[][2] = {{"today", "As today"}, {"pooled", "Pooled"}, {"aligned", "Aligned"}, {"exception", "Exception"}};
                for (int o = 0; o < 4; ++o) {
                    if (o) ImGui::SameLine();
                    if (ImGui::RadioButton(opts[o][1], choice == opts[o][0]) && choice != opts[o][0])
                        c.emit("pound_whatif_set", {{"line", row}, {"choice", opts[o][0]}});
                }
                double after = jup::row_pooled(m, row, choice == "today" ? "" : choice);
                if (std::fabs(after - today) > 0.5)
                    ImGui::TextColored(after > today ? kGreen : kVermillion, "%s%s pooled", after > today ? "+" : "\xE2\x88\x92", money(std::fabs(after - today)).c_str());
                ImGui::TableNextColumn();
                if (choice == "exception") {
                    std::string& d = drafts[row];
                    if (!ImGui::IsItemActive() && d.empty() && it != ps.whatif.end()) d = it->second.note;
                    char buf[512];
                    std::snprintf(buf, sizeof buf, "%s", d.c_str());
                    ImGui::SetNextItemWidth(-1);
                    if (ImGui::InputTextWithHint("##why", "Why should it stay out?", buf, sizeof buf)) d = buf;
                    if (ImGui::IsItemDeactivatedAfterEdit()) c.emit("pound_whatif_note", {{"line", row}, {"note", d}});
                } else {
                    ImGui::TextDisabled("-");
                }
                ImGui::PopID();
            }
        }
        ImGui::EndTable();
    }
}

// ---- funds ----------------------------------------------------------------------------------
void funds(Ctx& c) {
    const auto& M = c.content.money;
    const float fs = ImGui::GetFontSize();
    for (auto& f : M.funds) {
        ImGui::PushID(f.id.c_str());
        heading(c, f.title);
        source_marker(c, f.source, "src");
        if (f.total.value) {
            ImGui::Text("Total: %s", jup::fmt::money_short(*f.total.value, f.total.unit).c_str());
            source_marker(c, f.total.source, "tot");
        }
        // How it splits: a bar, each part focusable.
        float w = ImGui::GetContentRegionAvail().x, h = fs * 2.2f;
        ImVec2 p = ImGui::GetCursorScreenPos();
        ImDrawList* dl = ImGui::GetWindowDrawList();
        float x = p.x;
        const ImVec4 cols[] = {kBlue, kGreen, kGrey, kSky, kPurple};
        int i = 0;
        for (auto& part : f.parts) {
            double share = part.share.value_or(0);
            float pw = (float)(w * share);
            if (pw < 1) continue;
            bool unstated = !part.flags.empty();
            ImVec4 col = cols[i % 5];
            ImGui::SetCursorScreenPos(ImVec2(x, p.y));
            ImGui::PushID(i);
            ImGui::InvisibleButton("part", ImVec2(pw, h));
            bool hot = show_details();
            dl->AddRectFilled(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), u32(unstated ? ImVec4(0.45f, 0.45f, 0.48f, 1) : col));
            if (unstated)  // hatched: the source does not say what this is
                for (float hx = x - h; hx < x + pw; hx += 10)
                    dl->AddLine(ImVec2(std::max(x, hx), p.y + h - std::max(0.f, x - hx)), ImVec2(std::min(x + pw, hx + h), p.y + std::max(0.f, hx + h - (x + pw))),
                                IM_COL32(230, 230, 230, 160), 1.5f);
            dl->AddRect(ImVec2(x, p.y), ImVec2(x + pw, p.y + h), hot ? ImGui::GetColorU32(ImGuiCol_NavHighlight) : IM_COL32(0, 0, 0, 120), 0, 0, hot ? 3.f : 1.f);
            std::string amount = f.total.value ? jup::fmt::money_short(*f.total.value * share, f.total.unit) : "";
            std::string lab = pct(share, 0) + (amount.empty() ? "" : " \xC2\xB7 " + amount);
            ImVec2 ts = ImGui::CalcTextSize(lab.c_str());
            if (ts.x + 8 < pw) dl->AddText(ImVec2(x + 6, p.y + (h - ts.y) / 2), unstated ? IM_COL32_WHITE : text_on(col), lab.c_str());
            if (hot) {
                ImGui::SetNextWindowSize(ImVec2(fs * 26, 0));
                ImGui::BeginTooltip();
                ImGui::TextWrapped("%s: %s%s", pct(share, 0).c_str(), part.label.c_str(), amount.empty() ? "" : (" (" + amount + ")").c_str());
                tooltip_flags(part.flags);
                tooltip_source(c, part.source);
                ImGui::EndTooltip();
            }
            ImGui::PopID();
            x += pw;
            ++i;
        }
        ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + h + ImGui::GetStyle().ItemSpacing.y));
        i = 0;
        for (auto& part : f.parts) {
            ImGui::PushID(part.id.c_str());
            ImGui::Bullet();
            ImGui::SameLine();
            std::string amount = f.total.value && part.share ? " (" + jup::fmt::money_short(*f.total.value * *part.share, f.total.unit) + ")" : "";
            text_wrapped(pct(part.share.value_or(0), 0) + amount + ": " + part.label);
            ImGui::Indent();
            source_marker(c, part.source, "p");
            for (size_t k = 0; k < part.flags.size(); ++k) mark(part.flags[k].kind.c_str(), part.flags[k].note, (part.id + std::to_string(k)).c_str());
            ImGui::Unindent();
            ImGui::PopID();
        }
        if (f.growth.value && f.total.value) {
            ImGui::Spacing();
            heading(c, "Growth");
            double a = jup::to_pounds(*f.total.value, f.total.unit), b = jup::to_pounds(*f.growth.value, f.growth.unit);
            float gw = ImGui::GetContentRegionAvail().x * 0.7f, gh = fs * 1.3f;
            for (int r = 0; r < 2; ++r) {
                double v = r == 0 ? a : b;
                ImVec2 q = ImGui::GetCursorScreenPos();
                float bw = (float)(gw * v / std::max(a, b));
                ImGui::GetWindowDrawList()->AddRectFilled(q, ImVec2(q.x + bw, q.y + gh), u32(r == 0 ? kBlue : kGreen));
                ImGui::Dummy(ImVec2(bw, gh));
                ImGui::SameLine();
                ImGui::Text("%s %s", money(v).c_str(), r == 0 ? "to start, from top-sliced Covid-19 funding" : "a year, the stated intention (recurrent)");
            }
            if (!f.growth.source.quote.empty()) text_wrapped("\xE2\x80\x9C" + f.growth.source.quote + "\xE2\x80\x9D");
            source_marker(c, f.growth.source, "g");
            flag_marks(c, f.growth.flags, "g");
        }
        ImGui::PopID();
        ImGui::Separator();
    }
    // The Pathway business case: two-year costs by post.
    for (auto& t : M.costs) {
        ImGui::PushID(t.id.c_str());
        heading(c, t.title);
        source_marker(c, t.source, "src");
        if (!t.note.empty()) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
            text_wrapped(t.note);
            ImGui::PopStyleColor();
        }
        double maxv = 1;
        for (auto& r : t.rows)
            for (auto& [k2, v] : r.values)
                if (v && k2 != "total" && r.kind == "line") maxv = std::max(maxv, jup::to_pounds(*v, t.unit));
        if (ImGui::BeginTable("costs", 1 + (int)t.columns.size(), ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerH | ImGuiTableFlags_SizingStretchProp)) {
            ImGui::TableSetupColumn("Cost", ImGuiTableColumnFlags_WidthStretch, 2.0f);
            for (auto& col : t.columns) ImGui::TableSetupColumn(col.label.c_str(), ImGuiTableColumnFlags_WidthStretch, 1.0f);
            ImGui::TableHeadersRow();
            for (auto& r : t.rows) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::PushID(r.id.c_str());
                bool total = r.kind != "line";
                if (total) ImGui::PushFont(c.fonts.heading);
                ImGui::TextWrapped("%s", r.label.c_str());
                if (total) ImGui::PopFont();
                if (show_details()) {
                    ImGui::SetNextWindowSize(ImVec2(fs * 26, 0));
                    ImGui::BeginTooltip();
                    tooltip_flags(r.flags);
                    tooltip_source(c, r.source);
                    ImGui::EndTooltip();
                }
                for (size_t fi = 0; fi < r.flags.size(); ++fi) mark(r.flags[fi].kind.c_str(), r.flags[fi].note, std::to_string(fi).c_str());
                for (auto& col : t.columns) {
                    ImGui::TableNextColumn();
                    auto it = r.values.find(col.id);
                    if (it == r.values.end() || !it->second) {
                        ImGui::TextDisabled("not printed");
                        continue;
                    }
                    double v = jup::to_pounds(*it->second, t.unit);
                    if (!total && col.id != "total") {
                        ImVec2 q = ImGui::GetCursorScreenPos();
                        float bw = (float)(ImGui::GetContentRegionAvail().x * 0.9 * v / maxv);
                        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + bw, q.y + fs * 0.5f), u32(kSky));
                        ImGui::Dummy(ImVec2(bw, fs * 0.55f));
                    }
                    ImGui::Selectable((jup::fmt::money_short(v, "£") + "##" + col.id).c_str(), false);
                    if (show_details()) {
                        ImGui::SetNextWindowSize(ImVec2(fs * 26, 0));
                        ImGui::BeginTooltip();
                        ImGui::TextWrapped("%s, %s: %s", r.label.c_str(), col.label.c_str(), jup::fmt::money_short(v, "£").c_str());
                        tooltip_source(c, r.source);
                        ImGui::EndTooltip();
                    }
                }
                ImGui::PopID();
            }
            ImGui::EndTable();
        }
        ImGui::PopID();
    }
    // The bed-day arithmetic, with the source's slip.
    const jup::Figure *days = figure(c, "pathway-dtoc-days"), *tariff = figure(c, "pathway-excess-bed-day-tariff"), *mff = figure(c, "pathway-homerton-mff"),
                      *bed = figure(c, "pathway-bed-day-cost"), *cost = figure(c, "pathway-dtoc-cost");
    if (days && bed && cost && days->value && bed->value && cost->value) {
        ImGui::Spacing();
        heading(c, "What delayed discharges cost: the business case's arithmetic");
        if (tariff && mff && tariff->value && mff->value) {
            char b[200];
            std::snprintf(b, sizeof b, "A bed day: %s (national tariff) \xC3\x97 %.2f (Homerton's local cost factor) = %s, rounded to %s.",
                          jup::fmt::money_short(*tariff->value, "£").c_str(), *mff->value, jup::fmt::money_short(*tariff->value * *mff->value, "£").c_str(),
                          jup::fmt::money_short(*bed->value, "£").c_str());
            text_wrapped(b);
            for (size_t k2 = 0; k2 < bed->flags.size(); ++k2) mark(bed->flags[k2].kind.c_str(), bed->flags[k2].note, ("bed" + std::to_string(k2)).c_str());
            source_marker(c, bed->source, "bed");
        }
        double right = *days->value * *bed->value;
        char b[240];
        std::snprintf(b, sizeof b, "%.0f days lost to delayed discharge for people with no home \xC3\x97 %s = %s.", *days->value,
                      jup::fmt::money_short(*bed->value, "£").c_str(), jup::fmt::money_short(right, "£").c_str());
        text_wrapped(b);
        source_marker(c, days->source, "days");
        if (std::fabs(right - *cost->value) > 1) {
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.55f, 0.2f, 1));
            text_wrapped("! The business case prints " + jup::fmt::money_short(*cost->value, "£") + ": " + jup::fmt::money_short(right - *cost->value, "£") +
                         " less than its own multiplication gives. We show the printed figure and mark it.");
            ImGui::PopStyleColor();
        }
        for (size_t k2 = 0; k2 < cost->flags.size(); ++k2) mark(cost->flags[k2].kind.c_str(), cost->flags[k2].note, ("cost" + std::to_string(k2)).c_str());
        source_marker(c, cost->source, "cost");
    }
}

// ---- source tables, as printed ------------------------------------------------------------
void money_table(Ctx& c, const jup::MoneyTable& t) {
    ImGui::PushID(t.id.c_str());
    if (!ImGui::CollapsingHeader((t.title + " (" + t.unit + ")").c_str(), ImGuiTreeNodeFlags_DefaultOpen)) {
        ImGui::PopID();
        return;
    }
    if (!t.note.empty()) text_wrapped(t.note);
    source_marker(c, t.source, "t");
    flag_marks(c, t.flags, "t");
    ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit | ImGuiTableFlags_ScrollX;
    int ncol = 1 + (int)t.columns.size();
    float h = ImGui::GetTextLineHeightWithSpacing() * (t.rows.size() + 2.5f) + 20;
    if (ImGui::BeginTable("rows", ncol, flags, ImVec2(0, std::min(h, ImGui::GetFontSize() * 40)))) {
        ImGui::TableSetupScrollFreeze(1, 1);
        ImGui::TableSetupColumn("Line", ImGuiTableColumnFlags_WidthFixed, ImGui::GetFontSize() * 16);
        for (auto& col : t.columns) ImGui::TableSetupColumn(col.label.c_str());
        ImGui::TableHeadersRow();
        ImGuiListClipper clip;
        clip.Begin((int)t.rows.size());
        while (clip.Step())
            for (int ri = clip.DisplayStart; ri < clip.DisplayEnd; ++ri) {
                const jup::MoneyRow& r = t.rows[ri];
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                bool total = r.kind != "line";
                if (total) ImGui::PushFont(c.fonts.heading);
                ImGui::TextUnformatted(r.label.c_str());
                if (total) ImGui::PopFont();
                ImGui::PushID(r.id.c_str());
                source_marker(c, r.source, "r");
                flag_marks(c, r.flags, "r");
                ImGui::PopID();
                for (auto& col : t.columns) {
                    ImGui::TableNextColumn();
                    auto it = r.values.find(col.id);
                    if (it == r.values.end() || !it->second) {
                        ImGui::TextDisabled("-");
                        continue;
                    }
                    double v = *it->second;
                    char buf[64];
                    if (t.unit == "£k" || t.unit == "£") {
                        std::string g = jup::fmt::grouped(std::llround(std::fabs(v)));
                        std::snprintf(buf, sizeof buf, v < 0 ? "(%s)" : "%s", g.c_str());
                    } else std::snprintf(buf, sizeof buf, "%.3g", v);
                    if (v < 0) ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(0.95f, 0.5f, 0.15f, 1));
                    ImGui::TextUnformatted(buf);
                    if (v < 0) ImGui::PopStyleColor();
                    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s: %s\n%s", r.label.c_str(), col.label.c_str(), jup::fmt::money_short(v, t.unit).c_str());
                }
            }
        ImGui::EndTable();
    }
    ImGui::PopID();
}

void tables(Ctx& c) {
    const jup::Money& m = c.content.money;
    text_wrapped("The tables exactly as the source prints them, in its units. Brackets (and orange) mark negative numbers: overspends.");
    for (auto& rep : m.reports)
        for (auto& t : rep.tables) money_table(c, t);
    for (auto& t : m.series) money_table(c, t);
    for (auto& t : m.costs) money_table(c, t);
}

}  // namespace

void draw_pound(Ctx& c) {
    const Cache& k = cache_for(c);
    const jup::PoundModel& m = k.model;
    const float fs = ImGui::GetFontSize();
    std::string where = m.reports.size() == 1 ? "City & Hackney" : "London";
    heading(c, "The local pound: " + (m.reports.size() == 1 ? where + ", " + m.fy + ", month " + std::to_string(m.month) : m.title));
    if (m.reports.size() == 1) {
        ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
        text_wrapped(m.title + ". The NHS clinical commissioning group (CCG), the London Borough of Hackney and the City of London, "
                     "reported to their Integrated Commissioning Boards.");
        ImGui::PopStyleColor();
    }
    auto scopes = jup::pound_scopes(c.content.money);
    if (scopes.size() > 1) {
        ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * 36));
        std::string cur = m.title.empty() ? "Choose a place and year" : m.title;
        if (ImGui::BeginCombo("Place and year", cur.c_str(), ImGuiComboFlags_HeightLarge)) {
            for (auto& s : scopes)
                if (ImGui::Selectable((s.label + "##" + s.id).c_str(), s.id == k.scope)) c.emit("pound_scope", {{"scope", s.id}});
            ImGui::EndCombo();
        }
    }
    // Conventions, always on screen.
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
    ImGui::BeginChild("conv", ImVec2(0, 0), ImGuiChildFlags_AutoResizeY | ImGuiChildFlags_Border);
    ImGui::TextWrapped("Money is in pounds: \xC2\xA3" "620.0m is 620 million pounds, \xC2\xA3" "50k is 50 thousand. Variance = budget \xE2\x88\x92 spend: "
                       "a negative variance is an overspend (more spent than budgeted, orange), a positive one an underspend (purple). "
                       "Hover over, or move to with the Tab key, any figure to see where it comes from.");
    ImGui::EndChild();
    ImGui::PopStyleColor();
    if (m.lines.empty()) {
        ImGui::TextWrapped("This content pack has no budget tables for the local pound.");
        return;
    }
    key_figures(c, m);
    ImGui::Spacing();
    // Tabs as buttons: focusable, and driven by state.
    const char* tabs[][2] = {{"overview", "Overview"}, {"compare", "Compare"}, {"time", "Over time"}, {"whatif", "What if we pooled?"},
                             {"funds", "Funds"},       {"tables", "Source tables"}};
    for (int i = 0; i < 6; ++i) {
        if (i) ImGui::SameLine();
        bool on = c.state.pound.tab == tabs[i][0];
        if (on) {
            ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.13f, 0.33f, 0.70f, 1));
            ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
        }
        if (ImGui::Button(tabs[i][1])) c.emit("pound_tab", {{"tab", tabs[i][0]}});
        if (on) ImGui::PopStyleColor(2);
        if (ImGui::GetContentRegionAvail().x < fs * 8 && i < 5) ImGui::NewLine();
    }
    ImGui::Separator();
    const std::string& tab = c.state.pound.tab;
    if (tab == "compare") compare(c, k);
    else if (tab == "time") over_time(c, k);
    else if (tab == "whatif") whatif(c, k);
    else if (tab == "funds") funds(c);
    else if (tab == "tables") tables(c);
    else overview(c, k);
}

}  // namespace ui
