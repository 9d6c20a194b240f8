#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <random>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/geo.hpp"

using namespace jup::geo;
using json = nlohmann::json;

namespace {

const double kPi = 3.14159265358979323846;

std::string read_text(const std::string& path) {
    std::ifstream f(path, std::ios::binary);
    std::stringstream ss;
    ss << f.rdbuf();
    return ss.str();
}

const std::string& bundled_text() {
    static const std::string text = read_text(std::string(JOINEDUP_DATA_DIR) + "/geo/london.json");
    return text;
}

const Geo& bundled() {
    static const Geo geo = [] {
        Geo g;
        std::string error;
        if (!load_geo(bundled_text(), g, error)) FAIL("data/geo/london.json does not load: " << error);
        return g;
    }();
    return geo;
}

// Independent of geo.cpp: winding number (non-zero rule) over every ring of an area. For the
// bundled data (simple rings, holes inside outers, polygons apart) it must agree with even-odd.
int winding(const Ring& r, Vec2 p) {
    int w = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
        Vec2 a = r[i], b = r[(i + 1) % r.size()];
        double side = (b.x - a.x) * (p.y - a.y) - (b.y - a.y) * (p.x - a.x);
        if (a.y <= p.y) {
            if (b.y > p.y && side > 0) ++w;
        } else if (b.y <= p.y && side < 0) {
            --w;
        }
    }
    return w;
}
bool brute_inside(const Area& a, Vec2 p) {
    int w = 0;
    for (const Polygon& poly : a.polygons)
        for (const Ring& r : poly.rings) w += winding(r, p);
    return w != 0;
}

Ring square(double x0, double y0, double side, bool ccw = true) {
    Ring r{{x0, y0}, {x0 + side, y0}, {x0 + side, y0 + side}, {x0, y0 + side}};
    if (!ccw) std::reverse(r.begin(), r.end());
    return r;
}

std::vector<Vec2> vertices(const Polygon& p) {
    std::vector<Vec2> v;
    for (const Ring& r : p.rings) v.insert(v.end(), r.begin(), r.end());
    return v;
}

double tri_signed(Vec2 a, Vec2 b, Vec2 c) { return ((b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x)) / 2; }

// Checks a triangulation: indices in range, triangles counter-clockwise, each triangle's centroid
// inside the polygon, and the triangles' total area equal to the polygon's within rel.
void check_triangulation(const Polygon& p, double expected_area, double rel) {
    const auto v = vertices(p);
    REQUIRE(p.triangles.size() % 3 == 0);
    REQUIRE(!p.triangles.empty());
    double sum = 0;
    for (std::size_t t = 0; t < p.triangles.size(); t += 3) {
        for (int k = 0; k < 3; ++k) REQUIRE(p.triangles[t + k] < v.size());
        Vec2 a = v[p.triangles[t]], b = v[p.triangles[t + 1]], c = v[p.triangles[t + 2]];
        double s = tri_signed(a, b, c);
        REQUIRE(s >= 0);
        sum += s;
        if (s > 1e-9 * expected_area) {
            Vec2 g{(a.x + b.x + c.x) / 3, (a.y + b.y + c.y) / 3};
            INFO("triangle " << t / 3 << " centroid " << g.x << "," << g.y);
            REQUIRE(contains(p, g));
        }
    }
    REQUIRE(sum == Approx(expected_area).epsilon(rel));
}

double dist_to_ring(Vec2 p, const Ring& r) {
    double best = 1e300;
    for (std::size_t i = 0; i < r.size(); ++i) {
        Vec2 a = r[i], b = r[(i + 1) % r.size()];
        double dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
        double t = len2 > 0 ? std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0) : 0;
        best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
    }
    return best;
}

}  // namespace

// ---- projection -------------------------------------------------------------------------------

TEST_CASE("geo: projection: the origin maps to (0,0) and 1 km east/north to ~1000 m", "[geo][projection]") {
    const auto tm = TransverseMercator::london();
    Vec2 o = tm.forward(-0.1, 51.5);
    REQUIRE(std::fabs(o.x) < 1e-6);
    REQUIRE(std::fabs(o.y) < 1e-6);

    // 1 km along the parallel / meridian on a sphere of radius 6371 km (independent of the ellipsoid).
    const double R = 6371000, lat = 51.5 * kPi / 180;
    const double dlon = 1000 / (R * std::cos(lat)) * 180 / kPi, dlat = 1000 / R * 180 / kPi;
    Vec2 e = tm.forward(-0.1 + dlon, 51.5);
    REQUIRE(e.x == Approx(1000).epsilon(0.01));
    REQUIRE(std::fabs(e.y) < 1.0);
    Vec2 n = tm.forward(-0.1, 51.5 + dlat);
    REQUIRE(n.y == Approx(1000).epsilon(0.01));
    REQUIRE(std::fabs(n.x) < 1e-6);
    Vec2 w = tm.forward(-0.1 - dlon, 51.5);
    REQUIRE(w.x == Approx(-1000).epsilon(0.01));
}

