// Map view state and its actions (issue 7). apply_map() handles the actions whose type
// starts with "map_"; State holds one MapState. Persistent choices (layout, filters, then/now,
// the City & Hackney inset) are saved with the session; the camera and hover stay in the view.
//
// Actions
//   map_layout        {"layout": "boundaries" | "tiles"}
//   map_filter        {"facet": "theme" | "ics" | "kind", "value": id, "on": bool (optional: toggles)}
//   map_clear_filters {}
//   map_era           {"era": "all" | "then" | "now"}   then = 2018 examples, now = 2020-21
//   map_inset         {"open": bool}
//   map_benchmark     {"polygons": 0..20000}  a synthetic layer for measuring frame cost (not saved)
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ApplyResult;
struct Action;

struct MapState {
    bool tiles = false;                // tile grid instead of boundaries
    std::vector<std::string> themes;   // board ids (the Ps); empty: every theme. Sorted, unique.
    std::vector<std::string> icss;     // ICS ids; empty: every ICS
    std::vector<std::string> kinds;    // kind groups (map_layout.hpp kind_group); empty: every kind
    std::string era = "all";           // all | then | now
    bool inset = false;                // the City & Hackney inset is open
    int bench_polygons = 0;            // transient: synthetic layer size, never saved
};

// The kind groups the filter offers, in display order.
const std::vector<std::string>& map_kind_groups();  // "case-study", "programme", "example-2018"

// Returns nullopt when the action is not a map action.
std::optional<ApplyResult> apply_map(MapState& s, const Action& a, const Content& c);
nlohmann::json map_to_json(const MapState& s);
void map_from_json(const nlohmann::json& j, MapState& out, std::string& problems);

}  // namespace jup
