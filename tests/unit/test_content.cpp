#include <catch2/catch.hpp>

#include "core/content.hpp"
#include "pack.hpp"

using testpack::Pack;
using testpack::has_issue;
using testpack::all_issues;

TEST_CASE("a valid pack loads with no issues", "[content]") {
    auto r = Pack().load();
    INFO(all_issues(r));
    REQUIRE(r.ok());
    REQUIRE(r.issues.empty());
    REQUIRE(r.content.boards.size() == 2);
    REQUIRE(r.content.boards[0].id == "priorities");  // sorted by order
    REQUIRE(r.content.boards[1].barrier_groups[0].barriers[0].label == "Fights over money");
    REQUIRE(r.content.money.reports[0].tables[0].rows.size() == 3);
    REQUIRE(r.content.document("000")->lines.size() == 7);
}

TEST_CASE("whitespace is collapsed, nothing else is normalised", "[content][quote]") {
    REQUIRE(jup::collapse_ws("  a\t b\n\nc  ") == "a b c");
    REQUIRE(jup::collapse_ws("a\xC2\xA0" "b") == "a b");  // no-break space
    auto r = Pack().load();
    const jup::Document& d = *r.content.document("000");
    REQUIRE(jup::quote_in_lines(d, 5, 5, "Total 10 20"));
    REQUIRE(jup::quote_in_lines(d, 3, 4, "us. A shared"));        // across a line break
    REQUIRE_FALSE(jup::quote_in_lines(d, 2, 2, "Why can't we"));   // straight vs curly apostrophe
    REQUIRE_FALSE(jup::quote_in_lines(d, 3, 3, "A shared budget")); // right text, wrong line
}

TEST_CASE("malformed JSON is reported with file, line and column", "[content]") {
    Pack p;
    auto reader = p.reader();
    reader.files["boards.json"] = "{\"boards\": [ {\"id\": \"x\",, } ]}";
    auto r = jup::load_content(reader);
    REQUIRE_FALSE(r.ok());
    REQUIRE(has_issue(r, "boards.json", "", "invalid JSON at line 1, column"));
    // the rest of the pack still loads
    REQUIRE(r.content.case_studies.size() == 1);
}

TEST_CASE("an unreadable file is reported once, not again as every id it defines", "[content]") {
    Pack p;
    auto reader = p.reader();
    reader.files["boards.json"] = "{\"boards\": [";
    auto r = jup::load_content(reader);
    INFO(all_issues(r));
    REQUIRE(has_issue(r, "boards.json", "", "invalid JSON"));
    // case-studies.json links to boards: with boards.json unreadable, those links are not "unknown"
    for (const auto& i : r.issues) REQUIRE(i.message.find("unknown board") == std::string::npos);
    // ...but a link into a file that did load is still checked
    p.cases["case_studies"][0]["places"][0] = "E09999999";
    auto reader2 = p.reader();
    reader2.files["boards.json"] = "{\"boards\": [";
    auto r2 = jup::load_content(reader2);
    REQUIRE(has_issue(r2, "case-studies.json", "/case_studies/0/places/0", "unknown place \"E09999999\""));
}

TEST_CASE("a missing file is reported by name", "[content]") {
    auto reader = Pack().reader();
    reader.files.erase("glossary.json");
    auto r = jup::load_content(reader);
    REQUIRE(has_issue(r, "glossary.json", "", "file not found"));
}

TEST_CASE("deep nesting and huge files are refused without parsing", "[content]") {
    auto reader = Pack().reader();
    reader.files["timeline.json"] = std::string(200, '[') + std::string(200, ']');
    reader.files["glossary.json"] = std::string(17u << 20, ' ');
    auto r = jup::load_content(reader);
    REQUIRE(has_issue(r, "timeline.json", "", "nested more than 64 levels"));
    REQUIRE(has_issue(r, "glossary.json", "", "the limit is 16 MB"));
}

