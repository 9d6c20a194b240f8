// Benchmarks for the geometry core. Catch2 v2 needs CATCH_CONFIG_ENABLE_BENCHMARKING defined in
// every translation unit of the test binary, so this file compiles to nothing unless the build
// defines it (a benchmark build, e.g. -DCATCH_CONFIG_ENABLE_BENCHMARKING for unit_tests).
#ifdef CATCH_CONFIG_ENABLE_BENCHMARKING
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <sstream>

#include "core/geo.hpp"

using namespace jup::geo;

namespace {

Geo load_bundled() {
    std::ifstream f(std::string(JOINEDUP_DATA_DIR) + "/geo/london.json", std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    Geo g;
    std::string error;
    if (!load_geo(ss.str(), g, error)) FAIL("london.json: " << error);
    return g;
}

// n star-shaped (so simple, mostly concave) polygons of 12..60 vertices on a 100 x 50 grid,
// every fourth one with a hole.
std::vector<Area> synthetic_layer(int n) {
    std::mt19937 rng(11);
    std::uniform_real_distribution<double> radius(0.45, 1.0);
    std::uniform_int_distribution<int> verts(12, 60);
    std::vector<Area> areas(n);
    for (int i = 0; i < n; ++i) {
        const double cx = (i % 100) * 1000.0 + 500, cy = (i / 100) * 1000.0 + 500;
        const int m = verts(rng);
        Ring outer;
        for (int k = 0; k < m; ++k) {
            double t = 2 * 3.14159265358979 * k / m, r = 450 * radius(rng);
            outer.push_back({cx + r * std::cos(t), cy + r * std::sin(t)});
        }
        Polygon p{{outer}, {}};
        if (i % 4 == 0) p.rings.push_back(Ring{{cx - 60, cy - 60}, {cx - 60, cy + 60}, {cx + 60, cy + 60}, {cx + 60, cy - 60}});
        areas[i].code = std::to_string(i);
        areas[i].polygons.push_back(std::move(p));
        areas[i].bbox = bbox_of(areas[i]);
    }
    return areas;
}

}  // namespace

TEST_CASE("geo benchmarks", "[!benchmark][geo]") {
    const Geo g = load_bundled();
    BENCHMARK("triangulate all 33 London areas") {
        std::size_t n = 0;
        for (const Area& a : g.areas)
            for (const Polygon& p : a.polygons) n += triangulate(p.rings).size();
        return n;
    };

    std::mt19937 rng(5);
    std::uniform_real_distribution<double> ux(g.bbox.min_x, g.bbox.max_x), uy(g.bbox.min_y, g.bbox.max_y);
    std::vector<Vec2> points(10000);
    for (Vec2& p : points) p = {ux(rng), uy(rng)};
    BENCHMARK("hit test 10,000 points over London") {
        int hits = 0;
        for (Vec2 p : points) hits += hit_test(g.areas, p) >= 0;
        return hits;
    };

    const std::vector<Area> layer = synthetic_layer(5000);
    BENCHMARK("triangulate a synthetic layer of 5,000 polygons") {
        std::size_t n = 0;
        for (const Area& a : layer) n += triangulate(a.polygons[0].rings).size();
        return n;
    };
    std::uniform_real_distribution<double> sx(0, 100000), sy(0, 50000);
    std::vector<Vec2> spoints(10000);
    for (Vec2& p : spoints) p = {sx(rng), sy(rng)};
    BENCHMARK("hit test 10,000 points over 5,000 polygons") {
        int hits = 0;
        for (Vec2 p : spoints) hits += hit_test(layer, p) >= 0;
        return hits;
    };
}
#endif
