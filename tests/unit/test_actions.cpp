// The action tables (core/actions.hpp): docs/actions.md agrees with them, the shared argument
// reader's messages, and the platform's requests are a complete list.
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "core/actions.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;
using testpack::run;

namespace {

std::vector<const jup::ActionModule*> every_module() {
    auto m = jup::all_actions();
    m.push_back(&jup::platform_requests());
    return m;
}

std::string trim(const std::string& s) {
    size_t a = s.find_first_not_of(' '), b = s.find_last_not_of(' ');
    return a == std::string::npos ? "" : s.substr(a, b - a + 1);
}

struct DocRow {
    std::string module, args, doc;
};

// The rows "| `name` | arguments | what it does |" of docs/actions.md, by name, with the
// "## <title> (<file>)" heading they are under.
std::map<std::string, DocRow> read_doc(std::vector<std::string>& problems) {
    std::ifstream f(JOINEDUP_ACTIONS_DOC);
    std::map<std::string, DocRow> rows;
    if (!f) {
        problems.push_back(std::string("cannot read ") + JOINEDUP_ACTIONS_DOC);
        return rows;
    }
    std::string line, module;
    while (std::getline(f, line)) {
        if (line.rfind("## ", 0) == 0) module = trim(line.substr(3, line.find(" (") - 3));
        if (line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream ss(line.substr(1));
        for (std::string cell; std::getline(ss, cell, '|');) cells.push_back(trim(cell));
        if (cells.size() != 3 || cells[0].size() < 3 || cells[0].back() != '`') {
            problems.push_back("docs/actions.md: a row that is not | `name` | arguments | what it does |: " + line);
            continue;
        }
        std::string name = cells[0].substr(1, cells[0].size() - 2);
        if (!rows.emplace(name, DocRow{module, cells[1], cells[2]}).second) problems.push_back("docs/actions.md lists " + name + " twice");
    }
    return rows;
}

}  // namespace

TEST_CASE("docs/actions.md lists every action with the tables' arguments, and nothing else", "[actions]") {
    std::vector<std::string> problems;
    std::map<std::string, DocRow> doc = read_doc(problems);
    std::set<std::string> in_tables;
    for (const jup::ActionModule* m : every_module())
        for (const jup::ActionSpec& a : *m) {
            in_tables.insert(a.name);
            auto it = doc.find(a.name);
            if (it == doc.end()) {
                problems.push_back(std::string(a.name) + " is in " + m->source + " but not in docs/actions.md");
                continue;
            }
            const DocRow& row = it->second;
            if (row.module != m->title) problems.push_back(std::string(a.name) + " is under \"" + row.module + "\" in the doc, in \"" + m->title + "\" in the tables");
            if (row.args != jup::args_doc(a)) problems.push_back(std::string(a.name) + " arguments: doc says \"" + row.args + "\", the table \"" + jup::args_doc(a) + "\"");
            if (row.doc != a.doc) problems.push_back(std::string(a.name) + ": doc says \"" + row.doc + "\", the table \"" + a.doc + "\"");
        }
    for (auto& [name, row] : doc)
        if (!in_tables.count(name)) problems.push_back(name + " is in docs/actions.md but in no table");
    std::string all;
    for (auto& p : problems) all += p + "\n";
    INFO("regenerate with: joinedup-actions-doc > docs/actions.md");
    REQUIRE(all == "");
}

TEST_CASE("the tables are well formed: one entry per name, every argument explained", "[actions]") {
    std::set<std::string> names;
    for (const jup::ActionModule* m : every_module())
        for (const jup::ActionSpec& a : *m) {
            INFO(a.name);
            REQUIRE(names.insert(a.name).second);
            REQUIRE(std::string(a.doc).size() > 10);
            for (const jup::ArgSpec& arg : a.args) {
                if (!arg.name) break;
                REQUIRE(arg.hint);
                REQUIRE_FALSE(std::string(arg.hint).empty());
                // docs/actions.md is a Markdown table: no cell may hold '|', '<' or a line break
                REQUIRE(jup::args_doc(a).find_first_of("|<\n") == std::string::npos);
            }
            REQUIRE(std::string(a.doc).find_first_of("|<\n") == std::string::npos);
        }
    for (const jup::ActionModule* m : jup::all_actions())
        for (const jup::ActionSpec& a : *m) {
            INFO(a.name);
            REQUIRE(a.run != nullptr);
            REQUIRE(a.request == jup::Request::None);
            REQUIRE(jup::find_action(a.name) == &a);
        }
}

TEST_CASE("the platform's requests are a complete list, each handled once, none a state action", "[actions]") {
    std::set<jup::Request> seen;
    for (const jup::ActionSpec& a : jup::platform_requests()) {
        INFO(a.name);
        REQUIRE(a.run == nullptr);
        REQUIRE(a.request != jup::Request::None);
        REQUIRE(seen.insert(a.request).second);
        REQUIRE(jup::find_request(a.name) == &a);
        REQUIRE(jup::find_action(a.name) == nullptr);
        jup::State s;
        REQUIRE(run(s, {{"type", a.name}}).error == "unknown action \"" + std::string(a.name) + "\"");  // apply() leaves them to the platform
    }
    REQUIRE(seen.size() == (size_t)jup::Request::TestFault);  // every Request from DismissNotice to TestFault
    for (const char* name : {"share", "accept_share", "decline_share", "show_qr", "test_fault", "export_answers", "fullscreen"})
        REQUIRE(jup::find_request(name) != nullptr);
}

TEST_CASE("one argument reader: a missing or mistyped argument is named, with its JSON pointer", "[actions]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "set_view"}}).error == "set_view needs \"view\": one of boards, pound, map, sources, tally");
    REQUIRE(run(s, {{"type", "set_text_scale"}, {"scale", "big"}}).error == "set_text_scale: /scale: expected a number, got text");
    REQUIRE(run(s, {{"type", "map_filter"}, {"facet", "ics"}, {"value", "NEL"}, {"on", "yes"}}).error == "map_filter: /on: expected true or false, got text");
    REQUIRE(run(s, {{"type", "pound_zoom"}, {"path", {"ccg", 3}}}).error == "pound_zoom: /path/1: expected text, got a number");
    REQUIRE(run(s, {{"type", "remove_pool_exception"}, {"index", 1.5}}).error == "remove_pool_exception: /index: expected a whole number, got a number");
    REQUIRE(run(s, {{"type", "tally_add"}, {"files", {{{"name", "a.json"}}}}}).error ==
            "tally_add: /files/0/text: missing (each file needs a \"name\" and a \"text\")");
    // the handler's own checks come after, with their own words
    REQUIRE(run(s, {{"type", "set_view"}, {"view", "moon"}}).error == "set_view needs \"view\": one of boards, pound, map, sources, tally");
    REQUIRE(s.view == jup::View::Boards);
    // null where the table allows it; arguments not in the table are ignored
    REQUIRE(run(s, {{"type", "show_source"}, {"doc", ""}, {"line", nullptr}}).ok);
    REQUIRE(run(s, {{"type", "set_view"}, {"view", "map"}, {"colour", "red"}}).ok);
    REQUIRE(s.view == jup::View::Map);
    REQUIRE_FALSE(run(s, {{"type", "set_theme"}, {"theme", nullptr}}).ok);
    // an action built in C++ without arguments (args null) reads as having none
    jup::ApplyResult r = jup::apply(s, {"set_presenter", json()}, testpack::bundled());
    REQUIRE(r.error == "set_presenter needs \"on\": true for presenter mode, false to leave it");
}

TEST_CASE("every action in the tables is dispatched by apply()", "[actions]") {
    for (const jup::ActionModule* m : jup::all_actions())
        for (const jup::ActionSpec& a : *m) {
            INFO(a.name);
            jup::State s;
            jup::ApplyResult r = run(s, {{"type", a.name}});
            REQUIRE(r.error.find("unknown action") == std::string::npos);
        }
}
