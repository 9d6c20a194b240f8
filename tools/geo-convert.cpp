// joinedup-geo <input.geojson> <output.json> [--tolerance metres]
//
// Converts the ONS London LAD GeoJSON (WGS84 lon/lat) into the bundled data/geo/london.json:
// projected to a local transverse Mercator (metres), simplified with shared boundaries kept
// shared, snapped to 1 m, triangulated, with label anchors, bounding boxes, areas and tiles.
// Format: docs/data-format.md, "geo/london.json".
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "core/geo.hpp"

using namespace jup::geo;

int main(int argc, char** argv) {
    std::string in, out;
    double tolerance = 25;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--tolerance" && i + 1 < argc) {
            tolerance = std::atof(argv[++i]);
        } else if (a.rfind("--", 0) == 0) {
            std::cerr << "unknown option " << a << "\n";
            return 2;
        } else if (in.empty()) {
            in = a;
        } else if (out.empty()) {
            out = a;
        } else {
            std::cerr << "too many arguments\n";
            return 2;
        }
    }
    if (in.empty() || out.empty() || !(tolerance >= 0)) {
        std::cerr << "usage: joinedup-geo <input.geojson> <output.json> [--tolerance metres]\n";
        return 2;
    }
    std::ifstream f(in, std::ios::binary);
    if (!f) {
        std::cerr << in << ": cannot read\n";
        return 1;
    }
    std::stringstream ss;
    ss << f.rdbuf();

    std::vector<Area> areas;
    std::string error;
    if (!read_geojson(ss.str(), areas, error)) {
        std::cerr << in << ": " << error << "\n";
        return 1;
    }
    const TransverseMercator tm = TransverseMercator::london();
    project(areas, tm);
    // Snap to 1 m first (the input's 5 decimals are about 1 m anyway), then simplify: the
    // simplified vertices are a subset of the snapped ones, so the crossing checks done while
    // simplifying hold for the coordinates written.
    const std::size_t before = vertex_count(areas);
    const int dropped = snap_to_grid(areas, 1.0);
    const std::size_t snapped = vertex_count(areas);
    simplify_shared(areas, tolerance);
    const std::size_t after = vertex_count(areas);

    int not_simple = 0;
    for (const Area& a : areas)
        for (const Polygon& p : a.polygons)
            for (const Ring& r : p.rings)
                if (!ring_is_simple(r)) {
                    ++not_simple;
                    std::cerr << "warning: " << a.code << ": a ring of " << r.size() << " vertices is not simple\n";
                }
    finish_areas(areas, 1.0);

    int bad = 0;
    for (std::size_t i = 0; i < areas.size(); ++i) {
        const Area& a = areas[i];
        double tri = 0;
        for (const Polygon& p : a.polygons) tri += triangles_area(p);
        const double err = std::fabs(tri - a.area_m2) / a.area_m2;
        const int hit = hit_test(areas, a.anchor);
        int hits = 0;
        for (const Area& b : areas) hits += contains(b, a.anchor);
        if (err > 1e-3 || hit != (int)i || hits != 1) {
            ++bad;
            std::fprintf(stderr, "error: %s: triangles %.0f m2 vs polygon %.0f m2, anchor hits %d areas\n",
                         a.code.c_str(), tri, a.area_m2, hits);
        }
        if (a.tile_col < 0) std::fprintf(stderr, "warning: %s has no tile\n", a.code.c_str());
    }

    Geo g;
    g.projection = tm.describe() + " (GRS80). Input: WGS84 longitude/latitude, no datum shift (WGS84 and GRS80 differ by under 0.1 mm here).";
    g.source =
        "Office for National Statistics, Local Authority Districts (May 2020) Boundaries UK BGC, London "
        "E09000001-E09000033, via github.com/open-innovations/geography-bits "
        "(commit cee1ccd5fe6f95ee40e01c0397dcf982249db225); projected, rounded to 1 m and simplified (Douglas-Peucker, " +
        std::to_string((int)std::lround(tolerance)) + " m, shared boundaries kept shared) by joinedup-geo";
    g.licence = "Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/)";
    g.attribution = {"Contains National Statistics data \xC2\xA9 Crown copyright and database right 2020",
                     "Contains OS data \xC2\xA9 Crown copyright and database right 2020"};
    g.tolerance_m = tolerance;
    for (const Area& a : areas) g.bbox.extend(a.bbox);
    g.areas = std::move(areas);

    const std::string text = write_geo(g);
    Geo check;
    if (!load_geo(text, check, error)) {
        std::cerr << "internal error: output does not load: " << error << "\n";
        return 1;
    }
    std::ofstream o(out, std::ios::binary);
    o << text;
    if (!o) {
        std::cerr << out << ": cannot write\n";
        return 1;
    }
    std::size_t tris = 0;
    for (const Area& a : g.areas)
        for (const Polygon& p : a.polygons) tris += p.triangles.size() / 3;
    std::printf("%zu areas; vertices %zu -> %zu after 1 m snapping -> %zu after simplification (%.0f m); "
                "%d rings dropped; %d rings not simple; %zu triangles; %zu bytes -> %s\n",
                g.areas.size(), before, snapped, after, tolerance, dropped, not_simple, tris, text.size(),
                out.c_str());
    return bad ? 1 : 0;
}