TEST_CASE("invalid UTF-8 is an error, not a crash", "[content]") {
    auto reader = Pack().reader();
    reader.files["places.json"] = "{\"icss\": [], \"places\": [{\"id\": \"x\", \"name\": \"\xff\xfe\"}]}";
    auto r = jup::load_content(reader);
    REQUIRE(has_issue(r, "places.json", "", "invalid JSON"));
}

TEST_CASE("types and required fields are checked with JSON pointers", "[content]") {
    Pack p;
    p.boards["boards"][0]["title"] = 5;
    p.boards["boards"][0]["enablers"][0].erase("source");
    p.cases["case_studies"][0]["metrics"][0]["value"] = "ten";
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(has_issue(r, "boards.json", "/boards/0/title", "expected text, got a number"));
    REQUIRE(has_issue(r, "boards.json", "/boards/0/enablers/0", "missing \"source\""));
    REQUIRE(has_issue(r, "case-studies.json", "/case_studies/0/metrics/0/value", "expected a number or null"));
}

TEST_CASE("ids are unique across the pack", "[content]") {
    Pack p;
    p.timeline["events"][0]["id"] = "pounds-b1";
    auto r = p.load();
    REQUIRE(has_issue(r, "timeline.json", "/events/0/id", "duplicate id \"pounds-b1\" (first used at boards.json"));
}

TEST_CASE("every reference resolves", "[content]") {
    Pack p;
    p.boards["boards"][0]["case_studies"] = {"cs9"};
    p.cases["case_studies"][0]["places"] = {"E09000099"};
    p.places["places"][0]["ics"] = "XYZ";
    p.money["reports"][0]["tables"][0]["rows"][0]["workstream"] = "nowhere";
    p.glossary["terms"][0]["source"]["doc"] = "009";
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(has_issue(r, "boards.json", "/boards/0/case_studies/0", "unknown case study \"cs9\""));
    REQUIRE(has_issue(r, "case-studies.json", "/case_studies/0/places/0", "unknown place \"E09000099\""));
    REQUIRE(has_issue(r, "places.json", "/places/0/ics", "unknown ICS \"XYZ\""));
    REQUIRE(has_issue(r, "money.json", "/reports/0/tables/0/rows/0/workstream", "unknown workstream"));
    REQUIRE(has_issue(r, "glossary.json", "/terms/0/source/doc", "unknown document \"009\""));
}

TEST_CASE("source line ranges must lie inside the document", "[content]") {
    Pack p;
    p.boards["boards"][0]["question"]["source"]["lines"] = {2, 900};
    auto r = p.load();
    REQUIRE(has_issue(r, "boards.json", "/boards/0/question/source/lines", "lines 2-900 are outside document 000 (1-7)"));
}

TEST_CASE("quotes must be verbatim", "[content]") {
    Pack p;
    p.boards["boards"][0]["barrier_groups"][0]["barriers"][0]["source"]["quote"] = "Fights about money";
    auto r = p.load();
    REQUIRE(has_issue(r, "boards.json", "/boards/0/barrier_groups/0/barriers/0/source/quote", "quote not found in document 000 lines 3-3"));
}

TEST_CASE("line_count must match the document's text", "[content]") {
    Pack p;
    p.documents["documents"][0]["line_count"] = 5;
    auto r = p.load();
    REQUIRE(has_issue(r, "documents.json", "/documents/0/line_count", "says 5 lines"));
}

TEST_CASE("flags need a known kind and a note; outside knowledge replaces a source", "[content]") {
    Pack p;
    p.boards["boards"][0]["enablers"][0]["flags"] = {{{"kind", "guessed"}, {"note", "x"}}};
    p.places["places"][0].erase("flags");
    auto r = p.load();
    REQUIRE(has_issue(r, "boards.json", "/boards/0/enablers/0/flags/0/kind", "unknown flag kind \"guessed\""));
    REQUIRE(has_issue(r, "places.json", "/places/0", "missing \"source\""));
}

