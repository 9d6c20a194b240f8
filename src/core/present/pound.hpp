// What the Local pound shows, prepared once for both editions: the canvas view (src/ui/pound_*.cpp)
// lays it out with Dear ImGui, the text edition (tools/text-edition.cpp, money.html) writes it as
// HTML. Wordings that depend on the figures, the headline boxes, the series' parts and signs, the
// figures' own arithmetic and the what-if rows live here; each control carries its action.
//
//   PoundPage pg = pound_page(content, state);
//   pg.heading                       "The local pound: City and Hackney, 2020/21, month 7"
//   pg.stats[0]                      annual budget, with the headline figure the report prints
//   pg.costs[0].checks[1].verdict    "The source prints £102,000: £7,140 less than its own multiplication gives. ..."
//   pg.whatif.rows[i].options[1]     "Pooled", and the pound_whatif_set it emits
#pragma once
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/money.hpp"
#include "core/state.hpp"

namespace jup::present {

std::string money(double pounds);        // "£3.8m"
std::string variance_words(double v);    // "on budget", "£3.8m overspend", "£1.0m underspend" (variance = budget − spend)

// One of several buttons (a tab, a grouping, a scope, a what-if choice).
struct Choice {
    std::string id, label;
    bool on = false;
    Action pick;
};

// A headline box: the total this app adds up from the lines, and the figure the report prints.
struct Stat {
    std::string key, label, value, explain;
    const Figure* figure = nullptr;  // reports[].headline, when the scope is that one report
    std::string badge;               // "i derived", "! check" or "" (from the figure's flags)
};

struct Crumb {
    std::string label;
    Action go;
};

struct Overview {
    std::vector<Group> funds;  // fund types, largest first
    std::vector<std::string> zoom;  // the part of the state's zoom path that exists
    Action back;                    // zoom out one level
    std::vector<Crumb> crumbs;      // "All organisations £620.0m", then each level zoomed into
    std::vector<Action> zoom_into;  // per child of the zoomed node: what a click emits (type "" = a leaf)
    std::string checks_status;      // "Checked: the budget lines add up ..." or "! 2 of 40 checks do not add up ..."
    bool checks_ok = true;
    std::vector<int> failed;                    // indices into PoundPage::model.checks
    std::vector<const Figure*> claims;          // where the report contradicts itself (one report only)
};

struct CompareRow {
    std::string name;  // the group's label (a budget line also names its organisation)
    Group group;
    std::string variance_text;  // "£1.2m overspend (3.4% of budget)"
};

struct Compare {
    std::vector<Choice> by;
    std::string first_column;  // "Workstream", "Organisation", "Fund type", "Budget line"
    std::vector<CompareRow> rows;  // largest difference first
    double max_budget = 1, max_variance = 1;
};

// A monthly series (money.json series) as its columns' roles say: parts stacked as bars, the
// money received as markers (the source prints it negative), the total row in words.
struct SeriesMonth {
    const MoneyRow* row = nullptr;
    std::string label;          // "M1"
    std::vector<double> parts;  // pounds, one per SeriesChart::part_labels
    double received = 0;        // pounds, sign turned so money received is positive
};

struct SeriesChart {
    const MoneyTable* table = nullptr;
    std::string heading;                  // "Month by month: City and Hackney CCG"
    std::vector<std::string> part_labels; // the "part" columns
    std::string received_label;           // the "received" column, "" if none
    std::string received_note;            // "Top-Up Funds Received is printed as negative numbers (money received)."
    std::vector<SeriesMonth> months;
    double lo = 0, hi = 1;                // the range the chart needs, pounds
    const MoneyRow* total = nullptr;      // the table's "total" row
    std::string summary;                  // that row in words
};

SeriesChart series_chart(const Money& m, const MoneyTable& series);

// How a column's numbers read (series: its role and the series' sign convention).
enum class Sign { None, Variance, OverUnder };
Sign column_sign(const MoneyTable& t, const Column& col, bool report_table);

// A figure's own arithmetic (money.json figures[].check), recomputed from the figures it names.
struct FigureCheck {
    const Figure* figure = nullptr;
    std::vector<const Figure*> parts;
    bool complete = false;  // every part has a value
    double computed = 0;    // in the figure's unit
    bool agrees = true;     // within the check's tolerance
    std::string working;    // "321 days × £340 = £109,140"
    std::string verdict;    // "Printed as £340." or "The source prints £102,000: £7,140 less than ..."
};
FigureCheck figure_check(const Money& m, const Figure& f);

struct CostTable {
    const MoneyTable* table = nullptr;
    std::string checks_title;
    std::vector<FigureCheck> checks;
};

std::vector<CostTable> cost_tables(const Money& m);  // every costs table, with the checks it shows

struct WhatIfRow {
    std::string row;           // the source row id
    int line = -1;             // its first budget line, into PoundPage::model.lines
    std::string label, org, budget, now;
    std::string choice;        // "today" | pooled | aligned | exception
    std::vector<Choice> options;
    double change = 0;         // pooled after the choice − pooled today, pounds
    std::string change_text;   // "+£1.2m pooled" or "" when nothing moves
    bool exception = false;
    std::string note;          // the saved reason
    Action set_note;           // with "note" to fill in
};

struct WhatIf {
    const Item* question = nullptr;  // the question of the board whose choice is pool-by-default
    WhatIfTotals totals;
    std::string today_text, choice_text, key_text, moved_text;
    Action pool_all, reset;
    bool can_reset = false;
    std::vector<WhatIfRow> rows;
    size_t note_max = 0;  // bytes a reason may have
};

struct PoundPage {
    PoundModel model;
    PoundNode tree;
    std::string scope, heading, subtitle, conventions;
    std::string scope_label;        // the combo's current text
    std::vector<Choice> scopes;     // more than one: a chooser
    std::string empty;              // non-empty: the pack has no budget tables; say this instead
    std::vector<Stat> stats;
    std::vector<Choice> tabs;
    std::string tab;
    Overview overview;
    Compare compare;
    std::vector<SeriesChart> series;
    WhatIf whatif;
    std::vector<CostTable> costs;
};

PoundPage pound_page(const Content& c, const State& s);

// The node the state's zoom path reaches in pg.tree.
const PoundNode& zoomed(const PoundPage& pg);

}  // namespace jup::present
