// Shared between the map view's files (map_view.cpp, map_card.cpp).
#pragma once
#include <string>

#include "core/present/case_card.hpp"
#include "core/present/map_page.hpp"
#include "imgui.h"
#include "ui/ui.hpp"

namespace ui::mapui {

// Colour-blind-safe ICS colours (Okabe & Ito), by the ICS's place in the pack; grey for -1.
ImVec4 ics_color(int palette);

struct MarkerColors {
    ImU32 bg, fg;
    bool light;  // a white marker (the key says so)
};
MarkerColors marker_colors(jup::present::MarkerStyle s);

void case_card(Ctx& c, const jup::present::CaseCard& k);
void draw_inset(Ctx& c, const jup::present::CloseUpView& cu, ImVec2 size);

}  // namespace ui::mapui
