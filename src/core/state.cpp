#include "core/state.hpp"

#include <algorithm>
#include <cmath>

#include "core/json_in.hpp"

namespace jup {

using json = nlohmann::json;

const char* view_name(View v) {
    switch (v) {
        case View::Boards: return "boards";
        case View::Pound: return "pound";
        case View::Map: return "map";
        case View::Sources: return "sources";
        case View::Tally: return "tally";
    }
    return "boards";
}

bool view_from_name(const std::string& s, View& out) {
    for (View v : {View::Boards, View::Pound, View::Map, View::Sources, View::Tally})
        if (s == view_name(v)) return out = v, true;
    return false;
}

bool action_from_json(const json& j, Action& out, std::string& error) {
    if (!j.is_object()) return error = "an action must be a JSON object", false;
    auto t = j.find("type");
    if (t == j.end() || !t->is_string()) return error = "an action needs a \"type\" string", false;
    out.type = t->get<std::string>();
    out.args = j;
    return true;
}

static ApplyResult fail(std::string msg) { return {false, std::move(msg)}; }

static bool get_str(const Action& a, const char* key, std::string& out) {
    auto it = a.args.find(key);
    if (it == a.args.end() || !it->is_string()) return false;
    out = it->get<std::string>();
    return true;
}

static const Item* find_item(const std::vector<Item>& v, const std::string& id) {
    for (auto& i : v)
        if (i.id == id) return &i;
    return nullptr;
}

static const Item* find_barrier(const Content& c, const std::string& id) {
    for (auto& b : c.boards)
        for (auto& g : b.barrier_groups)
            if (auto* i = find_item(g.barriers, id)) return i;
    return nullptr;
}

static ApplyResult apply_checked(State& s, const Action& a, const Content& c);

ApplyResult apply(State& s, const Action& a, const Content& c) {
    // An argument of a type no check expected is a refused action, not an exception.
    try {
        return apply_checked(s, a, c);
    } catch (const json::exception& e) {
        return fail(a.type + ": an argument has the wrong type (" + e.what() + ")");
    } catch (const std::exception& e) {
        return fail(a.type + " could not be done (" + e.what() + "); nothing was changed");
    }
}

static ApplyResult apply_checked(State& s, const Action& a, const Content& c) {
    const std::string& t = a.type;
    if (auto r = apply_pound(s.pound, a, c)) {
        // The what-if is part of the participant's answers: exports and the tally follow revision.
        if (r->ok && t.rfind("pound_whatif", 0) == 0) bump_revision(s.revision);
        return *r;
    }
    if (auto r = apply_map(s.map, a, c)) return *r;
    std::string id;
    if (t == "set_view") {
        View v;
        if (!get_str(a, "view", id) || !view_from_name(id, v))
            return fail("set_view needs \"view\": one of boards, pound, map, sources, tally");
        s.view = v;
        return {};
    }
    if (t == "open_board") {
        if (!get_str(a, "board", id)) return fail("open_board needs \"board\" (a board id, or \"\" for the list)");
        if (!id.empty() && !c.board(id)) return fail("no board \"" + id + "\"");
        s.view = View::Boards;
        s.board = id;
        return {};
    }
    if (t == "select_case_study") {
        if (!get_str(a, "case_study", id)) return fail("select_case_study needs \"case_study\"");
        if (!id.empty() && !c.case_study(id)) return fail("no case study \"" + id + "\"");
        s.case_study = id;
        return {};
    }
    if (t == "select_place") {
        if (!get_str(a, "place", id)) return fail("select_place needs \"place\"");
        if (!id.empty() && !c.place(id)) return fail("no place \"" + id + "\"");
        s.place = id;
        return {};
    }
    if (t == "show_source") {
        if (!get_str(a, "doc", id)) return fail("show_source needs \"doc\"");
        if (!id.empty() && !c.document(id)) return fail("no document \"" + id + "\"");
        int line = 0;
        auto l = a.args.find("line");
        if (l != a.args.end() && !l->is_null()) {
            if (!l->is_number_integer() || l->get<long long>() < 0 || l->get<long long>() > kMaxDocLine)
                return fail("show_source needs \"line\": a line number from 0 to " + std::to_string(kMaxDocLine));
            line = l->get<int>();
        }
        s.view = View::Sources;
        s.doc = id;
        s.doc_line = line;
        return {};
    }
    if (t == "set_text_scale") {
        auto it = a.args.find("scale");
        if (it == a.args.end() || !it->is_number()) return fail("set_text_scale needs a number \"scale\"");
        double v = it->get<double>();
        if (!std::isfinite(v)) return fail("scale must be a finite number");
        s.text_scale = (float)std::clamp(v, (double)kMinTextScale, (double)kMaxTextScale);
        return {};
    }
    if (t == "set_theme") {
        if (!get_str(a, "theme", id) || (id != "light" && id != "dark")) return fail("set_theme needs \"theme\": light or dark");
        s.light_theme = id == "light";
        return {};
    }
    Answers& ans = s.answers;
    if (t == "rate_barrier") {
        if (!get_str(a, "barrier", id) || !find_barrier(c, id)) return fail("rate_barrier needs a known \"barrier\" id");
        auto it = a.args.find("rating");
        if (it == a.args.end()) return fail("rate_barrier needs \"rating\" (0 to 3, or null to clear)");
        if (it->is_null()) ans.ratings.erase(id);
        else if (!it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() > 3)
            return fail("a rating is a whole number from 0 (not at all) to 3 (a lot)");
        else ans.ratings[id] = it->get<int>();
        bump_revision(s.revision);
        return {};
    }
    if (t == "toggle_enabler" || t == "toggle_commitment") {
        bool enabler = t == "toggle_enabler";
        const char* key = enabler ? "enabler" : "commitment";
        if (!get_str(a, key, id)) return fail(t + " needs \"" + key + "\"");
        bool found = false;
        for (auto& b : c.boards) found |= find_item(enabler ? b.enablers : b.commitments, id) != nullptr;
        if (!found) return fail(std::string("no ") + key + " \"" + id + "\"");
        auto& set = enabler ? ans.enablers : ans.commitments;
        if (!set.erase(id)) set.insert(id);
        bump_revision(s.revision);
        return {};
    }
    if (t == "set_note") {
        std::string text;
        if (!get_str(a, "board", id) || !c.board(id)) return fail("set_note needs a known \"board\"");
        if (!get_str(a, "text", text)) return fail("set_note needs \"text\"");
        if (text.size() > kMaxNoteBytes) return fail("a note is limited to 20,000 characters");
        if (text.empty()) ans.notes.erase(id);
        else ans.notes[id] = text;
        bump_revision(s.revision);
        return {};
    }
    if (t == "toggle_priority") {
        const Board* pr = c.board("priorities");
        if (!get_str(a, "option", id) || !pr || !find_item(pr->options, id)) return fail("toggle_priority needs one of the Priorities board's options");
        if (!ans.priorities.erase(id)) {
            if ((int)ans.priorities.size() >= kMaxPriorities)
                return fail("You can choose at most three priorities. Remove one to choose another: \"prioritising everything means prioritising nothing\".");
            ans.priorities.insert(id);
        }
        bump_revision(s.revision);
        return {};
    }
    if (t == "set_deprioritised") {
        std::string text;
        if (!get_str(a, "text", text)) return fail("set_deprioritised needs \"text\"");
        if (text.size() > kMaxNoteBytes) return fail("this answer is limited to 20,000 characters");
        ans.deprioritised = text;
        bump_revision(s.revision);
        return {};
    }
    if (t == "set_pool_choice") {
        const Board* pb = c.board("pounds");
        if (!get_str(a, "option", id) || (!id.empty() && (!pb || !find_item(pb->options, id))))
            return fail("set_pool_choice needs one of the Pounds board's options (or \"\" to clear)");
        ans.pool_choice = id;
        bump_revision(s.revision);
        return {};
    }
    if (t == "add_pool_exception") {
        std::string text;
        if (!get_str(a, "text", text) || collapse_ws(text).empty()) return fail("add_pool_exception needs the reason, in words");
        if (text.size() > kMaxExceptionBytes) return fail("keep each reason under 1,000 characters");
        if (ans.pool_exceptions.size() >= kMaxExceptions) return fail("at most 20 reasons");
        ans.pool_exceptions.push_back(text);
        bump_revision(s.revision);
        return {};
    }
    if (t == "remove_pool_exception") {
        auto it = a.args.find("index");
        if (it == a.args.end() || !it->is_number_integer() || it->get<long long>() < 0 || it->get<long long>() >= (long long)ans.pool_exceptions.size())
            return fail("remove_pool_exception needs the \"index\" of a reason");
        ans.pool_exceptions.erase(ans.pool_exceptions.begin() + it->get<long long>());
        bump_revision(s.revision);
        return {};
    }
    if (t == "clear_answers") {
        ans = Answers();
        PoundState fresh;
        fresh.tab = s.pound.tab;
        s.pound = fresh;
        bump_revision(s.revision);
        return {};
    }
    if (t == "import_answers") {
        auto it = a.args.find("file");
        if (it == a.args.end()) return fail("import_answers needs \"file\": the contents of an answers file");
        json j;
        std::string perr;
        std::vector<std::string> problems;
        if (!it->is_string()) j = *it;
        else if (!parse_json(it->get<std::string>(), j, perr, &problems))
            return fail("That file is not valid JSON (" + perr + "), so it is not a Joined-Up answers file. Your answers are unchanged.");
        ExportFile f;
        if (!export_from_json(j, f, problems))
            return fail("That file could not be imported (" + (problems.empty() ? std::string("unreadable") : problems.front()) + "). Your answers are unchanged.");
        s.answers = f.answers;
        s.participant = f.participant;
        PoundState ps;
        ps.tab = s.pound.tab;
        std::string pp;
        pound_from_json(f.pound, ps, pp);
        s.pound = ps;
        s.revision = std::max(s.revision, f.revision);
        bump_revision(s.revision);
        if (!pp.empty()) problems.push_back(pp);
        ApplyResult r;
        r.warnings = problems;
        return r;
    }
    if (t == "set_presenter") {
        auto it = a.args.find("on");
        if (it == a.args.end() || !it->is_boolean()) return fail("set_presenter needs \"on\": true or false");
        s.presenter = it->get<bool>();
        if (s.presenter) {
            s.view = View::Boards;
            if (s.board.empty() && !c.boards.empty()) s.board = c.boards.front().id;
        }
        return {};
    }
    if (t == "present_step") {
        auto it = a.args.find("delta");
        if (it == a.args.end() || !it->is_number_integer()) return fail("present_step needs \"delta\": 1 or -1");
        if (c.boards.empty()) return fail("there are no boards");
        int i = 0;
        for (int k = 0; k < (int)c.boards.size(); ++k)
            if (c.boards[k].id == s.board) i = k;
        i = std::clamp(i + (int)std::clamp<long long>(it->get<long long>(), -100, 100), 0, (int)c.boards.size() - 1);
        s.view = View::Boards;
        s.board = c.boards[i].id;
        return {};
    }
    if (t == "tally_add") {
        auto it = a.args.find("files");
        if (it == a.args.end() || !it->is_array()) return fail("tally_add needs \"files\": [{\"name\", \"text\"}]");
        for (auto& f : *it) {
            if (!f.is_object() || !f.contains("name") || !f["name"].is_string() || !f.contains("text") || !f["text"].is_string())
                return fail("each file needs a \"name\" and a \"text\"");
        }
        for (auto& f : *it) s.tally_files.push_back({f["name"].get<std::string>(), f["text"].get<std::string>()});
        s.view = View::Tally;
        return {};
    }
    if (t == "tally_restore") {
        // The files this browser kept from before a reload (or another tab changed them).
        auto it = a.args.find("text");
        if (it == a.args.end() || !it->is_string()) return fail("tally_restore needs \"text\": the kept list of tally files");
        std::vector<TallyInput> files;
        ApplyResult r;
        if (!tally_files_from_text(it->get<std::string>(), files, r.warnings))
            return fail("The room tally kept in this browser could not be read (" + r.warnings.front() + ").");
        s.tally_files = std::move(files);
        return r;
    }
    if (t == "tally_clear") {
        s.tally_files.clear();
        return {};
    }
    return fail("unknown action \"" + t + "\"");
}

json state_to_json(const State& s) {
    return json{{"format", "joinedup-session"},
                {"version", State::kFormatVersion},
                {"nav", {{"view", view_name(s.view)}, {"board", s.board}, {"case_study", s.case_study}, {"place", s.place}, {"doc", s.doc}, {"doc_line", s.doc_line}}},
                {"display", {{"text_scale", s.text_scale}, {"theme", s.light_theme ? "light" : "dark"}, {"presenter", s.presenter}}},
                {"participant", s.participant},
                {"revision", s.revision},
                {"answers", answers_to_json(s.answers)},
                {"pound", pound_to_json(s.pound)},
                {"map", map_to_json(s.map)},
                {"tally_files", s.tally_files.size()}};
}

json export_answers(const State& s, const std::string& exported_at) {
    ExportFile f;
    f.participant = s.participant;
    f.revision = s.revision;
    f.exported_at = exported_at;
    f.answers = s.answers;
    f.pound = pound_to_json(s.pound);
    return export_to_json(f);
}

// Version 1 (the first release) kept navigation and display at the top level, next to answers.
static json migrate_v1(const json& j) {
    json out = j;
    out["version"] = 2;
    out["nav"] = json::object();
    for (const char* k : {"view", "board", "case_study", "place", "doc", "doc_line"})
        if (j.contains(k)) out["nav"][k] = j[k], out.erase(k);
    out["display"] = json::object();
    for (const char* k : {"text_scale", "theme"})
        if (j.contains(k)) out["display"][k] = j[k], out.erase(k);
    return out;
}

static bool state_from_json_checked(const json& in, State& out, std::string& error);

bool state_from_text(const std::string& text, State& out, std::string& error) {
    json j;
    std::vector<std::string> dups;
    if (!parse_json(text, j, error, &dups)) return false;
    if (!state_from_json(j, out, error)) return false;
    for (auto& d : dups) error += (error.empty() ? "" : "; ") + d;
    return true;
}

bool state_from_json(const json& in, State& out, std::string& error) {
    // Anything the checks below miss (a field of an unexpected type deep inside) is still a
    // damaged session to report, never an exception for the page to die of.
    try {
        return state_from_json_checked(in, out, error);
    } catch (const std::exception& e) {
        error = std::string("/: damaged session: ") + e.what();
        return false;
    }
}

static bool state_from_json_checked(const json& in, State& out, std::string& error) {
    std::vector<std::string> fatal;
    JsonIn top(in, "", fatal);
    if (!top.is_object()) return error = "/: a saved session must be a JSON object, got " + json_type_name(in), false;
    std::string format;
    if (!top.text("format", format, 100, true)) return error = fatal.front() + "; not a Joined-Up session", false;
    if (format != "joinedup-session") return error = "/format: not a Joined-Up session", false;
    long long version = 0;
    if (!top.whole("version", version, 0, INT32_MAX, true)) return error = fatal.front(), false;
    if (version > State::kFormatVersion) return error = "/version: saved by a newer Joined-Up (version " + std::to_string(version) + ")", false;
    json j = version <= 1 ? migrate_v1(in) : in;
    State s;
    std::vector<std::string> problems;
    JsonIn all(j, "", problems);
    static const json kEmpty = json::object();
    JsonIn nav = all.object("nav").value_or(JsonIn(kEmpty, "/nav", problems));
    JsonIn disp = all.object("display").value_or(JsonIn(kEmpty, "/display", problems));
    std::string view;
    if (nav.text("view", view, 100) && !view_from_name(view, s.view)) nav.problem("/view", "unknown view \"" + view.substr(0, 40) + "\"");
    for (auto [key, dst] : {std::pair{"board", &s.board}, {"case_study", &s.case_study}, {"place", &s.place}, {"doc", &s.doc}})
        nav.text(key, *dst, kMaxIdBytes);
    nav.integer("doc_line", s.doc_line, 0, kMaxDocLine);
    double scale;
    if (disp.number("text_scale", scale)) s.text_scale = (float)std::clamp(scale, (double)kMinTextScale, (double)kMaxTextScale);
    std::string theme;
    s.light_theme = !(disp.text("theme", theme, 100) && theme == "dark");
    disp.boolean("presenter", s.presenter);
    all.text("participant", s.participant, kMaxIdBytes);
    all.integer("revision", s.revision, 0, kMaxRevision);
    if (auto a = all.member("answers")) s.answers = answers_from_json(a->raw(), "/answers", problems);
    std::string more;
    if (j.contains("pound")) pound_from_json(j["pound"], s.pound, more);
    if (j.contains("map")) map_from_json(j["map"], s.map, more);
    if (!more.empty()) problems.push_back(more);
    error.clear();
    for (auto& p : problems) error += (error.empty() ? "" : "; ") + p;
    out = std::move(s);
    return true;
}

}  // namespace jup
