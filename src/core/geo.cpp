#include "core/geo.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <deque>
#include <map>
#include <queue>
#include <set>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "core/json_in.hpp"

namespace jup::geo {

using json = nlohmann::json;

namespace {
constexpr double kPi = 3.14159265358979323846;
constexpr double kDeg = kPi / 180.0;
}  // namespace

void BBox::extend(Vec2 p) {
    min_x = std::min(min_x, p.x);
    min_y = std::min(min_y, p.y);
    max_x = std::max(max_x, p.x);
    max_y = std::max(max_y, p.y);
}

void BBox::extend(const BBox& o) {
    if (o.empty()) return;
    extend(Vec2{o.min_x, o.min_y});
    extend(Vec2{o.max_x, o.max_y});
}

const Area* Geo::find(const std::string& code) const {
    for (const Area& a : areas)
        if (a.code == code) return &a;
    return nullptr;
}

// =============================================================================================
// 1. Projection
// =============================================================================================

TransverseMercator TransverseMercator::london() { return TransverseMercator{}; }

TransverseMercator TransverseMercator::british_national_grid() {
    TransverseMercator t;
    t.a = 6377563.396;
    t.b = 6356256.909;
    t.k0 = 0.9996012717;
    t.lat0 = 49.0;
    t.lon0 = -2.0;
    t.false_easting = 400000;
    t.false_northing = -100000;
    return t;
}

namespace {
// Meridional arc from lat0 to phi (OS guide C1), scaled by k0.
double meridional_arc(const TransverseMercator& t, double phi) {
    const double n = (t.a - t.b) / (t.a + t.b), n2 = n * n, n3 = n2 * n;
    const double p0 = t.lat0 * kDeg, d = phi - p0, s = phi + p0;
    return t.b * t.k0 *
           ((1 + n + 1.25 * n2 + 1.25 * n3) * d - (3 * n + 3 * n2 + 21.0 / 8 * n3) * std::sin(d) * std::cos(s) +
            (15.0 / 8 * n2 + 15.0 / 8 * n3) * std::sin(2 * d) * std::cos(2 * s) -
            35.0 / 24 * n3 * std::sin(3 * d) * std::cos(3 * s));
}
}  // namespace

Vec2 TransverseMercator::forward(double lon_deg, double lat_deg) const {
    const double phi = lat_deg * kDeg, dl = (lon_deg - lon0) * kDeg;
    const double e2 = (a * a - b * b) / (a * a);
    const double sp = std::sin(phi), cp = std::cos(phi), tp = std::tan(phi), t2 = tp * tp, t4 = t2 * t2;
    const double w = 1 - e2 * sp * sp;
    const double nu = a * k0 / std::sqrt(w);
    const double rho = a * k0 * (1 - e2) / (w * std::sqrt(w));
    const double eta2 = nu / rho - 1;
    const double M = meridional_arc(*this, phi);
    const double I = M + false_northing;
    const double II = nu / 2 * sp * cp;
    const double III = nu / 24 * sp * cp * cp * cp * (5 - t2 + 9 * eta2);
    const double IIIA = nu / 720 * sp * std::pow(cp, 5) * (61 - 58 * t2 + t4);
    const double IV = nu * cp;
    const double V = nu / 6 * cp * cp * cp * (nu / rho - t2);
    const double VI = nu / 120 * std::pow(cp, 5) * (5 - 18 * t2 + t4 + 14 * eta2 - 58 * t2 * eta2);
    const double l2 = dl * dl;
    Vec2 r;
    r.y = I + II * l2 + III * l2 * l2 + IIIA * l2 * l2 * l2;
    r.x = false_easting + IV * dl + V * l2 * dl + VI * l2 * l2 * dl;
    return r;
}

Vec2 TransverseMercator::inverse(Vec2 xy) const {
    const double e2 = (a * a - b * b) / (a * a);
    double phi = (xy.y - false_northing) / (a * k0) + lat0 * kDeg;
    double M = meridional_arc(*this, phi);
    for (int i = 0; i < 20 && std::fabs(xy.y - false_northing - M) >= 1e-5; ++i) {
        phi += (xy.y - false_northing - M) / (a * k0);
        M = meridional_arc(*this, phi);
    }
    const double sp = std::sin(phi), cp = std::cos(phi), tp = std::tan(phi), t2 = tp * tp, t4 = t2 * t2;
    const double w = 1 - e2 * sp * sp;
    const double nu = a * k0 / std::sqrt(w);
    const double rho = a * k0 * (1 - e2) / (w * std::sqrt(w));
    const double eta2 = nu / rho - 1;
    const double sec = 1 / cp;
    const double VII = tp / (2 * rho * nu);
    const double VIII = tp / (24 * rho * std::pow(nu, 3)) * (5 + 3 * t2 + eta2 - 9 * t2 * eta2);
    const double IX = tp / (720 * rho * std::pow(nu, 5)) * (61 + 90 * t2 + 45 * t4);
    const double X = sec / nu;
    const double XI = sec / (6 * std::pow(nu, 3)) * (nu / rho + 2 * t2);
    const double XII = sec / (120 * std::pow(nu, 5)) * (5 + 28 * t2 + 24 * t4);
    const double XIIA = sec / (5040 * std::pow(nu, 7)) * (61 + 662 * t2 + 1320 * t4 + 720 * t4 * t2);
    const double E = xy.x - false_easting, E2 = E * E;
    const double lat = phi - VII * E2 + VIII * E2 * E2 - IX * E2 * E2 * E2;
    const double lon = lon0 * kDeg + X * E - XI * E2 * E + XII * E2 * E2 * E - XIIA * E2 * E2 * E2 * E;
    return Vec2{lon / kDeg, lat / kDeg};
}

std::string TransverseMercator::describe() const {
    char buf[400];
    std::snprintf(buf, sizeof buf,
                  "Transverse Mercator (Ordnance Survey series formulas) on the ellipsoid a=%.3f m, b=%.6f m; "
                  "true origin %g%s %g%s, scale factor %.10g, false easting %.0f m, false northing %.0f m; "
                  "x east, y north, metres",
                  a, b, std::fabs(lat0), lat0 < 0 ? "S" : "N", std::fabs(lon0), lon0 < 0 ? "W" : "E", k0,
                  false_easting, false_northing);
    return buf;
}

// =============================================================================================
// 2. Simplification
// =============================================================================================

namespace {
double seg_dist2(Vec2 p, Vec2 a, Vec2 b) {
    double dx = b.x - a.x, dy = b.y - a.y;
    double t = 0, len2 = dx * dx + dy * dy;
    if (len2 > 0) t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0, 1.0);
    double ex = a.x + t * dx - p.x, ey = a.y + t * dy - p.y;
    return ex * ex + ey * ey;
}

// Marks the points of pts[first..last] that Douglas-Peucker keeps (endpoints are kept by the caller).
void dp_mark(const std::vector<Vec2>& pts, std::size_t first, std::size_t last, double tol2, std::vector<char>& keep) {
    std::vector<std::pair<std::size_t, std::size_t>> stack{{first, last}};
    while (!stack.empty()) {
        auto [i, j] = stack.back();
        stack.pop_back();
        if (j <= i + 1) continue;
        double best = -1;
        std::size_t idx = i;
        for (std::size_t k = i + 1; k < j; ++k) {
            double d = seg_dist2(pts[k], pts[i], pts[j]);
            if (d > best) best = d, idx = k;
        }
        if (best > tol2) {
            keep[idx] = 1;
            stack.push_back({i, idx});
            stack.push_back({idx, j});
        }
    }
}

// The vertex farthest from pts[from] (used to split a ring into two arcs).
std::size_t farthest_from(const std::vector<Vec2>& pts, std::size_t from) {
    std::size_t idx = from;
    double best = -1;
    for (std::size_t k = 0; k < pts.size(); ++k) {
        double dx = pts[k].x - pts[from].x, dy = pts[k].y - pts[from].y, d = dx * dx + dy * dy;
        if (d > best) best = d, idx = k;
    }
    return idx;
}

// Ensures an open ring keeps >= 3 vertices: adds back the original vertex farthest from the kept ones.
void ensure_three(const Ring& ring, std::vector<char>& keep) {
    auto kept = [&] { return (std::size_t)std::count(keep.begin(), keep.end(), 1); };
    while (kept() < 3 && kept() < ring.size()) {
        double best = -1;
        std::size_t idx = 0;
        for (std::size_t k = 0; k < ring.size(); ++k) {
            if (keep[k]) continue;
            double d = 1e300;
            // distance to the polyline of kept vertices (as a closed ring)
            std::vector<Vec2> kp;
            for (std::size_t m = 0; m < ring.size(); ++m)
                if (keep[m]) kp.push_back(ring[m]);
            for (std::size_t m = 0; m < kp.size(); ++m) d = std::min(d, seg_dist2(ring[k], kp[m], kp[(m + 1) % kp.size()]));
            if (d > best) best = d, idx = k;
        }
        keep[idx] = 1;
    }
}
}  // namespace

