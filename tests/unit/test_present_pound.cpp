// What the Local pound shows, prepared by core/present/pound.* for the canvas and the text edition.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/present/pound.hpp"
#include "core/state.hpp"
#include "core/vocab.hpp"
#include "pack.hpp"

using namespace jup;
using testpack::bundled;


static bool has(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

TEST_CASE("the figures' own arithmetic is recomputed from the figures a costs table names, and a slip is flagged") {
    const Content& c = bundled();
    auto tables = present::cost_tables(c.money);
    std::vector<present::FigureCheck> checks;
    for (auto& t : tables) checks.insert(checks.end(), t.checks.begin(), t.checks.end());
    REQUIRE(checks.size() >= 2);
    auto wrong = std::find_if(checks.begin(), checks.end(), [](auto& k) { return k.complete && !k.agrees; });
    REQUIRE(wrong != checks.end());
    // 321 days x £340 is £109,140; the business case prints £102,000.
    CHECK(has(wrong->working, "321"));
    CHECK(has(wrong->working, "\xC3\x97 \xC2\xA3" "340 = \xC2\xA3" "109,140"));
    CHECK(wrong->computed == Approx(109140));
    CHECK(has(wrong->verdict, "prints \xC2\xA3" "102,000"));
    CHECK(has(wrong->verdict, "\xC2\xA3" "7,140 less"));
    bool flagged = false;
    for (auto& f : wrong->figure->flags) flagged |= vocab::flag_warns(f.kind);
    CHECK(flagged);  // the data marks it too, so the canvas and the text edition show a warning
    // The bed-day cost it rests on is right, to the pound: £286 x 1.19 = £340.34.
    auto right = std::find_if(checks.begin(), checks.end(), [](auto& k) { return k.complete && k.agrees; });
    REQUIRE(right != checks.end());
    CHECK(has(right->working, "= \xC2\xA3" "340.34"));
    CHECK(right->verdict == "Printed as \xC2\xA3" "340.");
}

TEST_CASE("a figure check with a missing part is not complete and claims nothing") {
    Money m;
    Figure a, total;
    a.id = "a", a.unit = total.unit = "\xC2\xA3", a.value = 3.0;
    total.id = "t", total.label = "Total", total.value = 10.0;
    total.check = {"sum", {"a", "missing"}, 1};
    m.figures = {a, total};
    auto k = present::figure_check(m, m.figures[1]);
    CHECK_FALSE(k.complete);
    CHECK(k.verdict.empty());
    m.figures[1].check.of = {"a", "a"};
    k = present::figure_check(m, m.figures[1]);
    CHECK(k.complete);
    CHECK_FALSE(k.agrees);
    CHECK(has(k.verdict, "more than its own addition"));
}

TEST_CASE("the headline boxes add up the lines and carry the figures the report declares") {
    const Content& c = bundled();
    State s;
    auto pg = present::pound_page(c, s);
    REQUIRE(pg.empty.empty());
    REQUIRE(pg.stats.size() == 4);
    const Report& r = c.money.reports.at(0);
    CHECK(pg.stats[0].figure == c.money.figure(r.headline.annual));
    CHECK(pg.stats[1].figure == c.money.figure(r.headline.forecast));
    CHECK(pg.stats[2].figure == c.money.figure(r.headline.variance));
    CHECK(pg.stats[3].figure == c.money.figure(r.headline.pooled));
    CHECK(pg.stats[0].value == present::money(pg.model.totals.annual));
    CHECK(pg.stats[0].value == fmt::money_short(*pg.stats[0].figure->value, pg.stats[0].figure->unit));  // the lines add up to the printed total
    CHECK(has(pg.heading, r.area));
    CHECK(has(pg.subtitle, r.title));
    for (auto& st : pg.stats)
        if (st.figure && !st.figure->flags.empty()) CHECK_FALSE(st.badge.empty());
    CHECK(pg.tabs.size() == 6);
    CHECK(std::count_if(pg.tabs.begin(), pg.tabs.end(), [](auto& t) { return t.on; }) == 1);
    REQUIRE(apply(s, pg.tabs[1].pick, c).ok);
    CHECK(present::pound_page(c, s).tab == pg.tabs[1].id);
}

TEST_CASE("a monthly series is drawn as its columns' roles say, money received the right way up") {
    const Content& c = bundled();
    REQUIRE_FALSE(c.money.series.empty());
    const MoneyTable& t = c.money.series[0];
    auto ch = present::series_chart(c.money, t);
    std::vector<std::string> parts;
    for (auto& col : t.columns)
        if (col.role == "part") parts.push_back(col.label);
    CHECK(ch.part_labels == parts);
    CHECK_FALSE(ch.received_label.empty());
    REQUIRE_FALSE(ch.months.empty());
    bool any_received = false;
    for (auto& mo : ch.months) {
        CHECK(mo.parts.size() == parts.size());
        CHECK(mo.received >= 0);  // printed in brackets (negative): money in
        any_received |= mo.received > 0;
        CHECK(ch.hi >= mo.received);
    }
    CHECK(any_received);
    REQUIRE(ch.total);
    CHECK(has(ch.summary, ch.total->label));
    CHECK(has(ch.summary, ch.received_label));
    for (auto& col : t.columns) {
        auto sign = present::column_sign(t, col, false);
        CHECK((sign == present::Sign::OverUnder) == (col.role == "part" || col.role == "total"));
    }
    const MoneyTable& budget = c.money.reports.at(0).tables.at(0);
    for (auto& col : budget.columns)
        CHECK((present::column_sign(budget, col, true) == present::Sign::Variance) == has(col.id, "variance"));
}

TEST_CASE("the what-if asks the pool-by-default board's question, and each control's action does what it says") {
    const Content& c = bundled();
    State s;
    REQUIRE(apply(s, {"pound_tab", {{"tab", "whatif"}}}, c).ok);
    auto pg = present::pound_page(c, s);
    const Board* b = c.choice_board("pool-by-default");
    REQUIRE(b);
    CHECK(pg.whatif.question == &b->question);
    REQUIRE_FALSE(pg.whatif.rows.empty());
    CHECK_FALSE(pg.whatif.can_reset);
    // Move the first line that is not pooled today into the pool.
    auto row = std::find_if(pg.whatif.rows.begin(), pg.whatif.rows.end(), [&](auto& r) { return !pg.model.lines[r.line].pooled_today; });
    REQUIRE(row != pg.whatif.rows.end());
    REQUIRE(row->options.size() == 4);
    CHECK(row->options[0].on);
    double before = pg.whatif.totals.pooled;
    const std::string id = row->row;
    REQUIRE(apply(s, row->options[1].pick, c).ok);
    pg = present::pound_page(c, s);
    auto now = std::find_if(pg.whatif.rows.begin(), pg.whatif.rows.end(), [&](auto& r) { return r.row == id; });
    CHECK(now->choice == "pooled");
    CHECK(now->change > 0);
    CHECK(now->change_text.rfind("+", 0) == 0);
    CHECK(pg.whatif.totals.pooled > before);
    CHECK(pg.whatif.can_reset);
    // An exception's reason: 1,900 characters are kept whole; more than the limit is refused.
    REQUIRE(apply(s, now->options[3].pick, c).ok);
    Action note = now->set_note;
    note.args["note"] = std::string(1900, 'x');
    REQUIRE(apply(s, note, c).ok);
    pg = present::pound_page(c, s);
    now = std::find_if(pg.whatif.rows.begin(), pg.whatif.rows.end(), [&](auto& r) { return r.row == id; });
    CHECK(now->exception);
    CHECK(now->note.size() == 1900);
    note.args["note"] = std::string(pg.whatif.note_max + 1, 'x');
    CHECK_FALSE(apply(s, note, c).ok);
    REQUIRE(apply(s, pg.whatif.reset, c).ok);
    CHECK(s.pound.whatif.empty());
}

TEST_CASE("the overview's zoom controls follow the tree, and a bad zoom path stops where the tree does") {
    const Content& c = bundled();
    State s;
    auto pg = present::pound_page(c, s);
    const PoundNode& root = present::zoomed(pg);
    CHECK(&root == &pg.tree);
    REQUIRE(pg.overview.zoom_into.size() == root.children.size());
    REQUIRE(pg.overview.crumbs.size() == 1);
    size_t k = 0;
    while (k < root.children.size() && root.children[k].children.empty()) ++k;
    REQUIRE(k < root.children.size());
    REQUIRE(apply(s, pg.overview.zoom_into[k], c).ok);
    pg = present::pound_page(c, s);
    CHECK(present::zoomed(pg).key == root.children[k].key);
    CHECK(pg.overview.crumbs.size() == 2);
    REQUIRE(apply(s, pg.overview.back, c).ok);
    CHECK(s.pound.zoom.empty());
    CHECK(pg.overview.checks_ok == (pg.model.failed_checks() == 0));
}
