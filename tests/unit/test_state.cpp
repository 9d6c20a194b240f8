#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;

static jup::ApplyResult run(jup::State& s, const jup::Content& c, const json& j) {
    jup::Action a;
    std::string err;
    if (!jup::action_from_json(j, a, err)) return {false, err};
    return jup::apply(s, a, c);
}

TEST_CASE("views are changed through apply", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    REQUIRE(run(s, r.content, {{"type", "set_view"}, {"view", "map"}}).ok);
    REQUIRE(s.view == jup::View::Map);
    auto bad = run(s, r.content, {{"type", "set_view"}, {"view", "moon"}});
    REQUIRE_FALSE(bad.ok);
    REQUIRE(s.view == jup::View::Map);  // unchanged
}

TEST_CASE("an unknown action is refused with its name", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    auto res = run(s, r.content, {{"type", "launch_rocket"}});
    REQUIRE_FALSE(res.ok);
    REQUIRE(res.error == "unknown action \"launch_rocket\"");
    REQUIRE_FALSE(run(s, r.content, json::array()).ok);
    REQUIRE_FALSE(run(s, r.content, {{"view", "map"}}).ok);
}

TEST_CASE("opening a board checks it exists", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    s.view = jup::View::Map;
    REQUIRE(run(s, r.content, {{"type", "open_board"}, {"board", "pounds"}}).ok);
    REQUIRE(s.view == jup::View::Boards);
    REQUIRE(s.board == "pounds");
    REQUIRE_FALSE(run(s, r.content, {{"type", "open_board"}, {"board", "nope"}}).ok);
    REQUIRE(s.board == "pounds");
}

TEST_CASE("ratings are whole numbers 0 to 3 on known barriers", "[state][answers]") {
    auto r = testpack::Pack().load();
    jup::State s;
    REQUIRE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 3}}).ok);
    REQUIRE(s.answers.ratings.at("pounds-b1") == 3);
    REQUIRE(s.revision == 1);
    REQUIRE_FALSE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 4}}).ok);
    REQUIRE_FALSE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", -1}}).ok);
    REQUIRE_FALSE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 1.5}}).ok);
    REQUIRE_FALSE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "ghost"}, {"rating", 1}}).ok);
    REQUIRE(s.answers.ratings.at("pounds-b1") == 3);
    REQUIRE(s.revision == 1);
    REQUIRE(run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", nullptr}}).ok);
    REQUIRE(s.answers.ratings.empty());
}

TEST_CASE("text scale is clamped to a readable range", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    REQUIRE(run(s, r.content, {{"type", "set_text_scale"}, {"scale", 10}}).ok);
    REQUIRE(s.text_scale == Approx(jup::kMaxTextScale));
    REQUIRE(run(s, r.content, {{"type", "set_text_scale"}, {"scale", 0.1}}).ok);
    REQUIRE(s.text_scale == Approx(jup::kMinTextScale));
    REQUIRE_FALSE(run(s, r.content, {{"type", "set_text_scale"}, {"scale", "big"}}).ok);
}

TEST_CASE("enablers and commitments toggle; notes set and clear", "[state][answers]") {
    auto r = testpack::Pack().load();
    jup::State s;
    REQUIRE(run(s, r.content, {{"type", "toggle_enabler"}, {"enabler", "pounds-e1"}}).ok);
    REQUIRE(s.answers.enablers.count("pounds-e1"));
    REQUIRE(run(s, r.content, {{"type", "toggle_enabler"}, {"enabler", "pounds-e1"}}).ok);
    REQUIRE(s.answers.enablers.empty());
    REQUIRE(run(s, r.content, {{"type", "toggle_commitment"}, {"commitment", "P4.1"}}).ok);
    REQUIRE_FALSE(run(s, r.content, {{"type", "toggle_commitment"}, {"commitment", "pounds-e1"}}).ok);
    REQUIRE(run(s, r.content, {{"type", "set_note"}, {"board", "pounds"}, {"text", "pool mental health first"}}).ok);
    REQUIRE(s.answers.notes.at("pounds") == "pool mental health first");
    REQUIRE(run(s, r.content, {{"type", "clear_answers"}}).ok);
    REQUIRE(s.answers.notes.empty());
    REQUIRE(s.answers.commitments.empty());
}

TEST_CASE("state round-trips through JSON", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    s.participant = "p-1234";
    run(s, r.content, {{"type", "open_board"}, {"board", "pounds"}});
    run(s, r.content, {{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 2}});
    run(s, r.content, {{"type", "set_note"}, {"board", "pounds"}, {"text", "ünïcode ✓"}});
    run(s, r.content, {{"type", "set_text_scale"}, {"scale", 1.5}});
    jup::State back;
    std::string err;
    REQUIRE(jup::state_from_json(json::parse(jup::state_to_json(s).dump()), back, err));
    REQUIRE(err.empty());
    REQUIRE(back.board == "pounds");
    REQUIRE(back.answers.ratings == s.answers.ratings);
    REQUIRE(back.answers.notes == s.answers.notes);
    REQUIRE(back.text_scale == Approx(1.5));
    REQUIRE(back.participant == "p-1234");
}

