#include "core/present/pound.hpp"

#include <algorithm>
#include <cmath>

#include "core/format.hpp"
#include "core/vocab.hpp"

namespace jup::present {

namespace {

const char* kTimes = " \xC3\x97 ";  // ×
const char* kMinusSp = " \xE2\x88\x92 ";  // −

std::string pct(double f, int decimals = 1) { return fmt::percent(f, decimals); }

bool money_unit(const std::string& u) { return u == "£" || u == "£k" || u == "£m" || u == "£bn"; }

// A figure's value in a sentence: money as the app writes it, other units as printed.
std::string value_text(double v, const std::string& unit) {
    if (unit == "£") return (v < 0 ? fmt::kMinus : "") + std::string("£") + fmt::number(std::fabs(v));  // pence kept: £340.34
    if (money_unit(unit)) return fmt::money_short(v, unit);
    if (unit == "index" || unit.empty()) return fmt::number(v);
    return fmt::amount(v, unit);
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) out += (i ? (i + 1 == names.size() ? " and " : ", ") : "") + names[i];
    return out;
}

const Report* single_report(const PoundModel& m) { return m.reports.size() == 1 ? m.reports[0] : nullptr; }

Stat stat(const Money& money_, const std::string& key, std::string label, std::string value, std::string explain, const std::string& figure_id) {
    Stat s{key, std::move(label), std::move(value), std::move(explain), figure_id.empty() ? nullptr : money_.figure(figure_id), ""};
    if (s.figure && !s.figure->flags.empty()) {
        s.badge = "i derived";
        for (auto& f : s.figure->flags)
            if (f.kind != "derived") s.badge = "! check";
    }
    return s;
}

std::vector<Stat> stats(const Content& c, const PoundModel& m) {
    const auto& T = m.totals;
    const Report* r = single_report(m);
    Headline h = r ? r->headline : Headline{};
    std::string orgs;
    auto og = aggregate(c.money, m, Level::Org);
    for (size_t i = 0; i < og.size() && i < 4; ++i) orgs += (i ? (i + 1 == og.size() ? " and " : ", ") : "") + og[i].label + " " + money(og[i].annual);
    if (og.size() > 4) orgs += " and " + std::to_string(og.size() - 4) + " more";
    std::vector<Stat> out;
    out.push_back(stat(c.money, "annual", "Annual budget", money(T.annual),
                       "The whole year's budget of every organisation in this report added up: " + orgs + ".", h.annual));
    out.push_back(stat(c.money, "forecast", "Forecast spend for the year", money(T.forecast),
                       "What the organisations expected, at month " + std::to_string(m.month) + ", to spend by the end of the year.", h.forecast));
    out.push_back(stat(c.money, "variance", "Forecast variance", variance_words(T.variance),
                       "Variance = budget \xE2\x88\x92 spend: " + money(T.annual) + kMinusSp + money(T.forecast) + " = " + money(T.variance) +
                           ". Negative means more will be spent than was budgeted (an overspend).",
                       h.variance));
    out.push_back(stat(c.money, "pooled", "Pooled into shared budgets", money(T.pooled) + " (" + pct(T.pooled_share()) + ")",
                       std::string(vocab::fund_meaning("pooled")) + " Of " + money(T.annual) + ", " + money(T.pooled) + " is pooled" +
                           (T.capital_pooled > 0 ? " (including " + money(T.capital_pooled) + " of capital)" : "") + ".",
                       h.pooled));
    return out;
}

Overview overview(const Content& c, const State& s, const PoundModel& m, const PoundNode& tree) {
    Overview o;
    o.funds = aggregate(c.money, m, Level::FundType);
    size_t matched = 0;
    const PoundNode* at = find_node(tree, s.pound.zoom, &matched);
    o.zoom.assign(s.pound.zoom.begin(), s.pound.zoom.begin() + (std::ptrdiff_t)matched);
    o.back = make_action("pound_zoom_out");
    o.crumbs.push_back({"All organisations " + money(tree.annual), make_action("pound_zoom", {{"path", nlohmann::json::array()}})});
    const PoundNode* n = &tree;
    std::vector<std::string> path;
    for (auto& k : o.zoom) {
        const PoundNode* next = n;
        for (auto& ch : n->children)
            if (ch.key == k) next = &ch;
        n = next;
        path.push_back(k);
        o.crumbs.push_back({n->label + " " + money(n->annual), make_action("pound_zoom", {{"path", path}})});
    }
    for (auto& ch : at->children) {
        auto next = o.zoom;
        next.push_back(ch.key);
        o.zoom_into.push_back(ch.children.empty() ? Action{} : make_action("pound_zoom", {{"path", next}}));
    }
    int failed = m.failed_checks();
    o.checks_ok = failed == 0;
    if (o.checks_ok)
        o.checks_status = "Checked: the budget lines add up to every subtotal and total the source prints (" + std::to_string(m.checks.size()) +
                          " checks, to the source's rounding).";
    else
        o.checks_status = "! " + std::to_string(failed) + " of " + std::to_string(m.checks.size()) +
                          " checks do not add up: the source's totals differ from its lines.";
    for (size_t i = 0; i < m.checks.size(); ++i)
        if (!m.checks[i].ok) o.failed.push_back((int)i);
    if (single_report(m))
        for (auto& cl : c.money.claims) o.claims.push_back(&cl);
    return o;
}

Compare compare(const Content& c, const State& s, const PoundModel& m) {
    Compare out;
    const char* bys[][3] = {{"workstream", "Workstream", "Workstream"}, {"organisation", "Organisation", "Organisation"},
                            {"fund_type", "Fund type", "Fund type"}, {"line", "Budget line", "Budget line"}};
    const std::string& by = s.pound.compare_by;
    for (auto& b : bys) {
        out.by.push_back({b[0], b[1], by == b[0], make_action("pound_compare_by", {{"by", b[0]}})});
        if (by == b[0]) out.first_column = b[2];
    }
    if (out.first_column.empty()) out.first_column = "Workstream";
    Level level = by == "organisation" ? Level::Org : by == "fund_type" ? Level::FundType : by == "line" ? Level::Line : Level::Workstream;
    auto groups = aggregate(c.money, m, level);
    std::stable_sort(groups.begin(), groups.end(), [](const Group& a, const Group& b) { return std::fabs(a.variance) > std::fabs(b.variance); });
    for (auto& g : groups) {
        CompareRow r;
        r.name = g.label;
        if (level == Level::Line && g.line_index.size() == 1) r.name += " \xC2\xB7 " + group_label(c.money, Level::Org, m.lines[g.line_index[0]].org);
        r.variance_text = variance_words(g.variance);
        if (std::fabs(g.variance) >= 500) r.variance_text += " (" + pct(std::fabs(variance_ratio(g.variance, g.annual))) + " of budget)";
        out.max_budget = std::max({out.max_budget, g.annual, g.forecast});
        out.max_variance = std::max(out.max_variance, std::fabs(g.variance));
        r.group = std::move(g);
        out.rows.push_back(std::move(r));
    }
    return out;
}

double cell(const MoneyTable& t, const MoneyRow& r, const std::string& col) {
    auto it = r.values.find(col);
    return it != r.values.end() && it->second ? to_pounds(*it->second, t.unit) : 0.0;
}

}  // namespace

