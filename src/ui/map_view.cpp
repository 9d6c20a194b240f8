// Case-study map: lays out what core/present/map_page prepared. London's 33 areas drawn with
// WebGL2 (platform/map_gl), coloured by ICS, with the case studies' markers on them; a tile-grid
// layout with an animated transition; filters with counts; then and now; the close-up; the card.
// The camera, transition and hover live in c.ui->map (map_ui.hpp).
#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>

#include "core/map_layout.hpp"
#include "core/present/map_page.hpp"
#include "imgui.h"
#include "imgui_internal.h"
#include "platform/map_gl.hpp"
#include "ui/map_parts.hpp"

namespace ui {

using namespace mapui;
namespace jm = jup::map;
namespace jp = jup::present;
using jup::geo::Vec2;

namespace {

constexpr double kTransitionSeconds = 0.4;

struct Marker {
    const jp::MapMarker* m;
    jm::Rect box;
    bool ics_level;
};

// One frame of the map canvas: where it is on screen and what this frame has worked out so far.
struct Frame {
    Ctx& c;
    const jp::MapPage& pg;
    const jup::geo::Geo& g;
    MapUi& v;
    jm::Rect r;
    double e = 0;            // eased transition progress (0 boundaries, 1 tiles)
    bool tile_labels = false;
    double tile_px = 0;      // a tile's side on screen
    float fh = 0;            // the small font's size
    bool hovered = false;
    std::vector<jm::LabelRequest> req;
    std::vector<std::vector<std::string>> req_lines;
    std::vector<float> req_size;
    std::vector<Marker> markers;
    int marker_hover = -1;
    Frame(Ctx& c_, const jp::MapPage& pg_, const jup::geo::Geo& g_, MapUi& v_, jm::Rect r_) : c(c_), pg(pg_), g(g_), v(v_), r(r_) {}
};

double now_s() { return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count(); }

std::array<float, 4> rgba(ImVec4 c, float white, float a = 1) {
    return {c.x + (1 - c.x) * white, c.y + (1 - c.y) * white, c.z + (1 - c.z) * white, a};
}

Vec2 v2(ImVec2 p) { return {p.x, p.y}; }
ImVec2 iv(Vec2 p) { return ImVec2((float)p.x, (float)p.y); }

// Splits a name into words ("and" becomes "&").
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

// Lines no wider than max_w; a word still too wide is hyphenated.
std::vector<std::string> wrap_name(const std::string& name, float max_w, int max_lines) {
    std::vector<std::string> words = words_of(name), lines;
    std::string cur;
    for (auto& w : words) {
        std::string trial = cur.empty() ? w : cur + " " + w;
        if (ImGui::CalcTextSize(trial.c_str()).x <= max_w || cur.empty()) cur = trial;
        else lines.push_back(cur), cur = w;
    }
    if (!cur.empty()) lines.push_back(cur);
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

// A chip with a colour swatch leaves room for it at the start of its label.
std::string chip_label(const std::string& label, bool swatch) { return (swatch ? "     " : "") + label; }
float chip_width(const jp::Chip& k) { return button_width(chip_label(k.label, k.palette >= 0).c_str()); }

bool chip(const std::string& label, bool on, ImVec4 swatch = ImVec4(0, 0, 0, 0)) {
    if (on) {
        ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_TabActive));
        ImGui::PushStyleColor(ImGuiCol_Text, ImVec4(1, 1, 1, 1));
    }
    float sw = swatch.w > 0 ? ImGui::GetFontSize() * 0.8f : 0;
    bool pressed = ImGui::Button(chip_label(label, sw > 0).c_str());
    if (sw > 0) {
        ImVec2 a = ImGui::GetItemRectMin();
        float pad = ImGui::GetStyle().FramePadding.x, y = (ImGui::GetItemRectSize().y - sw) / 2;
        ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(a.x + pad, a.y + y), ImVec2(a.x + pad + sw, a.y + y + sw), ImGui::GetColorU32(swatch), 3);
        ImGui::GetWindowDrawList()->AddRect(ImVec2(a.x + pad, a.y + y), ImVec2(a.x + pad + sw, a.y + y + sw), IM_COL32(60, 60, 70, 255), 3);
    }
    if (on) ImGui::PopStyleColor(2);
    return pressed;
}

