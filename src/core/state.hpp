// The session state and the one function that changes it. The UI and the JavaScript
// test hook both build Actions and pass them to apply(); the platform also calls
// adopt_other_tab() when another tab saved. Apart from loading the saved session at start,
// nothing else mutates State. Every action, with its arguments, is in docs/actions.md; the
// tables are in state.cpp (session_actions), pound_state.cpp and map_state.cpp (core/actions.hpp).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/actions.hpp"
#include "core/answers.hpp"
#include "core/content.hpp"
#include "core/map_state.hpp"
#include "core/pound_state.hpp"

namespace jup {

enum class View { Boards, Pound, Map, Sources, Tally };
const char* view_name(View v);
bool view_from_name(const std::string& s, View& out);

struct State {
    // Version 2 groups display preferences and navigation apart from answers, so that an
    // exported or imported answers file never carries someone's text size. Version 1 kept
    // them all at the top level; state_from_json migrates it.
    static constexpr int kFormatVersion = 2;

    // Navigation
    View view = View::Boards;
    std::string board;       // open board id, "" for the board list
    std::string case_study;  // selected case study id
    std::string place;       // selected place id
    std::string doc;         // document shown in Sources, "" for the list
    int doc_line = 0;        // line to show in that document

    // Display
    float text_scale = 1.0f;  // multiplies the base text size (18 px)
    bool light_theme = true;
    bool presenter = false;   // facilitator's presenter mode: one board at a time, large type

    // The participant
    std::string participant;  // random id, not personal
    int revision = 0;         // bumped by every change to the answers
    Answers answers;

    // Per-view state owned by other files (pound_state.*, map_state.*).
    PoundState pound;
    MapState map;

    // Facilitator's room tally: the files imported this session (not saved in the browser).
    std::vector<TallyInput> tally_files;
};

struct Action {
    std::string type;
    nlohmann::json args = nlohmann::json::object();
};

// An action as the views emit it: its arguments also carry "type", as in docs/actions.md.
inline Action make_action(const char* type, nlohmann::json args = nlohmann::json::object()) {
    args["type"] = type;
    return {type, std::move(args)};
}

struct ApplyResult {
    ApplyResult() = default;
    ApplyResult(bool ok_, std::string error_) : ok(ok_), error(std::move(error_)) {}
    bool ok = true;
    std::string error;                  // a sentence for people when !ok
    std::vector<std::string> warnings;  // when ok: parts skipped, as "<pointer>: <why>"
};

constexpr float kMinTextScale = 0.75f, kMaxTextScale = 2.5f;
constexpr int kMaxDocLine = 999999;

// Parses {"type": "...", ...}. Fails with a message on a non-object or a missing type.
bool action_from_json(const nlohmann::json& j, Action& out, std::string& error);

// Applies the action if it is valid for this content; otherwise leaves state untouched.
// An unknown type fails as `unknown action "<type>"`; bad arguments as read_args() says.
ApplyResult apply(State& state, const Action& action, const Content& content);

// The session module's table (set_view, open_board, the answers, the tally, open_share, ...).
const ActionModule& session_actions();

// Another tab of this site saved `other`: take its participant (unless it has none), revision,
// answers and what-if; keep this tab's view, display and pound tab, scope, zoom and grouping.
// Returns whether the answers or the revision changed, so the platform can say so.
bool adopt_other_tab(State& mine, const State& other);

nlohmann::json state_to_json(const State& s);
// Reads a saved session (any version up to kFormatVersion). Returns false if it is not a
// Joined-Up session at all; otherwise parts that could not be read are listed in `error`.
bool state_from_json(const nlohmann::json& j, State& out, std::string& error);
// The same from the text kept in browser storage; invalid JSON fails with its position, and a
// key given twice is listed in `error` as a skipped part.
bool state_from_text(const std::string& text, State& out, std::string& error);

// The participant's export file, and reading one back into the session.
nlohmann::json export_answers(const State& s, const std::string& exported_at);

}  // namespace jup
