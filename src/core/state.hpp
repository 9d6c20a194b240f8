// The session state and the one function that changes it. The UI and the JavaScript
// test hook both build Actions and pass them to apply(); nothing else mutates State.
#pragma once
#include <map>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/map_state.hpp"
#include "core/pound_state.hpp"

namespace jup {

enum class View { Boards, Pound, Map, Sources };
const char* view_name(View v);
bool view_from_name(const std::string& s, View& out);

struct State {
    static constexpr int kFormatVersion = 1;

    // Navigation
    View view = View::Boards;
    std::string board;       // open board id, "" for the board list
    std::string case_study;  // selected case study id
    std::string place;       // selected place id
    std::string doc;         // document shown in Sources, "" for the list
    int doc_line = 0;        // line to show in that document

    // Display
    float text_scale = 1.0f;  // multiplies the base text size (18 px)
    bool light_theme = false;

    // Participant's answers (persisted, exported)
    std::string participant;  // random id, not personal
    int revision = 0;         // bumped by every change to the answers
    std::map<std::string, int> ratings;   // barrier id -> 0..3
    std::set<std::string> enablers;       // backed enabler ids
    std::set<std::string> commitments;    // chosen commitment ids
    std::map<std::string, std::string> notes;  // board id -> free text

    // Per-view state owned by other files (pound_state.*, map_state.*).
    PoundState pound;
    MapState map;
};

struct Action {
    std::string type;
    nlohmann::json args = nlohmann::json::object();
};

struct ApplyResult {
    bool ok = true;
    std::string error;  // a sentence for people when !ok
};

constexpr float kMinTextScale = 0.75f, kMaxTextScale = 2.5f;

// Parses {"type": "...", ...}. Fails with a message on a non-object or a missing type.
bool action_from_json(const nlohmann::json& j, Action& out, std::string& error);

// Applies the action if it is valid for this content; otherwise leaves state untouched.
ApplyResult apply(State& state, const Action& action, const Content& content);

nlohmann::json state_to_json(const State& s);
// Reads a saved state. Unknown or invalid fields are reported in `error` and skipped.
bool state_from_json(const nlohmann::json& j, State& out, std::string& error);

}  // namespace jup
