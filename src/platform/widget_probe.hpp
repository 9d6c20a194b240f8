// Test hook: where each labelled widget was drawn in the last frame, so browser tests can click,
// tap and type into the canvas as a person would (window.joinedup.widgets()). Built on Dear
// ImGui's test-engine hooks (IMGUI_ENABLE_TEST_ENGINE); off until a test first asks, so a
// participant's frames pay next to nothing (only text fields are always noted).
#pragma once
#include <string>

namespace probe {

void new_frame();            // call after ImGui::NewFrame()
// [{"label": "Add reason", "id": "##reason", "kind": "button", "x", "y", "w", "h", "visible"}], CSS pixels.
// kind: button, input, checkbox, radio, tab, header, slider or other, from Dear ImGui's item status
// flags, and from the views where flags cannot tell (ui::item_kind: a radio button). label: the
// visible label, or a text field's hint or heading (ui::item_name) where its label is an "##id".
std::string widgets_json();
// How far the last frame drew past the viewport's right edge, in CSS px: 0 when everything fits,
// -1 until the probe is on (widgets_json() turns it on) and a frame was measured.
float overflow_px();
// Whether a text field was drawn at this point (CSS px) in the last frame. Always kept (it is
// small): the page focuses its text agent inside the tap itself, which phones require before
// they open the keyboard.
bool text_field_at(float x, float y);
// Whether the last frame showed a tooltip (what a hover or a long press shows).
bool tooltip_shown();

}  // namespace probe