TEST_CASE("money totals reconcile, or carry a flag and become warnings", "[content][money]") {
    Pack p;
    auto& total = p.money["reports"][0]["tables"][0]["rows"][2];
    total["values"]["annual"] = 12;
    auto r = p.load();
    REQUIRE(has_issue(r, "money.json", "/reports/0/tables/0/rows/2/values/annual", "parts add up to 10, the total says 12 (difference 2, tolerance 1)"));
    REQUIRE_FALSE(r.ok());

    total["flags"] = {{{"kind", "does-not-reconcile"}, {"note", "printed so"}}};
    r = p.load();
    INFO(all_issues(r));
    REQUIRE(r.ok());
    REQUIRE(r.warnings() == 1);

    // within tolerance is fine
    total.erase("flags");
    total["values"]["annual"] = 11;
    p.money["reports"][0]["tables"][0]["tolerance"] = 1;
    r = p.load();
    REQUIRE(r.ok());
}

TEST_CASE("null money cells are allowed and ignored by reconciliation", "[content][money]") {
    Pack p;
    p.money["reports"][0]["tables"][0]["rows"][1]["values"]["spend"] = nullptr;
    p.money["reports"][0]["tables"][0]["rows"][2]["values"]["spend"] = 15;
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(r.ok());
    REQUIRE_FALSE(r.content.money.reports[0].tables[0].rows[1].values.at("spend").has_value());
}

TEST_CASE("sum_of must name rows of the same table", "[content][money]") {
    Pack p;
    p.money["reports"][0]["tables"][0]["rows"][2]["sum_of"] = {"t1-a", "t1-zz"};
    auto r = p.load();
    REQUIRE(has_issue(r, "money.json", "/reports/0/tables/0/rows/2/sum_of/1", "no row \"t1-zz\""));
}

TEST_CASE("figure checks catch the source's arithmetic slips unless flagged", "[content][money]") {
    Pack p;
    p.money["figures"][2]["value"] = 190;
    auto r = p.load();
    REQUIRE(has_issue(r, "money.json", "/figures/2/value", "the product of its parts is 200; the figure says 190"));
    p.money["figures"][2]["flags"] = {{{"kind", "source-error"}, {"note", "the source multiplies wrongly"}}};
    r = p.load();
    REQUIRE(r.ok());
    REQUIRE(r.warnings() == 1);
}

TEST_CASE("every error is collected, not just the first", "[content]") {
    Pack p;
    p.boards["boards"][0]["title"] = 1;
    p.cases["case_studies"][0]["title"] = 2;
    p.timeline["events"][0]["date"] = "July 2021";
    auto r = p.load();
    REQUIRE(r.errors() >= 3);
    REQUIRE(has_issue(r, "timeline.json", "/events/0/date", "expected YYYY, YYYY-MM or YYYY-MM-DD"));
}

TEST_CASE("a term or alias names one glossary entry only", "[content][glossary]") {
    Pack p;
    p.glossary["terms"].push_back({{"id", "vcse"}, {"term", "VCSE"}, {"aliases", {"VCS", "CCG"}}, {"expansion", "Voluntary sector"},
                                   {"flags", {{{"kind", "outside-knowledge"}, {"note", "test"}}}}});
    p.glossary["terms"].push_back({{"id", "vcs"}, {"term", "VCS"}, {"expansion", "Voluntary and community sector"},
                                   {"flags", {{{"kind", "outside-knowledge"}, {"note", "test"}}}}});
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(has_issue(r, "glossary.json", "/terms/1/aliases/1", "\"CCG\" already names term \"ccg\" (at /terms/0/term)"));
    REQUIRE(has_issue(r, "glossary.json", "/terms/2/term", "\"VCS\" already names term \"vcse\" (at /terms/1/aliases/0)"));
    // the same form twice within one entry names one entry: not a conflict
    Pack q;
    q.glossary["terms"][0]["aliases"] = {"CCG"};
    REQUIRE(q.load().ok());
}