TEST_CASE("geo: projection: the Ordnance Survey worked example on the National Grid", "[geo][projection]") {
    // "A guide to coordinate systems in Great Britain", Annex C: 52°39'27.2531"N 1°43'4.5177"E (OSGB36)
    // -> E 651409.903 m, N 313177.270 m.
    const auto bng = TransverseMercator::british_national_grid();
    const double lat = 52 + 39 / 60.0 + 27.2531 / 3600, lon = 1 + 43 / 60.0 + 4.5177 / 3600;
    Vec2 p = bng.forward(lon, lat);
    REQUIRE(p.x == Approx(651409.903).margin(0.002));
    REQUIRE(p.y == Approx(313177.270).margin(0.002));
    Vec2 back = bng.inverse(p);
    REQUIRE(back.x == Approx(lon).margin(1e-8));
    REQUIRE(back.y == Approx(lat).margin(1e-8));
}

TEST_CASE("geo: projection: inverse undoes forward across London", "[geo][projection]") {
    const auto tm = TransverseMercator::london();
    for (double lon = -0.55; lon <= 0.35; lon += 0.15)
        for (double lat = 51.25; lat <= 51.75; lat += 0.1) {
            Vec2 ll = tm.inverse(tm.forward(lon, lat));
            REQUIRE(ll.x == Approx(lon).margin(1e-9));
            REQUIRE(ll.y == Approx(lat).margin(1e-9));
        }
    REQUIRE_THAT(tm.describe(), Catch::Contains("51.5N") && Catch::Contains("0.1W"));
}

// ---- simplification ---------------------------------------------------------------------------

TEST_CASE("geo: simplification keeps rings closed, within tolerance, and reduces vertices", "[geo][simplify]") {
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> jitter(-2, 2);
    Ring ring;
    for (int i = 0; i < 400; ++i) {
        double t = 2 * kPi * i / 400;
        ring.push_back({1000 * std::cos(t) + jitter(rng), 1000 * std::sin(t) + jitter(rng)});
    }
    Ring closed = ring;
    closed.push_back(closed.front());

    Ring s = simplify_ring(closed, 10);
    REQUIRE(s.size() >= 4);
    REQUIRE(s.size() < closed.size() / 4);
    REQUIRE(s.front() == s.back());  // still closed
    REQUIRE(s.front() == closed.front());
    Ring s_open(s.begin(), s.end() - 1);
    REQUIRE(ring_is_simple(s_open));
    for (Vec2 p : ring) REQUIRE(dist_to_ring(p, s_open) <= 10 + 1e-9);  // Douglas-Peucker's guarantee
    for (Vec2 p : s) REQUIRE(std::find(ring.begin(), ring.end(), p) != ring.end());  // a subset

    // an open ring stays open, and a huge tolerance still leaves a valid ring
    Ring o = simplify_ring(ring, 1e6);
    REQUIRE(o.size() == 3);
    REQUIRE(o.front() != o.back());
    REQUIRE(std::fabs(signed_area(o)) > 0);
    Ring tiny = simplify_ring(Ring{{0, 0}, {1, 0}, {0, 1}, {0, 0}}, 1e6);
    REQUIRE(tiny.size() == 4);

    // collinear points go, corners stay
    Ring sq{{0, 0}, {5, 0}, {10, 0}, {10, 5}, {10, 10}, {5, 10}, {0, 10}, {0, 5}};
    Ring sq2 = simplify_ring(sq, 0.1);
    REQUIRE(sq2.size() == 4);
    REQUIRE(std::fabs(signed_area(sq2)) == Approx(100));
}

