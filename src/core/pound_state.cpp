#include "core/pound_state.hpp"

#include <iterator>

#include "core/json_in.hpp"
#include "core/money.hpp"
#include "core/state.hpp"

namespace jup {

using json = nlohmann::json;

namespace {

constexpr size_t kMaxNote = kMaxWhatIfNoteBytes;
const char* kTabs[] = {"overview", "compare", "time", "whatif", "funds", "tables"};
const char* kCompare[] = {"workstream", "organisation", "fund_type", "line"};

ApplyResult fail(std::string m) { return {false, std::move(m)}; }

bool known_scope(const Content& c, const std::string& scope) {
    for (auto& s : pound_scopes(c.money))
        if (s.id == scope) return true;
    return false;
}

// Every source row id the what-if can move, across the whole pack.
bool known_row(const Content& c, const std::string& id) {
    for (auto& rep : c.money.reports)
        for (auto& t : rep.tables) {
            if (!is_budget_table(t)) continue;
            for (auto& r : t.rows)
                if (r.kind == "line" && (r.id == id || rep.id + "/" + r.id == id)) return true;
        }
    return false;
}

}  // namespace

std::string effective_scope(const PoundState& s, const Content& c) {
    return s.scope.empty() ? default_scope(c.money) : s.scope;
}

std::map<std::string, std::string> whatif_choices(const PoundState& s) {
    std::map<std::string, std::string> out;
    for (auto& [k, v] : s.whatif) out[k] = v.choice;
    return out;
}

// ---- the local pound's actions (docs/actions.md) -----------------------------------------

namespace {

ApplyResult pound_tab(State& st, const Args& a, const Content&) {
    std::string v = a.text("tab");
    for (const char* k : kTabs)
        if (v == k) return st.pound.tab = v, ApplyResult{};
    return fail("pound_tab needs \"tab\": overview, compare, time, whatif, funds or tables");
}

ApplyResult pound_scope(State& st, const Args& a, const Content& c) {
    PoundState& s = st.pound;
    std::string v = a.text("scope");
    if (!v.empty() && !known_scope(c, v)) return fail("no report or year \"" + v + "\" in the local pound");
    if (v != s.scope) s.zoom.clear();
    s.scope = v;
    return {};
}

ApplyResult pound_zoom(State& st, const Args& a, const Content& c) {
    PoundState& s = st.pound;
    std::vector<std::string> path = a.texts("path");
    PoundModel m = build_pound(c.money, effective_scope(s, c));
    PoundNode root = build_tree(c.money, m);
    size_t matched = 0;
    const PoundNode* n = find_node(root, path, &matched);
    if (matched != path.size()) return fail("pound_zoom: no part \"" + path[matched] + "\" at that level of the local pound");
    if (!path.empty() && n->children.empty()) return fail("pound_zoom: \"" + path.back() + "\" is a single budget line; there is nothing inside to zoom into");
    s.zoom = path;
    return {};
}

ApplyResult pound_zoom_out(State& st, const Args&, const Content&) {
    if (!st.pound.zoom.empty()) st.pound.zoom.pop_back();
    return {};
}

ApplyResult pound_compare_by(State& st, const Args& a, const Content&) {
    std::string v = a.text("by");
    for (const char* k : kCompare)
        if (v == k) return st.pound.compare_by = v, ApplyResult{};
    return fail("pound_compare_by needs \"by\": workstream, organisation, fund_type or line");
}

// The what-if is part of the participant's answers: exports and the tally follow revision.
void whatif_changed(State& st) {
    bump_revision(st.pound.revision);
    bump_revision(st.revision);
}

ApplyResult pound_whatif_set(State& st, const Args& a, const Content& c) {
    std::string line = a.text("line"), choice = a.text("choice"), note = a.text("note");
    if (!known_row(c, line)) return fail("pound_whatif_set needs \"line\": the id of a budget line in the local pound");
    if (note.size() > kMaxNote) return fail("a reason is limited to 2,000 characters");
    if (choice != "pooled" && choice != "aligned" && choice != "exception" && choice != "today")
        return fail("pound_whatif_set needs \"choice\": pooled, aligned, exception or today");
    if (choice == "today") st.pound.whatif.erase(line);
    else {
        WhatIfChoice& w = st.pound.whatif[line];
        w.choice = choice;
        if (a.has("note")) w.note = note;
    }
    whatif_changed(st);
    return {};
}

ApplyResult pound_whatif_note(State& st, const Args& a, const Content& c) {
    std::string line = a.text("line"), note = a.text("note");
    if (!known_row(c, line)) return fail("pound_whatif_note needs \"line\": the id of a budget line in the local pound");
    if (note.size() > kMaxNote) return fail("a reason is limited to 2,000 characters");
    auto it = st.pound.whatif.find(line);
    if (it == st.pound.whatif.end()) return fail("mark the line as pooled, aligned or an exception before giving a reason");
    it->second.note = note;
    whatif_changed(st);
    return {};
}

ApplyResult pound_whatif_pool_all(State& st, const Args&, const Content& c) {
    PoundState& s = st.pound;
    PoundModel m = build_pound(c.money, effective_scope(s, c));
    for (auto& row : m.rows) {
        auto it = s.whatif.find(row);
        if (it != s.whatif.end() && it->second.choice == "exception") continue;
        s.whatif[row].choice = "pooled";
    }
    whatif_changed(st);
    return {};
}

ApplyResult pound_whatif_reset(State& st, const Args&, const Content&) {
    st.pound.whatif.clear();
    whatif_changed(st);
    return {};
}

// After every pound action: the shares the what-if gives, for export readers and tests.
void update_shares(State& st, const Content& c) {
    PoundState& s = st.pound;
    PoundModel m = build_pound(c.money, effective_scope(s, c));
    WhatIfTotals w = whatif_totals(m, whatif_choices(s));
    s.today_share = w.today_share();
    s.pooled_share = w.share();
}

using T = ArgType;
constexpr const char* kLineHint = "the source row id of a budget line";

const ActionSpec kPoundActions[] = {
    {"pound_tab", {{"tab", T::Text, kRequired, "overview, compare, time, whatif, funds or tables"}}, pound_tab, "Shows a tab of the local pound."},
    {"pound_scope", {{"scope", T::Text, kRequired, "a report id, \"fy:\" and a year for every report of that year, or \"\" for the default"}},
     pound_scope, "Chooses the report (or year) the local pound shows; a new scope zooms out."},
    {"pound_zoom", {{"path", T::TextList, kRequired, "keys from the top: organisation, fund type, workstream ([] for everything)"}}, pound_zoom,
     "Zooms the treemap into a part of the local pound."},
    {"pound_zoom_out", {}, pound_zoom_out, "Zooms the treemap out one level."},
    {"pound_compare_by", {{"by", T::Text, kRequired, "workstream, organisation, fund_type or line"}}, pound_compare_by,
     "Chooses what the Compare tab groups by."},
    {"pound_whatif_set",
     {{"line", T::Text, kRequired, kLineHint},
      {"choice", T::Text, kRequired, "pooled, aligned, exception, or today to remove the choice"},
      {"note", T::Text, kOptional, "the reason for an exception, up to 2,000 characters", kNullOk}},
     pound_whatif_set, "Moves a budget line in the what-if (an answer)."},
    {"pound_whatif_note", {{"line", T::Text, kRequired, kLineHint}, {"note", T::Text, kRequired, "the reason, up to 2,000 characters"}},
     pound_whatif_note, "Gives the reason for a line already moved in the what-if (an answer)."},
    {"pound_whatif_pool_all", {}, pound_whatif_pool_all, "Pools every line in scope that is not an exception (\"pool by default\"; an answer)."},
    {"pound_whatif_reset", {}, pound_whatif_reset, "Puts the what-if back to today's split (an answer)."},
};

}  // namespace

const ActionModule& pound_actions() {
    static const ActionModule m{"Local pound", "src/core/pound_state.cpp", kPoundActions, std::size(kPoundActions), update_shares};
    return m;
}

json pound_to_json(const PoundState& s) {
    json w = json::object();
    for (auto& [k, v] : s.whatif) {
        json e = {{"choice", v.choice}};
        if (!v.note.empty()) e["note"] = v.note;
        w[k] = e;
    }
    return {{"tab", s.tab}, {"scope", s.scope}, {"zoom", s.zoom}, {"compare_by", s.compare_by}, {"whatif", w}, {"revision", s.revision},
            {"today_share", s.today_share}, {"pooled_share", s.pooled_share}};
}

void pound_from_json(const json& j, PoundState& out, std::string& problems) {
    std::vector<std::string> list;
    JsonIn in(j, "/pound", list);
    auto one_of = [](const std::string& v, std::initializer_list<const char*> set) {
        for (const char* k : set)
            if (v == k) return true;
        return false;
    };
    if (in.expect_object()) {
        std::string v;
        if (in.text("tab", v, 100)) {
            if (one_of(v, {"overview", "compare", "time", "whatif", "funds", "tables"})) out.tab = v;
            else in.problem("/tab", "unknown tab");
        }
        in.text("scope", out.scope, kMaxIdBytes);
        if (auto z = in.array("zoom")) {
            out.zoom.clear();
            for (size_t i = 0; i < z->size(); ++i)
                if (std::string k; z->at(i).as_text(k, kMaxIdBytes)) out.zoom.push_back(k);
        }
        if (in.text("compare_by", v, 100)) {
            if (one_of(v, {"workstream", "organisation", "fund_type", "line"})) out.compare_by = v;
            else in.problem("/compare_by", "unknown grouping");
        }
        in.integer("revision", out.revision, 0, kMaxRevision);
        for (auto [key, dst] : {std::pair{"today_share", &out.today_share}, std::pair{"pooled_share", &out.pooled_share}})
            in.number(key, *dst);
        if (auto w = in.object("whatif"))
            w->each_member([&](const std::string& row, const JsonIn& e) {
                std::string choice;
                if (!e.is_object() || !e.text("choice", choice, 100) || !one_of(choice, {"pooled", "aligned", "exception"}))
                    return e.problem("", "a choice is pooled, aligned or exception");
                WhatIfChoice c{choice, ""};
                e.text("note", c.note, kMaxNote);
                out.whatif[row] = c;
            });
    }
    for (auto& p : list) problems += (problems.empty() ? "" : "; ") + p;
}

}  // namespace jup
