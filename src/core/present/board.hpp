// What a "Why can't we...?" board shows, prepared once for both editions: the canvas view
// (src/ui/boards_view.cpp) lays it out with Dear ImGui, the text edition (tools/text-edition.cpp)
// writes it as HTML. Every wording, count and choice rule lives here; each control carries the
// action it emits, applied by jup::apply.
//
//   BoardPage pg = board_page(content, state, *content.board("priorities"));
//   pg.position                  "Board 3 of 7: Priorities"
//   pg.priorities->status        "Your choice counts once you say what you will de-prioritise. ..."
//   pg.sections[i].entries[j]    an item with its control (rate, back, sign up) and that control's actions
#pragma once
#include <array>
#include <optional>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/state.hpp"

namespace jup::present {

extern const char* const kRatingWords[4];  // "Not at all", "A little", "Quite a lot", "A lot"
extern const char* const kRatingQuestion;  // "How much does this hold us back here?"

// A board on the front page.
struct BoardCard {
    const Board* board;
    std::string title;     // "The big question" for the overarching board
    std::string question;
    std::string progress;  // "You rated 2 of 9 barriers" or "9 barriers, 4 commitments"
    Action open;
};
std::vector<BoardCard> board_cards(const Content& c, const State& s);
std::string boards_intro();  // the front page's sentence under "Why can't we...?"

enum class Control { None, Rating, Back, SignUp };

struct Entry {
    const Item* item = nullptr;
    std::string prefix;  // before the label: a commitment's id, an evidence item's kind and document
    Control control = Control::None;
    int rating = -1;                 // Rating: 0-3, or -1 when not rated
    std::array<Action, 4> rate;      // Rating: what each choice emits (the current one clears)
    bool on = false;                 // Back, SignUp: chosen
    std::string control_label;       // "I back this", "I would sign up to P2.3"
    Action toggle;                   // Back, SignUp
};

struct Section {
    std::string key;    // stable, for widget ids and HTML anchors
    std::string title;
    std::string ask;    // what the participant is asked to do here ("back the ones you support"); may be empty
    std::string intro;  // may be empty
    int level = 2;      // 2: a section; 3: a part of the section before it (a barrier group)
    bool open = true;   // shown open at first on the canvas
    std::vector<Entry> entries;
};

std::string header(const Section& s);  // the canvas heading: "What helps: back the ones you support"

struct Option {
    const Item* item = nullptr;
    bool on = false, enabled = true;
    std::string hint;  // why it is disabled
    Action toggle;
};

struct PrioritiesChoice {
    std::string title, intro, ask;  // ask: the de-prioritise question
    std::vector<Option> options;
    std::string deprioritised;      // the participant's answer
    Action set_deprioritised;       // with "text" to fill in
    bool counts = false;
    std::string status;             // what the participant's choice amounts to
    const Item* reason = nullptr;   // the commitment that asks for it (boards.json choice.reason)
};

struct PoolChoice {
    std::string title, intro, exceptions_ask;
    std::vector<Option> options;
    std::vector<std::string> exceptions;
    std::vector<Action> remove_exception;  // one per exception
    Action add_exception;                  // with "text" to fill in
    std::string try_label;                 // "Try pooling on City and Hackney's real budget" (the first report's area)
    std::vector<Action> try_it;            // opens the what-if on it; empty when the pack has no budget report
};

struct LinkedCase {
    const CaseStudy* case_study;
    std::vector<Action> open;  // select it, then go to the map
};

struct BoardPage {
    const Board* board = nullptr;
    std::string heading;   // the board's title, "<title> board"
    std::string position;  // "Board 3 of 7: Priorities"
    std::string prev, next;  // board ids, "" at the ends
    std::string rating_progress;  // "For each barrier: how much does this hold us back here? You rated 2 of 9."
    std::optional<PrioritiesChoice> priorities;
    std::optional<PoolChoice> pool;
    std::vector<Section> sections;  // barriers, what helps, trade-offs, commitments, voices, evidence
    std::string note_title, note;   // the participant's note on this board
    Action set_note;                // with "text" to fill in
    std::string cases_title;
    std::vector<LinkedCase> case_studies;
};

BoardPage board_page(const Content& c, const State& s, const Board& b);

// Presenter mode: one board on the projector, large type; the open board, else the first.
struct PresenterSlide {
    const Board* board = nullptr;  // null: the pack has no boards
    std::string position;          // "3 / 7   Priorities   (arrow keys to move, Esc to leave)"
    std::string question, quote;   // the quote in curly quotation marks; empty when the board has none
    std::string left_title, right_title;
    std::vector<std::string> left, right;  // barriers; commitments (or, without any, what helps)
    Action next, prev, leave;
};
PresenterSlide presenter_slide(const Content& c, const State& s);

int barrier_count(const Board& b);
int rated_count(const Board& b, const Answers& a);

// A document's title short enough for a line of prose ("City and Hackney ... Board papers").
std::string short_title(const std::string& title);

}  // namespace jup::present