// A prepared chip: its label, its colour swatch, its tooltip and its action. True when pressed.
bool chip(Ctx& c, const jp::Chip& k, const std::string& id) {
    bool pressed = chip(k.label + "##" + id, k.on, k.palette >= 0 ? ics_color(k.palette) : ImVec4(0, 0, 0, 0));
    if (pressed) c.emit(k.act);
    if (!k.tip.empty() && ImGui::IsItemHovered()) ImGui::SetTooltip("%s", k.tip.c_str());
    return pressed;
}

// A title and its chips ("Layout: Boundaries Tiles"), kept together on one line when they fit,
// set a little apart from the group before; chip by chip when the line is too short for them all.
void chip_group(Ctx& c, Flow& f, const std::string& title, const std::vector<jp::Chip>& chips, const std::string& id) {
    const float tight = 2, apart = 16;
    const float gap = ImGui::GetStyle().ItemSpacing.x, title_w = ImGui::CalcTextSize(title.c_str()).x;
    float w = title_w;
    for (auto& k : chips) w += gap + chip_width(k);
    const float line_start = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMin().x;
    const bool whole = w + apart <= ImGui::GetWindowContentRegionMax().x - ImGui::GetWindowContentRegionMin().x;
    // Not whole: the title still goes with its first chip.
    f.next((whole ? w : title_w + (chips.empty() ? 0 : gap + chip_width(chips[0]))) + apart);
    if (ImGui::GetCursorScreenPos().x > line_start + 1) ImGui::SetCursorPosX(ImGui::GetCursorPosX() + apart - gap);
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(title.c_str());
    for (size_t i = 0; i < chips.size(); ++i) {
        if (whole || i == 0) ImGui::SameLine(0, whole && i ? tight : -1);
        else f.next(chip_width(chips[i]));
        chip(c, chips[i], id + chips[i].key);
    }
}

// Layout, then and now, the close-up, and (with `fit`) Fit map. Without it they are in the
// sheet, which the close-up closes: it covers the map.
void controls(Ctx& c, const jp::MapPage& pg, bool fit) {
    Flow f;
    chip_group(c, f, pg.layout_title, pg.layout, "lay");
    chip_group(c, f, pg.era_title, pg.era, "era");
    if (pg.close_up) {
        f.next(chip_width(pg.close_up->toggle));
        if (chip(c, pg.close_up->toggle, "cu") && !fit) c.ui->map.sheet_open = false;
    }
    if (fit && flow_button(f, "Fit map")) c.ui->map.fitted = false;
}

void filters(Ctx& c, const jp::MapPage& pg) {
    ImGui::PushFont(c.fonts.small);
    for (auto& facet : pg.facets) {
        ImGui::AlignTextToFramePadding();
        ImGui::TextUnformatted(facet.title.c_str());
        Flow f{true};
        for (auto& k : facet.chips) {
            f.next(chip_width(k));
            chip(c, k, k.key);
        }
    }
    ImGui::PopFont();
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(pg.showing.c_str());
    if (pg.can_clear) {
        Flow{true}.next(button_width("Clear filters"));
        if (ImGui::SmallButton("Clear filters")) c.emit(pg.clear);
    }
}

void rows(Ctx& c, const std::vector<jp::CaseRow>& rs, const char* suffix) {
    for (auto& r : rs)
        if (selectable_wrapped(r.label + "##" + suffix + r.cs->id, r.selected)) c.emit(r.open);
}

// The shown case studies (the keyboard route to every card), grouped by where they sit.
void case_list(Ctx& c, const jp::MapPage& pg) {
    for (auto& g : pg.list) {
        ImGui::SeparatorText(g.title.c_str());
        ImGui::PushID(g.key.c_str());
        rows(c, g.rows, "a");
        ImGui::PopID();
    }
    if (!pg.list_empty.empty()) text_wrapped(pg.list_empty);
}

