// Budget lines, aggregation, the variance arithmetic, reconciliation and the what-if,
// against the bundled City & Hackney figures (data/money.json) and small hand-made tables.
#include <catch2/catch.hpp>

#include <cmath>
#include <functional>

#include "core/content.hpp"
#include "core/money.hpp"
#include "pack.hpp"

using testpack::bundled;
using testpack::run;

namespace {


const jup::PoundModel& model() {
    static const jup::PoundModel m = jup::build_pound(bundled().money, jup::default_scope(bundled().money));
    return m;
}

double group(const std::vector<jup::Group>& gs, const std::string& key, double jup::Group::*field) {
    for (auto& g : gs)
        if (g.key == key) return g.*field;
    FAIL("no group " << key);
    return 0;
}

// A small report: one table, two lines and a total that may or may not add up.
jup::Money tiny(double total_annual) {
    jup::Money m;
    m.organisations.push_back({"o1", "Org One", {}});
    m.workstreams.push_back({"w1", "Work one"});
    jup::Report rep;
    rep.id = "r1";
    rep.title = "Tiny";
    rep.fy = "2020/21";
    jup::MoneyTable t;
    t.id = "t1";
    t.org = "o1";
    t.unit = "£k";
    t.tolerance = 1;
    t.columns = {{"annual_budget", "Annual budget"}, {"forecast_outturn", "Forecast outturn"}, {"forecast_variance", "Forecast variance"}};
    jup::MoneyRow a, b, tot;
    a.id = "a", a.label = "A", a.kind = "line", a.fund_type = "pooled", a.workstream = "w1";
    a.values = {{"annual_budget", 100.0}, {"forecast_outturn", 110.0}, {"forecast_variance", -10.0}};
    b.id = "b", b.label = "B", b.kind = "line", b.fund_type = "aligned", b.workstream = "w1";
    b.values = {{"annual_budget", 300.0}, {"forecast_outturn", 290.0}, {"forecast_variance", std::nullopt}};
    tot.id = "tot", tot.label = "Total", tot.kind = "total", tot.sum_of = {"a", "b"};
    tot.values = {{"annual_budget", total_annual}, {"forecast_outturn", 400.0}, {"forecast_variance", -10.0}};
    t.rows = {a, b, tot};
    rep.tables.push_back(t);
    m.reports.push_back(rep);
    return m;
}

}  // namespace

TEST_CASE("the bundled pack's budget lines add up to the source's grand totals", "[money]") {
    const auto& m = model();
    REQUIRE(m.reports.size() == 1);
    REQUIRE(m.fy == "2020/21");
    REQUIRE(m.month == 7);
    // CCG 498,539 + LBH 113,988 + CoL 7,473 = 620,000 (£k)
    REQUIRE(m.totals.annual == Approx(620000e3));
    REQUIRE(m.printed_annual == Approx(620000e3));
    REQUIRE(m.totals.forecast == Approx(630880e3));
    REQUIRE(m.printed_forecast == Approx(630880e3));
    // Variance = budget − forecast: printed grand totals (3,813) + (6,740) + (327) = (10,880);
    // the lines give (10,879) (LBH's rows sum to (6,739): rounding in the source).
    REQUIRE(m.printed_variance == Approx(-10880e3));
    REQUIRE(std::fabs(m.totals.variance - m.printed_variance) <= 2e3);
    REQUIRE(std::fabs(m.totals.variance - (m.totals.annual - m.totals.forecast)) <= 2e3);
    // Fund types, as in the derived figures of money.json.
    REQUIRE(m.totals.pooled == Approx(64595e3));
    REQUIRE(m.totals.aligned == Approx(505867e3));
    REQUIRE(m.totals.in_collaboration == Approx(49538e3));
    REQUIRE(m.totals.capital == Approx(1525e3));
    REQUIRE(m.totals.capital_pooled == Approx(1525e3));
    REQUIRE(m.totals.pooled_share() == Approx(64595.0 / 620000));
    // Every check against a printed total passes (the risk table, which does not add up, is not budget).
    REQUIRE(m.failed_checks() == 0);
    REQUIRE(m.checks.size() > 20);
}

