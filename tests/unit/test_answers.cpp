#include <catch2/catch.hpp>

#include "core/answers.hpp"
#include "core/terms.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;

namespace {
struct Session {
    jup::LoadResult r = testpack::Pack().load();
    jup::State s;
    jup::ApplyResult run(const json& j) {
        jup::Action a;
        std::string err;
        if (!jup::action_from_json(j, a, err)) return {false, err};
        return jup::apply(s, a, r.content);
    }
};

std::string export_text(const std::string& pid, int revision, const json& answers) {
    return json{{"format", "joinedup-answers"}, {"version", 1}, {"participant", pid}, {"revision", revision}, {"answers", answers}}.dump();
}
}  // namespace

TEST_CASE("at most three priorities", "[answers]") {
    Session t;
    for (const char* o : {"pr-a", "pr-b", "pr-c"}) REQUIRE(t.run({{"type", "toggle_priority"}, {"option", o}}).ok);
    auto r = t.run({{"type", "toggle_priority"}, {"option", "pr-d"}});
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.error.find("at most three") != std::string::npos);
    REQUIRE(t.s.answers.priorities.size() == 3);
    REQUIRE(t.run({{"type", "toggle_priority"}, {"option", "pr-a"}}).ok);  // remove one
    REQUIRE(t.run({{"type", "toggle_priority"}, {"option", "pr-d"}}).ok);  // then another fits
    REQUIRE(t.s.answers.priorities == std::set<std::string>{"pr-b", "pr-c", "pr-d"});
    REQUIRE_FALSE(t.run({{"type", "toggle_priority"}, {"option", "pool-all"}}).ok);  // not a Priorities option
}

TEST_CASE("priorities count only once something is de-prioritised", "[answers]") {
    Session t;
    t.run({{"type", "toggle_priority"}, {"option", "pr-a"}});
    REQUIRE_FALSE(jup::priorities_count(t.s.answers));
    t.run({{"type", "set_deprioritised"}, {"text", "   \n "}});
    REQUIRE_FALSE(jup::priorities_count(t.s.answers));
    t.run({{"type", "set_deprioritised"}, {"text", "new pilots"}});
    REQUIRE(jup::priorities_count(t.s.answers));
}

TEST_CASE("pool by default: one of the named options, with written exceptions", "[answers]") {
    Session t;
    REQUIRE(t.run({{"type", "set_pool_choice"}, {"option", "pool-all"}}).ok);
    REQUIRE(t.s.answers.pool_choice == "pool-all");
    REQUIRE_FALSE(t.run({{"type", "set_pool_choice"}, {"option", "pr-a"}}).ok);
    REQUIRE_FALSE(t.run({{"type", "add_pool_exception"}, {"text", "  "}}).ok);
    REQUIRE(t.run({{"type", "add_pool_exception"}, {"text", "specialised mental health beds"}}).ok);
    REQUIRE(t.run({{"type", "add_pool_exception"}, {"text", "capital grants"}}).ok);
    REQUIRE(t.run({{"type", "remove_pool_exception"}, {"index", 0}}).ok);
    REQUIRE(t.s.answers.pool_exceptions == std::vector<std::string>{"capital grants"});
    REQUIRE_FALSE(t.run({{"type", "remove_pool_exception"}, {"index", 5}}).ok);
}

TEST_CASE("export then import gives the same answers", "[answers][export]") {
    Session a;
    a.s.participant = "p-00112233aabbccdd";
    a.run({{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 3}});
    a.run({{"type", "toggle_enabler"}, {"enabler", "pounds-e1"}});
    a.run({{"type", "toggle_commitment"}, {"commitment", "P4.1"}});
    a.run({{"type", "toggle_priority"}, {"option", "pr-b"}});
    a.run({{"type", "set_deprioritised"}, {"text", "pet projects"}});
    a.run({{"type", "set_pool_choice"}, {"option", "pool-some"}});
    a.run({{"type", "add_pool_exception"}, {"text", "national contracts, \"block\" ones"}});
    a.run({{"type", "set_note"}, {"board", "pounds"}, {"text", "ünïcode ✓\nsecond line"}});
    std::string file = jup::export_answers(a.s, "2026-11-23T10:00:00Z").dump();

    Session b;  // a fresh browser
    b.s.participant = "p-ffff";
    REQUIRE(b.run({{"type", "import_answers"}, {"file", file}}).ok);
    REQUIRE(jup::answers_to_json(b.s.answers) == jup::answers_to_json(a.s.answers));
    REQUIRE(b.s.participant == a.s.participant);
    REQUIRE(b.s.revision > a.s.revision);
}

