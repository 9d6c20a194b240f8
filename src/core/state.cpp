#include "core/state.hpp"

#include <algorithm>
#include <cmath>
#include <iterator>

#include "core/actions.hpp"
#include "core/json_in.hpp"
#include "core/share.hpp"

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

static ApplyResult apply_checked(State& s, const Action& a, const Content& c) {
    const ActionModule* module = nullptr;
    const ActionSpec* spec = find_action(a.type, &module);
    if (!spec) return fail("unknown action \"" + a.type + "\"");
    std::string error;
    if (!read_args(*spec, a.args, error)) return fail(error);
    ApplyResult r = spec->run(s, Args(*spec, a.args), c);
    if (r.ok && module->after) module->after(s, c);
    return r;
}

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

// ---- the session's actions (docs/actions.md) ---------------------------------------------

namespace {

ApplyResult set_view(State& s, const Args& a, const Content&) {
    if (!view_from_name(a.text("view"), s.view)) return fail("set_view needs \"view\": one of boards, pound, map, sources, tally");
    return {};
}

ApplyResult open_board(State& s, const Args& a, const Content& c) {
    std::string id = a.text("board");
    if (!id.empty() && !c.board(id)) return fail("no board \"" + id + "\"");
    s.view = View::Boards;
    s.board = id;
    return {};
}

ApplyResult select_case_study(State& s, const Args& a, const Content& c) {
    std::string id = a.text("case_study");
    if (!id.empty() && !c.case_study(id)) return fail("no case study \"" + id + "\"");
    s.case_study = id;
    return {};
}

ApplyResult select_place(State& s, const Args& a, const Content& c) {
    std::string id = a.text("place");
    if (!id.empty() && !c.place(id)) return fail("no place \"" + id + "\"");
    s.place = id;
    return {};
}

ApplyResult show_source(State& s, const Args& a, const Content& c) {
    std::string id = a.text("doc");
    if (!id.empty() && !c.document(id)) return fail("no document \"" + id + "\"");
    long long line = a.whole("line");
    if (line < 0 || line > kMaxDocLine) return fail("show_source needs \"line\": a line number from 0 to " + std::to_string(kMaxDocLine));
    s.view = View::Sources;
    s.doc = id;
    s.doc_line = (int)line;
    return {};
}

ApplyResult set_text_scale(State& s, const Args& a, const Content&) {
    s.text_scale = (float)std::clamp(a.number("scale"), (double)kMinTextScale, (double)kMaxTextScale);
    return {};
}

ApplyResult set_theme(State& s, const Args& a, const Content&) {
    std::string theme = a.text("theme");
    if (theme != "light" && theme != "dark") return fail("set_theme needs \"theme\": light or dark");
    s.light_theme = theme == "light";
    return {};
}

ApplyResult rate_barrier(State& s, const Args& a, const Content& c) {
    std::string id = a.text("barrier");
    if (!find_barrier(c, id)) return fail("rate_barrier needs a known \"barrier\" id");
    if (a.is_null("rating")) s.answers.ratings.erase(id);
    else if (long long v = a.whole("rating"); v < 0 || v > 3) return fail("a rating is a whole number from 0 (not at all) to 3 (a lot)");
    else s.answers.ratings[id] = (int)v;
    bump_revision(s.revision);
    return {};
}

// toggle_enabler and toggle_commitment: the argument is named as the action is.
ApplyResult toggle_item(State& s, const Args& a, const Content& c) {
    bool enabler = std::string(a.action()) == "toggle_enabler";
    const char* key = enabler ? "enabler" : "commitment";
    std::string id = a.text(key);
    bool found = false;
    for (auto& b : c.boards) found |= find_item(enabler ? b.enablers : b.commitments, id) != nullptr;
    if (!found) return fail(std::string("no ") + key + " \"" + id + "\"");
    auto& set = enabler ? s.answers.enablers : s.answers.commitments;
    if (!set.erase(id)) set.insert(id);
    bump_revision(s.revision);
    return {};
}

ApplyResult set_note(State& s, const Args& a, const Content& c) {
    std::string id = a.text("board"), text = a.text("text");
    if (!c.board(id)) return fail("set_note needs a known \"board\"");
    if (text.size() > kMaxNoteBytes) return fail("a note is limited to 20,000 characters");
    if (text.empty()) s.answers.notes.erase(id);
    else s.answers.notes[id] = text;
    bump_revision(s.revision);
    return {};
}

ApplyResult toggle_priority(State& s, const Args& a, const Content& c) {
    std::string id = a.text("option");
    const Board* pr = c.choice_board("priorities");
    if (!pr || !find_item(pr->options, id)) return fail("toggle_priority needs one of the Priorities board's options");
    auto& set = s.answers.priorities;
    if (!set.erase(id)) {
        if ((int)set.size() >= kMaxPriorities)
            return fail("You can choose at most three priorities. Remove one to choose another: \"prioritising everything means prioritising nothing\".");
        set.insert(id);
    }
    bump_revision(s.revision);
    return {};
}

ApplyResult set_deprioritised(State& s, const Args& a, const Content&) {
    std::string text = a.text("text");
    if (text.size() > kMaxNoteBytes) return fail("this answer is limited to 20,000 characters");
    s.answers.deprioritised = text;
    bump_revision(s.revision);
    return {};
}

ApplyResult set_pool_choice(State& s, const Args& a, const Content& c) {
    std::string id = a.text("option");
    const Board* pb = c.choice_board("pool-by-default");
    if (!id.empty() && (!pb || !find_item(pb->options, id)))
        return fail("set_pool_choice needs one of the Pounds board's options (or \"\" to clear)");
    s.answers.pool_choice = id;
    bump_revision(s.revision);
    return {};
}

ApplyResult add_pool_exception(State& s, const Args& a, const Content&) {
    std::string text = a.text("text");
    if (collapse_ws(text).empty()) return fail("add_pool_exception needs the reason, in words");
    if (text.size() > kMaxExceptionBytes) return fail("keep each reason under 1,000 characters");
    if (s.answers.pool_exceptions.size() >= kMaxExceptions) return fail("at most 20 reasons");
    s.answers.pool_exceptions.push_back(text);
    bump_revision(s.revision);
    return {};
}

ApplyResult remove_pool_exception(State& s, const Args& a, const Content&) {
    auto& list = s.answers.pool_exceptions;
    long long i = a.whole("index");
    if (i < 0 || i >= (long long)list.size()) return fail("remove_pool_exception needs the \"index\" of a reason");
    list.erase(list.begin() + i);
    bump_revision(s.revision);
    return {};
}

ApplyResult clear_answers(State& s, const Args&, const Content&) {
    s.answers = Answers();
    PoundState fresh;
    fresh.tab = s.pound.tab;
    s.pound = fresh;
    bump_revision(s.revision);
    return {};
}

ApplyResult import_answers(State& s, const Args& a, const Content&) {
    const json& file = a.raw("file");
    json j;
    std::string perr;
    std::vector<std::string> problems;
    if (!file.is_string()) j = file;
    else if (!parse_json(file.get<std::string>(), j, perr, &problems))
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

ApplyResult set_presenter(State& s, const Args& a, const Content& c) {
    s.presenter = a.flag("on");
    if (s.presenter) {
        s.view = View::Boards;
        if (s.board.empty() && !c.boards.empty()) s.board = c.boards.front().id;
    }
    return {};
}

ApplyResult present_step(State& s, const Args& a, const Content& c) {
    if (c.boards.empty()) return fail("there are no boards");
    int i = 0;
    for (int k = 0; k < (int)c.boards.size(); ++k)
        if (c.boards[k].id == s.board) i = k;
    i = std::clamp(i + (int)std::clamp<long long>(a.whole("delta"), -100, 100), 0, (int)c.boards.size() - 1);
    s.view = View::Boards;
    s.board = c.boards[i].id;
    return {};
}

ApplyResult tally_add(State& s, const Args& a, const Content&) {
    std::vector<std::string> problems;
    JsonIn files(a.raw("files"), "/files", problems);
    std::vector<TallyInput> add(files.size());
    for (size_t i = 0; i < files.size(); ++i) {
        JsonIn f = files.at(i);
        if (!f.expect_object() || !f.text("name", add[i].name, SIZE_MAX, true) || !f.text("text", add[i].text, SIZE_MAX, true))
            return fail("tally_add: " + problems.front() + " (each file needs a \"name\" and a \"text\")");
    }
    for (auto& f : add) s.tally_files.push_back(std::move(f));
    s.view = View::Tally;
    return {};
}

// The files this browser kept from before a reload (or another tab changed them).
ApplyResult tally_restore(State& s, const Args& a, const Content&) {
    std::vector<TallyInput> files;
    ApplyResult r;
    if (!tally_files_from_text(a.text("text"), files, r.warnings))
        return fail("The room tally kept in this browser could not be read (" + r.warnings.front() + ").");
    s.tally_files = std::move(files);
    return r;
}

ApplyResult tally_clear(State& s, const Args&, const Content&) {
    s.tally_files.clear();
    return {};
}

ApplyResult open_share(State& s, const Args& a, const Content& c) { return open_share(s, a.text("fragment"), a.flag("keep_answers"), c); }

using T = ArgType;

const ActionSpec kSessionActions[] = {
    {"set_view", {{"view", T::Text, kRequired, "one of boards, pound, map, sources, tally"}}, set_view, "Shows a view."},
    {"open_board", {{"board", T::Text, kRequired, "a board id, or \"\" for the list of boards"}}, open_board, "Shows a board (or the list) in the Boards view."},
    {"select_case_study", {{"case_study", T::Text, kRequired, "a case study id, or \"\" for none"}}, select_case_study, "Selects a case study (the map shows its card)."},
    {"select_place", {{"place", T::Text, kRequired, "a place id, or \"\" for none"}}, select_place, "Selects a place on the map."},
    {"show_source",
     {{"doc", T::Text, kRequired, "a document id, or \"\" for the list of documents"},
      {"line", T::Whole, kOptional, "the line to show, 0 to 999999 (default 0)", kNullOk}},
     show_source, "Shows a source document at a line in Sources & About."},
    {"set_text_scale", {{"scale", T::Number, kRequired, "the text size, kept between 0.75 and 2.5"}}, set_text_scale, "Makes the text larger or smaller."},
    {"set_theme", {{"theme", T::Text, kRequired, "light or dark"}}, set_theme, "Switches between the light and dark themes."},
    {"rate_barrier",
     {{"barrier", T::Text, kRequired, "a barrier id"}, {"rating", T::Whole, kRequired, "0 (not at all) to 3 (a lot), or null to clear", kNullOk}},
     rate_barrier, "Rates how much a barrier holds us back here (an answer)."},
    {"toggle_enabler", {{"enabler", T::Text, kRequired, "an enabler id"}}, toggle_item, "Backs an enabler, or stops backing it (an answer)."},
    {"toggle_commitment", {{"commitment", T::Text, kRequired, "a commitment id"}}, toggle_item, "Signs up to a commitment, or withdraws (an answer)."},
    {"set_note",
     {{"board", T::Text, kRequired, "a board id"}, {"text", T::Text, kRequired, "the note, up to 20,000 characters (\"\" removes it)"}},
     set_note, "Sets the participant's note on a board (an answer)."},
    {"toggle_priority", {{"option", T::Text, kRequired, "one of the Priorities board's options"}}, toggle_priority,
     "Chooses a priority, or un-chooses it; at most three (an answer)."},
    {"set_deprioritised", {{"text", T::Text, kRequired, "what would be de-prioritised, up to 20,000 characters"}}, set_deprioritised,
     "Sets the answer to \"what would you de-prioritise?\" (an answer)."},
    {"set_pool_choice", {{"option", T::Text, kRequired, "one of the Pounds board's options, or \"\" to clear"}}, set_pool_choice,
     "Chooses how far to pool budgets (an answer)."},
    {"add_pool_exception", {{"text", T::Text, kRequired, "the reason, in words, under 1,000 characters"}}, add_pool_exception,
     "Adds a reason not to pool a budget; at most 20 (an answer)."},
    {"remove_pool_exception", {{"index", T::Whole, kRequired, "the position of a reason, from 0"}}, remove_pool_exception,
     "Removes one of those reasons (an answer)."},
    {"clear_answers", {}, clear_answers, "Clears every answer and the what-if (keeps the open pound tab)."},
    {"import_answers", {{"file", T::Any, kRequired, "the contents of an answers file: its text, or its JSON"}}, import_answers,
     "Replaces the answers and the participant with an answers file's; parts it cannot read are warnings."},
    {"set_presenter", {{"on", T::Bool, kRequired, "true for presenter mode, false to leave it"}}, set_presenter, "Turns presenter mode on (at a board) or off."},
    {"present_step", {{"delta", T::Whole, kRequired, "1 for the next board, -1 for the previous"}}, present_step,
     "Moves to the next or previous board, as in presenter mode."},
    {"tally_add", {{"files", T::List, kRequired, "the files, as [{\"name\", \"text\"}, ...]"}}, tally_add,
     "Adds answers files to the room tally and shows it."},
    {"tally_restore", {{"text", T::Text, kRequired, "the list of tally files this browser kept"}}, tally_restore,
     "Replaces the room tally's files with the kept list (after a reload, or another tab changed it)."},
    {"tally_clear", {}, tally_clear, "Empties the room tally (\"Start again\")."},
    {"open_share",
     {{"fragment", T::Text, kRequired, "the share link's fragment, with or without the #"},
      {"keep_answers", T::Bool, kOptional, "true to go to the link's view but keep this browser's answers"}},
     open_share, "Opens a share link: its view, board and case study, and its answers unless kept; parts it cannot read are warnings."},
};

}  // namespace

const ActionModule& session_actions() {
    static const ActionModule m{"Session", "src/core/state.cpp", kSessionActions, std::size(kSessionActions), nullptr};
    return m;
}

bool adopt_other_tab(State& mine, const State& other) {
    bool changed = answers_to_json(other.answers) != answers_to_json(mine.answers) || other.revision != mine.revision;
    if (!other.participant.empty()) mine.participant = other.participant;
    mine.revision = other.revision;
    mine.answers = other.answers;
    PoundState pound = other.pound;  // the what-if is an answer; the open tab, scope, zoom and grouping are this tab's
    pound.tab = mine.pound.tab;
    pound.scope = mine.pound.scope;
    pound.zoom = mine.pound.zoom;
    pound.compare_by = mine.pound.compare_by;
    mine.pound = pound;
    return changed;
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
