// What a participant sees on the case-study map and a case study's card, prepared by
// core/present/map_page and case_card for the canvas and the text edition.
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/present/case_card.hpp"
#include "core/present/map_page.hpp"
#include "pack.hpp"

using namespace jup;
using testpack::bundled;

static const geo::Geo& london() {
    static const geo::Geo g = [] {
        std::ifstream f(std::string(JOINEDUP_DATA_DIR) + "/geo/london.json", std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        geo::Geo out;
        std::string error;
        if (!geo::load_geo(ss.str(), out, error)) FAIL("london.json: " << error);
        return out;
    }();
    return g;
}

static const present::MarkerSet* set_at(const present::MapPage& pg, const std::string& where) {
    for (auto& s : pg.markers)
        if (s.where == where) return &s;
    return nullptr;
}

static int area_index(const std::string& code) {
    const auto& a = london().areas;
    for (size_t i = 0; i < a.size(); ++i)
        if (a[i].code == code) return (int)i;
    return -1;
}

TEST_CASE("map page: the chips carry their counts and the actions they emit change what is shown", "[present][map]") {
    const Content& c = bundled();
    State s;
    auto pg = present::map_page(c, s, &london());
    REQUIRE(pg.era.size() == 3);
    const int total = (int)c.case_studies.size();
    CHECK(pg.era[1].label == "Both (" + std::to_string(total) + ")");
    CHECK(pg.era[1].on);
    CHECK(pg.showing == "Showing " + std::to_string(total) + " of " + std::to_string(total));
    CHECK_FALSE(pg.can_clear);
    int then = (int)std::count_if(c.case_studies.begin(), c.case_studies.end(), [](auto& cs) { return cs.year <= 2018; });
    CHECK(pg.era[0].label == "2018 (" + std::to_string(then) + ")");
    // Choosing 2018 by the chip's own action shows only those, and offers to clear.
    REQUIRE(apply(s, pg.era[0].act, c).ok);
    pg = present::map_page(c, s, &london());
    CHECK(pg.era[0].on);
    CHECK(pg.showing == "Showing " + std::to_string(then) + " of " + std::to_string(total));
    CHECK(pg.can_clear);
    REQUIRE(apply(s, pg.clear, c).ok);
    // Each ICS chip has its ICS's colour (its place in places.json) and says what an ICS is.
    const present::Facet& icss = pg.facets.at(1);
    REQUIRE(icss.chips.size() == c.icss.size());
    for (size_t i = 0; i < c.icss.size(); ++i) {
        CHECK(icss.chips[i].palette == (int)i);
        CHECK(icss.chips[i].tip.find(c.icss[i].name + " integrated care system") == 0);
    }
}

TEST_CASE("map page: markers sit on their borough or whole ICS and open their card", "[present][map]") {
    const Content& c = bundled();
    State s;
    auto pg = present::map_page(c, s, &london());
    const present::MarkerSet* camden = set_at(pg, "E09000007");
    REQUIRE(camden);
    CHECK(camden->level == map::Level::Area);
    REQUIRE(camden->markers.size() == 1);
    CHECK(camden->markers[0].code == "CS5");
    const present::MarkerSet* ncl = set_at(pg, "NCL");
    REQUIRE(ncl);
    CHECK(ncl->level == map::Level::Ics);
    CHECK(ncl->markers.at(0).code == "CS6 all NCL");
    // London-wide ones are in the strip, not on the map.
    REQUIRE(pg.london.size() == 1);
    CHECK(pg.london[0].label.rfind("CS1: ", 0) == 0);
    CHECK_FALSE(pg.card);
    REQUIRE(apply(s, camden->markers[0].open, c).ok);
    pg = present::map_page(c, s, &london());
    REQUIRE(pg.card);
    CHECK(pg.card->cs->id == "cs5");
    CHECK(set_at(pg, "E09000007")->markers[0].selected);
    // A theme filter leaves only markers whose case study has that theme.
    s = State();
    REQUIRE(apply(s, make_action("map_filter", {{"facet", "theme"}, {"value", "pounds"}}), c).ok);
    pg = present::map_page(c, s, &london());
    for (auto& set : pg.markers)
        for (auto& m : set.markers) CHECK(m.cs->has_theme("pounds"));
}

TEST_CASE("map page: the areas' colours, short tile names, tooltips, key and attribution", "[present][map]") {
    const Content& c = bundled();
    State s;
    auto pg = present::map_page(c, s, &london());
    REQUIRE(pg.areas.size() == london().areas.size());
    const auto& kingston = pg.areas.at(area_index("E09000021"));
    CHECK(kingston.name == "Kingston upon Thames");
    CHECK(kingston.tile_name == "Kingston");
    const auto& camden = pg.areas.at(area_index("E09000007"));
    CHECK(camden.tip == "Camden (NCL). 1 case study here. Click to select.");
    CHECK(camden.palette == 1);  // NCL is second in places.json
    REQUIRE(apply(s, make_action("map_filter", {{"facet", "ics"}, {"value", "NEL"}}), c).ok);
    REQUIRE(apply(s, make_action("select_place", {{"place", "nb-hackney-marshes"}}), c).ok);
    pg = present::map_page(c, s, &london());
    CHECK(pg.areas.at(area_index("E09000007")).dim);
    CHECK_FALSE(pg.areas.at(area_index("E09000012")).dim);
    CHECK(pg.selected_area == area_index("E09000012"));  // a neighbourhood selects its borough
    // The key names each marker code once, with its kind; the attribution is the boundaries' own.
    std::vector<std::string> codes;
    for (auto& e : pg.legend) codes.push_back(e.code);
    CHECK(codes == std::vector<std::string>{"CS", "E", "P", "L"});
    CHECK(pg.legend[1].style == present::MarkerStyle::Example);
    CHECK(pg.legend[3].label == "An individual's story");
    for (auto& line : london().attribution) CHECK(pg.attribution.find(line + ".") != std::string::npos);
    // Without boundaries the page says why, and the list still offers every case study.
    s = State();
    pg = present::map_page(c, s, nullptr, "file missing");
    CHECK(pg.no_geo.find("(file missing)") != std::string::npos);
    size_t listed = 0;
    for (auto& g : pg.list) listed += g.rows.size();
    CHECK(listed >= c.case_studies.size());
}

TEST_CASE("map page: a place's panel lists the case studies on it and on its whole ICS", "[present][map]") {
    const Content& c = bundled();
    State s;
    REQUIRE(apply(s, make_action("select_place", {{"place", "E09000012"}}), c).ok);
    auto pg = present::map_page(c, s, &london());
    REQUIRE(pg.place);
    CHECK(pg.place->heading == "Hackney");
    CHECK(pg.place->part_of == "Part of North East London integrated care system (NEL).");
    auto has = [&](const std::string& id) {
        return std::any_of(pg.place->rows.begin(), pg.place->rows.end(), [&](auto& r) { return r.cs->id == id; });
    };
    CHECK(has("c4-pathway"));
    CHECK(has("c4-case-l"));  // placed at Lower Clapton Practice, inside Hackney
    REQUIRE(apply(s, pg.place->close, c).ok);
    CHECK(s.place.empty());
}

TEST_CASE("close-up: spots at the data's positions, case L by its practice, the programme's figures", "[present][map][closeup]") {
    const Content& c = bundled();
    REQUIRE(c.close_ups.size() == 1);
    const CloseUp& cu = c.close_ups[0];
    State s;
    auto pg = present::map_page(c, s, &london());
    REQUIRE(pg.close_up);
    CHECK_FALSE(pg.close_up_open);
    const auto& v = *pg.close_up;
    CHECK(v.toggle.label == cu.title);
    REQUIRE(v.spots.size() == cu.spots.size());
    CHECK(v.palette == 2);  // Hackney is in NEL, third in places.json
    auto spot = [&](const std::string& id) -> const present::SpotView* {
        for (auto& sp : v.spots)
            if (sp.place->id == id) return &sp;
        return nullptr;
    };
    REQUIRE(spot("nb-unnamed-1"));
    CHECK(spot("nb-unnamed-1")->name == "(not named)");
    CHECK(spot("nb-unnamed-1")->shape == present::SpotShape::Neighbourhood);
    CHECK(spot("site-homerton")->shape == present::SpotShape::Hospital);
    CHECK(spot("E09000001")->shape == present::SpotShape::Area);
    REQUIRE(v.markers.size() == 1);
    CHECK(v.markers[0].code == "L");
    CHECK(v.markers[0].x == spot("site-lower-clapton")->x);
    CHECK(v.key.find("\"L\" is case L") != std::string::npos);
    CHECK(v.figures_title == "The Neighbourhoods programme");
    CHECK(std::find(v.figures.begin(), v.figures.end(), "Neighbourhoods across City and Hackney: 8") != v.figures.end());
    REQUIRE(v.links.size() == 3);
    CHECK(v.links[2].label == "Open the Pathway programme");
    // The positions are the editors' own: the close-up carries the flag that says so.
    REQUIRE(v.flags);
    CHECK(std::any_of(v.flags->begin(), v.flags->end(), [](auto& f) { return f.kind == "outside-knowledge"; }));
    REQUIRE(apply(s, v.toggle.act, c).ok);
    REQUIRE(apply(s, spot("nb-clissold-park")->select, c).ok);
    pg = present::map_page(c, s, &london());
    CHECK(pg.close_up_open);
    CHECK(pg.close_up->toggle.on);
    for (auto& sp : pg.close_up->spots) CHECK(sp.selected == (sp.place->id == "nb-clissold-park"));
}

TEST_CASE("case card: names, themes with their basis, and bars on a common scale", "[present][card]") {
    const Content& c = bundled();
    auto k = present::case_card(c, *c.case_study("cs6"));
    CHECK(k.heading.rfind("CS6: ", 0) == 0);
    CHECK(k.meta == "Case study (2021 report), 2021 (document 000)");
    CHECK(k.scale == "Integrated care system");
    REQUIRE(k.places.size() == 1);
    CHECK(k.places[0].name == "North Central London (integrated care system)");
    CHECK(k.places_line == "Places: North Central London (integrated care system)");
    REQUIRE_FALSE(k.themes.empty());
    CHECK(k.themes[0].p == "Pounds");
    CHECK(k.themes[0].basis == "the source ties it to this P");
    CHECK(k.themes[0].theme->source.present());
    CHECK(k.themes_line.rfind("Themes (the Ps): Pounds", 0) == 0);
    // Case L is a person's story, not a programme.
    CHECK(present::case_card(c, *c.case_study("c4-case-l")).kind == "An individual's story");
    // Figures sharing a unit are drawn against the largest of them; % against 100.
    auto pw = present::case_card(c, *c.case_study("c4-pathway"));
    double max_pounds = 0;
    for (auto& m : c.case_study("c4-pathway")->metrics)
        if (m.value && m.unit == "£") max_pounds = std::max({max_pounds, *m.value, m.baseline.value_or(0)});
    bool saw_pounds = false, saw_missing = false;
    for (auto& f : pw.figures) {
        if (!f.metric->value) {
            saw_missing = true;
            CHECK(f.missing == "No figure given in the source.");
            CHECK(f.bars.empty());
            continue;
        }
        if (f.metric->unit == "£") {
            saw_pounds = true;
            REQUIRE(f.bars.size() == 1);
            CHECK(f.bars[0].max == max_pounds);
        }
        if (f.metric->unit == "%") CHECK(f.bars.back().max == 100);
    }
    CHECK(saw_pounds);
    CHECK(saw_missing);
}

TEST_CASE("marker rows wrap to the width, and a nudged row moves off what is taken", "[map][markers]") {
    std::vector<double> widths = {30, 30, 30};
    auto one = map::marker_rows({100, 100}, widths, 1e9, 20, false, {});
    REQUIRE(one.size() == 3);
    CHECK(one[0].y == one[2].y);
    CHECK(one[0].x == Approx(100 - (30 * 3 + 8) / 2.0));
    auto wrapped = map::marker_rows({100, 100}, widths, 70, 20, false, {});
    CHECK(wrapped[2].y > wrapped[0].y);
    CHECK(wrapped[2].bottom() == Approx(100 + 10));  // a wrapped set grows upwards from its anchor
    std::vector<map::Rect> taken = {{0, 85, 200, 30}};
    auto stay = map::marker_rows({100, 100}, widths, 1e9, 20, false, taken);
    CHECK(stay[0].overlaps(taken[0]));
    auto moved = map::marker_rows({100, 100}, widths, 1e9, 20, true, taken);
    for (auto& b : moved) CHECK_FALSE(b.overlaps(taken[0]));
}

TEST_CASE("markers move with the transition: from an area's anchor to its tile, an ICS's to its tiles' middle", "[map][markers]") {
    const geo::Geo& g = london();
    map::TileGrid grid = map::tile_grid(g.bbox);
    const geo::Area& hackney = g.areas.at(area_index("E09000012"));
    geo::Vec2 a0 = map::area_point(hackney, grid, 0), a1 = map::area_point(hackney, grid, 1);
    CHECK(a0.x == hackney.anchor.x);
    CHECK(a1.x == grid.centre(hackney.tile_col, hackney.tile_row).x);
    // On tiles an ICS's point is the plain mean of its areas' tile centres.
    const Content& c = bundled();
    double sx = 0;
    int n = 0;
    for (auto& a : g.areas)
        if (map::ics_of_area(c, a.code) == "NEL") sx += grid.centre(a.tile_col, a.tile_row).x, ++n;
    REQUIRE(n > 0);
    CHECK(map::ics_point(c, g, grid, "NEL", 1).x == Approx(sx / n));
    CHECK(map::ics_point(c, g, grid, "nowhere", 1).x == 0);
}
