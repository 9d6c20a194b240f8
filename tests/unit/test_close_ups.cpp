// places.json "close_ups" and case-study themes: what the loader keeps and what it refuses.
#include <catch2/catch.hpp>

#include "pack.hpp"

using namespace testpack;

static json close_up() {
    return {{"id", "cu-hackney"}, {"title", "Hackney close-up"}, {"area", "E09000012"},
            {"intro", {{"label", "A shared budget."}, {"source", src(4, 4, "A shared budget")}}},
            {"flags", {{{"kind", "outside-knowledge"}, {"note", "Positions are the editors' own."}}}},
            {"spots", {{{"place", "E09000012"}, {"at", {0.5, 0.5}}}}},
            {"case_studies", {{{"case_study", "cs1"}, {"label", "the case"}, {"at", "E09000012"}, {"figures", true}}}}};
}

TEST_CASE("a close-up loads with its spots, flag and case studies", "[content][closeup]") {
    Pack p;
    p.places["close_ups"] = json::array({close_up()});
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(r.ok());
    REQUIRE(r.content.close_ups.size() == 1);
    const jup::CloseUp& cu = r.content.close_ups[0];
    CHECK(cu.intro.label == "A shared budget.");
    REQUIRE(cu.spots.size() == 1);
    CHECK(cu.spots[0].x == 0.5);
    REQUIRE(cu.case_studies.size() == 1);
    CHECK(cu.case_studies[0].figures);
}

TEST_CASE("a close-up's positions need a flag, inside the box, once per place", "[content][closeup]") {
    Pack p;
    json cu = close_up();
    cu.erase("flags");
    cu["spots"].push_back({{"place", "E09000012"}, {"at", {1.5, 0}}});
    p.places["close_ups"] = json::array({cu});
    auto r = p.load();
    CHECK(has_issue(r, "places.json", "/close_ups/0", "add an outside-knowledge or inferred flag"));
    CHECK(has_issue(r, "places.json", "/close_ups/0/spots/1/place", "already has a spot"));
    CHECK(has_issue(r, "places.json", "/close_ups/0/spots/1/at", "from 0 to 1"));
}

TEST_CASE("a close-up's marker sits by a spot of a place its case study lists", "[content][closeup]") {
    Pack p;
    json cu = close_up();
    cu["spots"].push_back({{"place", "E09000001"}, {"at", {0.2, 0.9}}});
    cu["case_studies"][0]["at"] = "E09000001";
    cu["case_studies"].push_back({{"case_study", "cs9"}, {"label", "no such case"}});
    cu["case_studies"].push_back({{"case_study", "cs1"}, {"label", "again"}, {"at", "nb-well-street-common"}});
    p.places["close_ups"] = json::array({cu});
    auto r = p.load();
    CHECK(has_issue(r, "places.json", "/close_ups/0/case_studies/0/at", "does not list place \"E09000001\""));
    CHECK(has_issue(r, "places.json", "/close_ups/0/case_studies/1/case_study", "unknown case study \"cs9\""));
    CHECK(has_issue(r, "places.json", "/close_ups/0/case_studies/2/at", "has no spot in this close-up"));
}

TEST_CASE("a case study's themes keep their basis, note, source and flags", "[content][themes]") {
    Pack p;
    p.cases["case_studies"][0]["themes"] = {
        {{"board", "pounds"}, {"basis", "text"}, {"note", "The case says so."}, {"source", src(4, 4, "A shared budget")}},
        {{"board", "priorities"}, {"basis", "editorial"}, {"flags", {{{"kind", "inferred"}, {"note", "Our reading."}}}}}};
    auto r = p.load();
    INFO(all_issues(r));
    REQUIRE(r.ok());
    const jup::CaseStudy& cs = r.content.case_studies.at(0);
    REQUIRE(cs.themes.size() == 2);
    CHECK(cs.themes[0].note == "The case says so.");
    CHECK(cs.themes[0].source.from == 4);
    CHECK(cs.themes[1].flags.at(0).kind == "inferred");
    CHECK(cs.has_theme("priorities"));
    CHECK_FALSE(cs.has_theme("people"));
    // An editorial theme's quote is checked like any other.
    p.cases["case_studies"][0]["themes"][1]["source"] = src(4, 4, "not in the document");
    CHECK(has_issue(p.load(), "case-studies.json", "/case_studies/0/themes/1/source/quote", "quote not found"));
}