TEST_CASE("a bad import is refused and leaves answers alone", "[answers][export]") {
    Session t;
    t.run({{"type", "rate_barrier"}, {"barrier", "pounds-b1"}, {"rating", 1}});
    json before = jup::answers_to_json(t.s.answers);
    for (const char* bad : {"{oops", "[]", "{\"format\": \"joinedup-session\"}", "{\"format\": \"joinedup-answers\", \"version\": 99, \"participant\": \"x\"}"}) {
        auto r = t.run({{"type", "import_answers"}, {"file", bad}});
        INFO(bad);
        REQUIRE_FALSE(r.ok);
        REQUIRE(r.error.find("unchanged") != std::string::npos);
        REQUIRE(jup::answers_to_json(t.s.answers) == before);
    }
}

TEST_CASE("an older saved session (format 1) is migrated", "[answers][state]") {
    // As written by the first release: navigation and display at the top level.
    json v1 = {{"format", "joinedup-session"}, {"version", 1}, {"view", "map"}, {"board", "pounds"}, {"text_scale", 1.75},
               {"theme", "dark"}, {"participant", "p-1"}, {"revision", 4},
               {"answers", {{"ratings", {{"pounds-b1", 2}}}, {"enablers", {"pounds-e1"}}, {"commitments", json::array()}, {"notes", {{"pounds", "x"}}}}}};
    jup::State s;
    std::string err;
    REQUIRE(jup::state_from_json(v1, s, err));
    INFO(err);
    REQUIRE(err.empty());
    REQUIRE(s.view == jup::View::Map);
    REQUIRE(s.board == "pounds");
    REQUIRE(s.text_scale == Approx(1.75));
    REQUIRE_FALSE(s.light_theme);
    REQUIRE(s.answers.ratings.at("pounds-b1") == 2);
    REQUIRE(s.answers.notes.at("pounds") == "x");
    REQUIRE(s.revision == 4);
    json now = jup::state_to_json(s);
    REQUIRE(now["version"] == 2);
    REQUIRE(now["display"]["text_scale"] == Approx(1.75));
    jup::State newer;
    REQUIRE_FALSE(jup::state_from_json(json{{"format", "joinedup-session"}, {"version", 3}}, newer, err));
    REQUIRE(err.find("newer") != std::string::npos);
}

TEST_CASE("tally: means, spread, votes", "[tally]") {
    std::vector<jup::TallyInput> files = {
        {"a.json", export_text("p-a", 1, {{"ratings", {{"b1", 3}, {"b2", 0}}}, {"enablers", {"e1"}}, {"commitments", {"c1", "c2"}}})},
        {"b.json", export_text("p-b", 2, {{"ratings", {{"b1", 1}}}, {"enablers", {"e1", "e2"}}, {"commitments", {"c1"}}})},
        {"c.json", export_text("p-c", 1, {{"ratings", {{"b1", 2}, {"b2", 2}}}, {"pool_choice", "pool-all"}})},
    };
    jup::Tally t = jup::tally(files);
    REQUIRE(t.counted == 3);
    const auto& b1 = t.ratings.at("b1");
    REQUIRE(b1.n == 3);
    REQUIRE(b1.mean == Approx(2.0));
    REQUIRE(b1.sd == Approx(std::sqrt(2.0 / 3.0)));
    REQUIRE(b1.counts[1] == 1);
    REQUIRE(b1.counts[3] == 1);
    REQUIRE(t.ratings.at("b2").mean == Approx(1.0));
    REQUIRE(t.enablers.at("e1") == 2);
    REQUIRE(t.enablers.at("e2") == 1);
    REQUIRE(t.commitments.at("c1") == 2);
    REQUIRE(t.pool_choices.at("pool-all") == 1);
}

TEST_CASE("tally: priorities need a de-prioritisation to count", "[tally]") {
    jup::Tally t = jup::tally({
        {"a.json", export_text("p-a", 1, {{"priorities", {"pr-a", "pr-b"}}, {"deprioritised", "pilots"}})},
        {"b.json", export_text("p-b", 1, {{"priorities", {"pr-a"}}})},
    });
    REQUIRE(t.priorities.at("pr-a") == 1);
    REQUIRE(t.priorities_not_counted == 1);
    REQUIRE(t.deprioritised.size() == 1);
    REQUIRE(t.deprioritised[0].second == "pilots");
}

