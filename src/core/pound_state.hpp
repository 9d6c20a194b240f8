// Local-pound view state and its actions (issue 6). apply_pound() handles the actions whose
// type starts with "pound_"; State holds one PoundState.
//
// Actions:
//   pound_tab          {tab}: overview | compare | time | whatif | funds | tables
//   pound_scope        {scope}: a report id, or "fy:<fy>" for every report of a year ("" = default)
//   pound_zoom         {path: [org, fund type, workstream]}: zoom the treemap ([] = everything)
//   pound_zoom_out     {}: one level up
//   pound_compare_by   {by}: workstream | organisation | fund_type | line
//   pound_whatif_set   {line, choice, note?}: line is a source row id; choice pooled | aligned |
//                      exception | today (today removes the choice)
//   pound_whatif_note  {line, note}: the reason for an exception
//   pound_whatif_pool_all {}: every line without an exception becomes pooled ("pool by default")
//   pound_whatif_reset {}: back to today's split
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ApplyResult;
struct Action;

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

// Returns nullopt when the action is not a pound action.
std::optional<ApplyResult> apply_pound(PoundState& s, const Action& a, const Content& c);
nlohmann::json pound_to_json(const PoundState& s);
void pound_from_json(const nlohmann::json& j, PoundState& out, std::string& problems);

// The choices as the what-if arithmetic takes them (row id -> choice).
std::map<std::string, std::string> whatif_choices(const PoundState& s);
// The scope in effect ("" resolved to the pack's default).
std::string effective_scope(const PoundState& s, const Content& c);

}  // namespace jup
