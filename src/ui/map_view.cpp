// Case-study map: London's 33 areas drawn with WebGL2 (platform/map_gl), coloured by ICS, with the
// case studies placed on them; a tile-grid layout with an animated transition; filters with counts;
// then and now; the City & Hackney inset; and the case-study card.
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <map>

#include "core/map_layout.hpp"
#include "core/vocab.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/map_gl.hpp"
#include "ui/map_parts.hpp"

namespace ui {

using namespace mapui;
namespace jm = jup::map;
using jup::geo::Vec2;

namespace {

constexpr double kTransitionSeconds = 0.4;

struct Marker {
    int case_index;
    jm::Rect box;
    std::string code;
    bool ics_level;
};

struct ViewState {
    const jup::geo::Geo* geo = nullptr;  // the geometry the mesh was built for
    jm::TileGrid grid;
    bool mesh_ok = false;
    jm::Camera cam;
    jm::Rect fitted_for;
    bool fitted = false, user_moved = false;
    double t = 0, t_from = 0, t_to = 0, t_start = -1;
    int hover = -1;
    bool dragging = false;
    float pinch_dist = 0;
    int bench_n = 0;
    std::vector<jup::geo::Area> bench;
    bool owns_keys = false;
} V;

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

std::array<float, 4> rgba(ImVec4 c, float white, float a = 1) {
    return {c.x + (1 - c.x) * white, c.y + (1 - c.y) * white, c.z + (1 - c.z) * white, a};
}

Vec2 v2(ImVec2 p) { return {p.x, p.y}; }
ImVec2 iv(Vec2 p) { return ImVec2((float)p.x, (float)p.y); }

// Where an area's marker/label anchor is at transition progress e.
Vec2 area_point(const jup::geo::Area& a, double e) {
    if (a.tile_col < 0) return a.anchor;
    return jm::lerp(a.anchor, V.grid.centre(a.tile_col, a.tile_row), e);
}

Vec2 ics_point(const jup::Content& c, const jup::geo::Geo& g, const std::string& ics, double e) {
    double sx = 0, sy = 0, sw = 0;
    for (auto& a : g.areas) {
        if (jm::ics_of_area(c, a.code) != ics) continue;
        double w = e < 0.5 ? a.area_m2 : 1;
        Vec2 p = area_point(a, e);
        sx += p.x * w, sy += p.y * w, sw += w;
    }
    return sw > 0 ? Vec2{sx / sw, sy / sw} : Vec2{0, 0};
}

// Splits a name into lines no wider than max_w ("and" becomes "&"; long words are hyphenated).
std::vector<std::string> words_of(std::string name) {
    for (size_t p; (p = name.find(" and ")) != std::string::npos;) name.replace(p, 5, " & ");
    std::vector<std::string> words;
    for (size_t i = 0, j; i < name.size(); i = j + 1) {
        j = name.find(' ', i);
        if (j == std::string::npos) j = name.size();
        words.push_back(name.substr(i, j - i));
    }
    return words;
}

std::vector<std::string> wrap_name(const std::string& name, float max_w, int max_lines) {
    std::vector<std::string> words = words_of(name), lines;
    std::string cur;
    for (auto& w : words) {
        std::string trial = cur.empty() ? w : cur + " " + w;
        if (ImGui::CalcTextSize(trial.c_str()).x <= max_w || cur.empty()) cur = trial;
        else lines.push_back(cur), cur = w;
    }
    if (!cur.empty()) lines.push_back(cur);
    // Hyphenate any line still too wide.
    std::vector<std::string> out;
    for (auto& l : lines) {
        std::string rest = l;
        while (ImGui::CalcTextSize(rest.c_str()).x > max_w && rest.size() > 4) {
            size_t k = rest.size() - 1;
            while (k > 3 && ImGui::CalcTextSize((rest.substr(0, k) + "-").c_str()).x > max_w) --k;
            out.push_back(rest.substr(0, k) + "-");
            rest = rest.substr(k);
        }
        out.push_back(rest);
    }
    if ((int)out.size() > max_lines) out.resize(max_lines);
    return out;
}

void text_halo(ImDrawList* dl, ImVec2 p, const char* s, ImU32 col, ImU32 halo, float size) {
    ImFont* f = ImGui::GetFont();
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl->AddText(f, size, ImVec2(p.x + dx, p.y + dy), halo, s);
    dl->AddText(f, size, p, col, s);
}

bool chip(const std::string& label, bool on, ImVec4 swatch = ImVec4(0, 0, 0, 0)) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    float sw = swatch.w > 0 ? ImGui::GetFontSize() * 0.8f : 0;
    bool pressed = ImGui::Button((std::string(sw > 0 ? "     " : "") + label).c_str());
    if (sw > 0) {
        ImVec2 a = ImGui::GetItemRectMin();
        float pad = ImGui::GetStyle().FramePadding.x, y = (ImGui::GetItemRectSize().y - sw) / 2;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + pad, a.y + y), ImVec2(a.x + pad + sw, a.y + y + sw), ImGui::GetColorU32(swatch), 3);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x + pad, a.y + y), ImVec2(a.x + pad + sw, a.y + y + sw), IM_COL32(60, 60, 70, 255), 3);
    }
    if (on) ImGui::PopStyleColor(2);
    return pressed;
}

