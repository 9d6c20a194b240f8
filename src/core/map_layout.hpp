// What the case-study map needs beyond geometry (geo.hpp): the camera, label placement without
// collisions, where each case study sits, the filters and their counts, the tile layout and the
// boundary <-> tile transition, and the GPU-ready meshes. Plain C++17, no graphics.
//
// Screen coordinates are pixels, x right, y DOWN; world coordinates are projected metres, y up.
#pragma once
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/geo.hpp"
#include "core/map_state.hpp"

namespace jup::map {

using geo::BBox;
using geo::Vec2;

struct Rect {
    double x = 0, y = 0, w = 0, h = 0;  // screen pixels, (x, y) the top-left corner
    double right() const { return x + w; }
    double bottom() const { return y + h; }
    bool overlaps(const Rect& o) const { return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom(); }
    bool contains(const Rect& o) const { return o.x >= x && o.y >= y && o.right() <= right() && o.bottom() <= bottom(); }
    bool contains(Vec2 p) const { return p.x >= x && p.y >= y && p.x <= right() && p.y <= bottom(); }
};

// ---- camera -----------------------------------------------------------------------------------
struct Camera {
    Rect view;            // the map's rectangle on screen
    Vec2 centre;          // world point shown at the view's centre
    double scale = 1;     // pixels per metre
    double fit_scale = 1; // scale of the last fit(); zoom limits are relative to it

    static constexpr double kMinZoom = 0.5, kMaxZoom = 40;  // x fit_scale

    Vec2 to_screen(Vec2 w) const;
    Vec2 to_world(Vec2 s) const;
    // Shows all of `b` in `view` with `margin_px` kept clear on every side, centred.
    void fit(const BBox& b, const Rect& view, double margin_px);
    void pan(double dx_px, double dy_px);  // moves the content by (dx, dy) pixels
    // Multiplies the scale by `factor` (clamped to the zoom limits), keeping the world point under
    // `screen_pt` where it is.
    void zoom_about(Vec2 screen_pt, double factor);
    double zoom() const { return scale / fit_scale; }
    // Visible world rectangle.
    BBox visible() const;
};

// ---- labels -----------------------------------------------------------------------------------
struct LabelRequest {
    Vec2 anchor;          // screen point the label belongs to
    double w = 0, h = 0;  // box size in pixels
    int priority = 0;     // higher is placed first
};
struct PlacedLabel {
    int index = -1;  // into the requests
    Rect box;
};
// Greedy by priority (ties: request order): each label tries the box centred on its anchor, then
// boxes just above, below, right and left of it, and takes the first that stays inside `bounds`
// and overlaps neither a placed label nor an obstacle (boxes grown by `gap` pixels). Labels that
// fit nowhere are left out. Placed labels never overlap.
std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& requests, const Rect& bounds,
                                      const std::vector<Rect>& obstacles = {}, double gap = 2);

// ---- where case studies sit -------------------------------------------------------------------
enum class Level { London, Ics, Area };
struct Placement {
    int case_index = -1;  // into content.case_studies
    Level level = Level::Area;
    std::string where;    // "london", an ICS id or an area code (E09...)
};
// Borough-level ones on their borough (places below a borough, such as neighbourhoods and sites,
// climb to it), ICS-level ones on the ICS, London-wide ones on "london". One placement per case
// study and distinct place.
std::vector<Placement> placements(const Content& c);
// The area code a place belongs to ("" if none): itself for a borough or the City, else its parent's.
std::string area_of_place(const Content& c, const std::string& place_id);
std::string ics_of_area(const Content& c, const std::string& code);

// ---- filters and counts -----------------------------------------------------------------------
// "case-study" (the 2021 report's), "programme" (City & Hackney's programmes and case "L"),
// "example-2018" (the 2018 paper's examples).
std::string kind_group(const std::string& kind);
// "then" for the 2018 examples (2018 and before), "now" for 2019 on.
std::string era_of(const CaseStudy& cs);
// The ICSs a case study touches (through its places); London-wide ones touch none.
std::vector<std::string> icss_of(const Content& c, const CaseStudy& cs);
// True if the case study passes every facet of the filter (an empty facet passes everything).
bool passes(const Content& c, const CaseStudy& cs, const MapState& f);
struct Counts {
    int shown = 0, total = 0;
    // Faceted counts: how many would show with this value chosen and the other facets as they are.
    std::map<std::string, int> theme, ics, kind, era;
    std::map<std::string, int> area;  // shown case studies placed on each area (E09...)
    std::map<std::string, int> ics_level;  // shown case studies placed on the whole ICS
    int london = 0;                   // shown London-wide ones
};
Counts count(const Content& c, const MapState& f);

