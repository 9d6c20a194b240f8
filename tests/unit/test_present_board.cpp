// What a participant sees on a board, prepared by core/present/board.* for both editions.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/present/board.hpp"
#include "core/state.hpp"

using namespace jup;

static const LoadResult& pack() {
    static LoadResult r = [] {
        DirReader reader(JOINEDUP_DATA_DIR);
        return load_content(reader);
    }();
    return r;
}

static const present::Section* section(const present::BoardPage& pg, const std::string& key) {
    for (auto& s : pg.sections)
        if (s.key == key) return &s;
    return nullptr;
}

TEST_CASE("the front page cards say what each board holds, then what the participant did") {
    const Content& c = pack().content;
    State s;
    auto cards = present::board_cards(c, s);
    REQUIRE(cards.size() == c.boards.size());
    CHECK(cards[0].title == "The big question");
    const Board& pr = *c.choice_board("priorities");
    auto it = std::find_if(cards.begin(), cards.end(), [&](auto& k) { return k.board == &pr; });
    REQUIRE(it != cards.end());
    CHECK(it->progress.find("barriers, ") != std::string::npos);
    const std::string barrier = pr.barrier_groups.at(0).barriers.at(0).id;
    REQUIRE(apply(s, {"rate_barrier", {{"barrier", barrier}, {"rating", 2}}}, c).ok);
    cards = present::board_cards(c, s);
    it = std::find_if(cards.begin(), cards.end(), [&](auto& k) { return k.board == &pr; });
    CHECK(it->progress == "You rated 1 of " + std::to_string(present::barrier_count(pr)) + " barriers");
    CHECK(it->open.args["board"] == pr.id);
}

TEST_CASE("the priorities board: at most three, and they count only with something de-prioritised") {
    const Content& c = pack().content;
    const Board* b = c.choice_board("priorities");
    REQUIRE(b);
    State s;
    auto pg = present::board_page(c, s, *b);
    REQUIRE(pg.priorities);
    CHECK_FALSE(pg.pool);
    CHECK(pg.priorities->status == "Choose your priorities above.");
    REQUIRE(pg.priorities->reason);
    CHECK(pg.priorities->reason->id == "P2.3");
    // Choose three by the actions the page offers.
    for (int i = 0; i < 3; ++i) REQUIRE(apply(s, pg.priorities->options[i].toggle, c).ok);
    pg = present::board_page(c, s, *b);
    CHECK(pg.priorities->options[0].on);
    CHECK_FALSE(pg.priorities->options[3].enabled);
    CHECK(pg.priorities->options[3].hint.find("three already") != std::string::npos);
    CHECK_FALSE(pg.priorities->counts);
    CHECK(pg.priorities->status.find("once you say what you will de-prioritise") != std::string::npos);
    CHECK(pg.priorities->status.find(pg.priorities->reason->text) != std::string::npos);  // quoted from the commitment
    Action a = pg.priorities->set_deprioritised;
    a.args["text"] = "Estates work";
    REQUIRE(apply(s, a, c).ok);
    pg = present::board_page(c, s, *b);
    CHECK(pg.priorities->counts);
    CHECK(pg.priorities->status == "Your choice of 3 priorities counts.");
    CHECK(pg.position.find("Board " ) == 0);
}

TEST_CASE("a board's sections carry each item's control and the action it emits") {
    const Content& c = pack().content;
    const Board* b = c.choice_board("pool-by-default");
    REQUIRE(b);
    State s;
    auto pg = present::board_page(c, s, *b);
    REQUIRE(pg.pool);
    CHECK(pg.pool->options.size() == b->options.size());
    REQUIRE(!c.money.reports.empty());
    CHECK(pg.pool->try_label == "Try pooling on " + c.money.reports[0].area + "'s real budget");
    REQUIRE(pg.pool->try_it.size() == 2);
    CHECK(pg.pool->try_it[1].args["tab"] == "whatif");
    Content no_budget = c;
    no_budget.money.reports.clear();
    CHECK(present::board_page(no_budget, s, *no_budget.choice_board("pool-by-default")).pool->try_it.empty());
    const present::Section* commitments = section(pg, "commitments");
    REQUIRE(commitments);
    const present::Entry& e = commitments->entries.at(0);
    CHECK(e.control == present::Control::SignUp);
    CHECK(e.control_label == "I would sign up to " + e.item->id);
    CHECK(e.prefix == e.item->id);
    REQUIRE(apply(s, e.toggle, c).ok);
    CHECK(s.answers.commitments.count(e.item->id));
    pg = present::board_page(c, s, *b);
    CHECK(section(pg, "commitments")->entries.at(0).on);
    // Barriers: rating again with the current value clears it.
    std::string group;  // the first barrier group
    for (auto& sec : pg.sections)
        if (sec.level == 3 && group.empty()) group = sec.key;
    REQUIRE(!group.empty());
    REQUIRE(apply(s, section(pg, group)->entries[0].rate[1], c).ok);
    pg = present::board_page(c, s, *b);
    CHECK(section(pg, group)->entries[0].rating == 1);
    CHECK(pg.rating_progress.find("You rated 1 of ") != std::string::npos);
    REQUIRE(apply(s, section(pg, group)->entries[0].rate[1], c).ok);
    CHECK(s.answers.ratings.empty());
    // Evidence names its kind and the document it is from.
    for (auto& bb : c.boards) {
        auto p2 = present::board_page(c, s, bb);
        if (auto* ev = section(p2, "evidence")) {
            CHECK(ev->open == false);
            CHECK(ev->entries.at(0).prefix.find(" (from ") != std::string::npos);
        }
    }
}

TEST_CASE("a board with a choice is declared in the pack, not found by its id") {
    const Content& c = pack().content;
    CHECK(c.choice_board("priorities")->id == "priorities");
    CHECK(c.choice_board("pool-by-default")->id == "pounds");
    CHECK(c.choice_board("no-such-choice") == nullptr);
}

TEST_CASE("presenter mode shows the open board, else the first, with its barriers and commitments") {
    const Content& c = pack().content;
    State s;
    auto first = present::presenter_slide(c, s);
    REQUIRE(first.board == &c.boards.front());
    CHECK(first.position.rfind("1 / " + std::to_string(c.boards.size()) + "   ", 0) == 0);
    const Board* pounds = c.choice_board("pool-by-default");
    REQUIRE(pounds);
    s.board = pounds->id;
    auto sl = present::presenter_slide(c, s);
    REQUIRE(sl.board == pounds);
    CHECK(sl.question == pounds->question.text);
    CHECK(sl.left.size() == (size_t)present::barrier_count(*pounds));
    CHECK(sl.right_title == "What we commit to");
    REQUIRE(sl.right.size() == pounds->commitments.size());
    CHECK(sl.right[0] == (pounds->commitments[0].label.empty() ? pounds->commitments[0].text : pounds->commitments[0].label));
    CHECK(sl.next.type == "present_step");
    CHECK(sl.next.args["delta"] == 1);
    CHECK(sl.leave.args["on"] == false);
    const Board& big = c.boards.front();  // the big question has no commitments of its own
    if (big.commitments.empty()) {
        s.board = big.id;
        CHECK(present::presenter_slide(c, s).right_title == "What helps");
    }
    CHECK(present::presenter_slide(Content{}, State{}).board == nullptr);
}