// Keeps a row of buttons within the available width.
void flow(float next_w) {
    float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + next_w > right) ImGui::NewLine();
}
float button_w(const std::string& s) { return ImGui::CalcTextSize(s.c_str()).x + ImGui::GetStyle().FramePadding.x * 2 + 40; }

void controls(Ctx& c, const jm::Counts& n) {
    const auto& m = c.state.map;
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Layout:");
    ImGui::SameLine();
    if (chip("Map", !m.tiles)) c.emit("map_layout", {{"layout", "boundaries"}});
    ImGui::SameLine(0, 2);
    if (chip("Equal tiles", m.tiles)) c.emit("map_layout", {{"layout", "tiles"}});
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("One equal square per area, so small areas such as the City of London are easy to see and click.");
    ImGui::SameLine(0, 24);
    ImGui::TextUnformatted("Then and now:");
    ImGui::SameLine();
    char b[64];
    std::snprintf(b, sizeof b, "2018 (%d)", n.era.at("then"));
    if (chip(b, m.era == "then")) c.emit("map_era", {{"era", "then"}});
    ImGui::SameLine(0, 2);
    std::snprintf(b, sizeof b, "Both (%d)", n.era.at("all"));
    if (chip(b, m.era == "all")) c.emit("map_era", {{"era", "all"}});
    ImGui::SameLine(0, 2);
    std::snprintf(b, sizeof b, "2020-21 (%d)", n.era.at("now"));
    if (chip(b, m.era == "now")) c.emit("map_era", {{"era", "now"}});
    flow(button_w("City & Hackney close-up"));
    if (chip("City & Hackney close-up", m.inset)) c.emit("map_inset", {{"open", !m.inset}});
    flow(button_w("Fit map"));
    if (ImGui::Button("Fit map")) V.fitted = false;
}

void filters(Ctx& c, const jm::Counts& n) {
    const auto& m = c.state.map;
    auto has = [](const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); };
    ImGui::PushFont(c.fonts.small);
    char b[160];
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Themes (the Ps):");
    for (auto& bd : c.content.boards) {
        std::snprintf(b, sizeof b, "%s (%d)##t%s", bd.p.c_str(), n.theme.at(bd.id), bd.id.c_str());
        flow(button_w(b) - 20);
        if (chip(b, has(m.themes, bd.id))) c.emit("map_filter", {{"facet", "theme"}, {"value", bd.id}});
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Integrated care systems:");
    for (auto& i : c.content.icss) {
        std::snprintf(b, sizeof b, "%s (%d)##i%s", i.id.c_str(), n.ics.at(i.id), i.id.c_str());
        flow(button_w(b) + 10);
        if (chip(b, has(m.icss, i.id), ics_color(i.id))) c.emit("map_filter", {{"facet", "ics"}, {"value", i.id}});
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s integrated care system (ICS): the NHS, councils and partners planning health and care together for this part of London.", i.name.c_str());
    }
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Kind:");
    for (auto& k : jup::map_kind_groups()) {
        std::snprintf(b, sizeof b, "%s (%d)##k%s", jup::vocab::kind_label(k), n.kind.at(k), k.c_str());
        flow(button_w(b) - 20);
        if (chip(b, has(m.kinds, k))) c.emit("map_filter", {{"facet", "kind"}, {"value", k}});
    }
    ImGui::PopFont();
    ImGui::AlignTextToFramePadding();
    ImGui::Text("Showing %d of %d", n.shown, n.total);
    bool any = !m.themes.empty() || !m.icss.empty() || !m.kinds.empty() || m.era != "all";
    if (any) {
        ImGui::SameLine();
        if (ImGui::SmallButton("Clear filters")) c.emit("map_clear_filters");
    }
}

