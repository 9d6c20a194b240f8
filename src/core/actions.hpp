// The action tables: every action apply() knows, and every request the platform handles
// itself, as plain data. One table per module (session: state.cpp, pound: pound_state.cpp,
// map: map_state.cpp) and one of platform requests (requests.cpp); docs/actions.md lists them
// all, and a unit test fails when it and the tables disagree (tools/actions-doc.cpp writes it).
// The views emit both kinds alike; the platform handles its requests and passes the rest to apply().
//
// An entry names its arguments; read_args() checks an action's JSON against them before the
// handler runs, so that a handler reads its arguments without checks of its own:
//
//   {"set_view", {{"view", ArgType::Text, kRequired, "one of boards, pound, map, sources, tally"}},
//    set_view, "Shows a view."},
//   ApplyResult set_view(State& s, const Args& a, const Content&) { ... a.text("view") ... }
//
// A missing argument is refused as `set_view needs "view": <hint>`, a wrong type as
// `set_view: /view: expected text, got a number`. Arguments not in the table are ignored.
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace jup {

struct State;
struct Content;
struct ApplyResult;

enum class ArgType {
    Text,      // a string
    Whole,     // a whole number (the handler checks its range)
    Number,    // any finite number
    Bool,      // true or false
    TextList,  // a list of strings
    List,      // a list (the handler checks its elements)
    Any,       // any JSON value
};
const char* arg_type_name(ArgType t);  // "text", "whole number", ... (as docs/actions.md says)

constexpr bool kRequired = true, kOptional = false;
constexpr bool kNullOk = true;  // null is accepted (and read as "not given", unless the handler asks)

struct ArgSpec {
    const char* name;  // nullptr ends the list
    ArgType type;
    bool required;
    const char* hint;  // what to give, for messages and docs ("light or dark")
    bool null_ok = false;
};

constexpr int kMaxArgs = 4;
struct ActionSpec;

// One action's arguments, already checked by read_args(). Readers of absent (or null)
// arguments return "", 0, false or an empty list.
class Args {
  public:
    Args(const ActionSpec& spec, const nlohmann::json& args) : spec_(&spec), j_(&args) {}
    const char* action() const;
    bool has(const char* name) const;  // given and not null
    bool is_null(const char* name) const;  // given as null
    std::string text(const char* name) const;
    long long whole(const char* name) const;
    double number(const char* name) const;
    bool flag(const char* name) const;
    std::vector<std::string> texts(const char* name) const;
    const nlohmann::json& raw(const char* name) const;  // the value as given (null if absent)

  private:
    const nlohmann::json* find(const char* name) const;
    const ActionSpec* spec_;
    const nlohmann::json* j_;
};

using Handler = ApplyResult (*)(State&, const Args&, const Content&);

// What the platform does for each of its requests (src/platform/main.cpp switches on it).
enum class Request {
    None,  // a state action
    DismissNotice, ExportAnswers, PickAnswersFile, PickTallyFiles, ExportTallyCsv, ExportTallyJson,
    ConfirmImport, CancelImport, Fullscreen, Share, CopyShare, CloseShare, ShowQr, CloseQr,
    AcceptShare, DeclineShare, OpenTextVersion, TestFault,
};

struct ActionSpec {
    const char* name;
    ArgSpec args[kMaxArgs];  // unused slots have name == nullptr
    Handler run;             // changes State; nullptr for platform requests
    const char* doc;         // one line for docs/actions.md
    Request request = Request::None;
};

// A module's table. `after` runs after each successful action of the module (or is null).
struct ActionModule {
    const char* title;   // the heading in docs/actions.md
    const char* source;  // the file that holds the table
    const ActionSpec* actions;
    size_t count;
    void (*after)(State&, const Content&);
    const ActionSpec* begin() const { return actions; }
    const ActionSpec* end() const { return actions + count; }
};

// The modules apply() dispatches to, in the order docs/actions.md lists them.
const std::vector<const ActionModule*>& all_actions();
// The state action called `name`, or nullptr; `module` (if given) is set to its module.
const ActionSpec* find_action(const std::string& name, const ActionModule** module = nullptr);

// The platform's requests: not state changes (downloads, file pickers, dialogs, the clipboard).
const ActionModule& platform_requests();
const ActionSpec* find_request(const std::string& name);

// Checks `args` (an action's JSON object; anything else has no arguments) against the
// spec's arguments. On failure `error` is a sentence naming the action and the argument.
bool read_args(const ActionSpec& spec, const nlohmann::json& args, std::string& error);

// An action's arguments as docs/actions.md writes them: "`view` (text): one of ...; ...".
std::string args_doc(const ActionSpec& spec);

}  // namespace jup
