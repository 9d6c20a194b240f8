#include "core/pound_state.hpp"

#include "core/json_in.hpp"

#include "core/money.hpp"
#include "core/state.hpp"

namespace jup {

using json = nlohmann::json;

namespace {

constexpr size_t kMaxNote = 2000;
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

static std::optional<ApplyResult> apply_pound_action(PoundState& s, const Action& a, const Content& c);

std::optional<ApplyResult> apply_pound(PoundState& s, const Action& a, const Content& c) {
    auto r = apply_pound_action(s, a, c);
    if (r && r->ok) {
        PoundModel m = build_pound(c.money, effective_scope(s, c));
        WhatIfTotals w = whatif_totals(m, whatif_choices(s));
        s.today_share = w.today_share();
        s.pooled_share = w.share();
    }
    return r;
}

static std::optional<ApplyResult> apply_pound_action(PoundState& s, const Action& a, const Content& c) {
    const std::string& t = a.type;
    if (t.rfind("pound_", 0) != 0) return std::nullopt;
    auto str = [&](const char* key, std::string& out) {
        auto it = a.args.find(key);
        if (it == a.args.end() || !it->is_string()) return false;
        out = it->get<std::string>();
        return true;
    };
    std::string v;
    if (t == "pound_tab") {
        str("tab", v);
        for (const char* k : kTabs)
            if (v == k) return s.tab = v, ApplyResult{};
        return fail("pound_tab needs \"tab\": overview, compare, time, whatif, funds or tables");
    }
    if (t == "pound_scope") {
        if (!str("scope", v)) return fail("pound_scope needs \"scope\": a report id, or \"fy:<year>\"");
        if (!v.empty() && !known_scope(c, v)) return fail("no report or year \"" + v + "\" in the local pound");
        if (v != s.scope) s.zoom.clear();
        s.scope = v;
        return ApplyResult{};
    }
    if (t == "pound_zoom") {
        auto it = a.args.find("path");
        if (it == a.args.end() || !it->is_array()) return fail("pound_zoom needs \"path\": a list of keys (organisation, fund type, workstream)");
        std::vector<std::string> path;
        for (auto& k : *it) {
            if (!k.is_string()) return fail("pound_zoom: every key in \"path\" is a string");
            path.push_back(k.get<std::string>());
        }
        PoundModel m = build_pound(c.money, effective_scope(s, c));
        PoundNode root = build_tree(c.money, m);
        size_t matched = 0;
        const PoundNode* n = find_node(root, path, &matched);
        if (matched != path.size()) return fail("pound_zoom: no part \"" + path[matched] + "\" at that level of the local pound");
        if (!path.empty() && n->children.empty()) return fail("pound_zoom: \"" + path.back() + "\" is a single budget line; there is nothing inside to zoom into");
        s.zoom = path;
        return ApplyResult{};
    }
    if (t == "pound_zoom_out") {
        if (!s.zoom.empty()) s.zoom.pop_back();
        return ApplyResult{};
    }
    if (t == "pound_compare_by") {
        str("by", v);
        for (const char* k : kCompare)
            if (v == k) return s.compare_by = v, ApplyResult{};
        return fail("pound_compare_by needs \"by\": workstream, organisation, fund_type or line");
    }
    if (t == "pound_whatif_set" || t == "pound_whatif_note") {
        std::string line, choice, note;
        if (!str("line", line) || !known_row(c, line)) return fail(t + " needs \"line\": the id of a budget line in the local pound");
        bool has_note = str("note", note);
        if (has_note && note.size() > kMaxNote) return fail("a reason is limited to 2,000 characters");
        if (t == "pound_whatif_note") {
            if (!has_note) return fail("pound_whatif_note needs \"note\"");
            auto it = s.whatif.find(line);
            if (it == s.whatif.end()) return fail("mark the line as pooled, aligned or an exception before giving a reason");
            it->second.note = note;
            bump_revision(s.revision);
            return ApplyResult{};
        }
        if (!str("choice", choice) || (choice != "pooled" && choice != "aligned" && choice != "exception" && choice != "today"))
            return fail("pound_whatif_set needs \"choice\": pooled, aligned, exception or today");
        if (choice == "today") s.whatif.erase(line);
        else {
            WhatIfChoice& w = s.whatif[line];
            w.choice = choice;
            if (has_note) w.note = note;
        }
        bump_revision(s.revision);
        return ApplyResult{};
    }
    if (t == "pound_whatif_pool_all") {
        PoundModel m = build_pound(c.money, effective_scope(s, c));
        for (auto& row : m.rows) {
            auto it = s.whatif.find(row);
            if (it != s.whatif.end() && it->second.choice == "exception") continue;
            s.whatif[row].choice = "pooled";
        }
        bump_revision(s.revision);
        return ApplyResult{};
    }
    if (t == "pound_whatif_reset") {
        s.whatif.clear();
        bump_revision(s.revision);
        return ApplyResult{};
    }
    return fail("unknown action \"" + t + "\"");
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