Ring simplify_ring(const Ring& ring, double tolerance_m) {
    bool closed = ring.size() >= 2 && ring.front() == ring.back();
    Ring open(ring.begin(), ring.end() - (closed ? 1 : 0));
    if (open.size() <= 3) return ring;
    const double tol2 = tolerance_m * tolerance_m;
    std::vector<char> keep(open.size(), 0);
    std::size_t far = farthest_from(open, 0);
    keep[0] = keep[far] = 1;
    std::vector<Vec2> pts(open.begin(), open.end());
    pts.push_back(open[0]);  // so the arc far..n closes back to vertex 0
    std::vector<char> keep2(pts.size(), 0);
    dp_mark(pts, 0, far, tol2, keep2);
    dp_mark(pts, far, pts.size() - 1, tol2, keep2);
    for (std::size_t k = 0; k < open.size(); ++k) keep[k] = keep[k] || keep2[k];
    ensure_three(open, keep);
    Ring out;
    for (std::size_t k = 0; k < open.size(); ++k)
        if (keep[k]) out.push_back(open[k]);
    if (closed) out.push_back(out.front());
    return out;
}

namespace {
struct PtKey {
    double x, y;
    bool operator<(const PtKey& o) const { return x < o.x || (x == o.x && y < o.y); }
    bool operator==(const PtKey& o) const { return x == o.x && y == o.y; }
};
PtKey key(Vec2 p) { return PtKey{p.x, p.y}; }
struct EdgeKey {
    PtKey a, b;  // a < b
    bool operator<(const EdgeKey& o) const {
        if (a < o.a) return true;
        if (o.a < a) return false;
        return b < o.b;
    }
};
EdgeKey edge_key(Vec2 p, Vec2 q) {
    PtKey a = key(p), b = key(q);
    if (b < a) std::swap(a, b);
    return EdgeKey{a, b};
}
}  // namespace

namespace {
double cross(Vec2 a, Vec2 b, Vec2 c) { return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x); }
int sgn(double v) { return (v > 0) - (v < 0); }

// Segments that cross, or where an endpoint of one lies inside the other (not at its ends).
bool segments_conflict(Vec2 a, Vec2 b, Vec2 c, Vec2 d) {
    int o1 = sgn(cross(a, b, c)), o2 = sgn(cross(a, b, d)), o3 = sgn(cross(c, d, a)), o4 = sgn(cross(c, d, b));
    if (o1 * o2 < 0 && o3 * o4 < 0) return true;
    auto inside = [](Vec2 p, Vec2 q, Vec2 r) {  // q strictly between p and r (collinear assumed)
        if (q == p || q == r) return false;
        return (q.x - p.x) * (q.x - r.x) + (q.y - p.y) * (q.y - r.y) < 0;
    };
    if (o1 == 0 && inside(a, c, b)) return true;
    if (o2 == 0 && inside(a, d, b)) return true;
    if (o3 == 0 && inside(c, a, d)) return true;
    if (o4 == 0 && inside(c, b, d)) return true;
    return false;
}

struct Arc {
    std::vector<Vec2> pts;  // canonical direction
    double tol;
    std::vector<char> keep;
};
struct ArcUse {
    int arc;
    bool reversed;
    std::vector<std::size_t> idx;  // ring indices of the arc's points, in ring order
};
}  // namespace

