// What a user relies on in the bundled content pack (data/), checked against the seed
// documents themselves (data/seeds/*.txt) where the pack quotes a figure.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "pack.hpp"

using testpack::all_issues;

namespace {

const jup::LoadResult& bundled() {
    static const jup::LoadResult r = [] {
        jup::DirReader reader(JOINEDUP_DATA_DIR);
        return jup::load_content(reader);
    }();
    return r;
}
const jup::Content& pack() { return bundled().content; }

bool has_flag(const std::vector<jup::Flag>& flags, const std::string& kind) {
    for (auto& f : flags)
        if (f.kind == kind) return true;
    return false;
}

// The seed text a source points at: its lines joined with spaces.
std::string seed_text(const jup::Source& s) {
    const jup::Document* d = pack().document(s.doc);
    REQUIRE(d != nullptr);
    REQUIRE(s.from >= 1);
    REQUIRE(s.to <= (int)d->lines.size());
    std::string out;
    for (int i = s.from; i <= s.to; ++i) out += d->lines[i - 1] + " ";
    return out;
}

// 498539 -> "498,539", the way the seeds print money.
std::string with_commas(long long v) {
    std::string digits = std::to_string(v < 0 ? -v : v), out;
    for (size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

const jup::MoneyTable& table(const std::string& id) {
    for (auto& rep : pack().money.reports)
        for (auto& t : rep.tables)
            if (t.id == id) return t;
    FAIL("no table " << id);
    throw;
}

const jup::MoneyRow& row(const std::string& table_id, const std::string& row_id) {
    const jup::MoneyRow* r = table(table_id).row(row_id);
    INFO(table_id << " / " << row_id);
    REQUIRE(r != nullptr);
    return *r;
}

double value(const jup::MoneyRow& r, const std::string& col) {
    auto it = r.values.find(col);
    INFO(r.id << " column " << col);
    REQUIRE(it != r.values.end());
    REQUIRE(it->second.has_value());
    return *it->second;
}

const jup::Figure& figure(const std::vector<jup::Figure>& list, const std::string& id) {
    for (auto& f : list)
        if (f.id == id) return f;
    FAIL("no figure or claim " << id);
    throw;
}

}  // namespace

TEST_CASE("the bundled pack loads with no errors", "[data]") {
    INFO(all_issues(bundled()));
    REQUIRE(bundled().errors() == 0);
    REQUIRE(pack().documents.size() == 5);
}

TEST_CASE("bundled: seven boards in order, each with a question, the six Ps with three commitments", "[data][boards]") {
    const std::vector<std::string> expected = {"overarching", "purpose", "priorities", "place", "pounds", "providers", "people"};
    const auto& boards = pack().boards;
    REQUIRE(boards.size() == expected.size());
    for (size_t i = 0; i < boards.size(); ++i) {
        const jup::Board& b = boards[i];
        INFO("board " << i << ": " << b.id);
        CHECK(b.id == expected[i]);
        CHECK(b.order == (int)i);
        // The question is the source's own "Why can't we...?" line, with its source.
        CHECK(b.question.text.find("Why can") == 0);
        CHECK(b.question.text.back() == '?');
        REQUIRE(b.question.source.present());
        CHECK(seed_text(b.question.source).find("Why can") != std::string::npos);
        if (b.id == "overarching") continue;
        REQUIRE(b.commitments.size() == 3);
        std::set<std::string> ids;
        for (auto& c : b.commitments) {
            ids.insert(c.id);
            CHECK(c.source.present());
        }
        CHECK(ids.size() == 3);
    }
}

TEST_CASE("bundled: the 33 London local authority areas, each in one of the five ICSs", "[data][places]") {
    const std::set<std::string> icss = {"NWL", "NCL", "NEL", "SEL", "SWL"};
    std::set<std::string> seen_icss;
    for (auto& i : pack().icss) seen_icss.insert(i.id);
    REQUIRE(seen_icss == icss);

    int areas = 0;
    for (auto& p : pack().places)
        if (p.kind == "borough" || p.kind == "city") ++areas;
    REQUIRE(areas == 33);

    for (int n = 1; n <= 33; ++n) {
        char code[16];
        std::snprintf(code, sizeof code, "E090000%02d", n);
        INFO(code);
        const jup::Place* p = pack().place(code);
        REQUIRE(p != nullptr);
        CHECK((p->kind == "borough" || p->kind == "city"));
        CHECK(p->kind == (n == 1 ? "city" : "borough"));  // E09000001 is the City of London
        CHECK(icss.count(p->ics) == 1);
        // Membership either comes from a document, with a source, or is flagged outside knowledge.
        if (p->ics_basis == "document") {
            CHECK(p->source.present());
        } else {
            CHECK(p->ics_basis == "outside-knowledge");
            CHECK(has_flag(p->flags, "outside-knowledge"));
        }
        if (!p->source.present()) CHECK(has_flag(p->flags, "outside-knowledge"));
    }
}

TEST_CASE("bundled: the CCG budget table adds up to its grand total", "[data][money]") {
    const jup::MoneyTable& t = table("ccg-icf");
    REQUIRE(t.org == "ccg");
    const jup::MoneyRow& grand = row("ccg-icf", "ccg-grand-total");
    REQUIRE(grand.kind == "total");
    const double total = value(grand, "annual_budget");
    REQUIRE(total == 498539);
    // The seed prints it on the lines the row cites.
    CHECK(seed_text(grand.source).find(with_commas((long long)total)) != std::string::npos);

    // pooled + aligned + in-collaboration lines, summed here.
    double sum = 0;
    int lines = 0;
    for (auto& r : t.rows) {
        if (r.kind != "line") continue;
        INFO(r.id);
        REQUIRE((r.fund_type == "pooled" || r.fund_type == "aligned" || r.fund_type == "in-collaboration"));
        sum += value(r, "annual_budget");
        ++lines;
    }
    CHECK(lines >= 3);
    CHECK(sum == total);
}

TEST_CASE("bundled: the CCG aligned row lost in conversion is restored and flagged derived", "[data][money]") {
    const jup::MoneyTable& t = table("ccg-icf");
    const jup::MoneyRow& aligned_total = row("ccg-icf", "ccg-aligned-total");
    const jup::MoneyRow& restored = row("ccg-icf", "ccg-aligned-unplanned");
    CHECK(has_flag(restored.flags, "derived"));
    CHECK(restored.fund_type == "aligned");
    // The restored value is the residual of the printed aligned total less the printed aligned
    // rows, in every column; the printed rows are those that cite the seed without a derived flag.
    for (auto& col : t.columns) {
        double printed = 0;
        for (auto& r : t.rows)
            if (r.kind == "line" && r.fund_type == "aligned" && &r != &restored) {
                CHECK_FALSE(has_flag(r.flags, "derived"));
                printed += value(r, col.id);
            }
        INFO("column " << col.id);
        CHECK(value(aligned_total, col.id) - printed == value(restored, col.id));
    }
    // The printed aligned total is in the seed (4 printed rows do not reach it).
    CHECK(seed_text(aligned_total.source).find(with_commas((long long)value(aligned_total, "annual_budget"))) != std::string::npos);
}

TEST_CASE("bundled: the three organisations' annual budgets add up to £620m", "[data][money]") {
    struct Total {
        const char *table, *row, *column;
    };
    const Total totals[] = {{"ccg-icf", "ccg-grand-total", "annual_budget"},
                            {"lbh-icf", "lbh-grand-total", "total_annual"},
                            {"colc-icf", "colc-grand-total", "annual_budget"}};
    std::set<std::string> orgs;
    double sum = 0;
    for (auto& t : totals) {
        const jup::MoneyRow& r = row(t.table, t.row);
        REQUIRE(r.kind == "total");
        orgs.insert(table(t.table).org);
        double v = value(r, t.column);
        INFO(t.row << " = " << v);
        CHECK(table(t.table).unit == "£k");
        CHECK(seed_text(r.source).find(with_commas((long long)v)) != std::string::npos);
        sum += v;
    }
    CHECK(orgs == std::set<std::string>{"ccg", "lbh", "colc"});
    CHECK(sum == 620000);
    // The pack's own derived headline figure agrees.
    const jup::Figure& headline = figure(pack().money.figures, "icf-annual-budget-total");
    CHECK(has_flag(headline.flags, "derived"));
    REQUIRE(headline.value.has_value());
    CHECK(*headline.value == sum);
}

TEST_CASE("bundled: the Pathway £102,000 is kept as printed and flagged as the source's error", "[data][money]") {
    const auto& figs = pack().money.figures;
    const jup::Figure& cost = figure(figs, "pathway-dtoc-cost");
    REQUIRE(cost.value.has_value());
    CHECK(*cost.value == 102000);
    CHECK(cost.unit == "£");
    CHECK(seed_text(cost.source).find("102,000") != std::string::npos);
    CHECK(has_flag(cost.flags, "source-error"));
    // 321 days x £340 is not £102,000: the flag is earned.
    const jup::Figure& days = figure(figs, "pathway-dtoc-days");
    const jup::Figure& rate = figure(figs, "pathway-bed-day-cost");
    REQUIRE(days.value.has_value());
    REQUIRE(rate.value.has_value());
    CHECK(seed_text(days.source).find("321 days") != std::string::npos);
    CHECK(std::fabs(*days.value * *rate.value - *cost.value) > 1000);
    // ... and the loader reports it as a warning, not an error.
    bool warned = false;
    for (auto& i : bundled().issues)
        if (i.file == "money.json" && i.message.find("says 102000") != std::string::npos) {
            CHECK(i.warning);
            warned = true;
        }
    CHECK(warned);
}

TEST_CASE("bundled: the £3.812m claims are flagged contradicted and name what contradicts them", "[data][money]") {
    int found = 0;
    for (auto& c : pack().money.claims) {
        if (!c.value || std::fabs(*c.value - 3.812) > 1e-9) continue;
        ++found;
        INFO(c.id);
        CHECK(c.unit == "£m");
        CHECK(seed_text(c.source).find("£3.812m") != std::string::npos);
        CHECK(has_flag(c.flags, "contradicted"));
        REQUIRE_FALSE(c.conflicts_with.empty());
        for (auto& other : c.conflicts_with) CHECK(other != c.id);
    }
    CHECK(found >= 1);
    // The executive summary's figure, specifically, conflicts with the body's.
    const jup::Figure& exec = figure(pack().money.claims, "ccg-ytd-overspend-exec");
    const jup::Figure& body = figure(pack().money.claims, exec.conflicts_with.at(0));
    REQUIRE(body.value.has_value());
    CHECK(*body.value != *exec.value);
}

TEST_CASE("bundled: the NCL fund's parts add up to 100%, the unstated 10% flagged", "[data][money]") {
    const jup::Fund* fund = nullptr;
    for (auto& f : pack().money.funds)
        if (f.id == "ncl-iif") fund = &f;
    REQUIRE(fund != nullptr);
    double shares = 0;
    int unstated = 0;
    for (auto& p : fund->parts) {
        INFO(p.id);
        REQUIRE(p.share.has_value());
        shares += *p.share;
        if (p.source.present()) {
            // The seed states this share as a percentage.
            char pct[16];
            std::snprintf(pct, sizeof pct, "%d%%", (int)std::lround(*p.share * 100));
            CHECK(seed_text(p.source).find(pct) != std::string::npos);
        } else {
            ++unstated;
            CHECK(has_flag(p.flags, "derived"));
            CHECK(std::fabs(*p.share - 0.1) < 1e-9);
        }
    }
    CHECK(unstated == 1);
    CHECK(std::fabs(shares - 1.0) < 1e-9);
}

TEST_CASE("bundled: every glossary term a board uses exists", "[data][glossary]") {
    size_t refs = 0;
    for (auto& b : pack().boards)
        for (auto& t : b.terms) {
            INFO(b.id << " uses term " << t);
            CHECK(pack().term(t) != nullptr);
            ++refs;
        }
    CHECK(refs > 0);
}

TEST_CASE("bundled: City & Hackney has 8 neighbourhoods, 2 of them not named", "[data][places]") {
    int all = 0, unnamed = 0;
    for (auto& p : pack().places) {
        if (p.kind != "neighbourhood" || p.parent != "E09000012") continue;
        ++all;
        INFO(p.id);
        if (has_flag(p.flags, "not-named")) {
            ++unnamed;
            // The source counts them.
            CHECK(seed_text(p.source).find("8 Neighbourhoods") != std::string::npos);
        } else {
            // A named neighbourhood's name is in its source.
            REQUIRE(p.source.present());
            CHECK(seed_text(p.source).find(p.name) != std::string::npos);
        }
    }
    CHECK(all == 8);
    CHECK(unnamed == 2);
}
