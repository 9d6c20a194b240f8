// A finger on a touch screen, turned into what Dear ImGui understands (SDL's own touch-to-mouse
// emulation is off: it makes every drag a mouse drag, which selects and edits instead of scrolling).
// - A tap clicks where it lands.
// - A drag scrolls the window under the finger, sideways too, and glides on with momentum.
//   It never presses anything.
// - Over the area a view takes drags in itself (the map: UiState::touch_drag_area) a drag is a
//   mouse drag, so the map pans; two fingers there pinch (the map reads SDL's fingers).
// - A long press hovers: whatever a mouse hover shows (a source, a definition) shows, and stays
//   until the next touch.
#pragma once
#include <SDL.h>

namespace touch {

constexpr float kSlopPx = 10;            // a finger moving less than this is still a tap
constexpr double kLongPressMs = 500;

void install();  // once, at start: follows the page's touch events for the speed of a flick
// SDL finger events: returns true when it took the event. w, h: the window in CSS px;
// drag_area: x, y, w, h of where a drag is the view's own.
bool handle(const SDL_Event& e, float w, float h, const float drag_area[4], double now_ms);
// After ImGui::NewFrame(): scrolls by what the finger moved, glides, notices a long press.
void new_frame(double now_ms);
// A finger is down or the page is still gliding: keep drawing frames.
bool busy();

}  // namespace touch
