#include "core/money.hpp"

#include "core/vocab.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <set>

namespace jup {

namespace {

std::optional<double> raw(const MoneyRow& r, const char* col) {
    auto it = r.values.find(col);
    if (it == r.values.end()) return std::nullopt;
    return it->second;
}

bool has_column(const MoneyTable& t, const char* id) {
    for (auto& c : t.columns)
        if (c.id == id) return true;
    return false;
}

const char* annual_col(const MoneyTable& t) {
    return has_column(t, "annual_budget") ? "annual_budget" : has_column(t, "total_annual") ? "total_annual" : nullptr;
}
const char* forecast_col(const MoneyTable& t) {
    return has_column(t, "forecast_outturn") ? "forecast_outturn" : has_column(t, "forecast_spend") ? "forecast_spend" : nullptr;
}

std::string column_label(const MoneyTable& t, const std::string& id) {
    for (auto& c : t.columns)
        if (c.id == id) return c.label;
    return id;
}

}  // namespace

bool is_budget_table(const MoneyTable& t) { return !t.org.empty() && annual_col(t) != nullptr; }

const BudgetLine* PoundModel::line(const std::string& id) const {
    for (auto& l : lines)
        if (l.id == id) return &l;
    return nullptr;
}

std::vector<const BudgetLine*> PoundModel::row_lines(const std::string& row_id) const {
    std::vector<const BudgetLine*> out;
    auto it = row_parts.find(row_id);
    if (it != row_parts.end())
        for (int i : it->second) out.push_back(&lines[i]);
    return out;
}

int PoundModel::failed_checks() const {
    int n = 0;
    for (auto& c : checks) n += !c.ok;
    return n;
}

std::vector<PoundScope> pound_scopes(const Money& m) {
    std::vector<PoundScope> out;
    std::map<std::string, int> per_fy;
    std::vector<std::string> fys;
    for (auto& r : m.reports) {
        out.push_back({r.id, r.title, 1});
        if (!per_fy.count(r.fy)) fys.push_back(r.fy);
        ++per_fy[r.fy];
    }
    for (auto& fy : fys)
        if (per_fy[fy] > 1) out.push_back({"fy:" + fy, "Every place, " + fy + " (" + std::to_string(per_fy[fy]) + " reports)", per_fy[fy]});
    return out;
}

std::string default_scope(const Money& m) { return m.reports.empty() ? "" : m.reports.front().id; }

static void add_table_lines(PoundModel& model, const Report& rep, const MoneyTable& t) {
    const char* acol = annual_col(t);
    const char* fcol = forecast_col(t);
    bool split_cols = has_column(t, "pooled_annual") && has_column(t, "aligned_annual");
    auto val = [&](const MoneyRow& r, const char* col) -> std::optional<double> {
        if (!col) return std::nullopt;
        auto v = raw(r, col);
        if (!v) return std::nullopt;
        return to_pounds(*v, t.unit);
    };
    for (auto& r : t.rows) {
        if (r.kind != "line") continue;
        BudgetLine base;
        base.row_id = r.id;
        if (model.row_parts.count(base.row_id)) base.row_id = rep.id + "/" + r.id;
        base.report_id = rep.id;
        base.table_id = t.id;
        base.org = t.org;
        base.workstream = r.workstream;
        base.label = r.label;
        base.table = &t;
        base.row = &r;
        base.flags = r.flags;
        auto annual = val(r, acol);
        base.has_annual = annual.has_value();
        base.annual = annual.value_or(0);
        base.ytd_budget = val(r, "ytd_budget");
        base.ytd_spend = val(r, "ytd_spend");
        base.ytd_variance = val(r, "ytd_variance");
        base.forecast = val(r, fcol);
        base.forecast_variance = val(r, "forecast_variance");
        if (!base.forecast_variance && base.has_annual && base.forecast) {
            base.forecast_variance = base.annual - *base.forecast;
            base.variance_derived = true;
            base.flags.push_back({"derived", "The source prints no forecast variance for this line; it is computed here as budget − forecast = " +
                                                 fmt::money_rounded(base.annual) + " − " + fmt::money_rounded(*base.forecast) + " = " +
                                                 fmt::money_rounded(*base.forecast_variance) + "."});
        }
        std::vector<BudgetLine> parts;
        auto pa = split_cols ? val(r, "pooled_annual") : std::nullopt;
        auto aa = split_cols ? val(r, "aligned_annual") : std::nullopt;
        if (r.fund_type.empty() && split_cols && (pa || aa)) {
            double p = pa.value_or(0), a = aa.value_or(0);
            if (p > 0 && a > 0) {
                for (int k = 0; k < 2; ++k) {
                    BudgetLine l = base;
                    l.part = k == 0 ? "pooled" : "aligned";
                    l.fund_type = l.part;
                    l.annual = k == 0 ? p : a;
                    l.has_annual = true;
                    l.part_share = l.annual / (p + a);
                    l.pooled_today = k == 0;
                    auto scale = [&](std::optional<double>& v) { if (v) *v *= l.part_share; };
                    scale(l.ytd_budget), scale(l.ytd_spend), scale(l.ytd_variance), scale(l.forecast), scale(l.forecast_variance);
                    l.forecast_apportioned = true;
                    char pct[16];
                    std::snprintf(pct, sizeof pct, "%.0f%%", l.part_share * 100);
                    l.flags.push_back({"derived", "The source gives this row as one line with a pooled part (" + fmt::money_rounded(p) +
                                                      ") and an aligned part (" + fmt::money_rounded(a) + "). This is the " + l.part +
                                                      " part. The source gives one forecast for the whole row; this part's forecast, "
                                                      "variance and year-to-date figures are its share (" + std::string(pct) +
                                                      ") of the row's, by annual budget."});
                    parts.push_back(std::move(l));
                }
            } else {
                BudgetLine l = base;
                l.fund_type = p > 0 ? "pooled" : "aligned";
                l.pooled_today = p > 0;
                parts.push_back(std::move(l));
            }
        } else {
            BudgetLine l = base;
            l.fund_type = r.fund_type.empty() ? "not-stated" : r.fund_type;
            l.pooled_today = r.fund_type == "pooled";
            // A capital line the source counts as pooled (its pooled_annual is the whole budget).
            if (!l.pooled_today && pa && l.has_annual && std::fabs(*pa - l.annual) <= to_pounds(t.tolerance, t.unit)) l.pooled_today = *pa > 0;
            parts.push_back(std::move(l));
        }
        model.rows.push_back(base.row_id);
        for (auto& l : parts) {
            l.id = l.part.empty() ? l.row_id : l.row_id + "#" + l.part;
            model.row_parts[l.row_id].push_back((int)model.lines.size());
            model.lines.push_back(std::move(l));
        }
    }
}

// Sum of the leaf line rows under a subtotal or total, column by column, against the printed value.
static void reconcile_table(PoundModel& model, const MoneyTable& t) {
    const char* acol = annual_col(t);
    const char* fcol = forecast_col(t);
    std::vector<std::string> cols;
    for (const char* c : {acol, "pooled_annual", "aligned_annual", "ytd_budget", "ytd_spend", "ytd_variance", fcol, "forecast_variance"})
        if (c && has_column(t, c)) cols.push_back(c);
    double tol = to_pounds(t.tolerance, t.unit);
    std::function<void(const MoneyRow&, std::vector<const MoneyRow*>&, int)> leaves = [&](const MoneyRow& r, std::vector<const MoneyRow*>& out, int depth) {
        if (depth > 16) return;
        if (r.kind == "line") return out.push_back(&r);
        for (auto& id : r.sum_of)
            if (const MoneyRow* p = t.row(id)) leaves(*p, out, depth + 1);
    };
    for (auto& r : t.rows) {
        if (r.kind == "line") continue;
        std::vector<const MoneyRow*> parts;
        leaves(r, parts, 0);
        for (auto& col : cols) {
            auto printed = raw(r, col.c_str());
            if (!printed) continue;
            double sum = 0;
            bool any = false;
            for (auto* p : parts)
                if (auto v = raw(*p, col.c_str())) sum += *v, any = true;
            if (!any) continue;
            Reconciliation c;
            c.table_id = t.id;
            c.row_id = r.id;
            c.row_label = r.label;
            c.column = col;
            c.column_label = column_label(t, col);
            c.lines_sum = to_pounds(sum, t.unit);
            c.printed = to_pounds(*printed, t.unit);
            c.tolerance = tol;
            c.ok = std::fabs(c.lines_sum - c.printed) <= tol + 1e-6;
            if (!c.ok)
                c.note = "The lines under \"" + r.label + "\" add up to " + fmt::money_rounded(c.lines_sum) + " (" + c.column_label +
                         "), but the source prints " + fmt::money_rounded(c.printed) + ": a difference of " + fmt::money_rounded(c.printed - c.lines_sum) + ".";
            model.checks.push_back(std::move(c));
        }
    }
    // The lines as this model holds them (split rows as two parts) against the printed grand total.
    const MoneyRow* total = nullptr;
    for (auto& r : t.rows)
        if (r.kind == "total") total = &r;
    if (total && acol) {
        if (auto printed = raw(*total, acol)) {
            double sum = 0;
            for (auto& l : model.lines)
                if (l.table == &t) sum += l.annual;
            Reconciliation c;
            c.table_id = t.id;
            c.row_id = total->id;
            c.row_label = total->label + " (budget lines shown)";
            c.column = acol;
            c.column_label = column_label(t, acol);
            c.lines_sum = sum;
            c.printed = to_pounds(*printed, t.unit);
            c.tolerance = tol;
            c.ok = std::fabs(c.lines_sum - c.printed) <= tol + 1e-6;
            if (!c.ok)
                c.note = "The budget lines shown add up to " + fmt::money_rounded(sum) + ", but the source's grand total is " + fmt::money_rounded(c.printed) +
                         ": a difference of " + fmt::money_rounded(c.printed - sum) + ".";
            model.checks.push_back(std::move(c));
        }
    }
}

PoundModel build_pound(const Money& m, const std::string& scope) {
    PoundModel model;
    model.scope = scope;
    bool fy_scope = scope.rfind("fy:", 0) == 0;
    for (auto& r : m.reports)
        if (fy_scope ? r.fy == scope.substr(3) : r.id == scope) model.reports.push_back(&r);
    if (model.reports.empty()) return model;
    const Report& first = *model.reports.front();
    model.fy = first.fy;
    model.month = first.month;
    model.sign_convention = first.sign_convention;
    model.title = fy_scope ? "Every place, " + model.fy + " (" + std::to_string(model.reports.size()) + " reports)" : first.title;
    for (const Report* rep : model.reports)
        for (auto& t : rep->tables) {
            if (!is_budget_table(t)) continue;
            add_table_lines(model, *rep, t);
            reconcile_table(model, t);
            const MoneyRow* total = nullptr;
            for (auto& r : t.rows)
                if (r.kind == "total") total = &r;
            if (total) {
                if (auto v = raw(*total, annual_col(t))) model.printed_annual += to_pounds(*v, t.unit);
                if (const char* fc = forecast_col(t))
                    if (auto v = raw(*total, fc)) model.printed_forecast += to_pounds(*v, t.unit);
                if (auto v = raw(*total, "forecast_variance")) model.printed_variance += to_pounds(*v, t.unit);
            }
        }
    PoundTotals& T = model.totals;
    for (auto& l : model.lines) {
        T.annual += l.annual;
        T.forecast += l.forecast.value_or(l.annual);
        T.variance += l.forecast_variance.value_or(0);
        if (l.pooled_today) T.pooled += l.annual;
        if (l.fund_type == "aligned") T.aligned += l.annual;
        else if (l.fund_type == "in-collaboration") T.in_collaboration += l.annual;
        else if (l.fund_type == "capital") {
            T.capital += l.annual;
            if (l.pooled_today) T.capital_pooled += l.annual;
        }
    }
    return model;
}

// ---- aggregation ----------------------------------------------------------------------

const char* level_name(Level l) {
    switch (l) {
        case Level::Org: return "organisation";
        case Level::FundType: return "fund type";
        case Level::Workstream: return "workstream";
        case Level::Line: return "budget line";
    }
    return "";
}

std::string line_key(const BudgetLine& l, Level by) {
    switch (by) {
        case Level::Org: return l.org;
        case Level::FundType: return l.fund_type;
        case Level::Workstream: return l.workstream.empty() ? "none" : l.workstream;
        case Level::Line: return l.id;
    }
    return "";
}

std::string group_label(const Money& m, Level by, const std::string& key) {
    if (by == Level::Org) {
        for (auto& o : m.organisations)
            if (o.id == key) return o.name;
    } else if (by == Level::FundType) {
        return vocab::fund_label(key);
    } else if (by == Level::Workstream) {
        if (key == "none") return "Workstream not stated";
        for (auto& w : m.workstreams)
            if (w.id == key) return w.label;
    }
    return key;
}

static std::string line_label(const BudgetLine& l) {
    return l.part.empty() ? l.label : l.label + " (" + l.part + " part)";
}

std::vector<Group> aggregate(const Money& m, const PoundModel& model, Level by, const std::vector<int>* filter) {
    std::map<std::string, size_t> index;
    std::vector<Group> out;
    auto add = [&](int i) {
        const BudgetLine& l = model.lines[i];
        std::string k = line_key(l, by);
        auto it = index.find(k);
        if (it == index.end()) {
            it = index.emplace(k, out.size()).first;
            Group g;
            g.key = k;
            g.label = by == Level::Line ? line_label(l) : group_label(m, by, k);
            out.push_back(std::move(g));
        }
        Group& g = out[it->second];
        g.annual += l.annual;
        g.forecast += l.forecast.value_or(l.annual);
        g.variance += l.forecast_variance.value_or(0);
        if (l.pooled_today) g.pooled += l.annual;
        g.lines++;
        g.any_derived |= l.variance_derived || l.forecast_apportioned || !l.forecast;
        g.line_index.push_back(i);
    };
    if (filter) for (int i : *filter) add(i);
    else for (int i = 0; i < (int)model.lines.size(); ++i) add(i);
    std::stable_sort(out.begin(), out.end(), [](const Group& a, const Group& b) { return a.annual != b.annual ? a.annual > b.annual : a.key < b.key; });
    return out;
}

static PoundNode node_from(const Money& m, const PoundModel& model, const Group& g, Level level) {
    PoundNode n;
    n.level = level;
    n.key = g.key;
    n.label = g.label;
    n.annual = g.annual;
    n.forecast = g.forecast;
    n.variance = g.variance;
    n.lines = g.lines;
    n.any_derived = g.any_derived;
    if (level == Level::Line) {
        n.line = g.line_index.front();
        return n;
    }
    Level next = level == Level::Org ? Level::FundType : level == Level::FundType ? Level::Workstream : Level::Line;
    std::vector<int> positive;
    for (int i : g.line_index)
        if (model.lines[i].annual > 0) positive.push_back(i);
    if (positive.size() == 1) {  // a branch holding one line is that line
        n.line = positive.front();
        return n;
    }
    for (auto& child : aggregate(m, model, next, &positive)) n.children.push_back(node_from(m, model, child, next));
    return n;
}

PoundNode build_tree(const Money& m, const PoundModel& model) {
    PoundNode root;
    root.label = model.title;
    std::vector<int> positive;
    for (int i = 0; i < (int)model.lines.size(); ++i) {
        const BudgetLine& l = model.lines[i];
        root.forecast += l.forecast.value_or(l.annual);
        root.variance += l.forecast_variance.value_or(0);
        root.annual += l.annual;
        root.lines++;
        if (l.annual > 0) positive.push_back(i);
    }
    for (auto& g : aggregate(m, model, Level::Org, &positive)) root.children.push_back(node_from(m, model, g, Level::Org));
    return root;
}

const PoundNode* find_node(const PoundNode& root, const std::vector<std::string>& path, size_t* matched) {
    const PoundNode* n = &root;
    size_t k = 0;
    for (; k < path.size(); ++k) {
        const PoundNode* next = nullptr;
        for (auto& c : n->children)
            if (c.key == path[k]) next = &c;
        if (!next) break;
        n = next;
    }
    if (matched) *matched = k;
    return n;
}

double variance_ratio(double variance, double annual) { return annual > 0 ? variance / annual : 0; }

// ---- what-if ----------------------------------------------------------------------------

double row_pooled(const PoundModel& model, const std::string& row_id, const std::string& choice) {
    double total = 0, today = 0;
    for (const BudgetLine* l : model.row_lines(row_id)) {
        total += l->annual;
        if (l->pooled_today) today += l->annual;
    }
    if (choice == "pooled") return total;
    if (choice == "aligned" || choice == "exception") return 0;
    return today;
}

WhatIfTotals whatif_totals(const PoundModel& model, const std::map<std::string, std::string>& choices) {
    WhatIfTotals w;
    for (auto& row : model.rows) {
        double total = 0, today = 0;
        for (const BudgetLine* l : model.row_lines(row)) {
            total += l->annual;
            if (l->pooled_today) today += l->annual;
        }
        auto it = choices.find(row);
        std::string choice = it == choices.end() ? "" : it->second;
        double now = choice == "pooled" ? total : (choice == "aligned" || choice == "exception") ? 0 : today;
        w.total += total;
        w.today_pooled += today;
        w.pooled += now;
        if (choice == "exception") {
            w.exceptions += total;
            w.exception_rows++;
        }
        if (now > today + 0.5) w.moved_in++;
        else if (now < today - 0.5) w.moved_out++;
    }
    w.not_pooled = w.total - w.pooled;
    return w;
}

}  // namespace jup
