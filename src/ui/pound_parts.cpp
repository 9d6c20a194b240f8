#include "ui/pound_parts.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "core/vocab.hpp"

namespace ui::pound {

const ImVec4 kPuOr[7] = {{0.702f, 0.345f, 0.024f, 1}, {0.945f, 0.639f, 0.251f, 1}, {0.996f, 0.878f, 0.714f, 1}, {0.969f, 0.969f, 0.969f, 1},
                         {0.847f, 0.855f, 0.922f, 1}, {0.600f, 0.557f, 0.765f, 1}, {0.329f, 0.153f, 0.533f, 1}};
const ImVec4 kBlue(0.000f, 0.447f, 0.698f, 1), kVermillion(0.835f, 0.369f, 0.000f, 1), kGreen(0.000f, 0.620f, 0.451f, 1),
    kSky(0.337f, 0.706f, 0.914f, 1), kYellow(0.941f, 0.894f, 0.259f, 1), kGrey(0.6f, 0.6f, 0.6f, 1), kPurple(0.800f, 0.475f, 0.655f, 1);
const ImVec4 kWarn(0.95f, 0.55f, 0.2f, 1);
constexpr double kColourRange = 0.05;  // ±5% of budget saturates the scale

ImVec4 diverging(double t) {
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

ImVec4 fund_colour(const std::string& f) {
    if (f == "pooled") return kGreen;
    if (f == "aligned") return kBlue;
    if (f == "in-collaboration") return kSky;
    if (f == "capital") return kYellow;
    return kGrey;
}

std::string pct(double f, int decimals) { return jup::fmt::percent(f, decimals); }
bool nav_focused() { return ImGui::IsItemFocused() && ImGui::GetIO().NavVisible; }
bool show_details() { return ImGui::IsItemHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem) || nav_focused(); }

void mark(const char* kind, const std::string& note, const char* id) {
    bool warn = jup::vocab::flag_warns(kind);
    ImGui::PushStyleColor(ImGuiCol_Button, warn ? ImVec4(0.80f, 0.30f, 0.0f, 1) : ImVec4(0.35f, 0.30f, 0.65f, 1));
    ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    // Slim beside text; on a touch screen (tall frames) still a finger's height.
    float pad_y = ImGui::GetStyle().FramePadding.y;
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, ImVec2(5, pad_y > 10 ? pad_y : 1));
    char label[96];
    std::snprintf(label, sizeof label, "%s %s##mk%s", warn ? "!" : "i", jup::vocab::flag_label(kind), id);
    Flow{true}.next(button_width(label));  // beside what came before, or under it
    ImGui::Button(label);
    ImGui::PopStyleVar();
    ImGui::PopStyleColor(2);
    if (show_details()) {
        tooltip_width(26);
        ImGui::BeginTooltip();
        ImGui::TextWrapped("%s: %s", jup::vocab::flag_label(kind), note.c_str());
        ImGui::EndTooltip();
    }
}

void marks(const std::vector<jup::Flag>& flags, const std::string& id) {
    for (size_t k = 0; k < flags.size(); ++k) mark(flags[k].kind.c_str(), flags[k].note, (id + std::to_string(k)).c_str());
}

void tooltip_width(float ems) {
    float screen = ImGui::GetMainViewport()->Size.x - 2 * ImGui::GetStyle().DisplaySafeAreaPadding.x;
    ImGui::SetNextWindowSize(ImVec2(std::min(ImGui::GetFontSize() * ems, screen), 0));
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
        ImGui::PushStyleColor(ImGuiCol_Text, warn ? kWarn : ImVec4(0.70f, 0.65f, 0.95f, 1));
        ImGui::TextWrapped("%s %s: %s", warn ? "!" : "i", jup::vocab::flag_label(f.kind), f.note.c_str());
        ImGui::PopStyleColor();
    }
}

void line_tooltip(const Ctx& c, const jup::BudgetLine& l) {
    const jup::Money& m = c.content.money;
    tooltip_width(30);
    ImGui::BeginTooltip();
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextWrapped("%s%s", l.label.c_str(), l.part.empty() ? "" : (" (" + l.part + " part)").c_str());
    ImGui::PopFont();
    ImGui::TextWrapped("%s \xC2\xB7 %s \xC2\xB7 %s", jup::group_label(m, jup::Level::Org, l.org).c_str(), jup::vocab::fund_label(l.fund_type),
                       jup::group_label(m, jup::Level::Workstream, l.workstream.empty() ? "none" : l.workstream).c_str());
    if (ImGui::BeginTable("cols", 2, ImGuiTableFlags_SizingFixedFit)) {
        auto row = [&](const char* k, const std::optional<double>& v, bool variance = false) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(k);
            ImGui::TableNextColumn();
            if (!v) ImGui::TextDisabled("not given in the source");
            else if (variance) ImGui::Text("%s (%s)", pr::money(*v).c_str(), pr::variance_words(*v).c_str());
            else ImGui::TextUnformatted(pr::money(*v).c_str());
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

void swatch(const ImVec4& col) {
    ImVec2 q = ImGui::GetCursorScreenPos();
    float s = ImGui::GetTextLineHeight() * 0.8f;
    ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(q.x, q.y + 2), ImVec2(q.x + s, q.y + 2 + s), u32(col));
    ImGui::Dummy(ImVec2(s, s));
    ImGui::SameLine();
}

bool toggle_button(Flow& f, const std::string& label, bool on) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.13f, 0.33f, 0.70f, 1));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    bool pressed = flow_button(f, label.c_str());
    if (on) ImGui::PopStyleColor(2);
    return pressed;
}

// A key's entry: a swatch, its label and a gap after it, so entries in a row stay apart.
float key_width(const std::string& label) {
    return ImGui::GetTextLineHeight() * 0.8f + ImGui::GetStyle().ItemSpacing.x + ImGui::CalcTextSize(label.c_str()).x + ImGui::GetFontSize() * 0.6f;
}

void key_item(Flow& f, const ImVec4& col, const std::string& label) {
    f.next(key_width(label));
    swatch(col);
    ImGui::TextUnformatted(label.c_str());
    ImGui::SameLine(0, 0);
    ImGui::Dummy(ImVec2(ImGui::GetFontSize() * 0.6f, 1));
}

void disabled_text(const std::string& s) {
    ImGui::PushStyleColor(ImGuiCol_Text, ImGui::GetStyleColorVec4(ImGuiCol_TextDisabled));
    text_wrapped(s);
    ImGui::PopStyleColor();
}

}  // namespace ui::pound