TEST_CASE("tally: a file seen twice counts once; a newer revision replaces an older", "[tally]") {
    std::string f1 = export_text("p-a", 3, {{"ratings", {{"b1", 3}}}});
    jup::Tally t = jup::tally({{"a.json", f1}, {"a (copy).json", f1}, {"a-old.json", export_text("p-a", 2, {{"ratings", {{"b1", 0}}}})},
                               {"b.json", export_text("p-b", 1, {{"ratings", {{"b1", 1}}}})}});
    REQUIRE(t.counted == 2);
    REQUIRE(t.ratings.at("b1").n == 2);
    REQUIRE(t.ratings.at("b1").mean == Approx(2.0));  // 3 (newest of p-a) and 1
    REQUIRE(t.duplicates.size() == 2);
    REQUIRE(t.duplicates[0].find("a (copy).json: same participant and revision as a.json") == 0);
}

TEST_CASE("tally: malformed files are reported by name and skipped; the rest count", "[tally]") {
    jup::Tally t = jup::tally({
        {"good.json", export_text("p-a", 1, {{"ratings", {{"b1", 2}}}})},
        {"broken.json", "{\"format\": \"joinedup-answers\", "},
        {"session.json", json{{"format", "joinedup-session"}, {"version", 2}}.dump()},
        {"partly.json", export_text("p-b", 1, {{"ratings", {{"b1", 7}, {"b2", 1}}}})},
        {"huge.json", std::string(3u << 20, ' ')},
    });
    REQUIRE(t.counted == 2);
    REQUIRE(t.skipped.size() == 3);
    REQUIRE(t.skipped[0].rfind("broken.json: /: not valid JSON (line 1, column ", 0) == 0);
    REQUIRE(t.skipped[1] == "session.json: /format: not a Joined-Up answers file");
    REQUIRE(t.skipped[2].find("huge.json") == 0);
    REQUIRE(t.warnings.size() == 1);
    REQUIRE(t.warnings[0] == "partly.json: /answers/ratings/b1: a rating is a whole number from 0 to 3");
    REQUIRE(t.ratings.at("b1").n == 1);
}

TEST_CASE("tally CSV quotes text and carries every count", "[tally]") {
    auto r = testpack::Pack().load();
    jup::Tally t = jup::tally({{"a.json", export_text("p-a", 1, {{"ratings", {{"pounds-b1", 2}}}, {"notes", {{"pounds", "yes, \"pooled\"\nplease"}}}})}});
    std::string csv = jup::tally_csv(t, r.content);
    REQUIRE(csv.find("barrier,pounds,pounds-b1,Fights over money,1,2.00,0.00,0,0,1,0,,\n") != std::string::npos);
    REQUIRE(csv.find("note,pounds,,,,,,,,,,,\"yes, \"\"pooled\"\"\nplease\"\n") != std::string::npos);
    json j = jup::tally_json(t);
    REQUIRE(j["ratings"]["pounds-b1"]["mean"] == Approx(2.0));
}

TEST_CASE("glossary terms are found as whole words only", "[glossary]") {
    auto r = testpack::Pack().load();
    auto names = [&](const std::string& text) {
        std::vector<std::string> out;
        for (auto* t : jup::terms_in(r.content, text)) out.push_back(t->id);
        return out;
    };
    REQUIRE(names("The CCG pools its budget") == std::vector<std::string>{"ccg"});
    REQUIRE(names("CCGs in London") == std::vector<std::string>{"ccg"});
    REQUIRE(names("ACCGX and xCCG") == std::vector<std::string>{});
}

TEST_CASE("presenter mode steps through the boards in order", "[state]") {
    Session t;
    REQUIRE(t.run({{"type", "set_presenter"}, {"on", true}}).ok);
    REQUIRE(t.s.board == "priorities");
    REQUIRE(t.run({{"type", "present_step"}, {"delta", 1}}).ok);
    REQUIRE(t.s.board == "pounds");
    REQUIRE(t.run({{"type", "present_step"}, {"delta", 1}}).ok);
    REQUIRE(t.s.board == "pounds");  // stays on the last
    REQUIRE(t.run({{"type", "present_step"}, {"delta", -5}}).ok);
    REQUIRE(t.s.board == "priorities");
}
