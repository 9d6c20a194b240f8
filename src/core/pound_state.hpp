// Local-pound view state and its actions (issue 6). apply_pound() handles the actions whose
// type starts with "pound_"; State holds one PoundState.
#pragma once
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct ApplyResult;
struct Action;

struct PoundState {
    std::string tab = "overview";  // overview | compare | time | whatif | funds | tables
};

// Returns nullopt when the action is not a pound action.
std::optional<ApplyResult> apply_pound(PoundState& s, const Action& a, const Content& c);
nlohmann::json pound_to_json(const PoundState& s);
void pound_from_json(const nlohmann::json& j, PoundState& out, std::string& problems);

}  // namespace jup