void simplify_shared(std::vector<Area>& areas, double tolerance_m) {
    // Every ring gets an id; every edge records the rings that use it.
    std::vector<Ring*> rings;
    for (Area& a : areas)
        for (Polygon& p : a.polygons)
            for (Ring& r : p.rings) rings.push_back(&r);
    std::map<EdgeKey, std::vector<int>> edges;
    for (int id = 0; id < (int)rings.size(); ++id) {
        const Ring& r = *rings[id];
        for (std::size_t i = 0; i < r.size(); ++i) {
            auto& v = edges[edge_key(r[i], r[(i + 1) % r.size()])];
            if (std::find(v.begin(), v.end(), id) == v.end()) v.push_back(id);
        }
    }
    auto users = [&](Vec2 p, Vec2 q) {
        std::vector<int> v = edges[edge_key(p, q)];
        std::sort(v.begin(), v.end());
        return v;
    };
    // Split rings into arcs between nodes; an arc shared by two rings is stored once.
    std::vector<Arc> arcs;
    std::map<std::vector<PtKey>, int> arc_ids;
    std::vector<std::vector<ArcUse>> uses(rings.size());
    for (std::size_t ri = 0; ri < rings.size(); ++ri) {
        const Ring& r = *rings[ri];
        const std::size_t n = r.size();
        if (n <= 3) continue;  // nothing to simplify
        std::vector<char> node(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            if (users(r[(i + n - 1) % n], r[i]) != users(r[i], r[(i + 1) % n])) node[i] = 1;
        if (std::count(node.begin(), node.end(), 1) == 0) {
            // One neighbour all round (or none): fix the lexicographically smallest vertex and the
            // vertex farthest from it, which both sides choose alike.
            std::size_t lo = 0;
            for (std::size_t i = 1; i < n; ++i)
                if (key(r[i]) < key(r[lo])) lo = i;
            node[lo] = 1;
            node[farthest_from(r, lo)] = 1;
        }
        const std::size_t start = std::find(node.begin(), node.end(), 1) - node.begin();
        std::size_t i = start;
        do {
            std::size_t j = (i + 1) % n;
            while (!node[j]) j = (j + 1) % n;
            ArcUse use;
            for (std::size_t k = i;; k = (k + 1) % n) {
                use.idx.push_back(k);
                if (k == j && use.idx.size() > 1) break;
            }
            std::vector<PtKey> sig;
            for (std::size_t k : use.idx) sig.push_back(key(r[k]));
            std::vector<PtKey> rev(sig.rbegin(), sig.rend());
            use.reversed = rev < sig;
            const std::vector<PtKey>& canon = use.reversed ? rev : sig;
            auto it = arc_ids.find(canon);
            if (it == arc_ids.end()) {
                Arc arc;
                for (const PtKey& k : canon) arc.pts.push_back(Vec2{k.x, k.y});
                arc.tol = tolerance_m;
                arcs.push_back(std::move(arc));
                it = arc_ids.emplace(canon, (int)arcs.size() - 1).first;
            }
            use.arc = it->second;
            uses[ri].push_back(std::move(use));
            i = j;
        } while (i != start);
    }
    // Simplify every arc; where simplified segments cross (within or between rings), or a ring
    // would fall below 3 vertices, halve the tolerance of the arcs involved and try again.
    struct Seg {
        Vec2 a, b;
        int arc;
    };
    std::vector<std::vector<char>> keep(rings.size());
    for (int round = 0; round < 24; ++round) {
        for (Arc& arc : arcs) {
            arc.keep.assign(arc.pts.size(), 0);
            arc.keep.front() = arc.keep.back() = 1;
            if (arc.tol > 0)
                dp_mark(arc.pts, 0, arc.pts.size() - 1, arc.tol * arc.tol, arc.keep);
            else
                std::fill(arc.keep.begin(), arc.keep.end(), 1);
        }
        std::set<int> refine;
        std::vector<Seg> segs;
        for (std::size_t ri = 0; ri < rings.size(); ++ri) {
            if (uses[ri].empty()) continue;
            const Ring& r = *rings[ri];
            keep[ri].assign(r.size(), 0);
            std::vector<int> arc_of(r.size(), -1);  // the arc of the segment starting at a kept vertex
            for (const ArcUse& u : uses[ri]) {
                const Arc& arc = arcs[u.arc];
                const std::size_t m = u.idx.size();
                for (std::size_t k = 0; k < m; ++k)
                    if (arc.keep[u.reversed ? m - 1 - k : k]) {
                        keep[ri][u.idx[k]] = 1;
                        if (k + 1 < m) arc_of[u.idx[k]] = u.arc;
                    }
            }
            std::vector<std::size_t> kept;
            for (std::size_t k = 0; k < r.size(); ++k)
                if (keep[ri][k]) kept.push_back(k);
            if (kept.size() < 3) {
                for (const ArcUse& u : uses[ri])
                    if (arcs[u.arc].tol > 0) refine.insert(u.arc);
                continue;
            }
            for (std::size_t k = 0; k < kept.size(); ++k)
                segs.push_back(Seg{r[kept[k]], r[kept[(k + 1) % kept.size()]], arc_of[kept[k]]});
        }
        std::sort(segs.begin(), segs.end(),
                  [](const Seg& s, const Seg& t) { return std::min(s.a.x, s.b.x) < std::min(t.a.x, t.b.x); });
        for (std::size_t s = 0; s < segs.size(); ++s) {
            const double max_x = std::max(segs[s].a.x, segs[s].b.x);
            for (std::size_t t = s + 1; t < segs.size() && std::min(segs[t].a.x, segs[t].b.x) <= max_x; ++t) {
                if (segments_conflict(segs[s].a, segs[s].b, segs[t].a, segs[t].b)) {
                    for (int id : {segs[s].arc, segs[t].arc})
                        if (id >= 0 && arcs[id].tol > 0) refine.insert(id);
                }
            }
        }
        // A whole ring (an island) can be swallowed without any crossing: when a removed run of
        // an arc passes over a ring that does not use the arc, the arc is refined too.
        for (std::size_t ai = 0; ai < arcs.size(); ++ai) {
            const Arc& arc = arcs[ai];
            if (arc.tol <= 0 || refine.count((int)ai)) continue;
            std::size_t i = 0;
            for (std::size_t j = 1; j < arc.pts.size(); ++j) {
                if (!arc.keep[j]) continue;
                if (j > i + 1) {
                    Ring region(arc.pts.begin() + i, arc.pts.begin() + j + 1);  // closed by the chord
                    BBox rb;
                    for (Vec2 v : region) rb.extend(v);
                    for (std::size_t ri = 0; ri < rings.size(); ++ri) {
                        bool uses_arc = false;
                        for (const ArcUse& u : uses[ri]) uses_arc = uses_arc || u.arc == (int)ai;
                        if (uses_arc) continue;
                        for (Vec2 v : *rings[ri]) {
                            if (std::find(region.begin(), region.end(), v) != region.end()) continue;  // a node
                            if (rb.contains(v) && ring_contains(region, v)) refine.insert((int)ai);
                            break;  // one vertex off the region's boundary tells
                        }
                    }
                }
                i = j;
            }
        }
        if (refine.empty()) break;
        for (int id : refine) arcs[id].tol = arcs[id].tol > tolerance_m / 64 ? arcs[id].tol / 2 : 0;
    }
    for (std::size_t ri = 0; ri < rings.size(); ++ri) {
        if (uses[ri].empty()) continue;
        Ring& r = *rings[ri];
        ensure_three(r, keep[ri]);  // a no-op unless the rounds ran out
        Ring out;
        for (std::size_t k = 0; k < r.size(); ++k)
            if (keep[ri][k]) out.push_back(r[k]);
        r = std::move(out);
    }
}

int snap_to_grid(std::vector<Area>& areas, double grid_m) {
    int removed = 0;
    for (Area& a : areas) {
        for (Polygon& p : a.polygons) {
            std::vector<Ring> kept;
            for (std::size_t ri = 0; ri < p.rings.size(); ++ri) {
                Ring out;
                for (Vec2 v : p.rings[ri]) {
                    Vec2 s{std::round(v.x / grid_m) * grid_m, std::round(v.y / grid_m) * grid_m};
                    if (out.empty() || out.back() != s) out.push_back(s);
                }
                while (out.size() > 1 && out.front() == out.back()) out.pop_back();
                if (out.size() >= 3 && signed_area(out) != 0) {
                    kept.push_back(std::move(out));
                } else {
                    ++removed;
                    if (ri == 0) {  // the outer ring went: the holes go with it
                        removed += (int)p.rings.size() - 1;
                        break;
                    }
                }
            }
            p.rings = std::move(kept);
            p.triangles.clear();
        }
        a.polygons.erase(std::remove_if(a.polygons.begin(), a.polygons.end(),
                                        [](const Polygon& p) { return p.rings.empty(); }),
                         a.polygons.end());
    }
    return removed;
}

std::size_t vertex_count(const Area& area) {
    std::size_t n = 0;
    for (const Polygon& p : area.polygons)
        for (const Ring& r : p.rings) n += r.size();
    return n;
}

std::size_t vertex_count(const std::vector<Area>& areas) {
    std::size_t n = 0;
    for (const Area& a : areas) n += vertex_count(a);
    return n;
}

namespace {
bool on_seg(Vec2 p, Vec2 q, Vec2 r) {  // q within the box of p..r
    return q.x <= std::max(p.x, r.x) && q.x >= std::min(p.x, r.x) && q.y <= std::max(p.y, r.y) &&
           q.y >= std::min(p.y, r.y);
}
bool segments_intersect(Vec2 p1, Vec2 q1, Vec2 p2, Vec2 q2) {
    int o1 = sgn(cross(p1, q1, p2)), o2 = sgn(cross(p1, q1, q2));
    int o3 = sgn(cross(p2, q2, p1)), o4 = sgn(cross(p2, q2, q1));
    if (o1 != o2 && o3 != o4) return true;
    if (o1 == 0 && on_seg(p1, p2, q1)) return true;
    if (o2 == 0 && on_seg(p1, q2, q1)) return true;
    if (o3 == 0 && on_seg(p2, p1, q2)) return true;
    if (o4 == 0 && on_seg(p2, q1, q2)) return true;
    return false;
}
}  // namespace

bool ring_is_simple(const Ring& r) {
    const std::size_t n = r.size();
    if (n < 3) return false;
    for (std::size_t i = 0; i < n; ++i) {
        Vec2 a = r[i], b = r[(i + 1) % n], c = r[(i + 2) % n];
        if (a == b) return false;
        // consecutive edges may meet only at their shared vertex: no folding back over each other
        if (cross(a, b, c) == 0 && (b.x - a.x) * (c.x - b.x) + (b.y - a.y) * (c.y - b.y) < 0) return false;
        for (std::size_t j = i + 2; j < n; ++j) {
            if (i == 0 && j == n - 1) continue;  // adjacent through the closing vertex
            if (segments_intersect(a, b, r[j], r[(j + 1) % n])) return false;
        }
    }
    return true;
}

// =============================================================================================
// The triangulator below is adapted from mapbox/earcut, under this licence:
//   ISC License. Copyright (c) 2016, Mapbox
//   Permission to use, copy, modify, and/or distribute this software for any purpose
//   with or without fee is hereby granted, provided that the above copyright notice
//   and this permission notice appear in all copies.
//   THE SOFTWARE IS PROVIDED "AS IS" AND ISC DISCLAIMS ALL WARRANTIES WITH REGARD TO
//   THIS SOFTWARE INCLUDING ALL IMPLIED WARRANTIES OF MERCHANTABILITY AND FITNESS.
//   IN NO EVENT SHALL ISC BE LIABLE FOR ANY SPECIAL, DIRECT, INDIRECT, OR
//   CONSEQUENTIAL DAMAGES OR ANY DAMAGES WHATSOEVER RESULTING FROM LOSS OF USE, DATA
//   OR PROFITS, WHETHER IN AN ACTION OF CONTRACT, NEGLIGENCE OR OTHER TORTIOUS ACTION,
//   ARISING OUT OF OR IN CONNECTION WITH THE USE OR PERFORMANCE OF THIS SOFTWARE.
// 3. Triangulation: ear clipping with holes, a port of the algorithm of mapbox/earcut (ISC
// licence, Copyright (c) 2016 Mapbox) without its z-order hashing. Orientation conventions follow
// earcut: its area() is the negated cross product, and its "clockwise" outer ring is CCW in y-up.
// =============================================================================================

namespace {
namespace ec {
struct Node {
    std::uint32_t i;
    double x, y;
    Node* prev = nullptr;
    Node* next = nullptr;
    bool steiner = false;
};

struct Earcut {
    std::deque<Node> pool;
    std::vector<std::uint32_t>* tris = nullptr;

    Node* create(std::uint32_t i, double x, double y) {
        pool.push_back(Node{i, x, y});
        return &pool.back();
    }
    static double area(const Node* p, const Node* q, const Node* r) {
        return (q->y - p->y) * (r->x - q->x) - (q->x - p->x) * (r->y - q->y);
    }
    static bool equals(const Node* a, const Node* b) { return a->x == b->x && a->y == b->y; }
    static bool point_in_triangle(double ax, double ay, double bx, double by, double cx, double cy, double px,
                                  double py) {
        return (cx - px) * (ay - py) >= (ax - px) * (cy - py) && (ax - px) * (by - py) >= (bx - px) * (ay - py) &&
               (bx - px) * (cy - py) >= (cx - px) * (by - py);
    }
    Node* insert(std::uint32_t i, double x, double y, Node* last) {
        Node* p = create(i, x, y);
        if (!last) {
            p->prev = p->next = p;
        } else {
            p->next = last->next;
            p->prev = last;
            last->next->prev = p;
            last->next = p;
        }
        return p;
    }
    static void remove(Node* p) {
        p->next->prev = p->prev;
        p->prev->next = p->next;
    }
    // Links the ring's points (global indices offset..offset+n-1) in the given orientation.
    Node* linked_list(const Ring& r, std::uint32_t offset, bool clockwise) {
        double sum = 0;
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++)
            sum += (r[j].x - r[i].x) * (r[i].y + r[j].y);
        Node* last = nullptr;
        if (clockwise == (sum > 0)) {
            for (std::size_t i = 0; i < r.size(); ++i) last = insert(offset + (std::uint32_t)i, r[i].x, r[i].y, last);
        } else {
            for (std::size_t i = r.size(); i-- > 0;) last = insert(offset + (std::uint32_t)i, r[i].x, r[i].y, last);
        }
        if (last && equals(last, last->next)) {
            remove(last);
            last = last->next;
        }
        return last;
    }
    Node* filter_points(Node* start, Node* end = nullptr) {
        if (!start) return start;
        if (!end) end = start;
        Node* p = start;
        bool again;
        do {
            again = false;
            if (!p->steiner && (equals(p, p->next) || area(p->prev, p, p->next) == 0)) {
                remove(p);
                p = end = p->prev;
                if (p == p->next) break;
                again = true;
            } else {
                p = p->next;
            }
        } while (again || p != end);
        return end;
    }
    bool is_ear(Node* ear) const {
        const Node *a = ear->prev, *b = ear, *c = ear->next;
        if (area(a, b, c) >= 0) return false;  // reflex
        double x0 = std::min({a->x, b->x, c->x}), y0 = std::min({a->y, b->y, c->y});
        double x1 = std::max({a->x, b->x, c->x}), y1 = std::max({a->y, b->y, c->y});
        for (const Node* p = c->next; p != a; p = p->next) {
            if (p->x >= x0 && p->x <= x1 && p->y >= y0 && p->y <= y1 &&
                !(p->x == a->x && p->y == a->y) &&  // a duplicate of the ear's first vertex is no obstacle
                point_in_triangle(a->x, a->y, b->x, b->y, c->x, c->y, p->x, p->y) && area(p->prev, p, p->next) >= 0)
                return false;
        }
        return true;
    }
    static bool on_segment(const Node* p, const Node* q, const Node* r) {
        return q->x <= std::max(p->x, r->x) && q->x >= std::min(p->x, r->x) && q->y <= std::max(p->y, r->y) &&
               q->y >= std::min(p->y, r->y);
    }
    static int sign(double v) { return (v > 0) - (v < 0); }
    static bool intersects(const Node* p1, const Node* q1, const Node* p2, const Node* q2) {
        int o1 = sign(area(p1, q1, p2)), o2 = sign(area(p1, q1, q2));
        int o3 = sign(area(p2, q2, p1)), o4 = sign(area(p2, q2, q1));
        if (o1 != o2 && o3 != o4) return true;
        if (o1 == 0 && on_segment(p1, p2, q1)) return true;
        if (o2 == 0 && on_segment(p1, q2, q1)) return true;
        if (o3 == 0 && on_segment(p2, p1, q2)) return true;
        if (o4 == 0 && on_segment(p2, q1, q2)) return true;
        return false;
    }
    static bool locally_inside(const Node* a, const Node* b) {
        return area(a->prev, a, a->next) < 0 ? area(a, b, a->next) >= 0 && area(a, a->prev, b) >= 0
                                             : area(a, b, a->prev) < 0 || area(a, a->next, b) < 0;
    }
    static bool intersects_polygon(const Node* a, const Node* b) {
        const Node* p = a;
        do {
            if (p->i != a->i && p->next->i != a->i && p->i != b->i && p->next->i != b->i &&
                intersects(p, p->next, a, b))
                return true;
            p = p->next;
        } while (p != a);
        return false;
    }
    static bool middle_inside(const Node* a, const Node* b) {
        const Node* p = a;
        bool inside = false;
        double px = (a->x + b->x) / 2, py = (a->y + b->y) / 2;
        do {
            if (((p->y > py) != (p->next->y > py)) && p->next->y != p->y &&
                (px < (p->next->x - p->x) * (py - p->y) / (p->next->y - p->y) + p->x))
                inside = !inside;
            p = p->next;
        } while (p != a);
        return inside;
    }
    static bool is_valid_diagonal(const Node* a, const Node* b) {
        return a->next->i != b->i && a->prev->i != b->i && !intersects_polygon(a, b) &&
               ((locally_inside(a, b) && locally_inside(b, a) && middle_inside(a, b) &&
                 (area(a->prev, a, b->prev) != 0 || area(a, b->prev, b) != 0)) ||
                (equals(a, b) && area(a->prev, a, a->next) > 0 && area(b->prev, b, b->next) > 0));
    }
    Node* split_polygon(Node* a, Node* b) {
        Node* a2 = create(a->i, a->x, a->y);
        Node* b2 = create(b->i, b->x, b->y);
        Node* an = a->next;
        Node* bp = b->prev;
        a->next = b;
        b->prev = a;
        a2->next = an;
        an->prev = a2;
        b2->next = a2;
        a2->prev = b2;
        bp->next = b2;
        b2->prev = bp;
        return b2;
    }
    void emit(const Node* a, const Node* b, const Node* c) {
        tris->push_back(a->i);
        tris->push_back(b->i);
        tris->push_back(c->i);
    }
    Node* cure_local_intersections(Node* start) {
        Node* p = start;
        do {
            Node* a = p->prev;
            Node* b = p->next->next;
            if (!equals(a, b) && intersects(a, p, p->next, b) && locally_inside(a, b) && locally_inside(b, a)) {
                emit(a, p, b);
                remove(p);
                remove(p->next);
                p = start = b;
            }
            p = p->next;
        } while (p != start);
        return filter_points(p);
    }
    void split_earcut(Node* start) {
        Node* a = start;
        do {
            Node* b = a->next->next;
            while (b != a->prev) {
                if (a->i != b->i && is_valid_diagonal(a, b)) {
                    Node* c = split_polygon(a, b);
                    a = filter_points(a, a->next);
                    c = filter_points(c, c->next);
                    earcut_linked(a, 0);
                    earcut_linked(c, 0);
                    return;
                }
                b = b->next;
            }
            a = a->next;
        } while (a != start);
    }
    void earcut_linked(Node* ear, int pass) {
        if (!ear) return;
        Node* stop = ear;
        while (ear->prev != ear->next) {
            Node* prev = ear->prev;
            Node* next = ear->next;
            if (is_ear(ear)) {
                emit(prev, ear, next);
                remove(ear);
                ear = next->next;
                stop = next->next;
                continue;
            }
            ear = next;
            if (ear == stop) {
                if (pass == 0) {
                    earcut_linked(filter_points(ear), 1);
                } else if (pass == 1) {
                    ear = cure_local_intersections(filter_points(ear));
                    earcut_linked(ear, 2);
                } else {
                    split_earcut(ear);
                }
                break;
            }
        }
    }
    static Node* leftmost(Node* start) {
        Node *p = start, *l = start;
        do {
            if (p->x < l->x || (p->x == l->x && p->y < l->y)) l = p;
            p = p->next;
        } while (p != start);
        return l;
    }
    static bool sector_contains_sector(const Node* m, const Node* p) {
        return area(m->prev, m, p->prev) < 0 && area(p->next, m, m->next) < 0;
    }
    static Node* find_hole_bridge(Node* hole, Node* outer) {
        Node* p = outer;
        double hx = hole->x, hy = hole->y, qx = -1e300;
        Node* m = nullptr;
        do {
            if (hy <= p->y && hy >= p->next->y && p->next->y != p->y) {
                double x = p->x + (hy - p->y) * (p->next->x - p->x) / (p->next->y - p->y);
                if (x <= hx && x > qx) {
                    qx = x;
                    m = p->x < p->next->x ? p : p->next;
                    if (x == hx) return m;
                }
            }
            p = p->next;
        } while (p != outer);
        if (!m) return nullptr;
        const Node* stop = m;
        double mx = m->x, my = m->y, tan_min = 1e300;
        p = m;
        do {
            if (hx >= p->x && p->x >= mx && hx != p->x &&
                point_in_triangle(hy < my ? hx : qx, hy, mx, my, hy < my ? qx : hx, hy, p->x, p->y)) {
                double tan = std::fabs(hy - p->y) / (hx - p->x);
                if (locally_inside(p, hole) &&
                    (tan < tan_min ||
                     (tan == tan_min && (p->x > m->x || (p->x == m->x && sector_contains_sector(m, p)))))) {
                    m = p;
                    tan_min = tan;
                }
            }
            p = p->next;
        } while (p != stop);
        return m;
    }
    Node* eliminate_hole(Node* hole, Node* outer) {
        Node* bridge = find_hole_bridge(hole, outer);
        if (!bridge) return outer;
        Node* bridge_reverse = split_polygon(bridge, hole);
        filter_points(bridge_reverse, bridge_reverse->next);
        return filter_points(bridge, bridge->next);
    }
};
}  // namespace ec
}  // namespace

