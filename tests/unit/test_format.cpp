#include <catch2/catch.hpp>

#include "core/format.hpp"
#include "core/terms.hpp"
#include "core/vocab.hpp"
#include "pack.hpp"

using namespace jup;
static const std::string M = fmt::kMinus;

TEST_CASE("money and numbers read the same in every edition") {
    CHECK(fmt::grouped(102000) == "102,000");
    CHECK(fmt::grouped(-1234567) == M + "1,234,567");
    CHECK(fmt::number(1234.5) == "1,234.5");
    CHECK(fmt::number(-0.0001) == "0");  // rounds to nothing: no "−0"
    CHECK(fmt::number(2.125) == "2.125");
    CHECK(fmt::amount(490904, "£k") == "£490,904k");
    CHECK(fmt::amount(-3813, "£k") == M + "£3,813k");
    CHECK(fmt::amount(321, "days") == "321 days");
    CHECK(fmt::amount(45, "%") == "45%");
    CHECK(fmt::money_short(620.04, "£m") == "£620.0m");
    CHECK(fmt::money_short(3813, "£k") == "£3.8m");
    CHECK(fmt::money_short(102000, "£") == "£102,000");       // whole pounds stay exact
    CHECK(fmt::money_short(45, "£k") == "£45k");
    CHECK(fmt::money_rounded(-6740000) == M + "£6.7m");
    CHECK(fmt::money_rounded(9999) == "£9,999");
    CHECK(fmt::compact(3210000, "count") == "3.21 million");
    CHECK(fmt::compact(12.5, "£m") == "£12.5m");
    CHECK(fmt::compact(-40, "£k") == M + "£40k");
    CHECK(fmt::percent(0.4512) == "45.1%");
    CHECK(fmt::unit_words("£k") == "thousands of pounds (£k)");
    CHECK(to_pounds(3, "£k") == 3000);
}

TEST_CASE("every flag kind has a label, a meaning and a severity") {
    for (auto& k : vocab::flag_kinds()) {
        CHECK(std::string(k.label).size() > 0);
        CHECK(std::string(k.meaning).size() > 10);
    }
    CHECK(vocab::flag_warns("contradicted"));
    CHECK(vocab::flag_warns("does-not-reconcile"));
    CHECK_FALSE(vocab::flag_warns("derived"));
    CHECK_FALSE(vocab::flag_warns("no-such-kind"));
    CHECK(std::string(vocab::flag_label("source-error")) == "Error in source");
    CHECK(std::string(vocab::flag_label("no-such-kind")) == "Note");
    CHECK(std::string(vocab::fund_label("in-collaboration")) == "In collaboration");
    CHECK(std::string(vocab::fund_meaning("unknown")).find("does not say") != std::string::npos);
    CHECK(std::string(vocab::kind_label("example-2018")) == "Example from 2018");
    CHECK(vocab::kind("board-paper") != nullptr);
    CHECK_FALSE(vocab::is_case_kind("board-paper"));
}

TEST_CASE("every kind used in the bundled pack is in the vocabulary") {
    DirReader reader(JOINEDUP_DATA_DIR);
    LoadResult r = load_content(reader);
    for (auto& cs : r.content.case_studies) CHECK(vocab::is_case_kind(cs.kind));
    for (auto& d : r.content.documents) CHECK(vocab::kind(d.kind) != nullptr);
}

TEST_CASE("glossary matches give positions, longest form first, whole words only") {
    Content c;
    c.terms.push_back({});
    c.terms.back().id = "nhs";
    c.terms.back().term = "NHS";
    c.terms.push_back({});
    c.terms.back().id = "nhse";
    c.terms.back().term = "NHS England";
    c.terms.push_back({});
    c.terms.back().id = "ics";
    c.terms.back().term = "ICS";
    c.terms.push_back({});
    c.terms.back().id = "place";
    c.terms.back().term = "place";  // lower case: not jargon
    auto forms = glossary_forms(c);
    std::string text = "NHS England and the ICSs, not NHSX, in one place.";
    auto m = term_matches(forms, text);
    REQUIRE(m.size() == 2);
    CHECK(m[0].pos == 0);
    CHECK(m[0].len == 11);
    CHECK(m[0].term->id == "nhse");
    CHECK(text.substr(m[1].pos, m[1].len) == "ICS");
    auto in = terms_in(c, text);  // every term whose form appears, overlapping or not
    REQUIRE(in.size() == 3);
    CHECK(in[0]->id == "nhs");
}

TEST_CASE("counts say one thing or many things") {
    CHECK(jup::fmt::count(0, "file", "files") == "0 files");
    CHECK(jup::fmt::count(1, "file", "files") == "1 file");
    CHECK(jup::fmt::count(12, "barrier rating", "barrier ratings") == "12 barrier ratings");
}