SeriesChart series_chart(const Money& money_, const MoneyTable& t) {
    SeriesChart ch;
    ch.table = &t;
    ch.heading = "Month by month: " + group_label(money_, Level::Org, t.org);
    std::vector<std::string> parts;
    std::string received, total_col, net_col;
    for (auto& col : t.columns) {
        if (col.role == "part") parts.push_back(col.id), ch.part_labels.push_back(col.label);
        else if (col.role == "received") received = col.id, ch.received_label = col.label;
        else if (col.role == "total") total_col = col.id;
        else if (col.role == "net") net_col = col.id;
    }
    if (!received.empty()) ch.received_note = ch.received_label + " is printed as negative numbers (money received).";
    for (auto& r : t.rows) {
        if (r.kind == "total") ch.total = &r;
        if (r.kind != "line" || r.month <= 0) continue;
        SeriesMonth mo{&r, "M" + std::to_string(r.month), {}, received.empty() ? 0.0 : -cell(t, r, received)};
        double pos = 0, neg = 0;
        for (auto& p : parts) {
            double v = cell(t, r, p);
            mo.parts.push_back(v);
            (v >= 0 ? pos : neg) += v;
        }
        ch.hi = std::max({ch.hi, pos, mo.received});
        ch.lo = std::min(ch.lo, neg);
        ch.months.push_back(std::move(mo));
    }
    if (ch.total && !ch.months.empty()) {
        auto label = [&](const std::string& id) {
            for (auto& col : t.columns)
                if (col.id == id) return col.label;
            return id;
        };
        std::string s = "Months " + std::to_string(ch.months.front().row->month) + " to " + std::to_string(ch.months.back().row->month) + " (" +
                        ch.total->label + "):";
        if (!total_col.empty()) s += " " + label(total_col) + " " + money(cell(t, *ch.total, total_col));
        std::vector<std::string> each;
        for (size_t i = 0; i < parts.size(); ++i) each.push_back(ch.part_labels[i] + " " + money(cell(t, *ch.total, parts[i])));
        if (!each.empty()) s += (total_col.empty() ? " " : ", of which ") + join_names(each);
        s += ".";
        if (!received.empty()) s += " " + ch.received_label + " " + money(-cell(t, *ch.total, received)) + ".";
        if (!net_col.empty()) s += " " + label(net_col) + " " + money(cell(t, *ch.total, net_col)) + ".";
        ch.summary = s;
    }
    return ch;
}

