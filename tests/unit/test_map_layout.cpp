// The map's core: camera, label placement, placements, filters and counts, tiles and transition.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include "core/map_layout.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using namespace jup::map;
using jup::geo::Vec2;

using testpack::bundled;
using testpack::run;

namespace {


const jup::geo::Geo& london() {
    static const jup::geo::Geo g = [] {
        std::ifstream f(std::string(JOINEDUP_DATA_DIR) + "/geo/london.json", std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        jup::geo::Geo g;
        std::string error;
        if (!jup::geo::load_geo(ss.str(), g, error)) throw std::runtime_error(error);
        return g;
    }();
    return g;
}

bool near(Vec2 a, Vec2 b, double eps = 1e-6) { return std::fabs(a.x - b.x) <= eps && std::fabs(a.y - b.y) <= eps; }

}  // namespace

TEST_CASE("camera: fit shows the whole box, centred, inside the margin", "[map][camera]") {
    Camera cam;
    BBox b;
    b.extend(Vec2{-28512, -23724});
    b.extend(Vec2{30110, 21347});
    Rect view{100, 50, 800, 600};
    cam.fit(b, view, 20);
    Vec2 tl = cam.to_screen({b.min_x, b.max_y}), br = cam.to_screen({b.max_x, b.min_y});
    REQUIRE(tl.x >= 120 - 1e-6);
    REQUIRE(tl.y >= 70 - 1e-6);
    REQUIRE(br.x <= 880 + 1e-6);
    REQUIRE(br.y <= 630 + 1e-6);
    // touches the margin on the limiting side (width here: 58.6 km over 760 px vs 45 km over 560 px)
    REQUIRE((std::fabs(tl.x - 120) < 1e-6 || std::fabs(tl.y - 70) < 1e-6));
    Vec2 c = cam.to_screen({(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2});
    REQUIRE(near(c, {500, 350}));
    // north is up
    REQUIRE(cam.to_screen({0, 1000}).y < cam.to_screen({0, 0}).y);
    REQUIRE(cam.zoom() == Approx(1));
}

TEST_CASE("camera: screen <-> world round-trips, pan moves content with the pointer", "[map][camera]") {
    Camera cam;
    BBox b;
    b.extend(Vec2{0, 0});
    b.extend(Vec2{1000, 500});
    cam.fit(b, {0, 0, 400, 300}, 0);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> u(-5000, 5000);
    for (int i = 0; i < 100; ++i) {
        Vec2 w{u(rng), u(rng)};
        REQUIRE(near(cam.to_world(cam.to_screen(w)), w, 1e-6));
    }
    Vec2 w{300, 200};
    Vec2 s0 = cam.to_screen(w);
    cam.pan(25, -10);
    Vec2 s1 = cam.to_screen(w);
    REQUIRE(near(s1, {s0.x + 25, s0.y - 10}, 1e-9));
}

TEST_CASE("camera: zoom keeps the point under the cursor and respects limits", "[map][camera]") {
    Camera cam;
    BBox b;
    b.extend(Vec2{0, 0});
    b.extend(Vec2{1000, 1000});
    cam.fit(b, {0, 0, 500, 500}, 0);
    Vec2 p{123, 321};
    Vec2 w = cam.to_world(p);
    cam.zoom_about(p, 2);
    REQUIRE(cam.zoom() == Approx(2));
    REQUIRE(near(cam.to_world(p), w, 1e-6));
    cam.zoom_about({400, 100}, 1000);
    REQUIRE(cam.zoom() == Approx(Camera::kMaxZoom));
    cam.zoom_about({10, 10}, 1e-6);
    REQUIRE(cam.zoom() == Approx(Camera::kMinZoom));
    cam.zoom_about({10, 10}, 0);  // ignored
    cam.zoom_about({10, 10}, NAN);
    REQUIRE(cam.zoom() == Approx(Camera::kMinZoom));
}

TEST_CASE("labels: placed labels never overlap each other or obstacles, and stay in bounds", "[map][labels]") {
    std::mt19937 rng(7);
    for (int round = 0; round < 50; ++round) {
        std::uniform_real_distribution<double> ux(0, 800), uy(0, 600), uw(20, 160), uh(16, 40);
        std::uniform_int_distribution<int> up(0, 5);
        std::vector<LabelRequest> req(200);
        for (auto& r : req) r = {{ux(rng), uy(rng)}, uw(rng), uh(rng), up(rng)};
        std::vector<Rect> obstacles{{100, 100, 50, 50}, {400, 300, 30, 30}};
        Rect bounds{0, 0, 800, 600};
        auto placed = place_labels(req, bounds, obstacles, 2);
        REQUIRE(!placed.empty());
        std::set<int> seen;
        for (size_t i = 0; i < placed.size(); ++i) {
            REQUIRE(seen.insert(placed[i].index).second);
            REQUIRE(bounds.contains(placed[i].box));
            REQUIRE(placed[i].box.w == req[placed[i].index].w);
            for (auto& o : obstacles) REQUIRE_FALSE(placed[i].box.overlaps(o));
            for (size_t j = i + 1; j < placed.size(); ++j) REQUIRE_FALSE(placed[i].box.overlaps(placed[j].box));
        }
    }
}

TEST_CASE("labels: higher priority wins a contested spot; the loser moves aside or drops out", "[map][labels]") {
    std::vector<LabelRequest> req{{{100, 100}, 80, 20, 1}, {{100, 100}, 80, 20, 5}};
    auto placed = place_labels(req, {0, 0, 400, 400});
    REQUIRE(placed.size() == 2);
    REQUIRE(placed[0].index == 1);  // placed first
    REQUIRE(placed[0].box.x == Approx(60));
    REQUIRE(placed[0].box.y == Approx(90));  // centred on its anchor
    REQUIRE(placed[1].box.y + placed[1].box.h <= 90);  // the other goes above
    // No room at all: the low-priority label is left out.
    auto tight = place_labels(req, {55, 85, 90, 30});
    REQUIRE(tight.size() == 1);
    REQUIRE(tight[0].index == 1);
}

TEST_CASE("labels: London's 33 names at fit zoom do not overlap", "[map][labels]") {
    Camera cam;
    cam.fit(london().bbox, {0, 0, 760, 560}, 10);
    std::vector<LabelRequest> req;
    for (auto& a : london().areas) req.push_back({cam.to_screen(a.anchor), a.name.size() * 8.5, 20, (int)(a.area_m2 / 1e6)});
    auto placed = place_labels(req, cam.view);
    REQUIRE(placed.size() >= 20);
    for (size_t i = 0; i < placed.size(); ++i)
        for (size_t j = i + 1; j < placed.size(); ++j) REQUIRE_FALSE(placed[i].box.overlaps(placed[j].box));
}

TEST_CASE("placements: borough, ICS and London-wide case studies land where they belong", "[map][placements]") {
    const auto& c = bundled();
    auto ps = placements(c);
    auto where = [&](const std::string& id) {
        std::set<std::string> s;
        for (auto& p : ps)
            if (c.case_studies[p.case_index].id == id) s.insert(p.where);
        return s;
    };
    REQUIRE(where("cs1") == std::set<std::string>{"london"});
    REQUIRE(where("cs6") == std::set<std::string>{"NCL"});
    REQUIRE(where("cs7") == std::set<std::string>{"SEL", "SWL"});
    REQUIRE(where("cs5") == std::set<std::string>{"E09000007"});
    // Neighbourhoods and sites climb to their borough (Lower Clapton -> Hackney Marshes -> Hackney).
    REQUIRE(where("c4-case-l") == std::set<std::string>{"E09000012"});
    REQUIRE(where("c4-pathway") == std::set<std::string>{"E09000012", "E09000001"});
    REQUIRE(area_of_place(c, "site-lower-clapton") == "E09000012");
    REQUIRE(area_of_place(c, "london").empty());
    REQUIRE(ics_of_area(c, "E09000001") == "NEL");
    for (auto& p : ps)
        if (p.level == Level::Area) REQUIRE(london().find(p.where) != nullptr);
}

TEST_CASE("filters: facets combine with AND, values within a facet with OR; counts agree", "[map][filters]") {
    const auto& c = bundled();
    jup::MapState f;
    Counts all = count(c, f);
    REQUIRE(all.total == (int)c.case_studies.size());
    REQUIRE(all.shown == all.total);
    REQUIRE(all.london == 1);
    REQUIRE(all.ics_level["NCL"] == 1);
    REQUIRE(all.area["E09000012"] == 3);  // pathway, neighbourhoods, case L
    REQUIRE(all.era["then"] + all.era["now"] == all.total);
    int kinds = 0;
    for (auto& [k, n] : all.kind) kinds += n;
    REQUIRE(kinds == all.total);
    REQUIRE(all.kind["example-2018"] == 3);

    f.era = "then";
    Counts then = count(c, f);
    REQUIRE(then.shown == 3);
    for (auto& cs : c.case_studies) REQUIRE(passes(c, cs, f) == (cs.kind == "example-2018"));

    f = {};
    f.icss = {"NEL"};
    Counts nel = count(c, f);
    for (auto& cs : c.case_studies) {
        auto icss = icss_of(c, cs);
        REQUIRE(passes(c, cs, f) == (std::find(icss.begin(), icss.end(), "NEL") != icss.end()));
    }
    REQUIRE(nel.london == 0);  // London-wide ones belong to no single ICS
    f.icss = {"NEL", "NCL"};
    REQUIRE(count(c, f).shown == nel.shown + all.ics["NCL"]
                                     - [&] { int n = 0; for (auto& cs : c.case_studies) { auto i = icss_of(c, cs); n += std::count(i.begin(), i.end(), "NEL") && std::count(i.begin(), i.end(), "NCL"); } return n; }());

    f = {};
    f.themes = {"pounds"};
    Counts pounds = count(c, f);
    REQUIRE(pounds.shown == all.theme["pounds"]);
    REQUIRE(pounds.shown > 0);
    REQUIRE(pounds.shown < all.total);
    f.kinds = {"programme"};
    Counts both = count(c, f);
    REQUIRE(both.shown <= pounds.shown);
    REQUIRE(both.shown == pounds.kind["programme"]);  // the faceted count predicted it
    int placed = both.london;
    for (auto& [k, n] : both.area) placed += n;
    for (auto& [k, n] : both.ics_level) placed += n;
    REQUIRE(placed >= both.shown);
}

TEST_CASE("tiles: the grid is square, inside the world box, and the transition ends on the tiles", "[map][tiles]") {
    const auto& g = london();
    TileGrid grid = tile_grid(g.bbox);
    BBox gb = grid.bounds();
    REQUIRE(gb.min_x >= g.bbox.min_x - 1e-6);
    REQUIRE(gb.max_x <= g.bbox.max_x + 1e-6);
    REQUIRE(gb.min_y >= g.bbox.min_y - 1e-6);
    REQUIRE(gb.max_y <= g.bbox.max_y + 1e-6);
    std::set<std::pair<int, int>> cells;
    for (auto& a : g.areas) {
        REQUIRE(a.tile_col >= 0);
        REQUIRE(cells.insert({a.tile_col, a.tile_row}).second);  // one tile each
        BBox t = grid.tile(a.tile_col, a.tile_row);
        REQUIRE(t.max_x - t.min_x == Approx(t.max_y - t.min_y));
    }
    // City of London gets as large a tile as Bromley.
    const auto* city = g.find("E09000001");
    const auto* bromley = g.find("E09000006");
    BBox tc = grid.tile(city->tile_col, city->tile_row), tb = grid.tile(bromley->tile_col, bromley->tile_row);
    REQUIRE(tc.max_x - tc.min_x == Approx(tb.max_x - tb.min_x));

    // tile_target puts every vertex on the tile's edge, in the same direction from the anchor.
    Vec2 c{10, 20};
    for (Vec2 v : {Vec2{5, 1}, Vec2{-3, 7}, Vec2{0, -2}, Vec2{100, 99}}) {
        Vec2 t = tile_target(v, {0, 0}, c, 4);
        REQUIRE(std::max(std::fabs(t.x - c.x), std::fabs(t.y - c.y)) == Approx(4));
        REQUIRE((t.x - c.x) * v.y == Approx((t.y - c.y) * v.x).margin(1e-9));
    }
    REQUIRE(near(tile_target({3, 3}, {3, 3}, c, 4), c));
    REQUIRE(near(lerp({0, 0}, {10, 20}, 0), {0, 0}));
    REQUIRE(near(lerp({0, 0}, {10, 20}, 1), {10, 20}));
    REQUIRE(near(lerp({0, 0}, {10, 20}, 0.5), {5, 10}));
    double prev = -1;
    for (int i = -5; i <= 105; ++i) {
        double e = ease(i / 100.0);
        REQUIRE(e >= prev);
        prev = e;
    }
    REQUIRE(ease(0) == 0);
    REQUIRE(ease(1) == 1);
    REQUIRE(transition_progress(0, 1, 10, 10.2, 0.4) == Approx(0.5));
    REQUIRE(transition_progress(1, 0, 10, 11, 0.4) == 0);
    REQUIRE(transition_progress(0.3, 1, 10, 9, 0.4) == Approx(0.3));  // before the start: where it was
}

TEST_CASE("mesh: fills cover each area, edges outline every ring, tiles are quads", "[map][mesh]") {
    const auto& g = london();
    TileGrid grid = tile_grid(g.bbox);
    Vec2 origin{(g.bbox.min_x + g.bbox.max_x) / 2, (g.bbox.min_y + g.bbox.max_y) / 2};
    Mesh m = build_mesh(g.areas, grid, origin);
    REQUIRE(m.area_fill.size() == g.areas.size());
    REQUIRE(m.fill.size() % kFillFloats == 0);
    REQUIRE(m.edge.size() % kEdgeFloats == 0);
    const auto nv = m.fill.size() / kFillFloats;
    for (auto i : m.fill_index) REQUIRE(i < nv);
    for (auto i : m.edge_index) REQUIRE(i < m.edge.size() / kEdgeFloats);
    for (size_t ai = 0; ai < g.areas.size(); ++ai) {
        size_t tris = 0, segs = 0;
        for (auto& p : g.areas[ai].polygons) {
            tris += p.triangles.size();
            for (auto& r : p.rings) segs += r.size();
        }
        REQUIRE(m.area_fill[ai].count == tris);
        REQUIRE(m.area_edge[ai].count == segs * 6);
        REQUIRE(m.tile_fill[ai].count == 6);
        REQUIRE(m.tile_edge[ai].count == 24);
        // the area index attribute is the area's
        REQUIRE(m.fill[m.fill_index[m.area_fill[ai].first] * kFillFloats + 4] == (float)ai);
    }
    // Tile targets of Hackney's vertices lie on Hackney's tile edge.
    size_t hk = 0;
    while (g.areas[hk].code != "E09000012") ++hk;
    BBox t = grid.tile(g.areas[hk].tile_col, g.areas[hk].tile_row);
    auto first = m.fill_index[m.area_fill[hk].first];
    float tx = m.fill[first * kFillFloats + 2] + (float)origin.x, ty = m.fill[first * kFillFloats + 3] + (float)origin.y;
    REQUIRE(tx >= t.min_x - 1);
    REQUIRE(tx <= t.max_x + 1);
    REQUIRE(ty >= t.min_y - 1);
    REQUIRE(ty <= t.max_y + 1);
}

TEST_CASE("synthetic layer: n simple triangulated polygons inside the box", "[map][bench]") {
    BBox b;
    b.extend(Vec2{0, 0});
    b.extend(Vec2{60000, 45000});
    auto layer = synthetic_layer(500, b);
    REQUIRE(layer.size() == 500);
    for (auto& a : layer) {
        REQUIRE(b.contains({a.bbox.min_x, a.bbox.min_y}));
        REQUIRE(b.contains({a.bbox.max_x, a.bbox.max_y}));
        REQUIRE(jup::geo::triangles_area(a.polygons[0]) == Approx(a.area_m2).epsilon(1e-6));
        REQUIRE(jup::geo::contains(a, a.anchor));
    }
}
