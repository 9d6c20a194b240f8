// Tests on the on-disk fixtures in tests/fixtures/ (the broken packs are run through
// joinedup-check by CMake; see tests/expect-check-failure.cmake).
#include <catch2/catch.hpp>

#include <string>

#include "core/content.hpp"
#include "pack.hpp"

using testpack::all_issues;
using testpack::has_issue;

namespace {

const char* const kPackFiles[] = {"documents.json", "boards.json", "case-studies.json", "places.json",
                                  "money.json",     "glossary.json", "timeline.json",   "seeds/000.txt"};

std::string good_minimal_dir() { return std::string(JOINEDUP_FIXTURES_DIR) + "/good-minimal"; }

// good-minimal copied into memory, so a test can replace one file.
jup::MemReader good_minimal_in_memory() {
    jup::DirReader disk(good_minimal_dir());
    jup::MemReader mem;
    for (const char* f : kPackFiles) {
        std::string text;
        REQUIRE(disk.read(f, text));
        mem.files[f] = text;
    }
    return mem;
}

}  // namespace

TEST_CASE("the good-minimal fixture loads from disk with no issues", "[fixtures]") {
    jup::DirReader reader(good_minimal_dir());
    auto r = jup::load_content(reader);
    INFO(all_issues(r));
    REQUIRE(r.issues.empty());
    REQUIRE(r.ok());
    // It exercises every file, so an empty or half-read pack cannot pass for a good one.
    const jup::Content& c = r.content;
    REQUIRE(c.documents.size() == 1);
    REQUIRE(c.document("000")->lines.size() == 17);
    REQUIRE(c.document("000")->lines[0].find("TEST DOCUMENT") == 0);
    REQUIRE(c.boards.size() == 1);
    REQUIRE(c.boards[0].commitments.size() == 1);
    REQUIRE(c.case_studies.size() == 1);
    REQUIRE(c.places.size() == 4);
    REQUIRE(c.terms.size() == 2);
    REQUIRE(c.events.size() == 1);
    REQUIRE(c.money.reports.size() == 1);
    REQUIRE(c.money.reports[0].tables[0].rows.size() == 3);
    REQUIRE(c.money.figures.size() == 3);
    REQUIRE(c.money.claims.size() == 2);
    REQUIRE(c.money.funds.size() == 1);
}

TEST_CASE("a 50 MB string in a content file is refused with a clear error, without a crash", "[fixtures][limits]") {
    jup::MemReader reader = good_minimal_in_memory();
    // Generated here, not committed: a glossary whose one definition is a 50 MB string.
    const size_t big = 50u << 20;
    std::string text = "{\"terms\": [{\"id\": \"huge\", \"term\": \"HUGE\", \"expansion\": \"x\", \"definition\": \"";
    text.append(big, 'a');
    text += "\", \"flags\": [{\"kind\": \"outside-knowledge\", \"note\": \"test\"}]}]}";
    REQUIRE(text.size() > big);
    reader.files["glossary.json"] = std::move(text);

    jup::LoadResult r;
    REQUIRE_NOTHROW(r = jup::load_content(reader));
    INFO(all_issues(r));
    REQUIRE_FALSE(r.ok());
    REQUIRE(has_issue(r, "glossary.json", "", "file is 50 MB; the limit is 16 MB"));
    // The file is refused, not half-read ...
    REQUIRE(r.content.terms.empty());
    // ... and the rest of the pack still loads, with no knock-on "unknown glossary term" for the
    // terms the refused file would have defined: the one error is the one that matters.
    REQUIRE(r.content.boards.size() == 1);
    REQUIRE(r.content.money.figures.size() == 3);
    REQUIRE(r.errors() == 1);
}
