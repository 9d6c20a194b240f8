#include "core/map_state.hpp"

#include <algorithm>
#include <iterator>

#include "core/json_in.hpp"
#include "core/state.hpp"

namespace jup {

const std::vector<std::string>& map_kind_groups() {
    static const std::vector<std::string> k{"case-study", "programme", "example-2018"};
    return k;
}

static bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

static void set_member(std::vector<std::string>& v, const std::string& x, bool on) {
    auto it = std::find(v.begin(), v.end(), x);
    if (on && it == v.end()) {
        v.push_back(x);
        std::sort(v.begin(), v.end());
    } else if (!on && it != v.end()) {
        v.erase(it);
    }
}

static bool valid_theme(const Content& c, const std::string& id) { return c.board(id) != nullptr; }
static bool valid_ics(const Content& c, const std::string& id) {
    for (auto& i : c.icss)
        if (i.id == id) return true;
    return false;
}

// ---- the map's actions (docs/actions.md) -------------------------------------------------

namespace {

ApplyResult fail(std::string m) { return {false, std::move(m)}; }

ApplyResult map_layout(State& st, const Args& a, const Content&) {
    std::string l = a.text("layout");
    if (l != "tiles" && l != "boundaries") return fail("map_layout needs \"layout\": boundaries or tiles");
    st.map.tiles = l == "tiles";
    return {};
}

ApplyResult map_filter(State& st, const Args& a, const Content& c) {
    MapState& s = st.map;
    std::string facet = a.text("facet"), value = a.text("value");
    std::vector<std::string>* set = nullptr;
    if (facet == "theme") {
        if (!valid_theme(c, value)) return fail("no theme \"" + value + "\" (themes are board ids such as pounds)");
        set = &s.themes;
    } else if (facet == "ics") {
        if (!valid_ics(c, value)) return fail("no ICS \"" + value + "\"");
        set = &s.icss;
    } else if (facet == "kind") {
        if (!has(map_kind_groups(), value)) return fail("no kind \"" + value + "\" (case-study, programme or example-2018)");
        set = &s.kinds;
    } else {
        return fail("map_filter needs \"facet\": theme, ics or kind");
    }
    set_member(*set, value, a.has("on") ? a.flag("on") : !has(*set, value));
    return {};
}

ApplyResult map_clear_filters(State& st, const Args&, const Content&) {
    MapState& s = st.map;
    s.themes.clear();
    s.icss.clear();
    s.kinds.clear();
    s.era = "all";
    return {};
}

ApplyResult map_era(State& st, const Args& a, const Content&) {
    std::string e = a.text("era");
    if (e != "all" && e != "then" && e != "now") return fail("map_era needs \"era\": all, then (2018) or now (2020-21)");
    st.map.era = e;
    return {};
}

ApplyResult map_inset(State& st, const Args& a, const Content&) {
    st.map.inset = a.flag("open");
    return {};
}

ApplyResult map_benchmark(State& st, const Args& a, const Content&) {
    long long n = a.whole("polygons");
    if (n < 0 || n > 20000) return fail("map_benchmark needs \"polygons\": a whole number from 0 to 20000");
    st.map.bench_polygons = (int)n;
    return {};
}

using T = ArgType;

const ActionSpec kMapActions[] = {
    {"map_layout", {{"layout", T::Text, kRequired, "boundaries or tiles"}}, map_layout, "Draws London's boundaries, or equal tiles."},
    {"map_filter",
     {{"facet", T::Text, kRequired, "theme, ics or kind"},
      {"value", T::Text, kRequired, "a board id (theme), an ICS id (ics), or case-study, programme or example-2018 (kind)"},
      {"on", T::Bool, kOptional, "true to turn it on, false to turn it off; left out, it toggles"}},
     map_filter, "Turns one filter of the case-study markers on or off."},
    {"map_clear_filters", {}, map_clear_filters, "Clears every filter and shows both eras."},
    {"map_era", {{"era", T::Text, kRequired, "all, then (the 2018 examples) or now (the 2020-21 case studies)"}}, map_era,
     "Shows the 2018 examples, the 2020-21 case studies, or both."},
    {"map_inset", {{"open", T::Bool, kRequired, "true to open it, false to close it"}}, map_inset, "Opens or closes the City & Hackney close-up."},
    {"map_benchmark", {{"polygons", T::Whole, kRequired, "0 to 20000"}}, map_benchmark,
     "Adds a synthetic layer of that many polygons, for measuring frame cost (not saved)."},
};

}  // namespace

const ActionModule& map_actions() {
    static const ActionModule m{"Map", "src/core/map_state.cpp", kMapActions, std::size(kMapActions), nullptr};
    return m;
}

nlohmann::json map_to_json(const MapState& s) {
    return {{"layout", s.tiles ? "tiles" : "boundaries"}, {"themes", s.themes}, {"icss", s.icss},
            {"kinds", s.kinds}, {"era", s.era}, {"inset", s.inset}};
}

void map_from_json(const nlohmann::json& j, MapState& out, std::string& problems) {
    std::vector<std::string> list;
    JsonIn in(j, "/map", list);
    if (in.expect_object()) {
        std::string v;
        if (in.text("layout", v, 100)) out.tiles = v == "tiles";
        for (auto [key, dst] : {std::pair{"themes", &out.themes}, {"icss", &out.icss}, {"kinds", &out.kinds}}) {
            auto a = in.array(key);
            if (!a) continue;
            dst->clear();
            for (size_t i = 0; i < a->size(); ++i)
                if (std::string x; a->at(i).as_text(x, kMaxIdBytes)) set_member(*dst, x, true);
        }
        if (in.text("era", v, 100)) {
            if (v == "all" || v == "then" || v == "now") out.era = v;
            else in.problem("/era", "expected all, then or now");
        }
        in.boolean("inset", out.inset);
    }
    for (auto& p : list) problems += (problems.empty() ? "" : "; ") + p;
}

}  // namespace jup
