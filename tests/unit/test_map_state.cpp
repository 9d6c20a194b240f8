// Map actions: layout, filters, then/now, the inset; validation; saving and reading back.
#include <catch2/catch.hpp>

#include "core/map_state.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;

using testpack::bundled;
using testpack::run;

TEST_CASE("map: layout switches between boundaries and tiles and refuses anything else", "[map]") {
    jup::State s;
    REQUIRE_FALSE(s.map.tiles);
    REQUIRE(run(s, {{"type", "map_layout"}, {"layout", "tiles"}}).ok);
    REQUIRE(s.map.tiles);
    auto r = run(s, {{"type", "map_layout"}, {"layout", "hexes"}});
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.error.find("boundaries or tiles") != std::string::npos);
    REQUIRE(s.map.tiles);
    REQUIRE(run(s, {{"type", "map_layout"}, {"layout", "boundaries"}}).ok);
    REQUIRE_FALSE(s.map.tiles);
}

TEST_CASE("map: filters toggle, set and clear, and unknown values are refused", "[map]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "theme"}, {"value", "pounds"}}).ok);
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "theme"}, {"value", "people"}}).ok);
    REQUIRE(s.map.themes == std::vector<std::string>{"people", "pounds"});  // sorted
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "theme"}, {"value", "pounds"}}).ok);  // toggles off
    REQUIRE(s.map.themes == std::vector<std::string>{"people"});
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "theme"}, {"value", "people"}, {"on", true}}).ok);  // stays on
    REQUIRE(s.map.themes == std::vector<std::string>{"people"});
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "ics"}, {"value", "NEL"}, {"on", true}}).ok);
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "kind"}, {"value", "example-2018"}}).ok);
    REQUIRE(s.map.icss == std::vector<std::string>{"NEL"});
    REQUIRE(s.map.kinds == std::vector<std::string>{"example-2018"});

    jup::State before = s;
    for (json bad : {json{{"type", "map_filter"}, {"facet", "theme"}, {"value", "nowhere"}},
                     json{{"type", "map_filter"}, {"facet", "ics"}, {"value", "XYZ"}},
                     json{{"type", "map_filter"}, {"facet", "kind"}, {"value", "novel"}},
                     json{{"type", "map_filter"}, {"facet", "colour"}, {"value", "red"}},
                     json{{"type", "map_filter"}, {"facet", "ics"}},
                     json{{"type", "map_filter"}, {"facet", "ics"}, {"value", "NEL"}, {"on", "yes"}},
                     json{{"type", "map_era"}, {"era", "1999"}},
                     json{{"type", "map_inset"}, {"open", 1}},
                     json{{"type", "map_benchmark"}, {"polygons", -1}},
                     json{{"type", "map_fly"}}}) {
        auto r = run(s, bad);
        INFO(bad.dump());
        REQUIRE_FALSE(r.ok);
        REQUIRE_FALSE(r.error.empty());
    }
    REQUIRE(jup::map_to_json(s.map) == jup::map_to_json(before.map));

    REQUIRE(run(s, {{"type", "map_era"}, {"era", "then"}}).ok);
    REQUIRE(s.map.era == "then");
    REQUIRE(run(s, {{"type", "map_clear_filters"}}).ok);
    REQUIRE(s.map.themes.empty());
    REQUIRE(s.map.icss.empty());
    REQUIRE(s.map.kinds.empty());
    REQUIRE(s.map.era == "all");
}

TEST_CASE("map: choices survive saving; the benchmark layer does not", "[map]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "map_layout"}, {"layout", "tiles"}}).ok);
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "ics"}, {"value", "SEL"}}).ok);
    REQUIRE(run(s, {{"type", "map_era"}, {"era", "now"}}).ok);
    REQUIRE(run(s, {{"type", "map_inset"}, {"open", true}}).ok);
    REQUIRE(run(s, {{"type", "map_benchmark"}, {"polygons", 5000}}).ok);
    jup::State t;
    std::string err;
    REQUIRE(jup::state_from_json(jup::state_to_json(s), t, err));
    REQUIRE(err.empty());
    REQUIRE(t.map.tiles);
    REQUIRE(t.map.icss == std::vector<std::string>{"SEL"});
    REQUIRE(t.map.era == "now");
    REQUIRE(t.map.inset);
    REQUIRE(t.map.bench_polygons == 0);
}

TEST_CASE("map: a damaged saved map section is reported and the rest kept", "[map]") {
    jup::MapState m;
    std::string problems;
    jup::map_from_json({{"layout", "tiles"}, {"themes", "pounds"}, {"era", 7}}, m, problems);
    REQUIRE(m.tiles);
    REQUIRE(m.themes.empty());
    REQUIRE(m.era == "all");
    REQUIRE(problems.find("/map/themes") != std::string::npos);
    REQUIRE(problems.find("/map/era") != std::string::npos);
    std::string p2;
    jup::map_from_json(json::array(), m, p2);
    REQUIRE(p2.find("/map") != std::string::npos);
}
