// Widgets that fit a narrow screen (issue #15): a button whose label wraps instead of running
// past the edge, and a frame that scrolls sideways so a wide table never widens the page.
#pragma once

#include "ui/ui.hpp"

namespace ui {

// A Button as wide as its label, or as the space left if that is narrower: then the label wraps
// onto more lines inside it. `label` may carry an "##id".
bool fit_button(const char* label);
bool fit_button(Flow& f, const char* label);

// A CollapsingHeader whose label wraps onto more lines instead of being cut at the edge.
bool fit_header(const char* label, int tree_node_flags = 0);

// A frame as wide as the space, whose content scrolls sideways when it is wider; its height
// follows the content. Returns the width to lay the content out in: the space, or min_width if
// that is more. Always call end_wide().
float begin_wide(const char* id, float min_width);
void end_wide();

}  // namespace ui