TEST_CASE("geo: shared simplification simplifies a shared border the same way on both sides", "[geo][simplify]") {
    // Two areas sharing a wavy border near x = 0, simplified with a tolerance of about the waves' size.
    Ring border;
    for (int i = 0; i <= 100; ++i) border.push_back({12 * std::sin(0.37 * i) + 4 * std::sin(1.3 * i), 10.0 * i});
    Ring left{{-500, 1000}, {-500, 0}};
    left.insert(left.end(), border.begin(), border.end());  // up the border, then back west
    Ring right{{500, 0}, {500, 1000}};
    right.insert(right.end(), border.rbegin(), border.rend());
    std::rotate(right.begin(), right.begin() + 23, right.end());  // R's ring starts mid-border
    std::vector<Area> areas(2);
    areas[0].code = "L";
    areas[0].polygons.push_back(Polygon{{left}, {}});
    areas[1].code = "R";
    areas[1].polygons.push_back(Polygon{{right}, {}});
    REQUIRE(signed_area(left) * signed_area(right) > 0);  // both same orientation: a valid pair

    auto border_points = [](const Ring& r) {
        std::set<std::pair<double, double>> s;
        for (Vec2 v : r)
            if (std::fabs(v.x) < 100) s.insert({v.x, v.y});
        return s;
    };
    // Per-ring simplification treats the two sides differently (so this case discriminates)...
    REQUIRE(border_points(simplify_ring(left, 6)) != border_points(simplify_ring(right, 6)));
    // ...shared simplification does not.
    simplify_shared(areas, 6);
    const Ring& l = areas[0].polygons[0].rings[0];
    const Ring& r = areas[1].polygons[0].rings[0];
    REQUIRE(l.size() < left.size() / 2);
    REQUIRE(border_points(l).size() >= 2);
    REQUIRE(border_points(l) == border_points(r));
    for (Vec2 v : border) REQUIRE(dist_to_ring(v, l) <= 6 + 1e-9);
    finish_areas(areas, 0);
    std::mt19937 rng(3);
    std::uniform_real_distribution<double> ux(-499, 499), uy(1, 999);
    for (int i = 0; i < 2000; ++i) {
        Vec2 p{ux(rng), uy(rng)};
        REQUIRE(contains(areas[0], p) != contains(areas[1], p));  // no gaps, no overlaps
    }
}

TEST_CASE("geo: shared simplification neither crosses nor swallows a neighbour", "[geo][simplify]") {
    // A's top edge dips 15 m into a bay; with a 20 m tolerance Douglas-Peucker would cut the bay off.
    // B pokes into the bay (the chord would cross it); C is an island wholly inside the bay (the
    // chord would swallow it without crossing anything). Both must keep the dip.
    for (bool island : {false, true}) {
        Ring a{{0, 0}, {100, 0}, {100, 100}, {50, 85}, {0, 100}};
        Ring b = island ? Ring{{45, 90}, {55, 90}, {50, 97}} : Ring{{45, 95}, {55, 95}, {50, 140}};
        std::vector<Area> areas(2);
        areas[0].polygons.push_back(Polygon{{a}, {}});
        areas[1].polygons.push_back(Polygon{{b}, {}});
        const Vec2 in_b = island ? Vec2{50, 92} : Vec2{50, 96};
        REQUIRE(contains(areas[1], in_b));
        REQUIRE_FALSE(contains(areas[0], in_b));
        std::vector<Area> plain = areas;
        for (Area& x : plain)
            for (Polygon& p : x.polygons)
                for (Ring& r : p.rings) r = simplify_ring(r, 20);
        REQUIRE(contains(plain[0], in_b));  // per-ring simplification does cut the bay off
        simplify_shared(areas, 20);
        INFO(island);
        REQUIRE(areas[0].polygons[0].rings[0].size() == 5);
        REQUIRE_FALSE(contains(areas[0], in_b));
        REQUIRE(contains(areas[1], in_b));
    }
}

// ---- triangulation ----------------------------------------------------------------------------

TEST_CASE("geo: triangulation: a square with a square hole", "[geo][triangulate]") {
    for (bool hole_ccw : {false, true}) {
        Polygon p{{square(0, 0, 10), square(3, 3, 4, hole_ccw)}, {}};
        triangulate(p);
        REQUIRE(p.triangles.size() == 3 * 8);  // n + 2h - 2 triangles
        REQUIRE(polygon_area(p) == 84);
        check_triangulation(p, 84, 1e-12);
        REQUIRE(triangles_area(p) == Approx(84).epsilon(1e-12));
        REQUIRE_FALSE(contains(p, Vec2{5, 5}));
        REQUIRE(contains(p, Vec2{1, 5}));
    }
    // an outer ring given clockwise and two holes
    Polygon q{{square(0, 0, 10, false), square(1, 1, 2), square(6, 6, 3, false)}, {}};
    triangulate(q);
    check_triangulation(q, 100 - 4 - 9, 1e-12);
}