// The list of shown case studies (keyboard route to every card), grouped by where they sit.
void case_list(Ctx& c, const std::vector<jm::Placement>& ps) {
    auto item = [&](const jup::CaseStudy& cs, const char* suffix) {
        std::string label = marker_code(c.content, cs) + "  " + cs.title + "##" + suffix + cs.id;
        if (ImGui::Selectable(label.c_str(), c.state.case_study == cs.id)) c.emit("select_case_study", {{"case_study", cs.id}});
    };
    std::vector<int> london;
    std::map<std::string, std::vector<int>> by_ics;
    for (auto& p : ps) {
        const auto& cs = c.content.case_studies[p.case_index];
        if (!jm::passes(c.content, cs, c.state.map)) continue;
        if (p.level == jm::Level::London) london.push_back(p.case_index);
        else {
            std::string ics = p.level == jm::Level::Ics ? p.where : jm::ics_of_area(c.content, p.where);
            auto& v = by_ics[ics];
            if (std::find(v.begin(), v.end(), p.case_index) == v.end()) v.push_back(p.case_index);
        }
    }
    if (!london.empty()) {
        ImGui::SeparatorText("London-wide");
        for (int i : london) item(c.content.case_studies[i], "l");
    }
    for (auto& ics : c.content.icss) {
        auto it = by_ics.find(ics.id);
        if (it == by_ics.end()) continue;
        ImGui::SeparatorText(ics.name.c_str());
        ImGui::PushID(ics.id.c_str());
        for (int i : it->second) item(c.content.case_studies[i], "a");
        ImGui::PopID();
    }
    if (london.empty() && by_ics.empty()) text_wrapped("No case studies match these filters. Choose \"Clear filters\" to see them all.");
}

void place_panel(Ctx& c, const std::vector<jm::Placement>& ps) {
    const jup::Place* pl = c.content.place(c.state.place);
    if (!pl) return;
    if (ImGui::Button("Close")) c.emit("select_place", {{"place", ""}});
    heading(c, pl->name);
    std::string code = jm::area_of_place(c.content, pl->id);
    std::string ics = jm::ics_of_area(c.content, code);
    for (auto& i : c.content.icss)
        if (i.id == ics) text_wrapped("Part of " + i.name + " integrated care system (" + i.id + ").");
    flag_marks(c, pl->flags, "pl");
    ImGui::NewLine();
    int shown = 0;
    for (auto& p : ps) {
        const auto& cs = c.content.case_studies[p.case_index];
        bool here = (p.level == jm::Level::Area && p.where == code) || (p.level == jm::Level::Ics && p.where == ics);
        if (!here || !jm::passes(c.content, cs, c.state.map)) continue;
        if (!shown++) ImGui::SeparatorText("Case studies here");
        std::string label = marker_code(c.content, cs) + "  " + cs.title + (p.level == jm::Level::Ics ? " (whole ICS)" : "") + "##p" + cs.id;
        if (ImGui::Selectable(label.c_str(), false)) c.emit("select_case_study", {{"case_study", cs.id}});
    }
    if (!shown) text_wrapped("No case study shown here with the current filters.");
}