// ---- tiles and the transition -----------------------------------------------------------------
// World rectangles for a cols x rows tile grid centred on `world`, square tiles as large as fit,
// each tile inset by `gap` (a fraction of the tile size). Row 0 is the top.
struct TileGrid {
    Vec2 origin;       // top-left corner of the grid (world; y up so this is min_x, max_y)
    double size = 0;   // tile pitch in metres
    double gap = 0;    // fraction of the pitch left between tiles
    int cols = 8, rows = 7;
    BBox tile(int col, int row) const;  // the inset square
    Vec2 centre(int col, int row) const;
    BBox bounds() const;
};
TileGrid tile_grid(const BBox& world, int cols = 8, int rows = 7, double gap = 0.06);
// Where a boundary vertex goes in the tile layout: along the ray from the area's anchor through
// it, onto the edge of the tile square (centre, half side). The anchor goes to the centre.
Vec2 tile_target(Vec2 v, Vec2 anchor, Vec2 tile_centre, double half);
Vec2 lerp(Vec2 a, Vec2 b, double t);
// Smooth, monotonic ease from 0 to 1 (cubic in-out); clamps t to [0, 1].
double ease(double t);
// The transition's progress towards tiles at time `now` (seconds) for a transition that started at
// `start` from progress `from` towards `to` (0 boundaries, 1 tiles), lasting `duration` seconds.
double transition_progress(double from, double to, double start, double now, double duration);

// ---- marker and label positions during the transition ----------------------------------------
// An area's anchor, moving to its tile's centre as e goes from 0 (boundaries) to 1 (tiles).
Vec2 area_point(const geo::Area& a, const TileGrid& grid, double e);
// Where an ICS's markers go: the centre of its areas, weighted by area on the map (e < 0.5) and
// equally on tiles. (0, 0) if the ICS has no area.
Vec2 ics_point(const Content& c, const geo::Geo& g, const TileGrid& grid, const std::string& ics, double e);
// Boxes for a row of markers of these widths (pixels), centred on `at`, 4 px apart, wrapped into
// rows of at most max_w, each row mh high and 3 px below the last. A wrapped set (max_w < 1e8)
// grows upwards from `at`. With `nudge`, a set that would cover one of `taken` moves down, then
// up, a row at a time (at most 12 tries) to the first clear place; if none is clear it stays.
std::vector<Rect> marker_rows(Vec2 at, const std::vector<double>& widths, double max_w, double mh, bool nudge,
                              const std::vector<Rect>& taken);

// ---- GPU-ready meshes -------------------------------------------------------------------------
// Fill vertices: x, y (boundary), tx, ty (tile), area index  -> 5 floats each.
// Edge vertices: ax, ay, bx, by (segment in boundary), tax, tay, tbx, tby (in tiles), side, along,
//   area index -> 11 floats each; 4 per segment, 6 indices per segment.
// Coordinates are relative to `origin` (so floats keep metre precision).
struct Mesh {
    Vec2 origin;
    std::vector<float> fill;
    std::vector<std::uint32_t> fill_index;
    std::vector<float> edge;
    std::vector<std::uint32_t> edge_index;
    struct Range {
        std::uint32_t first = 0, count = 0;  // into the index arrays
    };
    std::vector<Range> area_fill, area_edge;  // per area
    std::vector<Range> tile_fill, tile_edge;  // per area: its tile square (boundary = tile position)
};
constexpr int kFillFloats = 5, kEdgeFloats = 11;
// `tiles` gives each area's tile (col,row) grid; areas without a tile morph to their own anchor.
Mesh build_mesh(const std::vector<geo::Area>& areas, const TileGrid& tiles, Vec2 origin);

// n synthetic star-shaped polygons over `world` (for benchmarks), triangulated, with bbox/anchor.
std::vector<geo::Area> synthetic_layer(int n, const BBox& world, unsigned seed = 11);

}  // namespace jup::map
