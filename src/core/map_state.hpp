// Map view state and its actions (issue 7). apply_map() handles the actions whose type
// starts with "map_"; State holds one MapState.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ApplyResult;
struct Action;

struct MapState {
    bool tiles = false;  // tile grid instead of boundaries
};

// Returns nullopt when the action is not a map action.
std::optional<ApplyResult> apply_map(MapState& s, const Action& a, const Content& c);
nlohmann::json map_to_json(const MapState& s);
void map_from_json(const nlohmann::json& j, MapState& out, std::string& problems);

}  // namespace jup
