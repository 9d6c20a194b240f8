// Widgets whose label wraps to the width available instead of running past it. Dear ImGui draws
// a label's "\n" as a new line and sizes the widget to it, so a long label gets line breaks.
#pragma once
#include <string>

#include "imgui.h"

namespace ui {

// `label` with line breaks so that no line is wider than `width` (a word wider than that keeps
// a line of its own). Unchanged when it fits; when it breaks, its ID stays the one it had
// unbroken ("###"), so a header keeps its open state as the window is resized.
std::string wrap_label(const std::string& label, float width);

bool checkbox_wrapped(const std::string& label, bool* v);
bool radio_wrapped(const std::string& label, bool active);
bool header_wrapped(const std::string& label, ImGuiTreeNodeFlags flags = 0);  // a CollapsingHeader

}  // namespace ui