TEST_CASE("geo: triangulation: concave, collinear and duplicate vertices", "[geo][triangulate]") {
    // A comb: three teeth pointing up; area 10x2 base + 3 teeth of 2x6.
    Ring comb{{0, 0}, {10, 0}, {10, 8}, {8, 8}, {8, 2}, {6, 2}, {6, 8}, {4, 8}, {4, 2}, {2, 2}, {2, 8}, {0, 8}};
    Polygon p{{comb}, {}};
    triangulate(p);
    REQUIRE(polygon_area(p) == 20 + 36);
    check_triangulation(p, 56, 1e-12);

    // Collinear points along edges and a repeated vertex.
    Ring messy{{0, 0}, {2, 0}, {4, 0}, {4, 0}, {6, 0}, {6, 3}, {6, 6}, {3, 6}, {3, 3}, {3, 3}, {0, 3}, {0, 1.5}};
    Polygon m{{messy}, {}};
    triangulate(m);
    REQUIRE(polygon_area(m) == Approx(27));
    check_triangulation(m, 27, 1e-12);

    // A hole touching the outer ring at a vertex (shares (5,0)).
    Polygon t{{Ring{{0, 0}, {5, 0}, {10, 0}, {10, 10}, {0, 10}}, Ring{{5, 0}, {4, 3}, {6, 3}}}, {}};
    triangulate(t);
    check_triangulation(t, 100 - 3, 1e-12);

    // Degenerate input gives no triangles rather than garbage.
    REQUIRE(triangulate(std::vector<Ring>{Ring{{0, 0}, {1, 1}, {2, 2}}}).empty());
    REQUIRE(triangulate(std::vector<Ring>{}).empty());
}

TEST_CASE("geo: triangulation of every London area matches its polygon area within 0.1%", "[geo][triangulate][data]") {
    const Geo& g = bundled();
    REQUIRE(g.areas.size() == 33);
    double total = 0;
    for (const Area& a : g.areas) {
        INFO(a.code << " " << a.name);
        double tri = 0, poly = 0;
        for (const Polygon& p : a.polygons) {
            for (const Ring& r : p.rings) REQUIRE(ring_is_simple(r));
            check_triangulation(p, polygon_area(p), 1e-3);
            tri += triangles_area(p);
            poly += polygon_area(p);
            // and a fresh triangulation of the stored rings does as well
            Polygon fresh{p.rings, {}};
            triangulate(fresh);
            REQUIRE(triangles_area(fresh) == Approx(polygon_area(p)).epsilon(1e-3));
        }
        REQUIRE(tri == Approx(poly).epsilon(1e-3));
        REQUIRE(a.area_m2 == Approx(poly).margin(1));
        total += poly;
    }
    // Greater London is about 1,572 km2; the City about 2.9 km2: a check on the projection's scale.
    REQUIRE(total > 1.55e9);
    REQUIRE(total < 1.60e9);
    REQUIRE(g.find("E09000001")->area_m2 == Approx(2.9e6).epsilon(0.05));
}

// ---- hit testing and anchors ------------------------------------------------------------------

TEST_CASE("geo: each area's anchor hits that area and no other", "[geo][hit][data]") {
    const Geo& g = bundled();
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        const Area& a = g.areas[i];
        INFO(a.code << " " << a.name << " anchor " << a.anchor.x << "," << a.anchor.y);
        REQUIRE(hit_test(g.areas, a.anchor) == (int)i);
        int n = 0;
        for (const Area& b : g.areas) n += brute_inside(b, a.anchor);
        REQUIRE(n == 1);
        // well inside: the largest polygon's pole of inaccessibility is far from the boundary
        double d = -1e300;
        for (const Polygon& p : a.polygons) d = std::max(d, boundary_distance(p, a.anchor));
        REQUIRE(d > 150);
    }
}

TEST_CASE("geo: the anchor is an interior point even where the centroid is not", "[geo][hit]") {
    // A C shape: its centroid lies in the gap.
    Ring c{{0, 0}, {10, 0}, {10, 2}, {2, 2}, {2, 8}, {10, 8}, {10, 10}, {0, 10}};
    Area a;
    a.polygons.push_back(Polygon{{c}, {}});
    REQUIRE_FALSE(contains(a, Vec2{4.4, 5}));  // about where the centroid is
    Vec2 p = label_anchor(a, 0.01);
    REQUIRE(contains(a, p));
    REQUIRE(boundary_distance(a.polygons[0], p) > 0.9);
}

