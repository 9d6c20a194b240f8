#include "core/map_layout.hpp"

#include <algorithm>
#include <cmath>
#include <random>
#include <set>

namespace jup::map {

// ---- camera -----------------------------------------------------------------------------------

Vec2 Camera::to_screen(Vec2 w) const {
    return {view.x + view.w / 2 + (w.x - centre.x) * scale, view.y + view.h / 2 - (w.y - centre.y) * scale};
}

Vec2 Camera::to_world(Vec2 s) const {
    return {centre.x + (s.x - view.x - view.w / 2) / scale, centre.y - (s.y - view.y - view.h / 2) / scale};
}

void Camera::fit(const BBox& b, const Rect& v, double margin_px) {
    view = v;
    double bw = std::max(1e-9, b.max_x - b.min_x), bh = std::max(1e-9, b.max_y - b.min_y);
    double aw = std::max(1.0, v.w - 2 * margin_px), ah = std::max(1.0, v.h - 2 * margin_px);
    scale = fit_scale = std::min(aw / bw, ah / bh);
    centre = {(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
}

void Camera::pan(double dx, double dy) {
    centre.x -= dx / scale;
    centre.y += dy / scale;
}

void Camera::zoom_about(Vec2 p, double factor) {
    if (!(factor > 0) || !std::isfinite(factor)) return;
    Vec2 before = to_world(p);
    scale = std::clamp(scale * factor, fit_scale * kMinZoom, fit_scale * kMaxZoom);
    Vec2 after = to_world(p);
    centre.x += before.x - after.x;
    centre.y += before.y - after.y;
}

BBox Camera::visible() const {
    BBox b;
    b.extend(to_world({view.x, view.y}));
    b.extend(to_world({view.right(), view.bottom()}));
    return b;
}

// ---- labels -----------------------------------------------------------------------------------

static Rect grow(const Rect& r, double g) { return {r.x - g, r.y - g, r.w + 2 * g, r.h + 2 * g}; }

std::vector<PlacedLabel> place_labels(const std::vector<LabelRequest>& req, const Rect& bounds, const std::vector<Rect>& obstacles,
                                      double gap) {
    std::vector<int> order(req.size());
    for (size_t i = 0; i < req.size(); ++i) order[i] = (int)i;
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return req[a].priority > req[b].priority; });
    std::vector<PlacedLabel> placed;
    std::vector<Rect> taken;
    for (auto& o : obstacles) taken.push_back(grow(o, gap));
    for (int i : order) {
        const LabelRequest& r = req[i];
        if (!(r.w > 0 && r.h > 0)) continue;
        const double ax = r.anchor.x, ay = r.anchor.y, w = r.w, h = r.h;
        // Centred, then just above, below, right and left; then the same a little further out
        // (clear of a marker sitting on the anchor).
        std::vector<Rect> cands{{ax - w / 2, ay - h / 2, w, h}};
        for (double d : {4.0, 14.0}) {
            cands.push_back({ax - w / 2, ay - h - d, w, h});
            cands.push_back({ax - w / 2, ay + d, w, h});
            cands.push_back({ax + d, ay - h / 2, w, h});
            cands.push_back({ax - w - d, ay - h / 2, w, h});
        }
        for (const Rect& c : cands) {
            if (!bounds.contains(c)) continue;
            Rect g = grow(c, gap);
            bool clash = false;
            for (auto& t : taken)
                if (t.overlaps(g)) {
                    clash = true;
                    break;
                }
            if (clash) continue;
            placed.push_back({i, c});
            taken.push_back(g);
            break;
        }
    }
    return placed;
}

// ---- where case studies sit -------------------------------------------------------------------

static bool is_ics(const Content& c, const std::string& id) {
    for (auto& i : c.icss)
        if (i.id == id) return true;
    return false;
}

std::string area_of_place(const Content& c, const std::string& id) {
    const Place* p = c.place(id);
    for (int guard = 0; p && guard < 16; ++guard) {
        if (is_local_authority(*p)) return p->id;
        p = p->parent.empty() ? nullptr : c.place(p->parent);
    }
    return {};
}

std::string ics_of_area(const Content& c, const std::string& code) {
    const Place* p = c.place(code);
    return p ? p->ics : std::string();
}

std::vector<Placement> placements(const Content& c) {
    std::vector<Placement> out;
    for (size_t i = 0; i < c.case_studies.size(); ++i) {
        std::set<std::pair<int, std::string>> seen;
        for (auto& p : c.case_studies[i].places) {
            Placement pl;
            pl.case_index = (int)i;
            if (p == "london") pl.level = Level::London, pl.where = "london";
            else if (is_ics(c, p)) pl.level = Level::Ics, pl.where = p;
            else {
                pl.level = Level::Area;
                pl.where = area_of_place(c, p);
                if (pl.where.empty()) continue;
            }
            if (seen.insert({(int)pl.level, pl.where}).second) out.push_back(pl);
        }
    }
    return out;
}

// ---- filters and counts -----------------------------------------------------------------------

std::string kind_group(const std::string& kind) {
    if (kind == "example-2018") return "example-2018";
    if (kind == "programme" || kind == "case") return "programme";
    return "case-study";
}

std::string era_of(const CaseStudy& cs) { return cs.year <= 2018 ? "then" : "now"; }

std::vector<std::string> icss_of(const Content& c, const CaseStudy& cs) {
    std::set<std::string> s;
    for (auto& p : cs.places) {
        if (is_ics(c, p)) s.insert(p);
        else if (std::string a = area_of_place(c, p); !a.empty())
            if (std::string i = ics_of_area(c, a); !i.empty()) s.insert(i);
    }
    return {s.begin(), s.end()};
}

static bool any_in(const std::vector<std::string>& have, const std::vector<std::string>& want) {
    for (auto& h : have)
        if (std::find(want.begin(), want.end(), h) != want.end()) return true;
    return false;
}

bool passes(const Content& c, const CaseStudy& cs, const MapState& f) {
    if (!f.themes.empty() && std::none_of(f.themes.begin(), f.themes.end(), [&](const std::string& t) { return cs.has_theme(t); })) return false;
    if (!f.icss.empty() && !any_in(icss_of(c, cs), f.icss)) return false;
    if (!f.kinds.empty() && std::find(f.kinds.begin(), f.kinds.end(), kind_group(cs.kind)) == f.kinds.end()) return false;
    if (f.era != "all" && era_of(cs) != f.era) return false;
    return true;
}

Counts count(const Content& c, const MapState& f) {
    Counts n;
    n.total = (int)c.case_studies.size();
    // How many would show if this one facet were set to one value, the other filters kept.
    auto shown_with = [&](auto set) {
        MapState g = f;
        set(g);
        int k = 0;
        for (auto& cs : c.case_studies) k += passes(c, cs, g);
        return k;
    };
    n.shown = shown_with([](MapState&) {});
    for (auto& b : c.boards) n.theme[b.id] = shown_with([&](MapState& g) { g.themes = {b.id}; });
    for (auto& i : c.icss) n.ics[i.id] = shown_with([&](MapState& g) { g.icss = {i.id}; });
    for (auto& kg : map_kind_groups()) n.kind[kg] = shown_with([&](MapState& g) { g.kinds = {kg}; });
    for (const char* e : {"all", "then", "now"}) n.era[e] = shown_with([&](MapState& g) { g.era = e; });
    for (auto& p : placements(c)) {
        if (!passes(c, c.case_studies[p.case_index], f)) continue;
        if (p.level == Level::Area) ++n.area[p.where];
        else if (p.level == Level::Ics) ++n.ics_level[p.where];
        else ++n.london;
    }
    return n;
}

// ---- tiles and the transition -----------------------------------------------------------------

TileGrid tile_grid(const BBox& world, int cols, int rows, double gap) {
    TileGrid g;
    g.cols = std::max(1, cols);
    g.rows = std::max(1, rows);
    g.gap = gap;
    double w = world.max_x - world.min_x, h = world.max_y - world.min_y;
    g.size = std::min(w / g.cols, h / g.rows);
    double cx = (world.min_x + world.max_x) / 2, cy = (world.min_y + world.max_y) / 2;
    g.origin = {cx - g.size * g.cols / 2, cy + g.size * g.rows / 2};
    return g;
}

Vec2 TileGrid::centre(int col, int row) const { return {origin.x + (col + 0.5) * size, origin.y - (row + 0.5) * size}; }

BBox TileGrid::tile(int col, int row) const {
    Vec2 c = centre(col, row);
    double half = size * (1 - gap) / 2;
    BBox b;
    b.extend(Vec2{c.x - half, c.y - half});
    b.extend(Vec2{c.x + half, c.y + half});
    return b;
}

BBox TileGrid::bounds() const {
    BBox b;
    b.extend(origin);
    b.extend(Vec2{origin.x + cols * size, origin.y - rows * size});
    return b;
}

Vec2 tile_target(Vec2 v, Vec2 anchor, Vec2 c, double half) {
    double dx = v.x - anchor.x, dy = v.y - anchor.y;
    double m = std::max(std::fabs(dx), std::fabs(dy));
    if (m <= 0) return c;
    return {c.x + dx / m * half, c.y + dy / m * half};
}

Vec2 lerp(Vec2 a, Vec2 b, double t) { return {a.x + (b.x - a.x) * t, a.y + (b.y - a.y) * t}; }

double ease(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t < 0.5 ? 4 * t * t * t : 1 - std::pow(-2 * t + 2, 3) / 2;
}

double transition_progress(double from, double to, double start, double now, double duration) {
    if (duration <= 0) return to;
    double u = std::clamp((now - start) / duration, 0.0, 1.0);
    return from + (to - from) * u;
}

// ---- marker and label positions ----------------------------------------------------------------

Vec2 area_point(const geo::Area& a, const TileGrid& grid, double e) {
    if (a.tile_col < 0) return a.anchor;
    return lerp(a.anchor, grid.centre(a.tile_col, a.tile_row), e);
}

Vec2 ics_point(const Content& c, const geo::Geo& g, const TileGrid& grid, const std::string& ics, double e) {
    double sx = 0, sy = 0, sw = 0;
    for (auto& a : g.areas) {
        if (ics_of_area(c, a.code) != ics) continue;
        double w = e < 0.5 ? a.area_m2 : 1;
        Vec2 p = area_point(a, grid, e);
        sx += p.x * w, sy += p.y * w, sw += w;
    }
    return sw > 0 ? Vec2{sx / sw, sy / sw} : Vec2{0, 0};
}

std::vector<Rect> marker_rows(Vec2 at, const std::vector<double>& widths, double max_w, double mh, bool nudge,
                              const std::vector<Rect>& taken) {
    std::vector<std::vector<double>> rows(1);
    std::vector<double> row_w(1, 0);
    for (double w : widths) {
        if (!rows.back().empty() && row_w.back() + 4 + w > max_w) rows.emplace_back(), row_w.push_back(0);
        row_w.back() += (rows.back().empty() ? 0 : 4) + w;
        rows.back().push_back(w);
    }
    auto boxes_at = [&](double dy) {
        std::vector<Rect> out;
        for (size_t ri = 0; ri < rows.size(); ++ri) {
            double x = at.x - row_w[ri] / 2;
            for (double w : rows[ri]) {
                out.push_back({x, at.y + dy + ri * (mh + 3) - mh / 2, w, mh});
                x += w + 4;
            }
        }
        return out;
    };
    double up = max_w < 1e8 ? (rows.size() - 1) * (mh + 3) : 0;
    std::vector<Rect> best = boxes_at(-up);
    for (int step = 0; step < 12 && nudge; ++step) {
        double dy = (step % 2 ? -1 : 1) * ((step + 1) / 2) * (mh + 3);
        auto cand = boxes_at(dy);
        bool clear = true;
        for (auto& m : cand)
            for (auto& t : taken) clear = clear && !m.overlaps(t);
        if (clear) return cand;
    }
    return best;
}

// ---- meshes -----------------------------------------------------------------------------------

namespace {

void push_edge(Mesh& m, Vec2 a, Vec2 b, Vec2 ta, Vec2 tb, float area) {
    auto base = (std::uint32_t)(m.edge.size() / kEdgeFloats);
    const Vec2 o = m.origin;
    for (int k = 0; k < 4; ++k) {
        float side = (k & 1) ? 1.f : -1.f, along = (k & 2) ? 1.f : 0.f;
        const float v[kEdgeFloats] = {float(a.x - o.x), float(a.y - o.y), float(b.x - o.x), float(b.y - o.y),
                                      float(ta.x - o.x), float(ta.y - o.y), float(tb.x - o.x), float(tb.y - o.y),
                                      side, along, area};
        m.edge.insert(m.edge.end(), v, v + kEdgeFloats);
    }
    const std::uint32_t idx[6] = {base, base + 1, base + 2, base + 1, base + 3, base + 2};
    m.edge_index.insert(m.edge_index.end(), idx, idx + 6);
}

void push_fill_vertex(Mesh& m, Vec2 p, Vec2 t, float area) {
    const float v[kFillFloats] = {float(p.x - m.origin.x), float(p.y - m.origin.y), float(t.x - m.origin.x), float(t.y - m.origin.y), area};
    m.fill.insert(m.fill.end(), v, v + kFillFloats);
}

}  // namespace

Mesh build_mesh(const std::vector<geo::Area>& areas, const TileGrid& tiles, Vec2 origin) {
    Mesh m;
    m.origin = origin;
    const double half = tiles.size * (1 - tiles.gap) / 2;
    for (size_t ai = 0; ai < areas.size(); ++ai) {
        const geo::Area& a = areas[ai];
        const float fa = (float)ai;
        const bool has_tile = a.tile_col >= 0 && a.tile_row >= 0;
        const Vec2 tc = has_tile ? tiles.centre(a.tile_col, a.tile_row) : a.anchor;
        const double h = has_tile ? half : 0;
        Mesh::Range fr{(std::uint32_t)m.fill_index.size(), 0}, er{(std::uint32_t)m.edge_index.size(), 0};
        for (const geo::Polygon& p : a.polygons) {
            auto base = (std::uint32_t)(m.fill.size() / kFillFloats);
            for (const geo::Ring& r : p.rings)
                for (Vec2 v : r) push_fill_vertex(m, v, tile_target(v, a.anchor, tc, h), fa);
            for (std::uint32_t i : p.triangles) m.fill_index.push_back(base + i);
            for (const geo::Ring& r : p.rings)
                for (size_t i = 0; i < r.size(); ++i) {
                    Vec2 p0 = r[i], p1 = r[(i + 1) % r.size()];
                    push_edge(m, p0, p1, tile_target(p0, a.anchor, tc, h), tile_target(p1, a.anchor, tc, h), fa);
                }
        }
        fr.count = (std::uint32_t)m.fill_index.size() - fr.first;
        er.count = (std::uint32_t)m.edge_index.size() - er.first;
        m.area_fill.push_back(fr);
        m.area_edge.push_back(er);
    }
    // The tile squares themselves (drawn once the transition has finished).
    for (size_t ai = 0; ai < areas.size(); ++ai) {
        const geo::Area& a = areas[ai];
        const float fa = (float)ai;
        Mesh::Range fr{(std::uint32_t)m.fill_index.size(), 0}, er{(std::uint32_t)m.edge_index.size(), 0};
        if (a.tile_col >= 0 && a.tile_row >= 0) {
            BBox b = tiles.tile(a.tile_col, a.tile_row);
            const Vec2 c[4] = {{b.min_x, b.min_y}, {b.max_x, b.min_y}, {b.max_x, b.max_y}, {b.min_x, b.max_y}};
            auto base = (std::uint32_t)(m.fill.size() / kFillFloats);
            for (Vec2 v : c) push_fill_vertex(m, v, v, fa);
            const std::uint32_t idx[6] = {base, base + 1, base + 2, base, base + 2, base + 3};
            m.fill_index.insert(m.fill_index.end(), idx, idx + 6);
            for (int k = 0; k < 4; ++k) push_edge(m, c[k], c[(k + 1) % 4], c[k], c[(k + 1) % 4], fa);
        }
        fr.count = (std::uint32_t)m.fill_index.size() - fr.first;
        er.count = (std::uint32_t)m.edge_index.size() - er.first;
        m.tile_fill.push_back(fr);
        m.tile_edge.push_back(er);
    }
    return m;
}

std::vector<geo::Area> synthetic_layer(int n, const BBox& world, unsigned seed) {
    std::vector<geo::Area> areas;
    if (n <= 0) return areas;
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> radius(0.45, 1.0);
    std::uniform_int_distribution<int> verts(12, 40);
    double w = world.max_x - world.min_x, h = world.max_y - world.min_y;
    int cols = std::max(1, (int)std::ceil(std::sqrt(n * w / std::max(1e-9, h))));
    int rows = (n + cols - 1) / cols;
    double cw = w / cols, ch = h / rows, rmax = 0.45 * std::min(cw, ch);
    areas.resize(n);
    for (int i = 0; i < n; ++i) {
        double cx = world.min_x + (i % cols + 0.5) * cw, cy = world.max_y - (i / cols + 0.5) * ch;
        int m = verts(rng);
        geo::Ring outer;
        for (int k = 0; k < m; ++k) {
            double t = 2 * 3.14159265358979 * k / m, r = rmax * radius(rng);
            outer.push_back({cx + r * std::cos(t), cy + r * std::sin(t)});
        }
        geo::Polygon p{{outer}, {}};
        geo::triangulate(p);
        areas[i].code = "S" + std::to_string(i);
        areas[i].name = areas[i].code;
        areas[i].polygons.push_back(std::move(p));
        areas[i].bbox = geo::bbox_of(areas[i]);
        areas[i].anchor = {cx, cy};
        areas[i].area_m2 = geo::area_of(areas[i]);
    }
    return areas;
}

}  // namespace jup::map