void ensure_mesh(const jup::geo::Geo& g) {
    if (V.geo == &g && V.mesh_ok) return;
    V.geo = &g;
    V.grid = jm::tile_grid(g.bbox);
    Vec2 origin{(g.bbox.min_x + g.bbox.max_x) / 2, (g.bbox.min_y + g.bbox.max_y) / 2};
    V.mesh_ok = map_gl::set_mesh(0, jm::build_mesh(g.areas, V.grid, origin));
}

void ensure_bench(const jup::geo::Geo& g, int n) {
    if (n == V.bench_n) return;
    V.bench_n = n;
    V.bench = jm::synthetic_layer(n, g.bbox);
    if (n > 0) map_gl::set_mesh(1, jm::build_mesh(V.bench, V.grid, {(g.bbox.min_x + g.bbox.max_x) / 2, (g.bbox.min_y + g.bbox.max_y) / 2}));
}

// Touch: two fingers pinch-zoom about their midpoint (one finger pans through SDL's mouse emulation).
void pinch(const jm::Rect& r) {
    std::vector<Vec2> f = map_gl::touch_fingers(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    if (f.size() < 2) {
        V.pinch_dist = 0;
        return;
    }
    Vec2 a = f[0], b = f[1];
    float d = (float)std::hypot(a.x - b.x, a.y - b.y);
    Vec2 mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (V.pinch_dist > 0 && d > 0 && r.contains(mid)) {
        V.cam.zoom_about(mid, d / V.pinch_dist);
        V.user_moved = true;
    }
    V.pinch_dist = d;
}

}  // namespace