void place_panel(Ctx& c, const jp::PlacePanel& pp) {
    if (ImGui::Button("Close")) c.emit(pp.close);
    heading(c, pp.heading);
    if (!pp.part_of.empty()) text_wrapped(pp.part_of);
    flag_marks(c, pp.place->flags, "pl");
    ImGui::NewLine();
    if (!pp.rows.empty()) ImGui::SeparatorText(pp.rows_title.c_str());
    rows(c, pp.rows, "p");
    if (pp.rows.empty()) text_wrapped(pp.empty);
}

void london_strip(Ctx& c, const jp::MapPage& pg) {
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted(pg.london_title.c_str());
    for (auto& r : pg.london) {
        ImGui::SameLine();
        std::string t = r.title, label = r.label;
        float room = ImGui::GetContentRegionAvail().x - 60;  // shortened to the line's room
        while (ImGui::CalcTextSize(label.c_str()).x > room && t.size() > 8) t.resize(t.size() - 4), label = r.code + ": " + t + "...";
        if (chip(label + "##lw" + r.cs->id, r.selected)) c.emit(r.open);
        if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", r.title.c_str());
    }
    if (pg.london.empty()) {
        ImGui::SameLine();
        ImGui::TextDisabled("%s", pg.london_empty.c_str());
    }
}

void ensure_mesh(MapUi& v, const jup::geo::Geo& g) {
    if (v.mesh_for == &g && v.mesh_ok) return;
    v.mesh_for = &g;
    v.grid = jm::tile_grid(g.bbox);
    Vec2 origin{(g.bbox.min_x + g.bbox.max_x) / 2, (g.bbox.min_y + g.bbox.max_y) / 2};
    v.mesh_ok = map_gl::set_mesh(0, jm::build_mesh(g.areas, v.grid, origin));
}

void ensure_bench(MapUi& v, const jup::geo::Geo& g, int n) {
    if (n == v.bench_n) return;
    v.bench_n = n;
    v.bench = jm::synthetic_layer(n, g.bbox);
    if (n > 0) map_gl::set_mesh(1, jm::build_mesh(v.bench, v.grid, {(g.bbox.min_x + g.bbox.max_x) / 2, (g.bbox.min_y + g.bbox.max_y) / 2}));
}

// Fits the camera on first show and when the rectangle changes size; steps the transition.
void camera_and_transition(Frame& f) {
    MapUi& v = f.v;
    if (!v.fitted || std::fabs(v.fitted_for.w - f.r.w) > 0.5 || std::fabs(v.fitted_for.h - f.r.h) > 0.5) {
        v.cam.fit(f.g.bbox, f.r, 12);
        v.fitted_for = f.r;
        v.fitted = true;
    }
    v.cam.view = f.r;  // follow moves of the rectangle (scrolling, panels)
    double target = f.c.state.map.tiles ? 1 : 0, now = now_s();
    if (v.t_start < 0) v.t = v.t_to = v.t_from = target, v.t_start = now - 10;
    if (target != v.t_to) v.t_from = v.t, v.t_to = target, v.t_start = now;
    v.t = jm::transition_progress(v.t_from, v.t_to, v.t_start, now, kTransitionSeconds * std::fabs(v.t_to - v.t_from));
    f.e = jm::ease(v.t);
}

// Touch: two fingers pinch-zoom about their midpoint (one finger pans through SDL's mouse emulation).
void pinch(MapUi& v, const jm::Rect& r) {
    std::vector<Vec2> f = map_gl::touch_fingers(ImGui::GetIO().DisplaySize.x, ImGui::GetIO().DisplaySize.y);
    if (f.size() < 2) {
        v.pinch_dist = 0;
        return;
    }
    Vec2 a = f[0], b = f[1];
    float d = (float)std::hypot(a.x - b.x, a.y - b.y);
    Vec2 mid{(a.x + b.x) / 2, (a.y + b.y) / 2};
    if (v.pinch_dist > 0 && d > 0 && r.contains(mid)) v.cam.zoom_about(mid, d / v.pinch_dist);
    v.pinch_dist = d;
}

