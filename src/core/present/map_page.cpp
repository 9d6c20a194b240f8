#include "core/present/map_page.hpp"

#include <algorithm>
#include <map>

#include "core/format.hpp"
#include "core/vocab.hpp"

namespace jup::present {

namespace jm = jup::map;

std::string marker_code(const Content& c, const CaseStudy& cs) {
    if (cs.ref.size() >= 3 && cs.ref.compare(0, 2, "CS") == 0) return cs.ref;
    if (cs.kind == "case") return cs.ref.empty() ? "C" : cs.ref;
    std::string g = jm::kind_group(cs.kind);
    int n = 0;
    for (auto& o : c.case_studies) {
        if (jm::kind_group(o.kind) == g && o.kind != "case") ++n;
        if (&o == &cs) break;
    }
    return (g == "example-2018" ? "E" : "P") + std::to_string(n);
}

static MarkerStyle style_of(const CaseStudy& cs) {
    std::string g = jm::kind_group(cs.kind);
    return g == "example-2018" ? MarkerStyle::Example : g == "programme" ? MarkerStyle::Programme : MarkerStyle::CaseStudy;
}

static int palette_of(const Content& c, const std::string& ics) {
    for (size_t i = 0; i < c.icss.size(); ++i)
        if (c.icss[i].id == ics) return (int)i;
    return -1;
}

static bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

static std::string counted(const std::string& label, const std::map<std::string, int>& n, const std::string& key) {
    auto it = n.find(key);
    return label + " (" + std::to_string(it == n.end() ? 0 : it->second) + ")";
}

static CaseRow row(const Content& c, const State& s, const CaseStudy& cs, const char* sep) {
    CaseRow r;
    r.cs = &cs;
    r.code = marker_code(c, cs);
    r.title = cs.title;
    r.label = r.code + sep + cs.title;
    r.selected = s.case_study == cs.id;
    r.open = make_action("select_case_study", {{"case_study", cs.id}});
    return r;
}

static void controls(const Content& c, const State& s, const jm::Counts& n, MapPage& pg) {
    const MapState& m = s.map;
    pg.layout_title = "Layout:";
    pg.layout.push_back({"boundaries", "Map", !m.tiles, make_action("map_layout", {{"layout", "boundaries"}}), "", -1});
    pg.layout.push_back({"tiles", "Equal tiles", m.tiles, make_action("map_layout", {{"layout", "tiles"}}),
                         "One equal square per area, so small areas such as the City of London are easy to see and click.", -1});
    pg.era_title = "Then and now:";
    pg.era.push_back({"then", counted("2018", n.era, "then"), m.era == "then", make_action("map_era", {{"era", "then"}}), "", -1});
    pg.era.push_back({"all", counted("Both", n.era, "all"), m.era == "all", make_action("map_era", {{"era", "all"}}), "", -1});
    pg.era.push_back({"now", counted("2020-21", n.era, "now"), m.era == "now", make_action("map_era", {{"era", "now"}}), "", -1});

    Facet themes{"Themes (the Ps):", {}}, icss{"Integrated care systems:", {}}, kinds{"Kind:", {}};
    for (auto& b : c.boards)
        themes.chips.push_back({"t" + b.id, counted(b.p, n.theme, b.id), has(m.themes, b.id),
                                make_action("map_filter", {{"facet", "theme"}, {"value", b.id}}), "", -1});
    for (size_t i = 0; i < c.icss.size(); ++i) {
        const Ics& ics = c.icss[i];
        icss.chips.push_back({"i" + ics.id, counted(ics.id, n.ics, ics.id), has(m.icss, ics.id),
                              make_action("map_filter", {{"facet", "ics"}, {"value", ics.id}}),
                              ics.name + " integrated care system (ICS): the NHS, councils and partners planning health and care together "
                                         "for this part of London.",
                              (int)i});
    }
    for (auto& k : map_kind_groups())
        kinds.chips.push_back({"k" + k, counted(vocab::kind_label(k), n.kind, k), has(m.kinds, k),
                               make_action("map_filter", {{"facet", "kind"}, {"value", k}}), "", -1});
    pg.facets = {themes, icss, kinds};
    pg.showing = "Showing " + std::to_string(n.shown) + " of " + std::to_string(n.total);
    pg.can_clear = !m.themes.empty() || !m.icss.empty() || !m.kinds.empty() || m.era != "all";
    pg.clear = make_action("map_clear_filters");
}

// The markers on each area and whole ICS, and the London-wide strip.
static void markers(const Content& c, const State& s, const std::vector<jm::Placement>& ps, MapPage& pg) {
    std::map<std::string, std::vector<int>> at_area, at_ics;
    pg.london_title = "London-wide:";
    pg.london_empty = "none with these filters";
    for (auto& p : ps) {
        const CaseStudy& cs = c.case_studies[p.case_index];
        if (!jm::passes(c, cs, s.map)) continue;
        if (p.level == jm::Level::Area) at_area[p.where].push_back(p.case_index);
        else if (p.level == jm::Level::Ics) at_ics[p.where].push_back(p.case_index);
        else pg.london.push_back(row(c, s, cs, ": "));
    }
    auto set_of = [&](jm::Level level, const std::string& where, const std::vector<int>& cases) {
        MarkerSet set{level, where, {}};
        for (int i : cases) {
            const CaseStudy& cs = c.case_studies[i];
            MapMarker mk;
            mk.cs = &cs;
            std::string code = marker_code(c, cs);
            mk.code = level == jm::Level::Ics ? code + " all " + where : code;
            mk.style = style_of(cs);
            mk.selected = s.case_study == cs.id;
            mk.tip = code + ": " + cs.title + "\n" + vocab::kind_label(cs.kind) + ". Click to open.";
            mk.open = make_action("select_case_study", {{"case_study", cs.id}});
            set.markers.push_back(std::move(mk));
        }
        pg.markers.push_back(std::move(set));
    };
    for (auto& [code, cases] : at_area) set_of(jm::Level::Area, code, cases);
    for (auto& [ics, cases] : at_ics) set_of(jm::Level::Ics, ics, cases);
}

static void areas(const Content& c, const State& s, const jm::Counts& n, const geo::Geo& g, MapPage& pg) {
    std::string sel = jm::area_of_place(c, s.place);
    const std::string upon = " upon Thames";
    for (size_t i = 0; i < g.areas.size(); ++i) {
        const auto& a = g.areas[i];
        AreaView v;
        v.code = a.code;
        v.name = a.name;
        v.tile_name = a.name;
        if (v.tile_name.size() > upon.size() && v.tile_name.compare(v.tile_name.size() - upon.size(), upon.size(), upon) == 0)
            v.tile_name.resize(v.tile_name.size() - upon.size());
        std::string ics = jm::ics_of_area(c, a.code);
        v.palette = palette_of(c, ics);
        v.dim = !s.map.icss.empty() && !has(s.map.icss, ics);
        auto it = n.area.find(a.code);
        int k = it == n.area.end() ? 0 : it->second;
        v.tip = a.name + " (" + ics + "). " + std::to_string(k) + (k == 1 ? " case study" : " case studies") + " here. Click to select.";
        if (a.code == sel) pg.selected_area = (int)i;
        pg.areas.push_back(std::move(v));
    }
    std::string lines;
    for (auto& l : g.attribution) lines += (lines.empty() ? "" : " ") + l + ".";
    pg.attribution = lines;
}

static void legend(const Content& c, MapPage& pg) {
    pg.legend_title = "Markers:";
    for (auto& cs : c.case_studies) {
        std::string code = marker_code(c, cs);
        size_t k = code.find_first_of("0123456789");
        std::string prefix = code.substr(0, k);
        bool seen = std::any_of(pg.legend.begin(), pg.legend.end(), [&](const LegendEntry& e) { return e.code == prefix; });
        if (!seen) pg.legend.push_back({prefix, style_of(cs), vocab::kind_label(cs.kind)});
    }
}

static void side(const Content& c, const State& s, const std::vector<jm::Placement>& ps, MapPage& pg) {
    if (const CaseStudy* cs = s.case_study.empty() ? nullptr : c.case_study(s.case_study)) {
        pg.card = case_card(c, *cs);
        return;
    }
    if (const Place* pl = s.place.empty() ? nullptr : c.place(s.place)) {
        PlacePanel pp;
        pp.place = pl;
        pp.heading = pl->name;
        std::string code = jm::area_of_place(c, pl->id), ics = jm::ics_of_area(c, code);
        for (auto& i : c.icss)
            if (i.id == ics) pp.part_of = "Part of " + i.name + " integrated care system (" + i.id + ").";
        pp.rows_title = "Case studies here";
        pp.empty = "No case study shown here with the current filters.";
        for (auto& p : ps) {
            const CaseStudy& cs = c.case_studies[p.case_index];
            bool here = (p.level == jm::Level::Area && p.where == code) || (p.level == jm::Level::Ics && p.where == ics);
            if (!here || !jm::passes(c, cs, s.map)) continue;
            CaseRow r = row(c, s, cs, "  ");
            if (p.level == jm::Level::Ics) r.label += " (whole ICS)";
            pp.rows.push_back(std::move(r));
        }
        pp.close = make_action("select_place", {{"place", ""}});
        pg.place = std::move(pp);
        return;
    }
    CaseGroup london{"l", "London-wide", {}};
    std::map<std::string, std::vector<int>> by_ics;
    for (auto& p : ps) {
        const CaseStudy& cs = c.case_studies[p.case_index];
        if (!jm::passes(c, cs, s.map)) continue;
        if (p.level == jm::Level::London) london.rows.push_back(row(c, s, cs, "  "));
        else {
            auto& v = by_ics[p.level == jm::Level::Ics ? p.where : jm::ics_of_area(c, p.where)];
            if (std::find(v.begin(), v.end(), p.case_index) == v.end()) v.push_back(p.case_index);
        }
    }
    if (!london.rows.empty()) pg.list.push_back(std::move(london));
    for (auto& ics : c.icss) {
        auto it = by_ics.find(ics.id);
        if (it == by_ics.end()) continue;
        CaseGroup gr{ics.id, ics.name, {}};
        for (int i : it->second) gr.rows.push_back(row(c, s, c.case_studies[i], "  "));
        pg.list.push_back(std::move(gr));
    }
    if (pg.list.empty()) pg.list_empty = "No case studies match these filters. Choose \"Clear filters\" to see them all.";
}

static CloseUpView close_up(const Content& c, const State& s, const CloseUp& cu) {
    CloseUpView v;
    v.close_up = &cu;
    v.title = cu.title;
    v.intro = &cu.intro;
    v.flags = &cu.flags;
    v.palette = palette_of(c, jm::ics_of_area(c, jm::area_of_place(c, cu.area)));
    bool shapes[4] = {false, false, false, false};
    for (auto& sp : cu.spots) {
        const Place* p = c.place(sp.place);
        if (!p) continue;
        SpotView sv;
        sv.place = p;
        sv.x = sp.x, sv.y = sp.y;
        sv.shape = p->kind == "neighbourhood" ? SpotShape::Neighbourhood : p->kind == "hospital" ? SpotShape::Hospital
                   : is_local_authority(*p) ? SpotShape::Area : SpotShape::Site;
        shapes[(int)sv.shape] = true;
        bool unnamed = has_flag(p->flags, "not-named");
        sv.name = unnamed ? "(not named)" : p->name;
        if (sv.shape == SpotShape::Neighbourhood) sv.tip = p->name + (unnamed ? ": the source does not name it" : "");
        else if (sv.shape == SpotShape::Hospital) sv.tip = p->name + " (hospital). Position approximate.";
        else if (sv.shape == SpotShape::Site) sv.tip = p->name + ". Position approximate.";
        else sv.tip = p->name;
        sv.selected = s.place == p->id;
        sv.select = make_action("select_place", {{"place", p->id}});
        v.spots.push_back(std::move(sv));
    }
    std::vector<std::string> key;
    if (shapes[(int)SpotShape::Neighbourhood]) key.push_back("hexagons are Neighbourhoods");
    if (shapes[(int)SpotShape::Hospital]) key.push_back("blue squares with a cross are hospitals");
    if (shapes[(int)SpotShape::Site]) key.push_back("grey squares other sites");
    for (auto& k : cu.case_studies) {
        const CaseStudy* cs = c.case_study(k.case_study);
        if (!cs) continue;
        std::string code = marker_code(c, *cs);
        Action open = make_action("select_case_study", {{"case_study", cs->id}});
        if (!k.at.empty())
            for (auto& sp : cu.spots)
                if (sp.place == k.at) {
                    v.markers.push_back({code, sp.x, sp.y, code + ": " + cs->title, open});
                    key.push_back("\"" + code + "\" is " + k.label);
                }
        if (k.figures && v.figures_title.empty()) {
            v.figures_title = k.label;
            if (!v.figures_title.empty()) v.figures_title[0] = (char)std::toupper((unsigned char)v.figures_title[0]);
            for (auto& m : cs->metrics)
                if (m.value) v.figures.push_back(m.label + ": " + fmt::compact(*m.value, m.unit));
        }
        v.links.push_back({"Open " + k.label, open});
    }
    for (auto& k : key) v.key += (v.key.empty() ? "Key: " : "; ") + k;
    if (!v.key.empty()) v.key += ".";
    v.toggle = {"close-up", cu.title, s.map.inset, make_action("map_inset", {{"open", !s.map.inset}}), "", -1};
    v.close = make_action("map_inset", {{"open", false}});
    return v;
}

MapPage map_page(const Content& c, const State& s, const geo::Geo* g, const std::string& geo_error) {
    MapPage pg;
    pg.heading = "Case studies across London";
    jm::Counts n = jm::count(c, s.map);
    std::vector<jm::Placement> ps = jm::placements(c);
    controls(c, s, n, pg);
    if (!c.close_ups.empty()) {
        pg.close_up = close_up(c, s, c.close_ups.front());
        pg.close_up_open = s.map.inset;
    }
    markers(c, s, ps, pg);
    if (g) areas(c, s, n, *g, pg);
    else pg.no_geo = "The map's boundaries could not be loaded" + (geo_error.empty() ? std::string() : " (" + geo_error + ")") +
                     ". The case studies are listed on the right.";
    legend(c, pg);
    side(c, s, ps, pg);
    return pg;
}

}  // namespace jup::present