void draw_map(Ctx& c) {
    const jup::geo::Geo* g = c.geo;
    jm::Counts counts = jm::count(c.content, c.state.map);
    static std::vector<jm::Placement> ps;
    static const jup::Content* ps_for = nullptr;
    if (ps_for != &c.content) ps = jm::placements(c.content), ps_for = &c.content;

    // ---- header and controls
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted("Case studies across London");
    ImGui::PopFont();
    controls(c, counts);

    const float side_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 320.f, 560.f);
    const float map_w = ImGui::GetContentRegionAvail().x - side_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("map", ImVec2(map_w, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    // London-wide strip.
    {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted("London-wide:");
        int n = 0;
        for (auto& p : ps) {
            if (p.level != jm::Level::London) continue;
            const auto& cs = c.content.case_studies[p.case_index];
            if (!jm::passes(c.content, cs, c.state.map)) continue;
            ImGui::SameLine();
            std::string t = cs.title;
            float room = ImGui::GetContentRegionAvail().x - 60;
            std::string label = marker_code(c.content, cs) + ": " + t;
            while (ImGui::CalcTextSize(label.c_str()).x > room && t.size() > 8) t.resize(t.size() - 4), label = marker_code(c.content, cs) + ": " + t + "...";
            if (chip(label + "##lw" + cs.id, c.state.case_study == cs.id)) c.emit("select_case_study", {{"case_study", cs.id}});
            if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", cs.title.c_str());
            ++n;
        }
        if (!n) {
            ImGui::SameLine();
            ImGui::TextDisabled("none with these filters");
        }
    }
    ImGui::PushFont(c.fonts.small);
    const float attrib_h = ImGui::GetFontSize() * 2 + 10;
    ImGui::PopFont();
    ImVec2 p0 = ImGui::GetCursorScreenPos();
    ImVec2 avail = ImGui::GetContentRegionAvail();
    jm::Rect r{p0.x, p0.y, avail.x, std::max(120.f, avail.y - attrib_h)};

    if (!g) {
        text_wrapped("The map's boundaries could not be loaded" + (c.geo_error && !c.geo_error->empty() ? " (" + *c.geo_error + ")" : std::string()) +
                     ". The case studies are listed on the right.");
    } else {
        ensure_mesh(*g);
        ensure_bench(*g, c.state.map.bench_polygons);
        // Fit on first show and whenever the map's rectangle changes size.
        if (!V.fitted || std::fabs(V.fitted_for.w - r.w) > 0.5 || std::fabs(V.fitted_for.h - r.h) > 0.5) {
            V.cam.fit(g->bbox, r, 12);
            V.fitted_for = r;
            V.fitted = true;
        }
        V.cam.view = r;  // follow moves of the rectangle (scrolling, panels)

        // Transition between boundaries and tiles.
        double target = c.state.map.tiles ? 1 : 0, now = now_s();
        if (V.t_start < 0) V.t = V.t_to = V.t_from = target, V.t_start = now - 10;
        if (target != V.t_to) V.t_from = V.t, V.t_to = target, V.t_start = now;
        V.t = jm::transition_progress(V.t_from, V.t_to, V.t_start, now, kTransitionSeconds * std::fabs(V.t_to - V.t_from));
        const double e = jm::ease(V.t);
        const bool animating = V.t != V.t_to;

        // ---- interaction
        ImGui::SetCursorScreenPos(p0);
        ImGui::InvisibleButton("London map: arrow keys move, + and - zoom, 0 fits", ImVec2((float)r.w, (float)r.h));
        const ImGuiID id = ImGui::GetItemID();
        const bool hovered = ImGui::IsItemHovered(), focused = ImGui::IsItemFocused();
        ImGuiIO& io = ImGui::GetIO();
        const ImGuiKey keys[] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow};
        if (focused) {
            for (ImGuiKey k : keys) ImGui::SetKeyOwner(k, id);
            V.owns_keys = true;
            float step = (float)std::min(r.w, r.h) * 0.1f;
            if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, id, ImGuiInputFlags_Repeat)) V.cam.pan(step, 0);
            if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, id, ImGuiInputFlags_Repeat)) V.cam.pan(-step, 0);
            if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, id, ImGuiInputFlags_Repeat)) V.cam.pan(0, step);
            if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, id, ImGuiInputFlags_Repeat)) V.cam.pan(0, -step);
            Vec2 mid{r.x + r.w / 2, r.y + r.h / 2};
            if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) V.cam.zoom_about(mid, 1.25);
            if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) V.cam.zoom_about(mid, 0.8);
            if (ImGui::IsKeyPressed(ImGuiKey_0) || ImGui::IsKeyPressed(ImGuiKey_Keypad0)) V.fitted = false;
        } else if (V.owns_keys) {
            for (ImGuiKey k : keys) ImGui::SetKeyOwner(k, ImGuiKeyOwner_None);
            V.owns_keys = false;
        }
        if (hovered && io.MouseWheel != 0) V.cam.zoom_about(v2(io.MousePos), std::pow(1.2, io.MouseWheel));
        if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 4)) {
            V.cam.pan(io.MouseDelta.x, io.MouseDelta.y);
            V.dragging = true;
        }
        pinch(r);

        // ---- markers (placed first; labels avoid them)
        ImGui::PushFont(c.fonts.small);
        const float fh = ImGui::GetFontSize();
        std::vector<Marker> markers;
        std::map<std::string, std::vector<int>> at_area, at_ics;
        for (auto& p : ps) {
            if (!jm::passes(c.content, c.content.case_studies[p.case_index], c.state.map)) continue;
            if (p.level == jm::Level::Area) at_area[p.where].push_back(p.case_index);
            else if (p.level == jm::Level::Ics) at_ics[p.where].push_back(p.case_index);
        }
        int selected = -1;
        std::string sel_code = jm::area_of_place(c.content, c.state.place);
        for (size_t i = 0; i < g->areas.size(); ++i)
            if (g->areas[i].code == sel_code) selected = (int)i;
        const bool tile_labels = e >= 0.999;
        const double tile_px = V.grid.size * (1 - V.grid.gap) * V.cam.scale;
        // Area labels: on the map they avoid the markers; on tiles they sit at the top of their
        // tile, shrunk (not hyphenated) until the longest word fits, and the markers avoid them.
        std::vector<jm::LabelRequest> req;
        std::vector<std::vector<std::string>> req_lines;
        std::vector<float> req_size;
        for (size_t i = 0; i < g->areas.size(); ++i) {
            const auto& a = g->areas[i];
            float size = fh;  // on tiles, shrink so the longest word fits (hyphenate only past 70%)
            if (tile_labels)
                for (auto& word : words_of(a.name))
                    size = std::min(size, fh * std::max(0.7f, ((float)tile_px - 6) / ImGui::CalcTextSize(word.c_str()).x));
            float k = size / fh;
            std::string name = a.name;  // tiles are small: "Kingston upon Thames" is "Kingston" there
            if (tile_labels && name.size() > 12 && name.compare(name.size() - 12, 12, " upon Thames") == 0) name.resize(name.size() - 12);
            auto lines = wrap_name(name, tile_labels ? ((float)tile_px - 6) / k + 1 : fh * 7.5f, tile_labels ? 3 : 2);
            float w = 0;
            for (auto& l : lines) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x * k);
            Vec2 s = V.cam.to_screen(area_point(a, e));
            if (tile_labels) s.y = s.y - tile_px / 2 + 4 + lines.size() * size / 2;  // top of the tile
            int pri = (int)(a.area_m2 / 1e6) + ((int)i == selected ? 10000 : 0) + ((int)i == V.hover ? 5000 : 0) + (tile_labels ? 100000 : 0);
            req.push_back({s, w + 4, lines.size() * size + 2, pri});
            req_lines.push_back(lines);
            req_size.push_back(size);
        }
        std::vector<jm::Rect> taken;  // what a marker must not cover
        if (tile_labels)
            for (auto& q : req) taken.push_back({q.anchor.x - q.w / 2, q.anchor.y - q.h / 2, q.w, q.h});
        // A row of markers centred on s, wrapped to max_w; if it would cover a label or another
        // marker it moves down (then up) a row at a time, so nothing hides anything else.
        auto lay_row = [&](Vec2 s, const std::vector<int>& cases, bool ics_level, const std::string& ics, float max_w, bool nudge) {
            const float mh = fh + 6, pad = tile_labels ? 7.f : 12.f;
            std::vector<std::vector<std::pair<int, std::string>>> rows(1);
            std::vector<float> row_w(1, 0);
            for (int ci : cases) {
                std::string code = marker_code(c.content, c.content.case_studies[ci]) + (ics_level ? " all " + ics : "");
                float w = ImGui::CalcTextSize(code.c_str()).x + pad;
                if (!rows.back().empty() && row_w.back() + 4 + w > max_w) rows.emplace_back(), row_w.push_back(0);
                row_w.back() += (rows.back().empty() ? 0 : 4) + w;
                rows.back().push_back({ci, code});
            }
            auto boxes_at = [&](double dy) {
                std::vector<Marker> out;
                for (size_t ri = 0; ri < rows.size(); ++ri) {
                    float x = (float)s.x - row_w[ri] / 2;
                    for (auto& [ci, code] : rows[ri]) {
                        float w = ImGui::CalcTextSize(code.c_str()).x + pad;
                        out.push_back({ci, {x, s.y + dy + ri * (mh + 3) - mh / 2, w, mh}, code, ics_level});
                        x += w + 4;
                    }
                }
                return out;
            };
            double up = max_w < 1e8f ? (rows.size() - 1) * (mh + 3) : 0;  // tiles: grow upwards from the bottom
            std::vector<Marker> best = boxes_at(-up);
            for (int step = 0; step < 12 && nudge; ++step) {
                double dy = (step % 2 ? -1 : 1) * ((step + 1) / 2) * (mh + 3);
                auto cand = boxes_at(dy);
                bool clear = true;
                for (auto& m : cand)
                    for (auto& t : taken) clear = clear && !m.box.overlaps(t);
                if (clear) { best = cand; break; }
            }
            for (auto& m : best) markers.push_back(m), taken.push_back(m.box);
        };
        for (auto& [code, cases] : at_area)
            if (const auto* a = g->find(code)) {
                Vec2 s = V.cam.to_screen(area_point(*a, e));
                s.y += e * (tile_px / 2 - (fh + 6) / 2 - 2);  // at the bottom of its tile
                lay_row(s, cases, false, "", tile_labels ? (float)tile_px - 4 : 1e9f, false);
            }
        for (auto& [ics, cases] : at_ics) {
            Vec2 s = V.cam.to_screen(ics_point(c.content, *g, ics, e));
            s.y += fh * 1.6;  // below the borough label that sits at the same place
            lay_row(s, cases, true, ics, 1e9f, true);
        }

        // ---- hover and click
        int marker_hover = -1;
        for (size_t k = 0; k < markers.size(); ++k)
            if (hovered && markers[k].box.contains(v2(io.MousePos))) marker_hover = (int)k;
        V.hover = -1;
        if (hovered && marker_hover < 0) {
            Vec2 w = V.cam.to_world(v2(io.MousePos));
            if (e < 0.5) V.hover = jup::geo::hit_test(g->areas, w);
            else
                for (size_t i = 0; i < g->areas.size(); ++i) {
                    const auto& a = g->areas[i];
                    if (a.tile_col >= 0 && V.grid.tile(a.tile_col, a.tile_row).contains(w)) V.hover = (int)i;
                }
        }
        if (ImGui::IsItemDeactivated() && !V.dragging && hovered) {
            if (marker_hover >= 0) c.emit("select_case_study", {{"case_study", c.content.case_studies[markers[marker_hover].case_index].id}});
            else if (V.hover >= 0) c.emit("select_place", {{"place", g->areas[V.hover].code}});
            else c.emit("select_place", {{"place", ""}});
        }
        if (!ImGui::IsItemActive()) V.dragging = false;

        // ---- GL draw
        map_gl::DrawParams dp;
        dp.view = r;
        dp.centre = V.cam.centre;
        dp.scale = V.cam.scale;
        dp.t = (float)e;
        dp.tile_alpha = V.t_to == 1 ? (float)std::clamp((e - 0.6) / 0.4, 0.0, 1.0) : (e >= 1 ? 1.f : 0.f);
        const auto& icss = c.state.map.icss;
        for (size_t i = 0; i < g->areas.size() && i < (size_t)map_gl::kMaxColors; ++i) {
            std::string ics = jm::ics_of_area(c.content, g->areas[i].code);
            bool dim = !icss.empty() && std::find(icss.begin(), icss.end(), ics) == icss.end();
            ImVec4 col = ics_color(ics);
            float white = (int)i == selected ? 0.15f : (int)i == V.hover ? 0.3f : 0.5f;
            dp.colors[i] = dim ? std::array<float, 4>{0.86f, 0.86f, 0.87f, 1} : rgba(col, white);
        }
        dp.border_half_width = 0.75f;
        dp.border = {1, 1, 1, 1};
        if (V.hover >= 0 && V.hover != selected) dp.outlines.push_back({V.hover, 1.2f, {0.2f, 0.2f, 0.25f, 1}});
        if (selected >= 0) dp.outlines.push_back({selected, 1.75f, {0.05f, 0.05f, 0.1f, 1}});
        dl->AddRectFilled(iv({r.x, r.y}), iv({r.right(), r.bottom()}), IM_COL32(236, 241, 246, 255));
        map_gl::queue(dl, dp);
        if (V.bench_n > 0) {
            map_gl::DrawParams bp;
            bp.mesh = 1;
            bp.view = r;
            bp.centre = V.cam.centre;
            bp.scale = V.cam.scale;
            for (int i = 0; i < map_gl::kMaxColors; ++i) bp.colors[i] = rgba(ics_color(c.content.icss[i % c.content.icss.size()].id), 0.2f, 0.5f);
            bp.border = {0.2f, 0.2f, 0.2f, 0.6f};
            bp.border_half_width = 0.5f;
            map_gl::queue(dl, bp);
        }

        // ---- labels
        dl->PushClipRect(iv({r.x, r.y}), iv({r.right(), r.bottom()}), true);
        std::vector<jm::Rect> obstacles;
        for (auto& m : markers) obstacles.push_back(m.box);
        auto placed = jm::place_labels(req, r, tile_labels ? std::vector<jm::Rect>{} : obstacles, 1);
        const ImU32 ink = IM_COL32(15, 15, 22, 255), halo = IM_COL32(255, 255, 255, 230);
        for (auto& pl : placed) {
            float y = (float)pl.box.y + 1, size = req_size[pl.index];
            for (auto& l : req_lines[pl.index]) {
                float lw = ImGui::CalcTextSize(l.c_str()).x * size / fh;
                text_halo(dl, ImVec2((float)(pl.box.x + pl.box.w / 2 - lw / 2), y), l.c_str(), ink, halo, size);
                y += size;
            }
        }
        // markers on top
        for (size_t k = 0; k < markers.size(); ++k) {
            const auto& m = markers[k];
            const auto& cs = c.content.case_studies[m.case_index];
            std::string g2 = jm::kind_group(cs.kind);
            bool sel = c.state.case_study == cs.id, hov = (int)k == marker_hover;
            ImU32 bg = g2 == "example-2018" ? IM_COL32(255, 255, 255, 255) : g2 == "programme" ? IM_COL32(110, 30, 90, 255) : IM_COL32(25, 35, 60, 255);
            ImU32 fg = g2 == "example-2018" ? IM_COL32(20, 20, 30, 255) : IM_COL32_WHITE;
            ImVec2 a = iv({m.box.x, m.box.y}), b = iv({m.box.right(), m.box.bottom()});
            if (sel || hov) dl->AddRectFilled(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), IM_COL32(255, 200, 0, 255), 8);
            dl->AddRectFilled(a, b, bg, m.ics_level ? 3.f : 8.f);
            dl->AddRect(a, b, IM_COL32(20, 20, 30, 255), m.ics_level ? 3.f : 8.f, 0, 1.5f);
            dl->AddText(ImVec2((a.x + b.x - ImGui::CalcTextSize(m.code.c_str()).x) / 2, a.y + 3), fg, m.code.c_str());
        }
        dl->PopClipRect();
        if (marker_hover >= 0) {
            const auto& cs = c.content.case_studies[markers[marker_hover].case_index];
            ImGui::SetTooltip("%s: %s\n%s. Click to open.", marker_code(c.content, cs).c_str(), cs.title.c_str(), jup::vocab::kind_label(jm::kind_group(cs.kind)));
        } else if (V.hover >= 0) {
            const auto& a = g->areas[V.hover];
            std::string ics = jm::ics_of_area(c.content, a.code);
            ImGui::SetTooltip("%s (%s). %d case stud%s here. Click to select.", a.name.c_str(), ics.c_str(), counts.area.count(a.code) ? counts.area.at(a.code) : 0,
                              counts.area.count(a.code) && counts.area.at(a.code) == 1 ? "y" : "ies");
        }
        ImGui::PopFont();

        // ---- inset over the map's top-right corner
        if (c.state.map.inset) {
            float iw = std::min((float)r.w * 0.5f, 420.f), ih = (float)r.h - 8;
            ImGui::SetCursorScreenPos(ImVec2((float)r.right() - iw - 4, (float)r.y + 4));
            ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 0.97f));
            ImGui::BeginChild("inset", ImVec2(iw, ih), ImGuiChildFlags_Border);
            if (ImGui::SmallButton("Close close-up")) c.emit("map_inset", {{"open", false}});
            draw_inset(c, ImVec2(iw, ih));
            ImGui::EndChild();
            ImGui::PopStyleColor();
        }

        // ---- legend and attribution under the map
        ImGui::SetCursorScreenPos(ImVec2((float)r.x, (float)r.bottom() + 4));
        ImGui::PushFont(c.fonts.small);
        ImGui::TextWrapped("Markers: CS = case study (2021 report), P = City & Hackney programme, L = case L, E (white) = 2018 example. "
                           "Contains National Statistics data \xC2\xA9 Crown copyright and database right 2020. Contains OS data \xC2\xA9 Crown copyright and database right 2020.");
        ImGui::PopFont();
        (void)animating;
    }
    ImGui::EndChild();

    // ---- side panel: filters, then the card, the place, or the list
    ImGui::SameLine();
    ImGui::BeginChild("side", ImVec2(0, 0), ImGuiChildFlags_Border);
    filters(c, counts);
    ImGui::Separator();
    if (const jup::CaseStudy* cs = c.state.case_study.empty() ? nullptr : c.content.case_study(c.state.case_study)) case_card(c, *cs);
    else if (!c.state.place.empty() && c.content.place(c.state.place)) place_panel(c, ps);
    else case_list(c, ps);
    ImGui::EndChild();
}

}  // namespace ui