TEST_CASE("geo: hit testing agrees with a brute-force test on random points", "[geo][hit][data]") {
    const Geo& g = bundled();
    std::mt19937 rng(2024);
    std::uniform_real_distribution<double> ux(g.bbox.min_x, g.bbox.max_x), uy(g.bbox.min_y, g.bbox.max_y);
    int hits = 0, multiple = 0;
    for (int i = 0; i < 10000; ++i) {
        Vec2 p{ux(rng), uy(rng)};
        int expected = -1, n = 0;
        for (std::size_t k = 0; k < g.areas.size(); ++k)
            if (brute_inside(g.areas[k], p)) {
                if (expected < 0) expected = (int)k;
                ++n;
            }
        INFO("point " << p.x << "," << p.y);
        REQUIRE(hit_test(g.areas, p) == expected);
        hits += expected >= 0;
        multiple += n > 1;
    }
    REQUIRE(multiple == 0);  // shared borders stayed shared: no overlaps
    REQUIRE(hits > 4000);    // London fills well over half of its bounding box
    REQUIRE(hits < 9000);
    REQUIRE(hit_test(g.areas, Vec2{1e7, 1e7}) == -1);
}

// ---- tile grid --------------------------------------------------------------------------------

TEST_CASE("geo: the tile grid has 33 non-overlapping tiles that keep rough geography", "[geo][tiles]") {
    const auto& tiles = london_tiles();
    REQUIRE(tiles.size() == 33);
    std::set<std::string> codes;
    std::set<std::pair<int, int>> cells;
    for (const Tile& t : tiles) {
        codes.insert(t.code);
        cells.insert({t.col, t.row});
        REQUIRE(t.col >= 0);
        REQUIRE(t.row >= 0);
        REQUIRE(t.col < 8);
        REQUIRE(t.row < 7);
    }
    REQUIRE(codes.size() == 33);
    REQUIRE(cells.size() == 33);  // equal unit tiles on distinct cells cannot overlap
    for (int i = 1; i <= 33; ++i) {
        char code[16];
        std::snprintf(code, sizeof code, "E090000%02d", i);
        REQUIRE(find_tile(code) != nullptr);
    }
    REQUIRE(find_tile("E09000034") == nullptr);

    // Rough geography: for pairs of areas whose anchors are > 5 km apart east-west (north-south),
    // the tiles' order agrees with the map's in at least 85% of pairs, and never reverses by > 1.
    const Geo& g = bundled();
    int agree_x = 0, total_x = 0, agree_y = 0, total_y = 0;
    for (const Area& a : g.areas)
        for (const Area& b : g.areas) {
            if (a.code >= b.code) continue;
            REQUIRE(a.tile_col == find_tile(a.code)->col);
            REQUIRE(a.tile_row == find_tile(a.code)->row);
            double dx = b.anchor.x - a.anchor.x, dy = b.anchor.y - a.anchor.y;
            int dc = b.tile_col - a.tile_col, dr = b.tile_row - a.tile_row;
            if (std::fabs(dx) > 5000) {
                ++total_x;
                agree_x += (dx > 0 && dc >= 0) || (dx < 0 && dc <= 0);
                INFO(a.name << " / " << b.name);
                REQUIRE(!((dx > 0 && dc < -1) || (dx < 0 && dc > 1)));
            }
            if (std::fabs(dy) > 5000) {
                ++total_y;
                agree_y += (dy > 0 && dr <= 0) || (dy < 0 && dr >= 0);  // rows grow southwards
                INFO(a.name << " / " << b.name);
                REQUIRE(!((dy > 0 && dr > 1) || (dy < 0 && dr < -1)));
            }
        }
    REQUIRE(agree_x >= 0.85 * total_x);
    REQUIRE(agree_y >= 0.85 * total_y);
}

// ---- reading ----------------------------------------------------------------------------------

