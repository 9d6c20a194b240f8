// Shared between the map view's files (map_view.cpp, map_card.cpp).
#pragma once
#include <string>

#include "imgui.h"
#include "ui/ui.hpp"

namespace ui::mapui {

// Colour-blind-safe ICS colours (Okabe & Ito), by ICS id; grey for unknown.
ImVec4 ics_color(const std::string& ics);
// Short code for a case study's marker: "CS5", "E1" (2018 example), "P1" (programme), "L".
std::string marker_code(const jup::Content& c, const jup::CaseStudy& cs);
void case_card(Ctx& c, const jup::CaseStudy& cs);
void draw_inset(Ctx& c, ImVec2 size);

}  // namespace ui::mapui