// The map takes keys while focused (arrows pan, + and - zoom, 0 fits), the wheel, drags and pinches.
void interact(Frame& f, ImVec2 p0) {
    MapUi& v = f.v;
    const jm::Rect& r = f.r;
    ImGui::SetCursorScreenPos(p0);
    ImGui::InvisibleButton("London map: arrow keys move, + and - zoom, 0 fits", ImVec2((float)r.w, (float)r.h));
    const ImGuiID id = ImGui::GetItemID();
    f.hovered = ImGui::IsItemHovered();
    ImGuiIO& io = ImGui::GetIO();
    const ImGuiKey keys[] = {ImGuiKey_LeftArrow, ImGuiKey_RightArrow, ImGuiKey_UpArrow, ImGuiKey_DownArrow};
    if (ImGui::IsItemFocused()) {
        for (ImGuiKey k : keys) ImGui::SetKeyOwner(k, id);
        v.owns_keys = true;
        float step = (float)std::min(r.w, r.h) * 0.1f;
        if (ImGui::IsKeyPressed(ImGuiKey_LeftArrow, id, ImGuiInputFlags_Repeat)) v.cam.pan(step, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_RightArrow, id, ImGuiInputFlags_Repeat)) v.cam.pan(-step, 0);
        if (ImGui::IsKeyPressed(ImGuiKey_UpArrow, id, ImGuiInputFlags_Repeat)) v.cam.pan(0, step);
        if (ImGui::IsKeyPressed(ImGuiKey_DownArrow, id, ImGuiInputFlags_Repeat)) v.cam.pan(0, -step);
        Vec2 mid{r.x + r.w / 2, r.y + r.h / 2};
        if (ImGui::IsKeyPressed(ImGuiKey_Equal) || ImGui::IsKeyPressed(ImGuiKey_KeypadAdd)) v.cam.zoom_about(mid, 1.25);
        if (ImGui::IsKeyPressed(ImGuiKey_Minus) || ImGui::IsKeyPressed(ImGuiKey_KeypadSubtract)) v.cam.zoom_about(mid, 0.8);
        if (ImGui::IsKeyPressed(ImGuiKey_0) || ImGui::IsKeyPressed(ImGuiKey_Keypad0)) v.fitted = false;
    } else if (v.owns_keys) {
        for (ImGuiKey k : keys) ImGui::SetKeyOwner(k, ImGuiKeyOwner_None);
        v.owns_keys = false;
    }
    if (f.hovered && io.MouseWheel != 0) v.cam.zoom_about(v2(io.MousePos), std::pow(1.2, io.MouseWheel));
    if (ImGui::IsItemActive() && ImGui::IsMouseDragging(0, 4)) {
        v.cam.pan(io.MouseDelta.x, io.MouseDelta.y);
        v.dragging = true;
    }
    pinch(v, r);
}

// Area labels: on the map they avoid the markers; on tiles they sit at the top of their tile,
// shrunk (not hyphenated) until the longest word fits, and the markers avoid them.
void label_requests(Frame& f) {
    const auto& areas = f.g.areas;
    for (size_t i = 0; i < areas.size(); ++i) {
        const auto& a = areas[i];
        const jp::AreaView& av = f.pg.areas[i];
        float size = f.fh;  // on tiles, shrink so the longest word fits (hyphenate only past 70%)
        if (f.tile_labels)
            for (auto& word : words_of(a.name))
                size = std::min(size, f.fh * std::max(0.7f, ((float)f.tile_px - 6) / ImGui::CalcTextSize(word.c_str()).x));
        float k = size / f.fh;
        auto lines = wrap_name(f.tile_labels ? av.tile_name : av.name, f.tile_labels ? ((float)f.tile_px - 6) / k + 1 : f.fh * 7.5f, f.tile_labels ? 3 : 2);
        float w = 0;
        for (auto& l : lines) w = std::max(w, ImGui::CalcTextSize(l.c_str()).x * k);
        Vec2 s = f.v.cam.to_screen(jm::area_point(a, f.v.grid, f.e));
        if (f.tile_labels) s.y = s.y - f.tile_px / 2 + 4 + lines.size() * size / 2;  // top of the tile
        int pri = (int)(a.area_m2 / 1e6) + ((int)i == f.pg.selected_area ? 10000 : 0) + ((int)i == f.v.hover ? 5000 : 0) + (f.tile_labels ? 100000 : 0);
        f.req.push_back({s, w + 4, lines.size() * size + 2, pri});
        f.req_lines.push_back(lines);
        f.req_size.push_back(size);
    }
}