TEST_CASE("LBH revenue rows are split into a pooled and an aligned part", "[money]") {
    const auto& m = model();
    auto parts = m.row_lines("lbh-planned");
    REQUIRE(parts.size() == 2);
    REQUIRE(parts[0]->id == "lbh-planned#pooled");
    REQUIRE(parts[0]->annual == Approx(35803e3));
    REQUIRE(parts[0]->pooled_today);
    REQUIRE(parts[1]->id == "lbh-planned#aligned");
    REQUIRE(parts[1]->annual == Approx(35864e3));
    REQUIRE_FALSE(parts[1]->pooled_today);
    // Forecast and variance apportioned by share of the budget, and flagged as derived.
    REQUIRE(*parts[0]->forecast + *parts[1]->forecast == Approx(78833e3));
    REQUIRE(*parts[0]->forecast_variance + *parts[1]->forecast_variance == Approx(-7165e3));
    REQUIRE(parts[0]->forecast_apportioned);
    bool derived = false;
    for (auto& f : parts[0]->flags) derived |= f.kind == "derived";
    REQUIRE(derived);
    // Rows with only one part stay whole.
    auto cypm = m.row_lines("lbh-cypm");
    REQUIRE(cypm.size() == 1);
    REQUIRE(cypm[0]->fund_type == "aligned");
    // Its variance is not printed ("-"): computed as budget − forecast = 0, and marked.
    REQUIRE(cypm[0]->variance_derived);
    REQUIRE(*cypm[0]->forecast_variance == Approx(0));
    // The capital DFG counts as pooled, as the source's pooled column does.
    auto dfg = m.row_lines("lbh-capital-dfg");
    REQUIRE(dfg.size() == 1);
    REQUIRE(dfg[0]->fund_type == "capital");
    REQUIRE(dfg[0]->pooled_today);
}

TEST_CASE("aggregation by organisation, fund type and workstream keeps the totals", "[money]") {
    const auto& c = bundled();
    const auto& m = model();
    auto orgs = jup::aggregate(c.money, m, jup::Level::Org);
    REQUIRE(orgs.size() == 3);
    REQUIRE(orgs[0].key == "ccg");  // largest first
    REQUIRE(orgs[0].label == "City and Hackney CCG");
    REQUIRE(group(orgs, "ccg", &jup::Group::annual) == Approx(498539e3));
    REQUIRE(group(orgs, "lbh", &jup::Group::annual) == Approx(113988e3));
    REQUIRE(group(orgs, "colc", &jup::Group::annual) == Approx(7473e3));
    // Variances: the printed grand totals, to the source's rounding (its tolerance is 2, in £k).
    REQUIRE(std::fabs(group(orgs, "ccg", &jup::Group::variance) - -3813e3) <= 2e3);
    REQUIRE(std::fabs(group(orgs, "lbh", &jup::Group::variance) - -6740e3) <= 2e3);
    REQUIRE(group(orgs, "colc", &jup::Group::variance) == Approx(-327e3));
    REQUIRE(group(orgs, "ccg", &jup::Group::forecast) == Approx(502352e3));
    REQUIRE(group(orgs, "lbh", &jup::Group::forecast) == Approx(120728e3));
    REQUIRE(group(orgs, "lbh", &jup::Group::pooled) == Approx(38566e3));

    auto funds = jup::aggregate(c.money, m, jup::Level::FundType);
    REQUIRE(group(funds, "pooled", &jup::Group::annual) == Approx(64595e3 - 1525e3));  // capital is its own type
    REQUIRE(group(funds, "aligned", &jup::Group::annual) == Approx(505867e3));
    REQUIRE(group(funds, "in-collaboration", &jup::Group::annual) == Approx(49538e3));
    REQUIRE(group(funds, "capital", &jup::Group::annual) == Approx(1525e3));

    auto ws = jup::aggregate(c.money, m, jup::Level::Workstream);
    double sum = 0;
    for (auto& g : ws) sum += g.annual;
    REQUIRE(sum == Approx(620000e3));
    // Planned Care: CCG 6,595 + 211,345; LBH 71,667 (35,803 + 35,864); CoL 118 + 4,218
    REQUIRE(group(ws, "planned", &jup::Group::annual) == Approx((6595 + 211345 + 35803 + 35864 + 118 + 4218) * 1e3));
    REQUIRE(ws[0].key == "planned");
    REQUIRE(jup::group_label(c.money, jup::Level::Workstream, "cyp") == "Children and Young People");
}

TEST_CASE("the treemap tree nests organisation, fund type, workstream with consistent sums", "[money]") {
    const auto& c = bundled();
    auto root = jup::build_tree(c.money, model());
    REQUIRE(root.annual == Approx(620000e3));
    REQUIRE(root.children.size() == 3);
    std::function<void(const jup::PoundNode&)> check = [&](const jup::PoundNode& n) {
        if (n.children.empty()) {
            REQUIRE(n.line >= 0);
            return;
        }
        double s = 0;
        for (auto& ch : n.children) s += ch.annual, check(ch);
        REQUIRE(s == Approx(n.annual));
    };
    check(root);
    size_t matched = 0;
    auto* n = jup::find_node(root, {"ccg", "aligned"}, &matched);
    REQUIRE(matched == 2);
    REQUIRE(n->annual == Approx(423215e3));
    REQUIRE(n->children.size() == 5);
    jup::find_node(root, {"ccg", "nope"}, &matched);
    REQUIRE(matched == 1);
    // Zero budgets are left out of the treemap (CCG pooled CYP is 0).
    auto* pooled = jup::find_node(root, {"ccg", "pooled"});
    for (auto& ch : pooled->children) REQUIRE(ch.annual > 0);
}

