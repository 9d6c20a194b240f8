// Benchmarks for the map's per-frame core work (compiled only with CATCH_CONFIG_ENABLE_BENCHMARKING,
// as bench_geo.cpp): what the view does each frame for London's 33 areas and for a synthetic layer
// of 5,000 polygons: hover hit test, projecting anchors and placing labels; and the one-off mesh build.
#ifdef CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/map_layout.hpp"
#include "core/state.hpp"

using namespace jup::map;

namespace {

jup::geo::Geo load_bundled() {
    std::ifstream f(std::string(JOINEDUP_DATA_DIR) + "/geo/london.json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    jup::geo::Geo g;
    std::string error;
    if (!jup::geo::load_geo(ss.str(), g, error)) FAIL("london.json: " << error);
    return g;
}

// The CPU side of one map frame: hover hit test, anchors to screen, label placement.
size_t frame_work(const std::vector<jup::geo::Area>& areas, const Camera& cam, Vec2 mouse) {
    int hover = jup::geo::hit_test(areas, cam.to_world(mouse));
    std::vector<LabelRequest> req;
    req.reserve(areas.size());
    const BBox vis = cam.visible();
    for (auto& a : areas) {
        if (!vis.contains(a.anchor)) continue;
        req.push_back({cam.to_screen(a.anchor), a.name.size() * 9.0, 22, (int)(a.area_m2 / 1e5)});
    }
    return place_labels(req, cam.view).size() + (size_t)(hover + 1);
}

}  // namespace

TEST_CASE("map benchmarks", "[!benchmark][map]") {
    const jup::geo::Geo g = load_bundled();
    Camera cam;
    cam.fit(g.bbox, {0, 0, 1200, 800}, 16);
    const Vec2 mouse{600, 400};
    BENCHMARK("frame: London's 33 areas (hit test + labels)") { return frame_work(g.areas, cam, mouse); };
    const TileGrid grid = tile_grid(g.bbox);
    BENCHMARK("build the GPU mesh for London's 33 areas") { return build_mesh(g.areas, grid, {0, 0}).fill.size(); };

    const auto layer = synthetic_layer(5000, g.bbox);
    BENCHMARK("frame: synthetic layer of 5,000 polygons (hit test + labels)") { return frame_work(layer, cam, mouse); };
    BENCHMARK("build the GPU mesh for 5,000 polygons") { return build_mesh(layer, grid, {0, 0}).fill.size(); };

    jup::LoadResult r = jup::load_content(jup::DirReader(JOINEDUP_DATA_DIR));
    jup::MapState f;
    f.themes = {"pounds", "place"};
    BENCHMARK("filter counts over the case studies") { return count(r.content, f).shown; };
}
#endif
