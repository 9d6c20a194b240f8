// Local-pound actions: tabs, scope, zoom, compare, the what-if, and saving them.
#include <catch2/catch.hpp>

#include "core/money.hpp"
#include "core/pound_state.hpp"
#include "core/state.hpp"
#include "pack.hpp"

using json = nlohmann::json;

using testpack::bundled;
using testpack::run;

TEST_CASE("pound tabs are checked", "[pound]") {
    jup::State s;
    REQUIRE(s.pound.tab == "overview");
    for (const char* t : {"compare", "time", "whatif", "funds", "tables", "overview"}) {
        REQUIRE(run(s, {{"type", "pound_tab"}, {"tab", t}}).ok);
        REQUIRE(s.pound.tab == t);
    }
    auto r = run(s, {{"type", "pound_tab"}, {"tab", "moon"}});
    REQUIRE_FALSE(r.ok);
    REQUIRE(r.error.find("overview") != std::string::npos);
    REQUIRE(s.pound.tab == "overview");
    REQUIRE_FALSE(run(s, {{"type", "pound_fly"}}).ok);
}

TEST_CASE("zoom follows the treemap's hierarchy and refuses unknown parts", "[pound]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "pound_zoom"}, {"path", {"ccg"}}}).ok);
    REQUIRE(run(s, {{"type", "pound_zoom"}, {"path", {"ccg", "aligned"}}}).ok);
    REQUIRE(s.pound.zoom == std::vector<std::string>{"ccg", "aligned"});
    auto bad = run(s, {{"type", "pound_zoom"}, {"path", {"ccg", "nowhere"}}});
    REQUIRE_FALSE(bad.ok);
    REQUIRE(bad.error.find("nowhere") != std::string::npos);
    REQUIRE(s.pound.zoom.size() == 2);
    // A single line has nothing inside.
    REQUIRE_FALSE(run(s, {{"type", "pound_zoom"}, {"path", {"ccg", "in-collaboration"}}}).ok);
    REQUIRE_FALSE(run(s, {{"type", "pound_zoom"}, {"path", "ccg"}}).ok);
    REQUIRE(run(s, {{"type", "pound_zoom_out"}}).ok);
    REQUIRE(s.pound.zoom == std::vector<std::string>{"ccg"});
    REQUIRE(run(s, {{"type", "pound_zoom"}, {"path", json::array()}}).ok);
    REQUIRE(s.pound.zoom.empty());
    REQUIRE(run(s, {{"type", "pound_zoom_out"}}).ok);  // at the top: no change, no error
}

TEST_CASE("scope and compare-by are validated", "[pound]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "pound_scope"}, {"scope", "icf-2020-21-m7"}}).ok);
    REQUIRE_FALSE(run(s, {{"type", "pound_scope"}, {"scope", "mars-2099"}}).ok);
    REQUIRE(s.pound.scope == "icf-2020-21-m7");
    REQUIRE(jup::effective_scope(s.pound, bundled()) == "icf-2020-21-m7");
    REQUIRE(run(s, {{"type", "pound_compare_by"}, {"by", "organisation"}}).ok);
    REQUIRE(s.pound.compare_by == "organisation");
    REQUIRE_FALSE(run(s, {{"type", "pound_compare_by"}, {"by", "colour"}}).ok);
}