std::vector<std::uint32_t> triangulate(const std::vector<Ring>& rings) {
    std::vector<std::uint32_t> out;
    if (rings.empty()) return out;
    ec::Earcut e;
    e.tris = &out;
    std::uint32_t offset = 0;
    std::vector<std::uint32_t> offsets;
    for (const Ring& r : rings) offsets.push_back(offset), offset += (std::uint32_t)r.size();
    if (rings[0].size() < 3) return out;
    ec::Node* outer = e.linked_list(rings[0], 0, true);
    if (!outer || outer->next == outer->prev) return out;
    std::vector<ec::Node*> holes;
    for (std::size_t h = 1; h < rings.size(); ++h) {
        if (rings[h].size() < 3) continue;
        ec::Node* list = e.linked_list(rings[h], offsets[h], false);
        if (!list) continue;
        if (list == list->next) list->steiner = true;
        holes.push_back(ec::Earcut::leftmost(list));
    }
    std::sort(holes.begin(), holes.end(), [](const ec::Node* a, const ec::Node* b) {
        return a->x < b->x || (a->x == b->x && a->y < b->y);
    });
    for (ec::Node* h : holes) outer = e.eliminate_hole(h, outer);
    e.earcut_linked(outer, 0);
    return out;
}

void triangulate(Polygon& polygon) { polygon.triangles = triangulate(polygon.rings); }

