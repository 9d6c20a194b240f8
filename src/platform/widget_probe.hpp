// Test hook: where each labelled widget was drawn in the last frame, so browser tests can click,
// tap and type into the canvas as a person would (window.joinedup.widgets()). Built on Dear
// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE); off until a test first asks, so a
// participant's frames pay nothing.
#pragma once
#include <string>

namespace probe {

void new_frame();            // call after ImGui::NewFrame()
std::string widgets_json();  // [{"label": "Add reason", "id": "##reason", "x", "y", "w", "h", "visible"}], CSS pixels

}  // namespace probe