// Markers go in rows on their area (at the bottom of its tile) or, for a whole ICS, below the
// middle of its areas, moved a row at a time until they cover nothing.
void lay_markers(Frame& f) {
    std::vector<jm::Rect> taken;
    if (f.tile_labels)
        for (auto& q : f.req) taken.push_back({q.anchor.x - q.w / 2, q.anchor.y - q.h / 2, q.w, q.h});
    const float mh = f.fh + 6, pad = f.tile_labels ? 7.f : 12.f;
    for (auto& set : f.pg.markers) {
        bool ics = set.level == jm::Level::Ics;
        Vec2 s;
        if (ics) {
            s = f.v.cam.to_screen(jm::ics_point(f.c.content, f.g, f.v.grid, set.where, f.e));
            s.y += f.fh * 1.6;  // below the borough label that sits at the same place
        } else if (const auto* a = f.g.find(set.where)) {
            s = f.v.cam.to_screen(jm::area_point(*a, f.v.grid, f.e));
            s.y += f.e * (f.tile_px / 2 - mh / 2 - 2);  // at the bottom of its tile
        } else {
            continue;
        }
        std::vector<double> widths;
        for (auto& m : set.markers) widths.push_back(ImGui::CalcTextSize(m.code.c_str()).x + pad);
        double max_w = !ics && f.tile_labels ? f.tile_px - 4 : 1e9;
        auto boxes = jm::marker_rows(s, widths, max_w, mh, ics, taken);
        for (size_t k = 0; k < boxes.size(); ++k) {
            f.markers.push_back({&set.markers[k], boxes[k], ics});
            taken.push_back(boxes[k]);
        }
    }
}

void hover_and_click(Frame& f) {
    MapUi& v = f.v;
    ImGuiIO& io = ImGui::GetIO();
    for (size_t k = 0; k < f.markers.size(); ++k)
        if (f.hovered && f.markers[k].box.contains(v2(io.MousePos))) f.marker_hover = (int)k;
    v.hover = -1;
    if (f.hovered && f.marker_hover < 0) {
        Vec2 w = v.cam.to_world(v2(io.MousePos));
        if (f.e < 0.5) v.hover = jup::geo::hit_test(f.g.areas, w);
        else
            for (size_t i = 0; i < f.g.areas.size(); ++i) {
                const auto& a = f.g.areas[i];
                if (a.tile_col >= 0 && v.grid.tile(a.tile_col, a.tile_row).contains(w)) v.hover = (int)i;
            }
    }
    if (ImGui::IsItemDeactivated() && !v.dragging && f.hovered) {
        if (f.marker_hover >= 0) f.c.emit(f.markers[f.marker_hover].m->open);
        else if (v.hover >= 0) f.c.emit("select_place", {{"place", f.g.areas[v.hover].code}});
        else f.c.emit("select_place", {{"place", ""}});
    }
    if (!ImGui::IsItemActive()) v.dragging = false;
}