TEST_CASE("geo: load_geo reads the bundled file and round-trips through write_geo", "[geo][load][data]") {
    const Geo& g = bundled();
    REQUIRE(g.areas.size() == 33);
    REQUIRE(g.find("E09000012")->name == "Hackney");
    REQUIRE(g.attribution.size() == 2);
    REQUIRE_THAT(g.attribution[1], Catch::Contains("OS data"));
    REQUIRE_THAT(g.licence, Catch::Contains("Open Government Licence v3.0"));
    REQUIRE(vertex_count(g.areas) < 6000);  // simplified from 6,480
    REQUIRE(bundled_text().size() < 250 * 1024);
    for (const Area& a : g.areas) {
        BBox b = bbox_of(a);
        REQUIRE(b.min_x == a.bbox.min_x);
        REQUIRE(b.max_y == a.bbox.max_y);
        for (const Polygon& p : a.polygons)
            for (const Ring& r : p.rings)
                for (Vec2 v : r) REQUIRE(v.x == std::round(v.x));  // integers: 1 m grid
    }
    Geo again;
    std::string error;
    REQUIRE(load_geo(write_geo(g), again, error));
    REQUIRE(error.empty());
    REQUIRE(again.areas.size() == g.areas.size());
    REQUIRE(vertex_count(again.areas) == vertex_count(g.areas));
    REQUIRE(again.areas[7].polygons[0].triangles == g.areas[7].polygons[0].triangles);
}

TEST_CASE("geo: load_geo rejects malformed input naming a JSON pointer", "[geo][load]") {
    const json good = json::parse(bundled_text());
    auto reject = [](const json& doc, const std::string& pointer) {
        Geo g;
        g.areas.resize(1);
        std::string error;
        INFO("expected pointer " << pointer);
        REQUIRE_FALSE(load_geo(doc.dump(), g, error));
        INFO("error: " << error);
        REQUIRE(error.rfind(pointer + ":", 0) == 0);
        REQUIRE(g.areas.size() == 1);  // output untouched on failure
    };
    {
        json d = good;
        d["areas"][2]["polygons"][0]["triangles"][5] = 100000;
        reject(d, "/areas/2/polygons/0/triangles/5");
    }
    {
        json d = good;
        d["areas"][0]["polygons"][0]["rings"][0].push_back(7);
        reject(d, "/areas/0/polygons/0/rings/0");
    }
    {
        json d = good;
        d["areas"][4]["polygons"][0]["rings"][0][3] = "12";
        reject(d, "/areas/4/polygons/0/rings/0/3");
    }
    {
        json d = good;
        d["areas"][1].erase("code");
        reject(d, "/areas/1");
    }
    {
        json d = good;
        d["areas"][3]["code"] = d["areas"][2]["code"];
        reject(d, "/areas/3/code");
    }
    {
        json d = good;
        d["areas"][5]["anchor"] = json::array({1});
        reject(d, "/areas/5/anchor");
    }
    {
        json d = good;
        d["areas"][6]["polygons"][0]["triangles"].erase(0);
        reject(d, "/areas/6/polygons/0/triangles");
    }
    {
        json d = good;
        d["attribution"] = json::array();
        reject(d, "/attribution");
    }
    {
        json d = good;
        d["format"] = "geojson";
        reject(d, "/format");
    }
    reject(json::array(), "/");
    Geo g;
    std::string error;
    REQUIRE_FALSE(load_geo("{\"format\": ", g, error));
    REQUIRE(error.rfind("/: ", 0) == 0);
}

TEST_CASE("geo: read_geojson reads polygons and multipolygons and reports bad features", "[geo][geojson]") {
    const std::string text = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"A","name":"Square"},
       "geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,0],[1,1],[0,1],[0,0]]]}},
      {"type":"Feature","properties":{"lad20cd":"B","lad20nm":"Two"},
       "geometry":{"type":"MultiPolygon","coordinates":[[[[0,0],[1,0],[0,1],[0,0]]],[[[5,5],[6,5],[5,6],[5,5]]]]}}]})";
    std::vector<Area> areas;
    std::string error;
    REQUIRE(read_geojson(text, areas, error));
    REQUIRE(areas.size() == 2);
    REQUIRE(areas[0].polygons[0].rings[0].size() == 4);  // closing point and duplicate dropped
    REQUIRE(areas[1].code == "B");
    REQUIRE(areas[1].name == "Two");
    REQUIRE(areas[1].polygons.size() == 2);

    const std::string bad = R"({"type":"FeatureCollection","features":[
      {"type":"Feature","properties":{"code":"A"},"geometry":{"type":"Point","coordinates":[0,0]}}]})";
    REQUIRE_FALSE(read_geojson(bad, areas, error));
    REQUIRE(error.rfind("/features/0/geometry:", 0) == 0);
}