std::vector<CostTable> cost_tables(const Money& m) {
    std::vector<CostTable> out;
    for (auto& t : m.costs) {
        CostTable ct{&t, t.checks_title, {}};
        for (auto& id : t.checks)
            if (const Figure* f = m.figure(id)) ct.checks.push_back(figure_check(m, *f));
        out.push_back(std::move(ct));
    }
    return out;
}

namespace {

WhatIf whatif(const Content& c, const State& s, const PoundModel& m) {
    WhatIf w;
    const auto& ps = s.pound;
    if (const Board* b = c.choice_board("pool-by-default")) w.question = &b->question;
    w.totals = whatif_totals(m, whatif_choices(ps));
    const auto& W = w.totals;
    auto bar = [&](const char* who, double pooled) {
        return std::string(who) + money(pooled) + " pooled, " + pct(W.total > 0 ? pooled / W.total : 0) + " of " + money(W.total);
    };
    w.today_text = bar("Today:  ", W.today_pooled);
    w.choice_text = bar("Your choice:  ", W.pooled);
    w.key_text = "Green: pooled. Blue: not pooled (aligned, in collaboration or capital). Yellow: exceptions you marked (" + money(W.exceptions) + ").";
    w.moved_text = fmt::count(W.moved_in, "line", "lines") + " moved into the pool, " + std::to_string(W.moved_out) + " moved out, " +
                   fmt::count(W.exception_rows, "exception", "exceptions") + ".";
    w.pool_all = make_action("pound_whatif_pool_all");
    w.reset = make_action("pound_whatif_reset");
    w.can_reset = !ps.whatif.empty();
    w.note_max = kMaxWhatIfNoteBytes;
    const char* opts[][2] = {{"today", "As today"}, {"pooled", "Pooled"}, {"aligned", "Aligned"}, {"exception", "Exception"}};
    for (auto& row : m.rows) {
        auto it = m.row_parts.find(row);
        if (it == m.row_parts.end() || it->second.empty()) continue;
        const BudgetLine& l0 = m.lines[it->second[0]];
        WhatIfRow r;
        r.row = row;
        r.line = it->second[0];
        r.label = l0.label;
        r.org = group_label(c.money, Level::Org, l0.org);
        double total = 0, today = 0;
        for (int i : it->second) total += m.lines[i].annual, today += m.lines[i].pooled_today ? m.lines[i].annual : 0;
        r.budget = money(total);
        if (it->second.size() > 1) r.now = money(today) + " pooled, rest aligned";
        else r.now = std::string(vocab::fund_label(l0.fund_type)) + (l0.pooled_today && l0.fund_type != "pooled" ? ", counted as pooled" : "");
        auto ch = ps.whatif.find(row);
        r.choice = ch == ps.whatif.end() ? "today" : ch->second.choice;
        for (auto& o : opts) r.options.push_back({o[0], o[1], r.choice == o[0], make_action("pound_whatif_set", {{"line", row}, {"choice", o[0]}})});
        double after = row_pooled(m, row, r.choice == "today" ? "" : r.choice);
        r.change = after - today;
        if (std::fabs(r.change) > 0.5) r.change_text = (r.change > 0 ? "+" : "\xE2\x88\x92") + money(std::fabs(r.change)) + " pooled";
        r.exception = r.choice == "exception";
        if (ch != ps.whatif.end()) r.note = ch->second.note;
        r.set_note = make_action("pound_whatif_note", {{"line", row}, {"note", ""}});
        w.rows.push_back(std::move(r));
    }
    return w;
}

}  // namespace

std::string money(double pounds) { return fmt::money_short(pounds, "£"); }

std::string variance_words(double v) {
    if (std::fabs(v) < 500) return "on budget";
    return money(std::fabs(v)) + (v < 0 ? " overspend" : " underspend");
}

