// Geometry core for the case-study map: projection, simplification, triangulation, hit testing,
// label anchors, the editorial tile grid, and reading/writing the bundled data/geo/london.json
// (docs/data-format.md, "geo/london.json"). Plain C++17, no graphics.
//
// Conventions
// - Projected coordinates are metres, x east, y north (y up).
// - A Ring is implicitly closed: its last vertex is NOT a repeat of the first, and a valid ring
//   has at least 3 vertices. (simplify_ring also accepts and returns GeoJSON-style closed rings.)
// - A Polygon's rings[0] is the outer ring, rings[1..] are holes. Triangles are index triples into
//   the polygon's vertices numbered ring after ring (rings[0] first), counter-clockwise.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace jup::geo {

struct Vec2 {
    double x = 0, y = 0;
};
inline bool operator==(Vec2 a, Vec2 b) { return a.x == b.x && a.y == b.y; }
inline bool operator!=(Vec2 a, Vec2 b) { return !(a == b); }

struct BBox {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return min_x > max_x || min_y > max_y; }
    void extend(Vec2 p);
    void extend(const BBox& b);
    bool contains(Vec2 p) const { return p.x >= min_x && p.x <= max_x && p.y >= min_y && p.y <= max_y; }
    bool overlaps(const BBox& b) const {
        return !(b.min_x > max_x || b.max_x < min_x || b.min_y > max_y || b.max_y < min_y);
    }
};

using Ring = std::vector<Vec2>;

struct Polygon {
    std::vector<Ring> rings;               // rings[0] outer, rings[1..] holes
    std::vector<std::uint32_t> triangles;  // filled by triangulate(); 3 indices per triangle
};

struct Area {
    std::string code, name;        // e.g. "E09000012", "Hackney"
    std::vector<Polygon> polygons;  // a multipolygon
    Vec2 anchor;                    // label anchor: an interior point (pole of inaccessibility)
    BBox bbox;
    double area_m2 = 0;             // outer rings minus holes
    int tile_col = -1, tile_row = -1;  // position in the tile grid (-1: none)
};

struct Geo {
    std::string projection;   // human description of the projection
    std::string source;       // where the boundaries come from
    std::string licence;
    std::vector<std::string> attribution;  // lines that must be shown with the map
    double tolerance_m = 0;   // simplification tolerance used
    BBox bbox;
    std::vector<Area> areas;
    const Area* find(const std::string& code) const;
};

// ---- 1. projection ----------------------------------------------------------------------------
// Ellipsoidal transverse Mercator (the Ordnance Survey series formulas, "A guide to coordinate
// systems in Great Britain", Annex C; about 1 mm accurate within 3 degrees of the central meridian).
struct TransverseMercator {
    double a = 6378137.0, b = 6356752.314140;   // ellipsoid semi-axes (GRS80)
    double k0 = 1.0;                            // scale factor on the central meridian
    double lat0 = 51.5, lon0 = -0.1;            // true origin, degrees
    double false_easting = 0, false_northing = 0;

    // The map's projection: GRS80, origin 51.5 N 0.1 W, scale 1, no false origin. The input is
    // WGS84 lon/lat; WGS84 and GRS80 differ by < 0.1 mm here, so the ellipsoid choice is moot.
    static TransverseMercator london();
    // British National Grid parameters on Airy 1830 (input must be OSGB36 lon/lat: no datum shift).
    static TransverseMercator british_national_grid();

    Vec2 forward(double lon_deg, double lat_deg) const;  // -> metres (x east, y north)
    Vec2 inverse(Vec2 xy) const;                         // -> {lon_deg, lat_deg}
    std::string describe() const;
};

