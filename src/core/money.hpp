// The local pound as budget lines: every table row of kind "line" in a report's organisation
// tables, normalised to pounds, with its organisation, fund type and workstream. Aggregation by
// organisation, fund type or workstream; the variance arithmetic (variance = budget − spend);
// reconciliation of the lines against the source's printed totals; and the "pool by default"
// what-if. Plain C++17, no graphics; the views draw from this.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/format.hpp"

namespace jup {

// One budget line (or, for a row that carries both a pooled and an aligned amount, one of its
// two parts). Money is in pounds (£), whatever the table's unit.
struct BudgetLine {
    std::string id;        // unique within a model: the row id, or "<row>#pooled" / "<row>#aligned"
    std::string row_id;    // the source row (the what-if is keyed by this)
    std::string report_id, table_id, org, fund_type, workstream, label;
    std::string part;      // "" for a whole row; "pooled" or "aligned" for a part of a split row
    double part_share = 1;   // the part's share of the row's annual budget (1 for a whole row)
    double annual = 0;       // annual budget, £
    bool has_annual = false;  // false where the source has no figure (a dash)
    std::optional<double> ytd_budget, ytd_spend, ytd_variance, forecast, forecast_variance;
    bool variance_derived = false;   // forecast_variance not printed: budget − forecast computed here
    bool forecast_apportioned = false;  // a split part: forecast and variance apportioned by part_share
    bool pooled_today = false;  // counts towards today's pooled share
    const MoneyTable* table = nullptr;
    const MoneyRow* row = nullptr;
    std::vector<Flag> flags;  // the row's own flags plus any this module adds (derived, apportioned)
};

// A check of the lines against a total the source prints.
struct Reconciliation {
    std::string table_id, row_id, row_label, column, column_label;
    double lines_sum = 0, printed = 0, tolerance = 0;  // in pounds
    bool ok = true;
    std::string note;  // plain words, for people
};

struct PoundTotals {
    double annual = 0, forecast = 0, variance = 0;  // variance = annual − forecast (sum of line variances)
    double pooled = 0, aligned = 0, in_collaboration = 0, capital = 0, capital_pooled = 0;
    double pooled_share() const { return annual > 0 ? pooled / annual : 0; }
};

struct PoundModel {
    std::string scope;  // a report id, or "fy:<fy>" for every report of that financial year
    std::string title, fy;
    int month = 0;
    std::string sign_convention;
    std::vector<const Report*> reports;
    std::vector<BudgetLine> lines;
    std::vector<std::string> rows;                        // source row ids, in order, once each
    std::map<std::string, std::vector<int>> row_parts;    // row id -> its line indices
    PoundTotals totals;
    std::vector<Reconciliation> checks;  // every comparison made; !ok ones are flags to show
    // The source's grand totals (sum of each organisation table's "total" row), pounds.
    double printed_annual = 0, printed_forecast = 0, printed_variance = 0;
    const BudgetLine* line(const std::string& id) const;
    std::vector<const BudgetLine*> row_lines(const std::string& row_id) const;  // 1 or 2 parts
    int failed_checks() const;
};

// Scopes the pack offers: each report id, plus "fy:<fy>" for a year with several reports.
struct PoundScope {
    std::string id, label;
    int reports = 0;
};
std::vector<PoundScope> pound_scopes(const Money& m);
// The default scope: the first report (or "" when the pack has none).
std::string default_scope(const Money& m);

// Builds the budget lines of a scope. An unknown scope gives an empty model.
PoundModel build_pound(const Money& m, const std::string& scope);

// A table counts towards the local pound when it belongs to an organisation and has an annual
// budget column ("annual_budget" or "total_annual"). Risk tables and series do not.
bool is_budget_table(const MoneyTable& t);

// Money in a table's unit as pounds: jup::to_pounds (core/format.hpp).

// ---- aggregation ----------------------------------------------------------------------
enum class Level { Org, FundType, Workstream, Line };
const char* level_name(Level l);

struct Group {
    std::string key, label;
    double annual = 0, forecast = 0, variance = 0;
    double pooled = 0;
    int lines = 0;
    bool any_derived = false;  // some line's variance or forecast was computed, not printed
    std::vector<int> line_index;  // into PoundModel::lines
};

// Sums lines by one level. `filter`, if given, keeps only the listed line indices.
// Sorted by annual budget, largest first (ties by key).
std::vector<Group> aggregate(const Money& m, const PoundModel& model, Level by, const std::vector<int>* filter = nullptr);
std::string group_label(const Money& m, Level by, const std::string& key);
std::string line_key(const BudgetLine& l, Level by);

// The treemap's hierarchy: organisation, then fund type, then workstream, then line.
struct PoundNode {
    Level level = Level::Org;  // the level of this node's key (root: Org with empty key)
    std::string key, label;
    double annual = 0, forecast = 0, variance = 0;
    int lines = 0;
    int line = -1;  // for a leaf that is exactly one line: its index
    bool any_derived = false;
    std::vector<PoundNode> children;  // sorted by annual, largest first; zero-budget lines left out
};
PoundNode build_tree(const Money& m, const PoundModel& model);
// Follows a zoom path of keys from the root; returns the deepest node reached and how many keys
// matched.
const PoundNode* find_node(const PoundNode& root, const std::vector<std::string>& path, size_t* matched = nullptr);

// Variance as a fraction of budget (for colour): variance / annual, 0 when annual is 0.
double variance_ratio(double variance, double annual);

// ---- the "pool by default" what-if ----------------------------------------------------
// A choice per source row id: "pooled", "aligned" or "exception" (kept out of the pool for a
// compelling reason). Rows without a choice stay as today.
struct WhatIfTotals {
    double total = 0;          // all annual budget in scope
    double pooled = 0;         // after the choices
    double not_pooled = 0;     // aligned, in collaboration or capital, not pooled
    double exceptions = 0;     // of not_pooled: rows marked as exceptions
    double today_pooled = 0;
    int moved_in = 0, moved_out = 0, exception_rows = 0;
    double share() const { return total > 0 ? pooled / total : 0; }
    double today_share() const { return total > 0 ? today_pooled / total : 0; }
};
// The pooled amount of one row under a choice ("" = today).
double row_pooled(const PoundModel& model, const std::string& row_id, const std::string& choice);
WhatIfTotals whatif_totals(const PoundModel& model, const std::map<std::string, std::string>& choices);

}  // namespace jup
