// The session both editions keep in browser storage (core/saved_session.*).
#include <catch2/catch.hpp>

#include <regex>

#include "core/json_in.hpp"
#include "core/saved_session.hpp"

using jup::State;

TEST_CASE("a new participant id is random, not personal, and well formed") {
    std::string a = jup::new_participant_id(), b = jup::new_participant_id();
    REQUIRE(std::regex_match(a, std::regex("p-[0-9a-f]{16}")));
    REQUIRE(a != b);
}

TEST_CASE("opening the stored session: nothing, a readable one, an unreadable one") {
    SECTION("nothing stored: a fresh session with an id, to be written") {
        jup::OpenedSession o = jup::open_saved_session("", 5);
        REQUIRE(o.state.participant.rfind("p-", 0) == 0);
        REQUIRE(o.saved.empty());
        REQUIRE(o.backup_key.empty());
        REQUIRE(o.notice.empty());
    }
    SECTION("a readable session is taken as it is") {
        State s;
        s.participant = "p-0123456789abcdef";
        s.revision = 4;
        s.answers.ratings["pounds-b1"] = 2;
        std::string raw = jup::json_text(jup::state_to_json(s));
        jup::OpenedSession o = jup::open_saved_session(raw, 5);
        REQUIRE(o.state.participant == s.participant);
        REQUIRE(o.state.answers.ratings.at("pounds-b1") == 2);
        REQUIRE(o.saved == raw);
        REQUIRE(o.notice.empty());
    }
    SECTION("a session without a participant gets one") {
        jup::OpenedSession o = jup::open_saved_session(R"({"format":"joinedup-session","version":2})", 5);
        REQUIRE(o.state.participant.rfind("p-", 0) == 0);
    }
    SECTION("an unreadable one is kept aside under a named key, and said so") {
        jup::OpenedSession o = jup::open_saved_session("{not json", 1234);
        REQUIRE(o.backup_key == "joinedup.session.unreadable.1234");
        REQUIRE(o.notice.find("joinedup.session.unreadable.1234") != std::string::npos);
        REQUIRE(o.saved.empty());
        REQUIRE(o.state.answers.empty());
    }
    SECTION("parts not understood are skipped and said") {
        jup::OpenedSession o = jup::open_saved_session(R"({"format":"joinedup-session","version":2,"answers":{"ratings":{"x":9}}})", 5);
        REQUIRE(o.notice.find("/answers/ratings/x") != std::string::npos);
        REQUIRE(o.backup_key.empty());
    }
}

TEST_CASE("another tab's write is adopted, never overwritten") {
    State mine;
    mine.participant = "p-mine";
    mine.board = "pounds";
    std::string saved = jup::json_text(jup::state_to_json(mine));
    State other = mine;
    other.board = "people";
    other.revision = 3;
    other.answers.commitments.insert("P4.1");
    std::string raw = jup::json_text(jup::state_to_json(other));

    REQUIRE(jup::take_other_tab(mine, raw, saved) == jup::OtherTab::Changed);
    REQUIRE(mine.answers.commitments.count("P4.1"));
    REQUIRE(mine.board == "pounds");  // this tab's own place
    REQUIRE(saved == raw);
    REQUIRE(jup::take_other_tab(mine, raw, saved) == jup::OtherTab::Same);
    REQUIRE(jup::take_other_tab(mine, "{broken", saved) == jup::OtherTab::Unreadable);
    REQUIRE(mine.answers.commitments.count("P4.1"));
    REQUIRE(jup::take_other_tab(mine, "", saved) == jup::OtherTab::Cleared);
    REQUIRE(saved.empty());
    REQUIRE(mine.answers.commitments.count("P4.1"));  // kept, for this tab to write again
}

TEST_CASE("file names and notices are the app's words") {
    State s;
    s.participant = "p-0123456789abcdef";
    s.revision = 12;
    REQUIRE(jup::answers_file_name(s) == "joinedup-answers-012345-r12.json");
    s.participant = "p";
    REQUIRE(jup::answers_file_name(s) == "joinedup-answers-answers-r12.json");
    jup::ApplyResult ok;
    REQUIRE(jup::import_notice("a.json", ok) == "Answers from \"a.json\" are now in this browser.");
    ok.warnings = {"/answers/x: unknown", "/y: bad"};
    REQUIRE(jup::import_notice("a.json", ok).find("skipped: /answers/x: unknown (and 1 more)") != std::string::npos);
    REQUIRE(jup::import_notice("a.json", jup::ApplyResult(false, "That file is not valid JSON")) == "That file is not valid JSON");
    REQUIRE(jup::share_notice(jup::ApplyResult()).empty());
    REQUIRE(jup::share_notice(ok).find("/answers/x: unknown") != std::string::npos);
}