TEST_CASE("a corrupt saved session is refused or repaired with a message", "[state]") {
    jup::State out;
    std::string err;
    REQUIRE_FALSE(jup::state_from_json(json::parse("[1,2]"), out, err));
    REQUIRE_FALSE(jup::state_from_json(json{{"format", "other"}}, out, err));
    REQUIRE(err.find("/format") != std::string::npos);
    json j = {{"format", "joinedup-session"}, {"version", 1}, {"view", "moon"}, {"answers", {{"ratings", {{"a", 9}, {"b", 2}}}}}};
    REQUIRE(jup::state_from_json(j, out, err));
    REQUIRE(out.answers.ratings.size() == 1);
    REQUIRE(err.find("/answers/ratings/a") != std::string::npos);
    REQUIRE(err.find("/view") != std::string::npos);
}

// Found by fuzz_session: "format" holding an object threw nlohmann::type_error out of the loader.
TEST_CASE("a saved session whose fields have the wrong types is refused with a message, not an exception", "[state]") {
    jup::State out;
    std::string err;
    json j = json::parse(R"({"format": {"era": "all"}, "version": 2})");
    bool ok = true;
    REQUIRE_NOTHROW(ok = jup::state_from_json(j, out, err));
    REQUIRE_FALSE(ok);
    REQUIRE(err.find("/format") != std::string::npos);
    // the fuzzer's input itself, replayed from tests/fuzz/regressions/session by tools/fuzz.sh
    std::ifstream f(std::string(JOINEDUP_FIXTURES_DIR) + "/../fuzz/regressions/session/crash-f62f56013358bd9659b6a27e400c838e0fae7182");
    std::stringstream ss;
    ss << f.rdbuf();
    REQUIRE_FALSE(ss.str().empty());
    REQUIRE_NOTHROW(jup::state_from_json(json::parse(ss.str()), out, err));
}

TEST_CASE("an action whose argument has an unexpected type is refused, not thrown", "[state]") {
    auto r = testpack::Pack().load();
    jup::State s;
    // "line" must be a number; a string used to escape apply() as nlohmann::type_error
    jup::ApplyResult res;
    REQUIRE_NOTHROW(res = jup::apply(s, {"show_source", {{"doc", r.content.documents[0].id}, {"line", "twelve"}}}, r.content));
    REQUIRE_FALSE(res.ok);
    REQUIRE(res.error.find("show_source") != std::string::npos);
}

TEST_CASE("another tab's answers are adopted; this tab keeps its own view and pound tab, scope, zoom and grouping", "[state]") {
    jup::State mine;
    mine.view = jup::View::Pound;
    mine.board = "pounds";
    mine.text_scale = 1.5f;
    mine.participant = "p-mine";
    mine.revision = 3;
    mine.answers.ratings = {{"pounds-b1", 1}};
    mine.pound.tab = "compare";
    mine.pound.scope = "fy:2020/21";
    mine.pound.zoom = {"ccg"};
    mine.pound.compare_by = "organisation";

    jup::State other;
    other.view = jup::View::Map;
    other.participant = "p-other";
    other.revision = 7;
    other.answers.ratings = {{"pounds-b1", 3}};
    other.answers.pool_choice = "pool-all";
    other.pound.tab = "whatif";
    other.pound.whatif["lbh-planned"] = {"pooled", ""};
    other.pound.revision = 4;

    REQUIRE(jup::adopt_other_tab(mine, other));
    REQUIRE(jup::answers_to_json(mine.answers) == jup::answers_to_json(other.answers));
    REQUIRE(mine.revision == 7);
    REQUIRE(mine.participant == "p-other");
    REQUIRE(mine.pound.whatif.at("lbh-planned").choice == "pooled");
    REQUIRE(mine.pound.revision == 4);
    REQUIRE(mine.pound.tab == "compare");
    REQUIRE(mine.pound.scope == "fy:2020/21");
    REQUIRE(mine.pound.zoom == std::vector<std::string>{"ccg"});
    REQUIRE(mine.pound.compare_by == "organisation");
    REQUIRE(mine.view == jup::View::Pound);
    REQUIRE(mine.board == "pounds");
    REQUIRE(mine.text_scale == Approx(1.5));

    // the same again: nothing changed; a copy without a participant keeps this tab's
    REQUIRE_FALSE(jup::adopt_other_tab(mine, other));
    other.participant.clear();
    other.revision = 8;
    REQUIRE(jup::adopt_other_tab(mine, other));
    REQUIRE(mine.participant == "p-other");
    REQUIRE(mine.revision == 8);
}
