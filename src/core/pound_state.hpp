// Local-pound view state (issue 6): the open tab, scope, zoom and grouping, and the what-if,
// which is part of the participant's answers. State holds one PoundState; its actions
// (pound_tab, pound_zoom, pound_whatif_set, ...) are pound_actions(), listed in docs/actions.md.
#pragma once
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ActionModule;

constexpr size_t kMaxWhatIfNoteBytes = 2000;  // a reason for an exception

struct WhatIfChoice {
    std::string choice;  // pooled | aligned | exception
    std::string note;    // why (for an exception); may be empty
};

struct PoundState {
    std::string tab = "overview";  // overview | compare | time | whatif | funds | tables
    std::string scope;             // "" = the pack's first report
    std::vector<std::string> zoom;  // treemap path from the root
    std::string compare_by = "workstream";
    std::map<std::string, WhatIfChoice> whatif;  // source row id -> choice (persisted)
    int revision = 0;  // bumped by every what-if change
    // Derived after every pound action, for export readers and tests: the pooled share of the
    // annual budget in scope today and with the choices above (0..1).
    double today_share = 0, pooled_share = 0;
};

// The local pound's table of actions (apply() in state.cpp dispatches to it).
const ActionModule& pound_actions();
nlohmann::json pound_to_json(const PoundState& s);
void pound_from_json(const nlohmann::json& j, PoundState& out, std::string& problems);

// The choices as the what-if arithmetic takes them (row id -> choice).
std::map<std::string, std::string> whatif_choices(const PoundState& s);
// The scope in effect ("" resolved to the pack's default).
std::string effective_scope(const PoundState& s, const Content& c);

}  // namespace jup