TEST_CASE("the what-if moves lines and the pooled share follows", "[money][whatif]") {
    const auto& m = model();
    std::map<std::string, std::string> none;
    auto t0 = jup::whatif_totals(m, none);
    REQUIRE(t0.total == Approx(620000e3));
    REQUIRE(t0.pooled == Approx(64595e3));
    REQUIRE(t0.share() == Approx(t0.today_share()));
    REQUIRE(t0.moved_in == 0);

    // Pool LBH Planned Care's aligned half: +35,864.
    auto t1 = jup::whatif_totals(m, {{"lbh-planned", "pooled"}});
    REQUIRE(t1.pooled == Approx((64595 + 35864) * 1e3));
    REQUIRE(t1.moved_in == 1);
    // Move CCG pooled Unplanned Care out: −18,926; mark CCG corporate as an exception (it was aligned).
    auto t2 = jup::whatif_totals(m, {{"lbh-planned", "pooled"}, {"ccg-pooled-unplanned", "aligned"}, {"ccg-aligned-corporate-reserves", "exception"}});
    REQUIRE(t2.pooled == Approx((64595 + 35864 - 18926) * 1e3));
    REQUIRE(t2.moved_out == 1);
    REQUIRE(t2.exception_rows == 1);
    REQUIRE(t2.exceptions == Approx(30088e3));
    REQUIRE(t2.pooled + t2.not_pooled == Approx(t2.total));
    // Pool everything: 100%.
    std::map<std::string, std::string> all;
    for (auto& r : m.rows) all[r] = "pooled";
    REQUIRE(jup::whatif_totals(m, all).share() == Approx(1.0));
    REQUIRE(jup::row_pooled(m, "lbh-unplanned", "") == Approx(1238e3));
    REQUIRE(jup::row_pooled(m, "lbh-unplanned", "pooled") == Approx(6698e3));
    // Unknown ids change nothing.
    REQUIRE(jup::whatif_totals(m, {{"ghost", "pooled"}}).pooled == Approx(64595e3));
}

TEST_CASE("a total that does not add up raises a reconciliation flag", "[money]") {
    jup::Money good = tiny(400), bad = tiny(450);
    auto mg = jup::build_pound(good, "r1");
    REQUIRE(mg.failed_checks() == 0);
    auto mb = jup::build_pound(bad, "r1");
    REQUIRE(mb.failed_checks() == 2);  // the printed row, and the lines shown against the grand total
    bool found = false;
    for (auto& c : mb.checks)
        if (!c.ok && c.column == "annual_budget" && c.row_id == "tot") {
            found = true;
            REQUIRE(c.lines_sum == Approx(400e3));
            REQUIRE(c.printed == Approx(450e3));
            INFO(c.note);
            REQUIRE(c.note.find("£50k") != std::string::npos);
        }
    REQUIRE(found);
    // The variance of B is not printed: computed as budget − forecast = 300 − 290 = 10, marked derived.
    auto* b = mg.line("b");
    REQUIRE(b);
    REQUIRE(b->variance_derived);
    REQUIRE(*b->forecast_variance == Approx(10e3));
    REQUIRE(mg.totals.variance == Approx(0));
    REQUIRE(jup::variance_ratio(-10, 100) == Approx(-0.1));
    REQUIRE(jup::variance_ratio(5, 0) == 0);
}

TEST_CASE("scopes: each report, and every report of a year when there are several", "[money]") {
    jup::Money m = tiny(400);
    jup::Report r2 = m.reports[0];
    r2.id = "r2";
    m.reports.push_back(r2);
    auto scopes = jup::pound_scopes(m);
    REQUIRE(scopes.size() == 3);
    REQUIRE(scopes[2].id == "fy:2020/21");
    auto all = jup::build_pound(m, "fy:2020/21");
    REQUIRE(all.reports.size() == 2);
    REQUIRE(all.totals.annual == Approx(800e3));
    // Row ids repeated across reports are kept apart.
    REQUIRE(all.rows.size() == 4);
    REQUIRE(all.row_parts.count("r2/a") == 1);
    REQUIRE(jup::build_pound(m, "nowhere").lines.empty());
    REQUIRE(jup::pound_scopes(bundled().money).size() == 1);
}