TEST_CASE("what-if choices are validated against the content and change the pooled share", "[pound][whatif]") {
    jup::State s;
    auto m = jup::build_pound(bundled().money, jup::effective_scope(s.pound, bundled()));
    double before = jup::whatif_totals(m, jup::whatif_choices(s.pound)).share();
    REQUIRE(run(s, {{"type", "pound_whatif_set"}, {"line", "lbh-planned"}, {"choice", "pooled"}}).ok);
    REQUIRE(s.pound.revision == 1);
    REQUIRE(s.pound.today_share == Approx(before));
    REQUIRE(s.pound.pooled_share == Approx((64595.0 + 35864) / 620000));
    double after = jup::whatif_totals(m, jup::whatif_choices(s.pound)).share();
    REQUIRE(after > before);

    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_set"}, {"line", "ghost-line"}, {"choice", "pooled"}}).ok);
    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_set"}, {"line", "lbh-risks-planned-care"}, {"choice", "pooled"}}).ok);  // a risk, not a budget
    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_set"}, {"line", "ccg-pooled-total"}, {"choice", "pooled"}}).ok);  // a subtotal
    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_set"}, {"line", "lbh-planned"}, {"choice", "maybe"}}).ok);
    REQUIRE(s.pound.revision == 1);

    REQUIRE(run(s, {{"type", "pound_whatif_set"}, {"line", "ccg-aligned-corporate-reserves"}, {"choice", "exception"}, {"note", "Reserves must stay with the CCG"}}).ok);
    REQUIRE(s.pound.whatif.at("ccg-aligned-corporate-reserves").note == "Reserves must stay with the CCG");
    REQUIRE(run(s, {{"type", "pound_whatif_note"}, {"line", "ccg-aligned-corporate-reserves"}, {"note", "Statutory duty"}}).ok);
    REQUIRE(s.pound.whatif.at("ccg-aligned-corporate-reserves").note == "Statutory duty");
    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_note"}, {"line", "ccg-aligned-planned"}, {"note", "x"}}).ok);  // no choice yet
    REQUIRE_FALSE(run(s, {{"type", "pound_whatif_note"}, {"line", "ccg-aligned-corporate-reserves"}, {"note", std::string(2001, 'x')}}).ok);

    // Pool by default: everything but the exception.
    REQUIRE(run(s, {{"type", "pound_whatif_pool_all"}}).ok);
    auto t = jup::whatif_totals(m, jup::whatif_choices(s.pound));
    REQUIRE(t.exceptions == Approx(30088e3));
    REQUIRE(t.pooled == Approx(620000e3 - 30088e3));
    REQUIRE(s.pound.whatif.at("ccg-aligned-corporate-reserves").choice == "exception");

    REQUIRE(run(s, {{"type", "pound_whatif_set"}, {"line", "lbh-planned"}, {"choice", "today"}}).ok);
    REQUIRE(s.pound.whatif.count("lbh-planned") == 0);
    REQUIRE(run(s, {{"type", "pound_whatif_reset"}}).ok);
    REQUIRE(s.pound.whatif.empty());
    REQUIRE(jup::whatif_totals(m, jup::whatif_choices(s.pound)).share() == Approx(before));
}

TEST_CASE("the what-if is saved with the session and read back", "[pound][whatif]") {
    jup::State s;
    REQUIRE(run(s, {{"type", "pound_tab"}, {"tab", "whatif"}}).ok);
    REQUIRE(run(s, {{"type", "pound_whatif_set"}, {"line", "lbh-prevention"}, {"choice", "pooled"}}).ok);
    REQUIRE(run(s, {{"type", "pound_whatif_set"}, {"line", "ccg-incollab-pcc"}, {"choice", "exception"}, {"note", "NHS England decides"}}).ok);
    REQUIRE(run(s, {{"type", "pound_zoom"}, {"path", {"lbh"}}}).ok);
    json j = jup::state_to_json(s);
    REQUIRE(j["pound"]["whatif"]["lbh-prevention"]["choice"] == "pooled");
    jup::State back;
    std::string err;
    REQUIRE(jup::state_from_json(json::parse(j.dump()), back, err));
    REQUIRE(err.empty());
    REQUIRE(back.pound.tab == "whatif");
    REQUIRE(back.pound.zoom == std::vector<std::string>{"lbh"});
    REQUIRE(back.pound.whatif.at("ccg-incollab-pcc").choice == "exception");
    REQUIRE(back.pound.whatif.at("ccg-incollab-pcc").note == "NHS England decides");
    REQUIRE(back.pound.revision == s.pound.revision);
}

TEST_CASE("a damaged saved what-if is reported and skipped", "[pound]") {
    jup::PoundState p;
    std::string problems;
    jup::pound_from_json({{"tab", "moon"}, {"whatif", {{"a", {{"choice", "sideways"}}}, {"b", {{"choice", "aligned"}}}, {"c", 5}}}}, p, problems);
    REQUIRE(p.tab == "overview");
    REQUIRE(p.whatif.size() == 1);
    REQUIRE(p.whatif.at("b").choice == "aligned");
    REQUIRE(problems.find("/pound/tab") != std::string::npos);
    REQUIRE(problems.find("/pound/whatif/a") != std::string::npos);
    problems.clear();
    jup::pound_from_json(json::array(), p, problems);
    REQUIRE_FALSE(problems.empty());
}
