// A small valid content pack in memory, for tests that break one thing at a time.
#pragma once
#include <nlohmann/json.hpp>

#include "core/content.hpp"
#include "core/state.hpp"

namespace testpack {

using json = nlohmann::json;

inline const char* kSeed =
    "A report\n"
    "Why can’t we... pool budgets by default?\n"
    "Fights over money stop us.\n"
    "A shared budget removes the argument.\n"
    "Total\t10\t20\n"
    "Glossary: CCG Clinical Commissioning Group\n";

inline json src(int from, int to, const char* quote) { return {{"doc", "000"}, {"lines", {from, to}}, {"quote", quote}}; }

struct Pack {
    json documents, boards, cases, places, money, glossary, timeline;

    Pack() {
        documents = {{"documents", {{{"id", "000"}, {"file", "seeds/000.txt"}, {"line_count", 7}, {"title", "A report"}, {"kind", "report"}, {"source", src(1, 1, "A report")}}}}};
        glossary = {{"terms", {{{"id", "ccg"}, {"term", "CCG"}, {"expansion", "Clinical Commissioning Group"}, {"source", src(6, 6, "CCG Clinical Commissioning Group")}}}}};
        places = {{"icss", {{{"id", "NEL"}, {"name", "North East London"}, {"flags", {{{"kind", "outside-knowledge"}, {"note", "test"}}}}}}},
                  {"places", {{{"id", "E09000012"}, {"name", "Hackney"}, {"kind", "borough"}, {"ics", "NEL"}, {"ics_basis", "outside-knowledge"},
                               {"flags", {{{"kind", "outside-knowledge"}, {"note", "test"}}}}}}}};
        json pounds = {{"id", "pounds"}, {"order", 4}, {"title", "Pounds"}, {"p", "Pounds"},
                       {"question", {{"text", "Why can’t we... pool budgets by default?"}, {"source", src(2, 2, "Why can’t we... pool budgets by default?")}}},
                       {"barrier_groups", json::array({{{"id", "pounds-bg"}, {"title", "Barriers"},
                                                        {"barriers", json::array({{{"id", "pounds-b1"}, {"label", "Fights over money"}, {"source", src(3, 3, "Fights over money")}}})}}})},
                       {"enablers", json::array({{{"id", "pounds-e1"}, {"label", "Shared budget"}, {"source", src(4, 4, "A shared budget removes the argument.")}}})},
                       {"commitments", json::array({{{"id", "P4.1"}, {"label", "Share how money is spent"}, {"source", src(3, 4, "money stop us. A shared")}}})},
                       {"options", json::array({{{"id", "pool-all"}, {"label", "Pool by default"}, {"source", src(2, 2, "pool budgets by default")}},
                                                {{"id", "pool-some"}, {"label", "Pool some"}, {"source", src(4, 4, "A shared budget")}}})},
                       {"choice", {{"kind", "pool-by-default"}}},
                       {"case_studies", {"cs1"}}, {"places", {"E09000012"}}, {"terms", {"ccg"}}};
        json priorities = {{"id", "priorities"}, {"order", 2}, {"title", "Priorities"}, {"p", "Priorities"},
                           {"question", {{"text", "Why can’t we..."}, {"source", src(2, 2, "Why can’t we...")}}},
                           {"barrier_groups", json::array()},
                           {"choice", {{"kind", "priorities"}}},
                           {"options", json::array({{{"id", "pr-a"}, {"label", "A"}, {"source", src(3, 3, "Fights")}},
                                                    {{"id", "pr-b"}, {"label", "B"}, {"source", src(3, 3, "money")}},
                                                    {{"id", "pr-c"}, {"label", "C"}, {"source", src(4, 4, "shared")}},
                                                    {{"id", "pr-d"}, {"label", "D"}, {"source", src(4, 4, "argument")}}})}};
        boards = {{"boards", json::array({pounds, priorities})}};
        cases = {{"case_studies",
                  {{{"id", "cs1"}, {"title", "A case"}, {"kind", "case-study"}, {"doc", "000"}, {"year", 2021}, {"places", {"E09000012"}},
                    {"boards", {"pounds"}}, {"source", src(1, 1, "report")},
                    {"metrics", {{{"id", "cs1-m1"}, {"label", "Total"}, {"value", 10}, {"unit", "£k"}, {"source", src(5, 5, "Total 10")}}}}}}}};
        money = {{"organisations", {{{"id", "ccg"}, {"name", "CCG"}, {"source", src(6, 6, "CCG")}}}},
                 {"workstreams", {{{"id", "planned"}, {"label", "Planned Care"}}}},
                 {"reports",
                  {{{"id", "r1"}, {"title", "Report"}, {"sign_convention", "variance = budget - spend"}, {"source", src(1, 1, "A report")},
                    {"tables",
                     {{{"id", "t1"}, {"org", "ccg"}, {"title", "Table"}, {"unit", "£k"}, {"tolerance", 1},
                       {"columns", {{{"id", "annual"}, {"label", "Annual"}}, {{"id", "spend"}, {"label", "Spend"}}}},
                       {"rows",
                        {{{"id", "t1-a"}, {"label", "A"}, {"kind", "line"}, {"fund_type", "pooled"}, {"workstream", "planned"}, {"values", {{"annual", 4}, {"spend", 15}}}, {"source", src(5, 5, "Total")}},
                         {{"id", "t1-b"}, {"label", "B"}, {"kind", "line"}, {"fund_type", "aligned"}, {"values", {{"annual", 6}, {"spend", 5}}}, {"source", src(5, 5, "Total")}},
                         {{"id", "t1-total"}, {"label", "Total"}, {"kind", "total"}, {"sum_of", {"t1-a", "t1-b"}}, {"values", {{"annual", 10}, {"spend", 20}}}, {"source", src(5, 5, "Total 10 20")}}}}}}}}}},
                 {"figures",
                  {{{"id", "f-a"}, {"label", "a"}, {"value", 10}, {"unit", "£k"}, {"source", src(5, 5, "10")}},
                   {{"id", "f-b"}, {"label", "b"}, {"value", 20}, {"unit", "£k"}, {"source", src(5, 5, "20")}},
                   {{"id", "f-prod"}, {"label", "a x b"}, {"value", 200}, {"unit", "£k"}, {"source", src(5, 5, "20")}, {"check", {{"op", "product"}, {"of", {"f-a", "f-b"}}}}}}}};
        timeline = {{"events", {{{"id", "t-1"}, {"date", "2021-07"}, {"label", "Report"}, {"source", src(1, 1, "A report")}}}}};
    }