void gl_draw(Frame& f, ImDrawList* dl) {
    const MapUi& v = f.v;
    map_gl::DrawParams dp;
    dp.view = f.r;
    dp.centre = v.cam.centre;
    dp.scale = v.cam.scale;
    dp.t = (float)f.e;
    dp.tile_alpha = v.t_to == 1 ? (float)std::clamp((f.e - 0.6) / 0.4, 0.0, 1.0) : (f.e >= 1 ? 1.f : 0.f);
    const int selected = f.pg.selected_area;
    for (size_t i = 0; i < f.pg.areas.size() && i < (size_t)map_gl::kMaxColors; ++i) {
        const jp::AreaView& a = f.pg.areas[i];
        float white = (int)i == selected ? 0.15f : (int)i == v.hover ? 0.3f : 0.5f;
        dp.colors[i] = a.dim ? std::array<float, 4>{0.86f, 0.86f, 0.87f, 1} : rgba(ics_color(a.palette), white);
    }
    dp.border_half_width = 0.75f;
    dp.border = {1, 1, 1, 1};
    if (v.hover >= 0 && v.hover != selected) dp.outlines.push_back({v.hover, 1.2f, {0.2f, 0.2f, 0.25f, 1}});
    if (selected >= 0) dp.outlines.push_back({selected, 1.75f, {0.05f, 0.05f, 0.1f, 1}});
    dl->AddRectFilled(iv({f.r.x, f.r.y}), iv({f.r.right(), f.r.bottom()}), IM_COL32(236, 241, 246, 255));
    map_gl::queue(dl, dp);
    if (v.bench_n > 0) {
        map_gl::DrawParams bp;
        bp.mesh = 1;
        bp.view = f.r;
        bp.centre = v.cam.centre;
        bp.scale = v.cam.scale;
        for (int i = 0; i < map_gl::kMaxColors; ++i) bp.colors[i] = rgba(ics_color(i), 0.2f, 0.5f);
        bp.border = {0.2f, 0.2f, 0.2f, 0.6f};
        bp.border_half_width = 0.5f;
        map_gl::queue(dl, bp);
    }
}

// Labels where they fit, then the markers on top, then the tooltip.
void labels_and_markers(Frame& f, ImDrawList* dl) {
    dl->PushClipRect(iv({f.r.x, f.r.y}), iv({f.r.right(), f.r.bottom()}), true);
    std::vector<jm::Rect> obstacles;
    for (auto& m : f.markers) obstacles.push_back(m.box);
    auto placed = jm::place_labels(f.req, f.r, f.tile_labels ? std::vector<jm::Rect>{} : obstacles, 1);
    const ImU32 ink = IM_COL32(15, 15, 22, 255), halo = IM_COL32(255, 255, 255, 230);
    for (auto& pl : placed) {
        float y = (float)pl.box.y + 1, size = f.req_size[pl.index];
        for (auto& l : f.req_lines[pl.index]) {
            float lw = ImGui::CalcTextSize(l.c_str()).x * size / f.fh;
            text_halo(dl, ImVec2((float)(pl.box.x + pl.box.w / 2 - lw / 2), y), l.c_str(), ink, halo, size);
            y += size;
        }
    }
    for (size_t k = 0; k < f.markers.size(); ++k) {
        const Marker& m = f.markers[k];
        const MarkerColors col = marker_colors(m.m->style);
        ImVec2 a = iv({m.box.x, m.box.y}), b = iv({m.box.right(), m.box.bottom()});
        if (m.m->selected || (int)k == f.marker_hover) dl->AddRectFilled(ImVec2(a.x - 3, a.y - 3), ImVec2(b.x + 3, b.y + 3), IM_COL32(255, 200, 0, 255), 8);
        dl->AddRectFilled(a, b, col.bg, m.ics_level ? 3.f : 8.f);
        dl->AddRect(a, b, IM_COL32(20, 20, 30, 255), m.ics_level ? 3.f : 8.f, 0, 1.5f);
        dl->AddText(ImVec2((a.x + b.x - ImGui::CalcTextSize(m.m->code.c_str()).x) / 2, a.y + 3), col.fg, m.m->code.c_str());
    }
    dl->PopClipRect();
    if (f.marker_hover >= 0) ImGui::SetTooltip("%s", f.markers[f.marker_hover].m->tip.c_str());
    else if (f.v.hover >= 0) ImGui::SetTooltip("%s", f.pg.areas[f.v.hover].tip.c_str());
}

