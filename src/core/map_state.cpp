#include "core/map_state.hpp"

#include "core/state.hpp"

namespace jup {

std::optional<ApplyResult> apply_map(MapState& s, const Action& a, const Content&) {
    if (a.type == "map_layout") {
        std::string l = a.args.value("layout", "");
        if (l != "tiles" && l != "boundaries") return ApplyResult{false, "map_layout needs \"layout\": boundaries or tiles"};
        s.tiles = l == "tiles";
        return ApplyResult{};
    }
    return std::nullopt;
}

nlohmann::json map_to_json(const MapState& s) { return {{"layout", s.tiles ? "tiles" : "boundaries"}}; }

void map_from_json(const nlohmann::json& j, MapState& out, std::string& problems) {
    if (!j.is_object()) {
        problems += (problems.empty() ? "" : "; ") + std::string("/map: expected an object");
        return;
    }
    out.tiles = j.value("layout", "") == "tiles";
}

}  // namespace jup
