// What the facilitator's Room tally shows, prepared from core's Tally (answers.hpp): the
// counts, the files that could not be read, and per board the ratings (highest mean first),
// the votes (only what someone chose) and the participants' own words. src/ui/tally_view.cpp
// lays it out; everything it says is decided here.
#pragma once
#include <array>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/content.hpp"

namespace jup::present {

struct TallyRating {
    const Item* item = nullptr;
    double mean_value = 0;
    std::string mean, spread;     // "2.3", "±0.6"
    std::array<int, 4> counts{};  // answers per rating, "Not at all" first
    int n = 0;
    std::string breakdown;        // "Not at all: 1\nA little: 0\n..."
};

struct TallyVote {
    const Item* item = nullptr;
    std::string label;  // a commitment's id, then its label
    std::string count;  // "3 of 12"
};

// One part of a board's tally: a table of votes, a list of people's words, or one line.
struct TallyBlock {
    std::string title;
    std::vector<TallyVote> votes;    // most votes first; only what someone chose
    std::string others;              // "4 others: no votes."
    std::vector<std::string> texts;  // people's words, as they wrote them
};

struct TallyBoard {
    const Board* board = nullptr;
    std::string heading;  // "<title>: <question>", "(no answers yet)" when nobody answered
    bool answered = false;
    std::string ratings_title;
    std::vector<TallyRating> ratings;  // highest mean first
    std::vector<TallyBlock> blocks;
};

struct TallyPage {
    std::string title, intro;
    bool has_files = false;
    std::string empty;     // what shows before any file is opened
    std::string counted;   // "3 files read; 2 participants counted."
    std::string skipped_title;
    std::vector<std::string> skipped;
    std::string duplicates_title;  // "Counted once (2)"
    std::vector<std::string> duplicates;
    std::string warnings_title;
    std::vector<std::string> warnings;
    std::vector<TallyBoard> boards;  // in the pack's order
};

// `t` may be null (not computed yet); files_open is whether the facilitator has opened any.
TallyPage tally_page(const Content& c, const Tally* t, bool files_open);

}  // namespace jup::present
