#include "core/map_state.hpp"

#include <algorithm>

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

std::optional<ApplyResult> apply_map(MapState& s, const Action& a, const Content& c) {
    const std::string& t = a.type;
    if (t.rfind("map_", 0) != 0) return std::nullopt;
    auto str = [&](const char* k) -> std::optional<std::string> {
        auto it = a.args.find(k);
        if (it == a.args.end() || !it->is_string()) return std::nullopt;
        return it->get<std::string>();
    };
    if (t == "map_layout") {
        auto l = str("layout");
        if (!l || (*l != "tiles" && *l != "boundaries")) return ApplyResult{false, "map_layout needs \"layout\": boundaries or tiles"};
        s.tiles = *l == "tiles";
        return ApplyResult{};
    }
    if (t == "map_filter") {
        auto facet = str("facet"), value = str("value");
        if (!facet || (*facet != "theme" && *facet != "ics" && *facet != "kind"))
            return ApplyResult{false, "map_filter needs \"facet\": theme, ics or kind"};
        if (!value) return ApplyResult{false, "map_filter needs \"value\""};
        std::vector<std::string>* set = nullptr;
        if (*facet == "theme") {
            if (!valid_theme(c, *value)) return ApplyResult{false, "no theme \"" + *value + "\" (themes are board ids such as pounds)"};
            set = &s.themes;
        } else if (*facet == "ics") {
            if (!valid_ics(c, *value)) return ApplyResult{false, "no ICS \"" + *value + "\""};
            set = &s.icss;
        } else {
            if (!has(map_kind_groups(), *value)) return ApplyResult{false, "no kind \"" + *value + "\" (case-study, programme or example-2018)"};
            set = &s.kinds;
        }
        bool on = !has(*set, *value);
        if (auto it = a.args.find("on"); it != a.args.end()) {
            if (!it->is_boolean()) return ApplyResult{false, "map_filter's \"on\" must be true or false"};
            on = it->get<bool>();
        }
        set_member(*set, *value, on);
        return ApplyResult{};
    }
    if (t == "map_clear_filters") {
        s.themes.clear();
        s.icss.clear();
        s.kinds.clear();
        s.era = "all";
        return ApplyResult{};
    }
    if (t == "map_era") {
        auto e = str("era");
        if (!e || (*e != "all" && *e != "then" && *e != "now")) return ApplyResult{false, "map_era needs \"era\": all, then (2018) or now (2020-21)"};
        s.era = *e;
        return ApplyResult{};
    }
    if (t == "map_inset") {
        auto it = a.args.find("open");
        if (it == a.args.end() || !it->is_boolean()) return ApplyResult{false, "map_inset needs \"open\": true or false"};
        s.inset = it->get<bool>();
        return ApplyResult{};
    }
    if (t == "map_benchmark") {
        auto it = a.args.find("polygons");
        if (it == a.args.end() || !it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 20000)
            return ApplyResult{false, "map_benchmark needs \"polygons\": a whole number from 0 to 20000"};
        s.bench_polygons = it->get<int>();
        return ApplyResult{};
    }
    return ApplyResult{false, "unknown action \"" + t + "\""};
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
