// GL resources and the ImDrawList callback that draws the case-study map with the shaders in
// shaders/map_*.glsl. The UI builds meshes in core (map_layout.hpp), hands them over once, and
// each frame queues a draw with the camera, the transition and the per-area colours.
#pragma once
#include <array>
#include <vector>

#include "core/map_layout.hpp"

struct ImDrawList;

namespace map_gl {

constexpr int kMaxColors = 64;

struct Outline {
    int area = -1;            // index into the mesh's areas, -1 for none
    float half_width = 1.5f;  // CSS pixels
    std::array<float, 4> color{0, 0, 0, 1};
};

struct DrawParams {
    int mesh = 0;                     // 0 London, 1 the synthetic benchmark layer
    jup::map::Rect view;              // map rectangle, CSS pixels (ImGui display coordinates)
    jup::geo::Vec2 centre;            // camera centre (world metres)
    double scale = 1;                 // CSS pixels per metre
    float t = 0;                      // 0 boundaries .. 1 tiles
    float tile_alpha = 0;             // the tile squares, faded in at the end of the transition
    std::array<std::array<float, 4>, kMaxColors> colors{};  // per area (area index % 64)
    float border_half_width = 0.75f;  // CSS pixels
    std::array<float, 4> border{1, 1, 1, 1};
    std::vector<Outline> outlines;    // hover and selection, drawn over the borders
};

// Uploads a mesh (replacing what was there). Returns false if GL is not ready.
bool set_mesh(int which, const jup::map::Mesh& mesh);
bool has_mesh(int which);
// Queues a draw into the list (ImDrawList callback, then ImDrawCallback_ResetRenderState).
// Params are copied; up to 4 draws per frame.
void queue(ImDrawList* list, const DrawParams& p);
// Touch points now down (for pinch zoom), in CSS pixels of a display w x h.
std::vector<jup::geo::Vec2> touch_fingers(float w, float h);
// Last shader compile/link problem, or empty.
const char* error();

}  // namespace map_gl