double signed_area(const Ring& r) {
    double s = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) s += (r[j].x - r[i].x) * (r[j].y + r[i].y);
    return s / 2;
}

double polygon_area(const Polygon& p) {
    double s = 0;
    for (std::size_t i = 0; i < p.rings.size(); ++i) s += (i == 0 ? 1 : -1) * std::fabs(signed_area(p.rings[i]));
    return s;
}

double area_of(const Area& a) {
    double s = 0;
    for (const Polygon& p : a.polygons) s += polygon_area(p);
    return s;
}

double triangles_area(const Polygon& p) {
    std::vector<Vec2> v;
    for (const Ring& r : p.rings) v.insert(v.end(), r.begin(), r.end());
    double s = 0;
    for (std::size_t t = 0; t + 2 < p.triangles.size(); t += 3)
        s += std::fabs(cross(v.at(p.triangles[t]), v.at(p.triangles[t + 1]), v.at(p.triangles[t + 2]))) / 2;
    return s;
}

// =============================================================================================
// 4. Hit testing and anchors
// =============================================================================================

bool ring_contains(const Ring& r, Vec2 p) {
    bool in = false;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        if ((r[i].y > p.y) != (r[j].y > p.y) &&
            p.x < (r[j].x - r[i].x) * (p.y - r[i].y) / (r[j].y - r[i].y) + r[i].x)
            in = !in;
    }
    return in;
}