// ---- 2. simplification ------------------------------------------------------------------------
// Douglas-Peucker on one ring with a tolerance in metres. The ring keeps its first vertex and its
// form (closed input -> closed output with >= 4 points; open input -> open output with >= 3).
Ring simplify_ring(const Ring& ring, double tolerance_m);
// Douglas-Peucker over a set of areas that preserves shared boundaries: vertices where the set of
// rings sharing an edge changes are kept, and every shared arc is simplified once, the same way
// for both of its sides, so neighbours never gain gaps or overlaps. Arcs whose simplified form
// would cross another segment or swallow another ring are re-simplified at half the tolerance
// (repeatedly, down to keeping every vertex). Rings keep >= 3 vertices. Run snap_to_grid first if
// the output is to be rounded, so the checks hold for the rounded coordinates.
void simplify_shared(std::vector<Area>& areas, double tolerance_m);
// Snaps every vertex to a grid (e.g. 1 m) and drops consecutive duplicates.
// Rings that collapse below 3 vertices are removed; returns how many were removed.
int snap_to_grid(std::vector<Area>& areas, double grid_m);
std::size_t vertex_count(const Area& area);
std::size_t vertex_count(const std::vector<Area>& areas);
// True if no two non-adjacent edges of the ring intersect (O(n^2); for checking output).
bool ring_is_simple(const Ring& ring);

// ---- 3. triangulation -------------------------------------------------------------------------
// Ear clipping with holes bridged into the outer ring (after mapbox/earcut's algorithm), tolerant of
// collinear and duplicate vertices and any ring orientation. Returns CCW index triangles.
std::vector<std::uint32_t> triangulate(const std::vector<Ring>& rings);
void triangulate(Polygon& polygon);  // fills polygon.triangles
double signed_area(const Ring& ring);     // > 0 for counter-clockwise
double polygon_area(const Polygon& polygon);  // |outer| - sum |holes|
double area_of(const Area& area);
double triangles_area(const Polygon& polygon);  // sum of |triangle areas|

// ---- 4. hit testing and anchors ---------------------------------------------------------------
bool ring_contains(const Ring& ring, Vec2 p);  // even-odd crossing test
bool contains(const Polygon& polygon, Vec2 p);  // even-odd over its rings
bool contains(const Area& area, Vec2 p);        // even-odd over all rings of the multipolygon
// Index of the area containing p (bounding boxes first), or -1.
int hit_test(const std::vector<Area>& areas, Vec2 p);
// Signed distance from p to the polygon's boundary (positive inside).
double boundary_distance(const Polygon& polygon, Vec2 p);
// Pole of inaccessibility (polylabel): the interior point farthest from the boundary, to precision_m.
Vec2 pole_of_inaccessibility(const Polygon& polygon, double precision_m = 1.0);
// The anchor of an area: the pole of inaccessibility of its largest polygon.
Vec2 label_anchor(const Area& area, double precision_m = 1.0);
BBox bbox_of(const Area& area);
// bbox, area_m2, triangles and anchor of each area (anchor rounded to grid_m if > 0).
void finish_areas(std::vector<Area>& areas, double anchor_grid_m = 1.0);

// ---- 5. tile grid -----------------------------------------------------------------------------
struct Tile {
    const char* code;
    int col, row;  // row 0 at the top (north)
};
// Editorial layout of London's 33 areas as equal square tiles, after the widely used
// "London Squared" arrangement (8 columns x 7 rows). Not derived from the geometry.
const std::vector<Tile>& london_tiles();
const Tile* find_tile(const std::string& code);

// ---- 6. reading and writing -------------------------------------------------------------------
// Reads GeoJSON (FeatureCollection of Polygon/MultiPolygon features with properties code/name or
// lad20cd/lad20nm) into areas in lon/lat (x = lon, y = lat), closing duplicates removed.
bool read_geojson(const std::string& text, std::vector<Area>& out, std::string& error);
// Projects lon/lat areas in place.
void project(std::vector<Area>& areas, const TransverseMercator& tm);
// Writes the bundled format (compact, integer coordinates).
std::string write_geo(const Geo& geo);
// Reads and validates the bundled format. On failure returns false and sets error to
// "<JSON pointer>: <message>", e.g. "/areas/3/polygons/0/triangles/7: index 412 out of range".
bool load_geo(const std::string& json_text, Geo& out, std::string& error);

}  // namespace jup::geo