Sign column_sign(const MoneyTable& t, const Column& col, bool report_table) {
    (void)t;
    if (report_table) return col.id.find("variance") != std::string::npos ? Sign::Variance : Sign::None;
    return col.role == "part" || col.role == "total" ? Sign::OverUnder : Sign::None;
}

FigureCheck figure_check(const Money& m, const Figure& f) {
    FigureCheck out;
    out.figure = &f;
    if (f.check.op.empty()) return out;
    bool product = f.check.op == "product";
    double acc = product ? 1 : 0;
    out.complete = f.value.has_value();
    std::string working;
    for (size_t i = 0; i < f.check.of.size(); ++i) {
        const Figure* p = m.figure(f.check.of[i]);
        if (!p || !p->value) {
            out.complete = false;
            continue;
        }
        out.parts.push_back(p);
        acc = product ? acc * *p->value : acc + *p->value;
        working += (i ? (product ? kTimes : " + ") : "") + value_text(*p->value, p->unit);
    }
    if (!out.complete) return out;
    out.computed = acc;
    double printed = *f.value, diff = acc - printed;
    out.agrees = std::fabs(diff) <= f.check.tolerance + 1e-9;
    out.working = working + " = " + value_text(acc, f.unit);
    if (out.agrees) out.verdict = std::fabs(diff) > 1e-9 ? "Printed as " + value_text(printed, f.unit) + "." : "As printed.";
    else
        out.verdict = "The source prints " + value_text(printed, f.unit) + ": " + value_text(std::fabs(diff), f.unit) + (diff > 0 ? " less" : " more") +
                      " than its own " + (product ? "multiplication" : "addition") + " gives. We show the printed figure and mark it.";
    return out;
}

PoundPage pound_page(const Content& c, const State& s) {
    PoundPage pg;
    pg.scope = effective_scope(s.pound, c);
    pg.model = build_pound(c.money, pg.scope);
    pg.tree = build_tree(c.money, pg.model);
    const PoundModel& m = pg.model;
    const Report* r = single_report(m);
    if (r && !r->area.empty()) pg.heading = "The local pound: " + r->area + ", " + m.fy + ", month " + std::to_string(m.month);
    else pg.heading = "The local pound: " + m.title;
    if (r) {
        std::vector<std::string> orgs;
        for (auto& g : aggregate(c.money, m, Level::Org)) orgs.push_back(g.label);
        pg.subtitle = m.title + ": the budgets of " + join_names(orgs) + ".";
    }
    pg.scope_label = m.title.empty() ? "Choose a place and year" : m.title;
    auto scopes = pound_scopes(c.money);
    if (scopes.size() > 1)
        for (auto& sc : scopes) pg.scopes.push_back({sc.id, sc.label, sc.id == pg.scope, make_action("pound_scope", {{"scope", sc.id}})});
    pg.conventions = "Money is in pounds: \xC2\xA3" "620.0m is 620 million pounds, \xC2\xA3" "50k is 50 thousand. Variance = budget \xE2\x88\x92 spend: "
                     "a negative variance is an overspend (more spent than budgeted, orange), a positive one an underspend (purple). "
                     "Hover over, touch and hold, or move to with the Tab key, any figure to see where it comes from.";
    if (m.lines.empty()) {
        pg.empty = "This content pack has no budget tables for the local pound.";
        return pg;
    }
    pg.stats = stats(c, m);
    const char* tabs[][2] = {{"overview", "Overview"}, {"compare", "Compare"}, {"time", "Over time"}, {"whatif", "What if we pooled?"},
                             {"funds", "Funds"},       {"tables", "Source tables"}};
    pg.tab = s.pound.tab;
    for (auto& t : tabs) pg.tabs.push_back({t[0], t[1], s.pound.tab == t[0], make_action("pound_tab", {{"tab", t[0]}})});
    // Only the open tab's parts are prepared: the canvas rebuilds this page when the state changes.
    if (pg.tab == "compare") pg.compare = compare(c, s, m);
    else if (pg.tab == "time") {
        for (auto& t : c.money.series) pg.series.push_back(series_chart(c.money, t));
    } else if (pg.tab == "whatif") pg.whatif = whatif(c, s, m);
    else if (pg.tab == "funds") pg.costs = cost_tables(c.money);
    else if (pg.tab != "tables") pg.overview = overview(c, s, m, pg.tree);
    return pg;
}

const PoundNode& zoomed(const PoundPage& pg) {
    const PoundNode* n = find_node(pg.tree, pg.overview.zoom);
    return n ? *n : pg.tree;
}

}  // namespace jup::present