bool contains(const Polygon& poly, Vec2 p) {
    bool in = false;
    for (const Ring& r : poly.rings)
        if (ring_contains(r, p)) in = !in;
    return in;
}

bool contains(const Area& a, Vec2 p) {
    bool in = false;
    for (const Polygon& poly : a.polygons)
        for (const Ring& r : poly.rings)
            if (ring_contains(r, p)) in = !in;
    return in;
}

int hit_test(const std::vector<Area>& areas, Vec2 p) {
    for (std::size_t i = 0; i < areas.size(); ++i)
        if (areas[i].bbox.contains(p) && contains(areas[i], p)) return (int)i;
    return -1;
}

double boundary_distance(const Polygon& poly, Vec2 p) {
    double d2 = 1e300;
    for (const Ring& r : poly.rings)
        for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) d2 = std::min(d2, seg_dist2(p, r[j], r[i]));
    double d = std::sqrt(d2);
    return contains(poly, p) ? d : -d;
}

Vec2 pole_of_inaccessibility(const Polygon& poly, double precision) {
    BBox b;
    for (Vec2 v : poly.rings.at(0)) b.extend(v);
    double w = b.max_x - b.min_x, h = b.max_y - b.min_y, size = std::min(w, h);
    if (size <= 0) return Vec2{b.min_x, b.min_y};
    struct Cell {
        Vec2 c;
        double h, d, max;
    };
    auto make = [&](double x, double y, double half) {
        Cell c{Vec2{x, y}, half, boundary_distance(poly, Vec2{x, y}), 0};
        c.max = c.d + half * std::sqrt(2.0);
        return c;
    };
    auto cmp = [](const Cell& a, const Cell& b) { return a.max < b.max; };
    std::priority_queue<Cell, std::vector<Cell>, decltype(cmp)> q(cmp);
    double half = size / 2;
    for (double x = b.min_x; x < b.max_x; x += size)
        for (double y = b.min_y; y < b.max_y; y += size) q.push(make(x + half, y + half, half));
    // First guesses: the area centroid of the outer ring, and the bbox centre.
    const Ring& r = poly.rings[0];
    double cx = 0, cy = 0, a2 = 0;
    for (std::size_t i = 0, j = r.size() - 1; i < r.size(); j = i++) {
        double f = r[j].x * r[i].y - r[i].x * r[j].y;
        cx += (r[j].x + r[i].x) * f;
        cy += (r[j].y + r[i].y) * f;
        a2 += f;
    }
    Cell best = make(b.min_x + w / 2, b.min_y + h / 2, 0);
    if (a2 != 0) {
        Cell c = make(cx / (3 * a2), cy / (3 * a2), 0);
        if (c.d > best.d) best = c;
    }
    int guard = 0;
    while (!q.empty() && ++guard < 1000000) {
        Cell c = q.top();
        q.pop();
        if (c.d > best.d) best = c;
        if (c.max - best.d <= precision) continue;
        double hh = c.h / 2;
        q.push(make(c.c.x - hh, c.c.y - hh, hh));
        q.push(make(c.c.x + hh, c.c.y - hh, hh));
        q.push(make(c.c.x - hh, c.c.y + hh, hh));
        q.push(make(c.c.x + hh, c.c.y + hh, hh));
    }
    return best.c;
}

Vec2 label_anchor(const Area& a, double precision) {
    const Polygon* biggest = nullptr;
    double best = -1;
    for (const Polygon& p : a.polygons) {
        double s = polygon_area(p);
        if (s > best) best = s, biggest = &p;
    }
    if (!biggest) return Vec2{};
    return pole_of_inaccessibility(*biggest, precision);
}

BBox bbox_of(const Area& a) {
    BBox b;
    for (const Polygon& p : a.polygons)
        for (const Ring& r : p.rings)
            for (Vec2 v : r) b.extend(v);
    return b;
}

void finish_areas(std::vector<Area>& areas, double grid) {
    for (Area& a : areas) {
        a.bbox = bbox_of(a);
        for (Polygon& p : a.polygons) triangulate(p);
        a.area_m2 = area_of(a);
        Vec2 c = label_anchor(a);
        if (grid > 0) c = Vec2{std::round(c.x / grid) * grid, std::round(c.y / grid) * grid};
        a.anchor = c;
        if (const Tile* t = find_tile(a.code)) a.tile_col = t->col, a.tile_row = t->row;
    }
}

// =============================================================================================
// 5. Tile grid
// =============================================================================================

const std::vector<Tile>& london_tiles() {
    // Editorial: 8 columns x 7 rows, row 0 north. In the spirit of the "London Squared" layout.
    static const std::vector<Tile> tiles = {
        {"E09000010", 4, 0},  // Enfield
        {"E09000015", 2, 1},  // Harrow
        {"E09000003", 3, 1},  // Barnet
        {"E09000014", 4, 1},  // Haringey
        {"E09000031", 5, 1},  // Waltham Forest
        {"E09000017", 0, 2},  // Hillingdon
        {"E09000009", 1, 2},  // Ealing
        {"E09000005", 2, 2},  // Brent
        {"E09000007", 3, 2},  // Camden
        {"E09000019", 4, 2},  // Islington
        {"E09000012", 5, 2},  // Hackney
        {"E09000026", 6, 2},  // Redbridge
        {"E09000016", 7, 2},  // Havering
        {"E09000018", 0, 3},  // Hounslow
        {"E09000013", 1, 3},  // Hammersmith and Fulham
        {"E09000020", 2, 3},  // Kensington and Chelsea
        {"E09000033", 3, 3},  // Westminster
        {"E09000001", 4, 3},  // City of London
        {"E09000030", 5, 3},  // Tower Hamlets
        {"E09000025", 6, 3},  // Newham
        {"E09000002", 7, 3},  // Barking and Dagenham
        {"E09000027", 1, 4},  // Richmond upon Thames
        {"E09000032", 2, 4},  // Wandsworth
        {"E09000022", 3, 4},  // Lambeth
        {"E09000028", 4, 4},  // Southwark
        {"E09000023", 5, 4},  // Lewisham
        {"E09000011", 6, 4},  // Greenwich
        {"E09000004", 7, 4},  // Bexley
        {"E09000021", 2, 5},  // Kingston upon Thames
        {"E09000024", 3, 5},  // Merton
        {"E09000008", 4, 5},  // Croydon
        {"E09000006", 5, 5},  // Bromley
        {"E09000029", 3, 6},  // Sutton
    };
    return tiles;
}