// The close-up over the map's top-right corner (a phone: over all of it). Returns its width.
float close_up_panel(Ctx& c, const jp::CloseUpView& cu, const jm::Rect& r) {
    float iw = c.narrow ? (float)r.w - 8 : std::min((float)r.w * 0.5f, 420.f), ih = (float)r.h - 8;
    ImGui::SetCursorScreenPos(ImVec2((float)r.right() - iw - 4, (float)r.y + 4));
    ImGui::PushStyleColor(ImGuiCol_ChildBg, ImVec4(1, 1, 1, 0.97f));
    ImGui::BeginChild("inset", ImVec2(iw, ih), ImGuiChildFlags_Border);
    if (ImGui::SmallButton("Close close-up")) c.emit(cu.close);
    draw_inset(c, cu, ImVec2(iw, ih));
    ImGui::EndChild();
    ImGui::PopStyleColor();
    return iw + 4;
}

// The marker key and the boundaries' attribution, as one paragraph.
std::string legend_text(const jp::MapPage& pg) {
    std::string key = pg.legend_title;
    for (size_t i = 0; i < pg.legend.size(); ++i) {
        const auto& e = pg.legend[i];
        key += (i ? ", " : " ") + e.code + (marker_colors(e.style).light ? " (white)" : "") + " = " + e.label;
    }
    return key + ". " + pg.attribution;
}

// The height the key takes, wrapped to `width`, with the gap above it.
float legend_height(Ctx& c, const jp::MapPage& pg, float width) {
    ImGui::PushFont(c.fonts.small);
    float h = ImGui::CalcTextSize(legend_text(pg).c_str(), nullptr, false, width).y + 8;
    ImGui::PopFont();
    return h;
}

// The key under the map.
void legend_and_attribution(Ctx& c, const jp::MapPage& pg, const jm::Rect& r) {
    ImGui::SetCursorScreenPos(ImVec2((float)r.x, (float)r.bottom() + 4));
    ImGui::PushFont(c.fonts.small);
    text_wrapped(legend_text(pg));
    ImGui::PopFont();
}

