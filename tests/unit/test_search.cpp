#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "core/search.hpp"
#include "pack.hpp"

using testpack::bundled;

namespace {
bool has(const std::vector<jup::SearchHit>& hits, const std::string& kind, const std::string& title_part) {
    for (auto& h : hits)
        if (h.kind == kind && h.title.find(title_part) != std::string::npos) return true;
    return false;
}
}  // namespace

TEST_CASE("search: fold lower-cases and straightens quotes and dashes", "[search]") {
    REQUIRE(jup::fold("Why Can\xE2\x80\x99t We") == "why can't we");
    REQUIRE(jup::fold("a\xE2\x80\x94" "b") == "a-b");
    REQUIRE(jup::fold("\xE2\x80\x9CPool\xE2\x80\x9D") == "\"pool\"");
}

TEST_CASE("search: an empty or blank query finds nothing", "[search]") {
    REQUIRE(jup::search(bundled(), "").empty());
    REQUIRE(jup::search(bundled(), "   ").empty());
}

TEST_CASE("search: every word must occur; case and curly quotes do not matter", "[search][data]") {
    const auto& c = bundled();
    auto hits = jup::search(c, "POOLED budget", 1000);
    REQUIRE_FALSE(hits.empty());
    for (auto& h : hits) {
        std::string t = jup::fold(h.title + " " + h.snippet);
        // the snippet is cut, so check the words against the whole hit where the snippet is whole
        if (h.snippet.find("...") == std::string::npos) {
            INFO(h.title << " | " << h.snippet);
            REQUIRE(t.find("pooled") != std::string::npos);
            REQUIRE(t.find("budget") != std::string::npos);
        }
    }
    REQUIRE(jup::search(c, "zzqx-no-such-word").empty());
}

TEST_CASE("search: names rank above mentions; each hit says how to open it", "[search][data]") {
    const auto& c = bundled();
    auto hits = jup::search(c, "Hackney");
    REQUIRE_FALSE(hits.empty());
    REQUIRE(hits.front().kind == "place");  // the borough itself, before lines that mention it
    REQUIRE(hits.front().title == "Hackney");
    REQUIRE(hits.front().actions.back()["type"] == "select_place");
    // a case study found by a word of its title opens its card on the map
    const auto& cs = c.case_studies.front();
    auto by_title = jup::search(c, cs.title);
    REQUIRE(has(by_title, "case study", cs.title));
    for (auto& h : by_title)
        if (h.kind == "case study" && h.title == cs.title) {
            REQUIRE(h.actions[0]["view"] == "map");
            REQUIRE(h.actions[1]["case_study"] == cs.id);
        }
    // a glossary term by its short form
    const auto& t = c.terms.front();
    REQUIRE(has(jup::search(c, t.term), "glossary", t.term));
}

TEST_CASE("search: source lines are found by their text, not by the document's title", "[search][data]") {
    const auto& c = bundled();
    const jup::Document& d = c.documents.front();
    // a word from the document's title that is in none of its lines must not list every line
    auto hits = jup::search(c, d.title, 10000);
    size_t lines = 0;
    for (auto& h : hits)
        if (h.kind == "source" && h.title.rfind(d.title, 0) == 0) ++lines;
    REQUIRE(lines < d.lines.size() / 2);
    // a distinctive phrase from a line finds that line, and opening it shows that line
    std::string phrase;
    int line = 0;
    for (size_t i = 0; i < d.lines.size() && phrase.empty(); ++i)
        if (d.lines[i].size() > 60) phrase = d.lines[i].substr(0, 40), line = (int)i + 1;
    while (!phrase.empty() && phrase.back() != ' ') phrase.pop_back();  // whole words only
    auto found = jup::search(c, phrase, 10000);
    bool seen = false;
    for (auto& h : found)
        if (h.kind == "source" && h.actions[0]["doc"] == d.id && h.actions[0]["line"] == line) seen = true;
    REQUIRE(seen);
}

TEST_CASE("search: results are capped at the limit, best first", "[search][data]") {
    auto hits = jup::search(bundled(), "health", 15);
    REQUIRE(hits.size() == 15);
    for (size_t i = 1; i < hits.size(); ++i) REQUIRE(hits[i - 1].score >= hits[i].score);
}