const Tile* find_tile(const std::string& code) {
    for (const Tile& t : london_tiles())
        if (code == t.code) return &t;
    return nullptr;
}

// =============================================================================================
// 6. Reading and writing
// =============================================================================================

namespace {
bool read_ring(const json& j, Ring& out) {
    if (!j.is_array()) return false;
    out.clear();
    for (const json& c : j) {
        if (!c.is_array() || c.size() < 2 || !c[0].is_number() || !c[1].is_number()) return false;
        Vec2 v{c[0].get<double>(), c[1].get<double>()};
        if (out.empty() || out.back() != v) out.push_back(v);  // consecutive duplicates carry nothing
    }
    while (out.size() > 1 && out.front() == out.back()) out.pop_back();
    return true;
}
bool read_polygon(const json& j, Polygon& out) {
    if (!j.is_array() || j.empty()) return false;
    out.rings.clear();
    for (const json& r : j) {
        Ring ring;
        if (!read_ring(r, ring)) return false;
        out.rings.push_back(std::move(ring));
    }
    return true;
}
}  // namespace

static bool read_geojson_checked(const json& doc, std::vector<Area>& out, std::string& error);

bool read_geojson(const std::string& text, std::vector<Area>& out, std::string& error) {
    json doc;
    std::string why;
    if (!parse_json(text, doc, why)) return error = "/: not JSON: " + why, false;
    // The checks below test each field's type before use; this is for anything they miss.
    try {
        return read_geojson_checked(doc, out, error);
    } catch (const std::exception& e) {
        return error = std::string("/: unexpected GeoJSON (") + e.what() + ")", false;
    }
}

static bool read_geojson_checked(const json& doc, std::vector<Area>& out, std::string& error) {
    if (!doc.is_object() || doc.value("type", "") != "FeatureCollection" || !doc.contains("features") ||
        !doc["features"].is_array()) {
        error = "/: not a GeoJSON FeatureCollection";
        return false;
    }
    out.clear();
    const json& fs = doc["features"];
    for (std::size_t i = 0; i < fs.size(); ++i) {
        const std::string ptr = "/features/" + std::to_string(i);
        const json& f = fs[i];
        if (!f.is_object() || !f.contains("geometry") || !f["geometry"].is_object()) {
            error = ptr + ": feature without a geometry";
            return false;
        }
        Area a;
        if (f.contains("properties") && f["properties"].is_object()) {
            const json& p = f["properties"];
            for (const char* k : {"code", "lad20cd"})
                if (p.contains(k) && p[k].is_string()) a.code = p[k].get<std::string>();
            for (const char* k : {"name", "lad20nm"})
                if (p.contains(k) && p[k].is_string()) a.name = p[k].get<std::string>();
        }
        if (a.code.empty()) {
            error = ptr + "/properties: no code (code or lad20cd)";
            return false;
        }
        const json& g = f["geometry"];
        const std::string type = g.value("type", "");
        const json* coords = g.contains("coordinates") ? &g["coordinates"] : nullptr;
        bool ok = coords != nullptr;
        if (ok && type == "Polygon") {
            Polygon p;
            ok = read_polygon(*coords, p);
            if (ok) a.polygons.push_back(std::move(p));
        } else if (ok && type == "MultiPolygon") {
            ok = coords->is_array();
            for (std::size_t k = 0; ok && k < coords->size(); ++k) {
                Polygon p;
                ok = read_polygon((*coords)[k], p);
                if (ok) a.polygons.push_back(std::move(p));
            }
        } else {
            ok = false;
        }
        if (!ok) {
            error = ptr + "/geometry: expected a Polygon or MultiPolygon with [lon, lat] positions";
            return false;
        }
        out.push_back(std::move(a));
    }
    return true;
}

void project(std::vector<Area>& areas, const TransverseMercator& tm) {
    for (Area& a : areas) {
        for (Polygon& p : a.polygons)
            for (Ring& r : p.rings)
                for (Vec2& v : r) v = tm.forward(v.x, v.y);
        a.bbox = bbox_of(a);
    }
}

namespace {
json num(double v) {  // integers where exact, so the file stays compact
    if (std::fabs(v) < 9e15 && v == std::round(v)) return json((long long)v);
    return json(v);
}
json pair(Vec2 v) { return json::array({num(v.x), num(v.y)}); }
json box(const BBox& b) { return json::array({num(b.min_x), num(b.min_y), num(b.max_x), num(b.max_y)}); }
}  // namespace

std::string write_geo(const Geo& g) {
    json head = json::object();
    head["format"] = "joinedup-geo";
    head["version"] = 1;
    head["projection"] = g.projection;
    head["source"] = g.source;
    head["licence"] = g.licence;
    head["attribution"] = g.attribution;
    head["tolerance_m"] = num(g.tolerance_m);
    head["bbox"] = box(g.bbox);
    std::string s = head.dump(1);
    // Replace the closing brace with the areas, one per line, to keep diffs readable.
    s.erase(s.find_last_of('}'));
    while (!s.empty() && (s.back() == '\n' || s.back() == ' ')) s.pop_back();
    s += ",\n \"areas\": [\n";
    for (std::size_t i = 0; i < g.areas.size(); ++i) {
        const Area& a = g.areas[i];
        json ja;
        ja["code"] = a.code;
        ja["name"] = a.name;
        ja["area_m2"] = num(std::round(a.area_m2));
        ja["bbox"] = box(a.bbox);
        ja["anchor"] = pair(a.anchor);
        if (a.tile_col >= 0) ja["tile"] = json::array({a.tile_col, a.tile_row});
        json polys = json::array();
        for (const Polygon& p : a.polygons) {
            json rings = json::array();
            for (const Ring& r : p.rings) {
                json flat = json::array();
                for (Vec2 v : r) flat.push_back(num(v.x)), flat.push_back(num(v.y));
                rings.push_back(std::move(flat));
            }
            polys.push_back(json{{"rings", std::move(rings)}, {"triangles", p.triangles}});
        }
        ja["polygons"] = std::move(polys);
        // fixed key order for readability: nlohmann sorts keys, which is fine and deterministic
        s += "  " + ja.dump() + (i + 1 < g.areas.size() ? ",\n" : "\n");
    }
    s += " ]\n}\n";
    return s;
}

namespace {
struct Reader {
    std::string error;
    bool fail(const std::string& ptr, const std::string& msg) {
        if (error.empty()) error = (ptr.empty() ? "/" : ptr) + ": " + msg;
        return false;
    }
    bool str(const json& o, const std::string& ptr, const char* k, std::string& out, bool required = true) {
        if (!o.contains(k)) return required ? fail(ptr, std::string("missing \"") + k + "\"") : true;
        if (!o[k].is_string()) return fail(ptr + "/" + k, "expected text");
        out = o[k].get<std::string>();
        return true;
    }
    bool number(const json& j, const std::string& ptr, double& out) {
        if (!j.is_number()) return fail(ptr, "expected a number");
        out = j.get<double>();
        if (!std::isfinite(out)) return fail(ptr, "expected a finite number");
        return true;
    }
    bool numbers(const json& o, const std::string& ptr, const char* k, std::size_t n, std::vector<double>& out) {
        if (!o.contains(k)) return fail(ptr, std::string("missing \"") + k + "\"");
        const json& a = o[k];
        if (!a.is_array() || a.size() != n)
            return fail(ptr + "/" + k, "expected an array of " + std::to_string(n) + " numbers");
        out.assign(n, 0);
        for (std::size_t i = 0; i < n; ++i)
            if (!number(a[i], ptr + "/" + k + "/" + std::to_string(i), out[i])) return false;
        return true;
    }
};
}  // namespace