// drag_h: how much of the map, from its top, no panel covers: a one-finger drag there pans it.
void map_canvas(Ctx& c, const jp::MapPage& pg, const jup::geo::Geo& g, ImVec2 p0, const jm::Rect& r, double drag_h) {
    MapUi& v = c.ui->map;
    ensure_mesh(v, g);
    ensure_bench(v, g, c.state.map.bench_polygons);
    Frame f(c, pg, g, v, r);
    camera_and_transition(f);
    interact(f, p0);
    ImGui::PushFont(c.fonts.small);
    f.fh = ImGui::GetFontSize();
    f.tile_labels = f.e >= 0.999;
    f.tile_px = v.grid.size * (1 - v.grid.gap) * v.cam.scale;
    label_requests(f);
    lay_markers(f);
    hover_and_click(f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    gl_draw(f, dl);
    labels_and_markers(f, dl);
    ImGui::PopFont();
    float covered_w = pg.close_up && pg.close_up_open ? close_up_panel(c, *pg.close_up, r) : 0;
    float* area = c.ui->touch_drag_area;
    area[0] = (float)r.x, area[1] = (float)r.y, area[2] = std::max(0.f, (float)r.w - covered_w), area[3] = (float)drag_h;
}

// The card, the place, or the list.
void side_content(Ctx& c, const jp::MapPage& pg) {
    if (pg.card) case_card(c, *pg.card);
    else if (pg.place) place_panel(c, *pg.place);
    else case_list(c, pg);
}

// A phone, or a screen too short for the side panel: the map fills the width; the controls,
// filters and list are in a sheet over its lower part. `min_h`: the map's least height (a short
// screen's map is taller than the room left and the page scrolls).
void sheet_map(Ctx& c, const jp::MapPage& pg, float min_h) {
    MapUi& v = c.ui->map;
    std::string chosen = pg.card ? "case " + pg.card->cs->id : pg.place ? "place " + pg.place->place->id : "";
    if (chosen != v.sheet_for) {
        if (!chosen.empty()) v.sheet_open = true;  // show what was just chosen
        v.sheet_for = chosen;
    }
    Flow f;
    f.next(button_width("Filters and list"));
    if (chip("Filters and list", v.sheet_open)) v.sheet_open = !v.sheet_open;
    if (flow_button(f, "Fit map")) v.fitted = false;
    f.next(ImGui::CalcTextSize(pg.showing.c_str()).x);
    if (ImGui::GetCursorPosX() > ImGui::GetWindowContentRegionMin().x + 1) ImGui::AlignTextToFramePadding();  // beside the buttons
    ImGui::TextDisabled("%s", pg.showing.c_str());

    const ImVec2 p0 = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    const float map_h = std::max(min_h, avail.y - legend_height(c, pg, avail.x) - ImGui::GetStyle().ItemSpacing.y);
    const jm::Rect r{p0.x, p0.y, avail.x, map_h};
    const float sheet_top = (float)r.y + map_h * 0.4f, bottom = std::max(p0.y + avail.y, (float)r.bottom());
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
    ImGui::BeginChild("map", ImVec2(avail.x, map_h), ImGuiChildFlags_None, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    ImGui::PopStyleVar();
    if (!c.geo) text_wrapped(pg.no_geo);
    else map_canvas(c, pg, *c.geo, p0, r, v.sheet_open ? sheet_top - r.y : map_h);
    ImGui::EndChild();
    ImGui::PushFont(c.fonts.small);
    text_wrapped(legend_text(pg));
    ImGui::PopFont();
    if (!v.sheet_open) return;

    ImGui::SetCursorScreenPos(ImVec2(p0.x, sheet_top));
    ImVec4 bg = ImGui::GetStyleColorVec4(ImGuiCol_WindowBg);
    bg.w = 1;
    ImGui::PushStyleColor(ImGuiCol_ChildBg, bg);
    ImGui::BeginChild("sheet", ImVec2(avail.x, bottom - sheet_top), ImGuiChildFlags_Border);
    ImGui::PopStyleColor();
    if (ImGui::Button("Close filters and list")) v.sheet_open = false;
    if (!pg.card && !pg.place) {  // a chosen card or place comes first: it is what was asked for
        controls(c, pg, false);
        filters(c, pg);
        ImGui::Separator();
    }
    side_content(c, pg);
    ImGui::EndChild();
}

}  // namespace

void draw_map(Ctx& c) {
    const jp::MapPage pg = jp::map_page(c.content, c.state, c.geo, c.geo_error ? *c.geo_error : std::string());
    // A landscape phone has room for the map or the side panel, not both.
    const bool short_screen = ImGui::GetContentRegionAvail().y < ImGui::GetFontSize() * 24;
    ImGui::PushFont(c.fonts.heading);
    ImGui::TextUnformatted(pg.heading.c_str());
    ImGui::PopFont();
    if (c.narrow || short_screen) return sheet_map(c, pg, short_screen ? ImGui::GetMainViewport()->WorkSize.y * 0.7f : 160.f);
    controls(c, pg, true);

    const float side_w = std::clamp(ImGui::GetContentRegionAvail().x * 0.36f, 320.f, 560.f);
    const float map_w = ImGui::GetContentRegionAvail().x - side_w - ImGui::GetStyle().ItemSpacing.x;
    ImGui::BeginChild("map", ImVec2(map_w, 0), ImGuiChildFlags_Border, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NoMove);
    london_strip(c, pg);
    ImVec2 p0 = ImGui::GetCursorScreenPos(), avail = ImGui::GetContentRegionAvail();
    jm::Rect r{p0.x, p0.y, avail.x, std::max(120.f, avail.y - legend_height(c, pg, avail.x))};
    if (!c.geo) {
        text_wrapped(pg.no_geo);
    } else {
        map_canvas(c, pg, *c.geo, p0, r, r.h);
        legend_and_attribution(c, pg, r);
    }
    ImGui::EndChild();

    // The side panel: filters, then the card, the place, or the list.
    ImGui::SameLine();
    ImGui::BeginChild("side", ImVec2(0, 0), ImGuiChildFlags_Border);
    filters(c, pg);
    ImGui::Separator();
    side_content(c, pg);
    ImGui::EndChild();
}

}  // namespace ui
