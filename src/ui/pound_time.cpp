// Local pound, Over time tab: each monthly series as stacked bars of its parts, with the money
// received as diamonds, and its total row in words (core/present/pound prepares them).
#include <algorithm>
#include <cmath>

#include "imgui.h"
#include "ui/fit.hpp"
#include "ui/pound_parts.hpp"

namespace ui::pound {

namespace {

const ImVec4 kParts[] = {kBlue, kVermillion, kSky, kPurple, kGrey};

void month_tooltip(const Ctx& c, const pr::SeriesChart& ch, const pr::SeriesMonth& mo) {
    const jup::MoneyTable& t = *ch.table;
    tooltip_width(26);
    ImGui::BeginTooltip();
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted(mo.row->label.c_str());
    ImGui::PopFont();
    for (auto& col : t.columns) {
        auto it = mo.row->values.find(col.id);
        if (it == mo.row->values.end() || !it->second) ImGui::Text("%s: not given", col.label.c_str());
        else ImGui::Text("%s: %s", col.label.c_str(), pr::money(jup::to_pounds(*it->second, t.unit)).c_str());
    }
    if (!ch.received_note.empty()) disabled_text(ch.received_note);
    tooltip_flags(mo.row->flags);
    tooltip_source(c, mo.row->source);
    ImGui::EndTooltip();
}

void chart(Ctx& c, const pr::SeriesChart& ch) {
    const float fs = ImGui::GetFontSize();
    double lo = ch.lo, hi = ch.hi;
    // grid in £0.5m steps; the axis as wide as its widest amount
    double step = hi - lo > 1.2e6 ? 500e3 : 250e3;
    float axis = fs;
    for (double g = std::ceil(lo / step) * step; g <= hi; g += step) axis = std::max(axis, ImGui::CalcTextSize(pr::money(g).c_str()).x + 12);
    // On a touch screen each month is a finger wide: a long series scrolls sideways in its frame.
    float W = begin_wide("months", c.touch ? axis + 44.0f * (float)ch.months.size() : 0), H = fs * 16;
    ImVec2 p = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    float plot_w = W - axis, top = p.y + fs * 0.5f, bottom = p.y + H - fs * 2;
    auto Y = [&](double val) { return (float)(bottom - (val - lo) / (hi - lo) * (bottom - top)); };
    for (double g = std::ceil(lo / step) * step; g <= hi; g += step) {
        float y = Y(g);
        dl->AddLine(ImVec2(p.x + axis, y), ImVec2(p.x + W, y), g == 0 ? ImGui::GetColorU32(ImGuiCol_Text) : ImGui::GetColorU32(ImGuiCol_Border), g == 0 ? 2.f : 1.f);
        std::string lab = pr::money(g);
        dl->AddText(ImVec2(p.x + axis - ImGui::CalcTextSize(lab.c_str()).x - 6, y - fs * 0.6f), ImGui::GetColorU32(ImGuiCol_Text), lab.c_str());
    }
    float slot = plot_w / ch.months.size(), bw = slot * 0.5f;
    // Month names where they fit: on a phone every second or third month is named.
    float name_w = 0;
    for (auto& mo : ch.months) name_w = std::max(name_w, ImGui::CalcTextSize(mo.label.c_str()).x);
    size_t every = std::max<size_t>(1, (size_t)std::ceil((name_w + fs * 0.4f) / slot));
    for (size_t i = 0; i < ch.months.size(); ++i) {
        const pr::SeriesMonth& mo = ch.months[i];
        float x0 = p.x + axis + slot * i + (slot - bw) / 2;
        double pos = 0, neg = 0;
        for (size_t k = mo.parts.size(); k-- > 0;) {  // the last part at the bottom
            double val = mo.parts[k], base = val >= 0 ? pos : neg, end = base + val;
            dl->AddRectFilled(ImVec2(x0, std::min(Y(base), Y(end))), ImVec2(x0 + bw, std::max(Y(base), Y(end))), u32(kParts[k % 5]));
            (val >= 0 ? pos : neg) = end;
        }
        if (mo.received > 0) {
            float cx = x0 + bw / 2, cy = Y(mo.received), s = fs * 0.45f;
            dl->AddQuadFilled(ImVec2(cx, cy - s), ImVec2(cx + s, cy), ImVec2(cx, cy + s), ImVec2(cx - s, cy), u32(kGreen));
            dl->AddQuad(ImVec2(cx, cy - s), ImVec2(cx + s, cy), ImVec2(cx, cy + s), ImVec2(cx - s, cy), IM_COL32_WHITE, 1.5f);
        }
        if (i % every == 0)
            dl->AddText(ImVec2(x0 + bw / 2 - ImGui::CalcTextSize(mo.label.c_str()).x / 2, bottom + fs * 0.4f), ImGui::GetColorU32(ImGuiCol_Text), mo.label.c_str());
        // focusable month
        ImGui::SetCursorScreenPos(ImVec2(p.x + axis + slot * i, top));
        ImGui::PushID((int)i);
        ImGui::InvisibleButton("month", ImVec2(slot, bottom - top + fs * 1.6f));
        if (show_details()) {
            dl->AddRect(ImVec2(p.x + axis + slot * i, top), ImVec2(p.x + axis + slot * (i + 1), bottom + fs * 1.6f), ImGui::GetColorU32(ImGuiCol_NavHighlight), 0, 0, 2);
            month_tooltip(c, ch, mo);
        }
        ImGui::PopID();
    }
    ImGui::SetCursorScreenPos(ImVec2(p.x, p.y + H));
    ImGui::Dummy(ImVec2(W, 1));
    end_wide();
    // key, in the order the bars stack (top first)
    Flow key;
    for (size_t k = 0; k < ch.part_labels.size(); ++k) key_item(key, kParts[k % 5], ch.part_labels[k]);
    if (!ch.received_label.empty()) key_item(key, kGreen, ch.received_label);
}

}  // namespace

void over_time(Ctx& c, const pr::PoundPage& pg) {
    if (pg.series.empty()) {
        ImGui::TextWrapped("This content pack has no monthly figures.");
        return;
    }
    for (auto& ch : pg.series) {
        const jup::MoneyTable& t = *ch.table;
        ImGui::PushID(t.id.c_str());
        heading(c, ch.heading);
        text_wrapped(t.title);
        source_marker(c, t.source, "t");
        flag_marks(c, t.flags, "t");
        if (ch.months.empty()) {
            ImGui::PopID();
            continue;
        }
        ImGui::TextWrapped("Each month: spending above plan, split into its parts (bars), and the money received to cover it (green diamonds). "
                           "Below the line: months that came in under plan.");
        if (!t.sign_convention.empty()) disabled_text(t.sign_convention);
        chart(c, ch);
        if (ch.total) {
            text_wrapped(ch.summary);
            source_marker(c, ch.total->source, "tot");
            flag_marks(c, ch.total->flags, "tot");
        }
        ImGui::PopID();
        ImGui::Spacing();
    }
}

}  // namespace ui::pound