static bool load_geo_checked(const json& doc, Geo& out, std::string& error);

bool load_geo(const std::string& text, Geo& out, std::string& error) {
    json doc;
    std::string why;
    if (!parse_json(text, doc, why)) return error = "/: not valid JSON: " + why, false;
    try {
        return load_geo_checked(doc, out, error);
    } catch (const std::exception& e) {
        return error = std::string("/: unexpected content (") + e.what() + ")", false;
    }
}

static bool load_geo_checked(const json& doc, Geo& out, std::string& error) {
    Reader rd;
    Geo g;
    auto done = [&](bool ok) {
        if (!ok) {
            error = rd.error;
            return false;
        }
        out = std::move(g);
        error.clear();
        return true;
    };
    if (!doc.is_object()) return done(rd.fail("", "expected an object"));
    std::string format;
    if (!rd.str(doc, "", "format", format)) return done(false);
    if (format != "joinedup-geo") return done(rd.fail("/format", "expected \"joinedup-geo\""));
    if (!doc.contains("version") || !doc["version"].is_number_integer() || doc["version"].get<int>() != 1)
        return done(rd.fail("/version", "expected version 1"));
    if (!rd.str(doc, "", "projection", g.projection) || !rd.str(doc, "", "source", g.source) ||
        !rd.str(doc, "", "licence", g.licence))
        return done(false);
    if (!doc.contains("attribution") || !doc["attribution"].is_array() || doc["attribution"].empty())
        return done(rd.fail("/attribution", "expected a non-empty array of strings"));
    for (std::size_t i = 0; i < doc["attribution"].size(); ++i) {
        const json& l = doc["attribution"][i];
        if (!l.is_string()) return done(rd.fail("/attribution/" + std::to_string(i), "expected text"));
        g.attribution.push_back(l.get<std::string>());
    }
    if (doc.contains("tolerance_m") && !rd.number(doc["tolerance_m"], "/tolerance_m", g.tolerance_m))
        return done(false);
    if (!doc.contains("areas") || !doc["areas"].is_array() || doc["areas"].empty())
        return done(rd.fail("/areas", "expected a non-empty array"));
    std::set<std::string> codes;
    const json& areas = doc["areas"];
    for (std::size_t ai = 0; ai < areas.size(); ++ai) {
        const std::string ap = "/areas/" + std::to_string(ai);
        const json& ja = areas[ai];
        if (!ja.is_object()) return done(rd.fail(ap, "expected an object"));
        Area a;
        if (!rd.str(ja, ap, "code", a.code) || !rd.str(ja, ap, "name", a.name)) return done(false);
        if (a.code.empty()) return done(rd.fail(ap + "/code", "empty code"));
        if (!codes.insert(a.code).second) return done(rd.fail(ap + "/code", "duplicate code " + a.code));
        if (!ja.contains("area_m2")) return done(rd.fail(ap, "missing \"area_m2\""));
        if (!rd.number(ja["area_m2"], ap + "/area_m2", a.area_m2)) return done(false);
        std::vector<double> v;
        if (!rd.numbers(ja, ap, "bbox", 4, v)) return done(false);
        a.bbox = BBox{v[0], v[1], v[2], v[3]};
        if (a.bbox.empty()) return done(rd.fail(ap + "/bbox", "min exceeds max"));
        if (!rd.numbers(ja, ap, "anchor", 2, v)) return done(false);
        a.anchor = Vec2{v[0], v[1]};
        if (ja.contains("tile")) {
            const json& t = ja["tile"];
            if (!t.is_array() || t.size() != 2 || !t[0].is_number_integer() || !t[1].is_number_integer() ||
                t[0].get<int>() < 0 || t[1].get<int>() < 0)
                return done(rd.fail(ap + "/tile", "expected [column, row], two non-negative integers"));
            a.tile_col = t[0].get<int>();
            a.tile_row = t[1].get<int>();
        }
        if (!ja.contains("polygons") || !ja["polygons"].is_array() || ja["polygons"].empty())
            return done(rd.fail(ap + "/polygons", "expected a non-empty array"));
        for (std::size_t pi = 0; pi < ja["polygons"].size(); ++pi) {
            const std::string pp = ap + "/polygons/" + std::to_string(pi);
            const json& jp = ja["polygons"][pi];
            if (!jp.is_object()) return done(rd.fail(pp, "expected an object"));
            if (!jp.contains("rings") || !jp["rings"].is_array() || jp["rings"].empty())
                return done(rd.fail(pp + "/rings", "expected a non-empty array of rings"));
            Polygon p;
            std::size_t nverts = 0;
            for (std::size_t ri = 0; ri < jp["rings"].size(); ++ri) {
                const std::string rp = pp + "/rings/" + std::to_string(ri);
                const json& jr = jp["rings"][ri];
                if (!jr.is_array()) return done(rd.fail(rp, "expected a flat array [x, y, x, y, ...]"));
                if (jr.size() % 2 != 0) return done(rd.fail(rp, "odd number of coordinates"));
                if (jr.size() < 6) return done(rd.fail(rp, "a ring needs at least 3 vertices"));
                Ring r;
                for (std::size_t k = 0; k < jr.size(); k += 2) {
                    Vec2 q;
                    if (!rd.number(jr[k], rp + "/" + std::to_string(k), q.x) ||
                        !rd.number(jr[k + 1], rp + "/" + std::to_string(k + 1), q.y))
                        return done(false);
                    r.push_back(q);
                }
                nverts += r.size();
                p.rings.push_back(std::move(r));
            }
            if (!jp.contains("triangles") || !jp["triangles"].is_array())
                return done(rd.fail(pp + "/triangles", "expected an array of vertex indices"));
            const json& jt = jp["triangles"];
            if (jt.size() % 3 != 0) return done(rd.fail(pp + "/triangles", "length is not a multiple of 3"));
            if (jt.empty()) return done(rd.fail(pp + "/triangles", "no triangles"));
            for (std::size_t k = 0; k < jt.size(); ++k) {
                const json& t = jt[k];
                if (!t.is_number_integer() || t.get<long long>() < 0)
                    return done(rd.fail(pp + "/triangles/" + std::to_string(k), "expected a non-negative integer"));
                long long idx = t.get<long long>();
                if (idx >= (long long)nverts)
                    return done(rd.fail(pp + "/triangles/" + std::to_string(k),
                                        "index " + std::to_string(idx) + " out of range (" +
                                            std::to_string(nverts) + " vertices)"));
                p.triangles.push_back((std::uint32_t)idx);
            }
            a.polygons.push_back(std::move(p));
        }
        g.bbox.extend(a.bbox);
        g.areas.push_back(std::move(a));
    }
    return done(true);
}

}  // namespace jup::geo
