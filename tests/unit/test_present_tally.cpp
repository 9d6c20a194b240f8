// The facilitator's Room tally, prepared by core/present/tally.* from the room's answer files.
#include <catch2/catch.hpp>

#include "core/present/tally.hpp"

using namespace jup;

namespace {
const LoadResult& pack() {
    static LoadResult r = [] {
        DirReader reader(JOINEDUP_DATA_DIR);
        return load_content(reader);
    }();
    return r;
}

std::string answers_file(const std::string& pid, const nlohmann::json& answers) {
    return nlohmann::json{{"format", "joinedup-answers"}, {"version", 1}, {"participant", pid}, {"revision", 1}, {"answers", answers}}.dump();
}

const present::TallyBoard& board(const present::TallyPage& p, const std::string& id) {
    for (auto& b : p.boards)
        if (b.board->id == id) return b;
    FAIL("no board " << id);
    return p.boards.front();
}

const present::TallyBlock* block(const present::TallyBoard& b, const std::string& starts) {
    for (auto& k : b.blocks)
        if (k.title.rfind(starts, 0) == 0) return &k;
    return nullptr;
}
}  // namespace

TEST_CASE("before any file the tally says so and shows no boards") {
    auto p = present::tally_page(pack().content, nullptr, false);
    CHECK_FALSE(p.has_files);
    CHECK(p.empty == "No answer files yet.");
    CHECK(p.boards.empty());
}

TEST_CASE("the tally ranks barriers by mean, lists only chosen items and keeps people's words") {
    const Content& c = pack().content;
    const Board* pounds = c.choice_board("pool-by-default");
    const Board* prios = c.choice_board("priorities");
    REQUIRE(pounds);
    REQUIRE(prios);
    REQUIRE(pounds->barrier_groups.size() > 0);
    REQUIRE(pounds->barrier_groups[0].barriers.size() >= 2);
    REQUIRE(pounds->commitments.size() >= 2);
    const std::string b1 = pounds->barrier_groups[0].barriers[0].id, b2 = pounds->barrier_groups[0].barriers[1].id;
    const std::string commit = pounds->commitments[1].id, option = pounds->options[0].id;
    Tally t = tally({
        {"ann.json", answers_file("p-ann", {{"ratings", {{b1, 0}, {b2, 3}}}, {"commitments", {commit}}, {"pool_choice", option},
                                             {"pool_exceptions", {"Safeguarding money must stay ring-fenced"}}, {"notes", {{pounds->id, "Start with one ward."}}}})},
        {"bob.json", answers_file("p-bob", {{"ratings", {{b1, 1}, {b2, 2}}}})},
        {"bob again.json", answers_file("p-bob", {{"ratings", {{b1, 1}, {b2, 2}}}})},
        {"broken.json", "{\"format\": \"joinedup-answers\", "},
    });
    auto p = present::tally_page(c, &t, true);
    REQUIRE(p.has_files);
    CHECK(p.counted == "4 files read; 2 participants counted.");
    CHECK(p.skipped_title == "1 file could not be read and was skipped:");
    REQUIRE(p.skipped.size() == 1);
    CHECK(p.skipped[0].find("broken.json") != std::string::npos);
    CHECK(p.duplicates_title == "Counted once (1)");

    const auto& pb = board(p, pounds->id);
    CHECK(pb.answered);
    CHECK(pb.heading == pounds->title + ": " + pounds->question.text);
    REQUIRE(pb.ratings.size() == 2);
    CHECK(pb.ratings[0].item->id == b2);  // mean 2.5 before mean 0.5
    CHECK(pb.ratings[0].mean == "2.5");
    CHECK(pb.ratings[0].spread == "\xC2\xB1" "0.5");
    CHECK(pb.ratings[0].breakdown == "Not at all: 0\nA little: 0\nQuite a lot: 1\nA lot: 1");

    const auto* commitments = block(pb, "Commitments");
    REQUIRE(commitments);
    REQUIRE(commitments->votes.size() == 1);
    CHECK(commitments->votes[0].label.rfind(commit + " ", 0) == 0);
    CHECK(commitments->votes[0].count == "1 of 2");
    CHECK(commitments->others == std::to_string(pounds->commitments.size() - 1) + (pounds->commitments.size() == 2 ? " other" : " others") + ": no votes.");
    CHECK(block(pb, "Backed enablers") == nullptr);  // nobody backed one: no wall of zeros
    const auto* reasons = block(pb, "Compelling reasons");
    REQUIRE(reasons);
    CHECK(reasons->texts == std::vector<std::string>{"Safeguarding money must stay ring-fenced"});
    const auto* notes = block(pb, "Notes");
    REQUIRE(notes);
    CHECK(notes->texts == std::vector<std::string>{"Start with one ward."});

    const auto& pr = board(p, prios->id);
    CHECK_FALSE(pr.answered);
    CHECK(pr.heading.find("(no answers yet)") != std::string::npos);
    CHECK(pr.blocks.empty());
}

TEST_CASE("priorities chosen without naming what to de-prioritise are said to be not counted") {
    const Content& c = pack().content;
    const Board* prios = c.choice_board("priorities");
    REQUIRE(prios);
    REQUIRE(!prios->options.empty());
    Tally t = tally({{"a.json", answers_file("p-a", {{"priorities", {prios->options[0].id}}})},
                     {"b.json", answers_file("p-b", {{"priorities", {prios->options[0].id}}, {"deprioritised", "New estates work"}})}});
    auto p = present::tally_page(c, &t, true);
    const auto& pr = board(p, prios->id);
    CHECK(pr.answered);
    const auto* chosen = block(pr, "Priority outcomes");
    REQUIRE(chosen);
    REQUIRE(chosen->votes.size() == 1);
    CHECK(chosen->votes[0].count == "1 of 2");
    CHECK(block(pr, "1 participant chose priorities without naming") != nullptr);
    const auto* said = block(pr, "What people would de-prioritise");
    REQUIRE(said);
    CHECK(said->texts == std::vector<std::string>{"New estates work"});
}