    jup::MemReader reader() const {
        jup::MemReader r;
        r.files["seeds/000.txt"] = kSeed;
        r.files["documents.json"] = documents.dump();
        r.files["boards.json"] = boards.dump();
        r.files["case-studies.json"] = cases.dump();
        r.files["places.json"] = places.dump();
        r.files["money.json"] = money.dump();
        r.files["glossary.json"] = glossary.dump();
        r.files["timeline.json"] = timeline.dump();
        return r;
    }

    jup::LoadResult load() const { return jup::load_content(reader()); }
};

// True if some issue names this file and pointer and its message contains `text`.
inline bool has_issue(const jup::LoadResult& r, const std::string& file, const std::string& ptr, const std::string& text) {
    for (auto& i : r.issues)
        if (i.file == file && i.pointer == ptr && i.message.find(text) != std::string::npos) return true;
    return false;
}

inline std::string all_issues(const jup::LoadResult& r) {
    std::string s;
    for (auto& i : r.issues) s += i.str() + "\n";
    return s;
}

// The bundled pack (data/), loaded once for every test that reads it.
inline const jup::Content& bundled() {
    static const jup::LoadResult r = jup::load_content(jup::DirReader(JOINEDUP_DATA_DIR));
    return r.content;
}

// Parses and applies an action against the bundled pack, as the page's dispatch does.
inline jup::ApplyResult run(jup::State& s, const json& j) {
    jup::Action a;
    std::string err;
    if (!jup::action_from_json(j, a, err)) return {false, err};
    return jup::apply(s, a, bundled());
}

}  // namespace testpack
