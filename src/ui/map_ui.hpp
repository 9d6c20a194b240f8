// What the map view keeps between frames that is not the session: the camera, the
// boundaries <-> tiles transition, hover and drag, and which geometry is on the GPU. Held by
// ui::UiState (ui.hpp), owned by the shell, so the view needs no static.
#pragma once
#include <string>
#include <vector>

#include "core/geo.hpp"
#include "core/map_layout.hpp"

namespace ui {

struct MapUi {
    const jup::geo::Geo* mesh_for = nullptr;  // the geometry uploaded as map_gl mesh 0
    bool mesh_ok = false;
    jup::map::TileGrid grid;
    jup::map::Camera cam;
    jup::map::Rect fitted_for;  // the rectangle the camera was last fitted to
    bool fitted = false;
    double t = 0, t_from = 0, t_to = 0, t_start = -1;  // transition progress towards tiles
    int hover = -1;             // the area under the mouse, or -1
    bool dragging = false;
    float pinch_dist = 0;       // the two fingers' distance last frame, 0 when not pinching
    bool owns_keys = false;     // the arrow keys are the map's while it has focus
    int bench_n = 0;            // the synthetic layer on the GPU as mesh 1
    std::vector<jup::geo::Area> bench;
    // A phone: the filters and list are in a sheet over the map's lower part. It opens by its
    // button and when a place or case study is chosen (sheet_for: the one it last opened for).
    bool sheet_open = false;
    std::string sheet_for;
};

}  // namespace ui
