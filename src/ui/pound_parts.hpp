// Drawing pieces shared by the Local pound's tabs (pound_*.cpp): colours, focus, marks and
// tooltips. Layout only: every figure and wording comes from core/present/pound.
#pragma once
#include <string>
#include <vector>

#include "core/present/pound.hpp"
#include "imgui.h"
#include "ui/ui.hpp"

namespace ui::pound {

namespace pr = jup::present;

// ColorBrewer PuOr (colour-blind safe): orange = overspend, purple = underspend.
extern const ImVec4 kPuOr[7];
// Okabe-Ito, for categories (fund types, series).
extern const ImVec4 kBlue, kVermillion, kGreen, kSky, kYellow, kGrey, kPurple;
extern const ImVec4 kWarn;  // "!" notes

ImVec4 diverging(double t);  // t in [-1, 1]
ImVec4 variance_colour(double variance, double annual);
ImU32 text_on(const ImVec4& bg);
ImU32 u32(const ImVec4& v);
ImVec4 fund_colour(const std::string& fund_type);

std::string pct(double fraction, int decimals = 1);
bool nav_focused();
bool show_details();  // the last item is hovered, or focused from the keyboard

// A small inline mark ("derived", "contradicted") with its explanation on hover and focus.
void mark(const char* kind, const std::string& note, const char* id);
void marks(const std::vector<jup::Flag>& flags, const std::string& id);
void tooltip_width(float ems);  // the next tooltip: this many font sizes wide, or the screen's width
void tooltip_source(const Ctx& c, const jup::Source& s);
void tooltip_flags(const std::vector<jup::Flag>& flags);
void line_tooltip(const Ctx& c, const jup::BudgetLine& l);  // every column of a budget line
void swatch(const ImVec4& col);                              // a small square before a key's label
void disabled_text(const std::string& s);                    // wrapped, in the disabled colour
bool toggle_button(Flow& f, const std::string& label, bool on);  // a tab or a choice, marked when on
float key_width(const std::string& label);                   // a swatch and its label, for Flow
void key_item(Flow& f, const ImVec4& col, const std::string& label);  // a swatch and its label, wrapping

// The tabs (one file each).
void overview(Ctx& c, const pr::PoundPage& pg);
void compare(Ctx& c, const pr::PoundPage& pg);
void over_time(Ctx& c, const pr::PoundPage& pg);
void whatif(Ctx& c, const pr::PoundPage& pg);
void funds(Ctx& c, const pr::PoundPage& pg);
void tables(Ctx& c, const pr::PoundPage& pg);

}  // namespace ui::pound
