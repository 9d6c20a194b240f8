// Map view state (issue 7). State holds one MapState. Persistent choices (layout, filters,
// then/now, the City & Hackney inset) are saved with the session; the camera and hover stay in
// the view. Its actions (map_layout, map_filter, ...) are map_actions(), listed in docs/actions.md.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ActionModule;

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

// The map's table of actions (apply() in state.cpp dispatches to it).
const ActionModule& map_actions();
nlohmann::json map_to_json(const MapState& s);
void map_from_json(const nlohmann::json& j, MapState& out, std::string& problems);

}  // namespace jup
