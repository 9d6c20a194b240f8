#include "core/state.hpp"

#include <algorithm>
#include <cmath>

namespace jup {

using json = nlohmann::json;

const char* view_name(View v) {
    switch (v) {
        case View::Boards: return "boards";
        case View::Pound: return "pound";
        case View::Map: return "map";
        case View::Sources: return "sources";
    }
    return "boards";
}

bool view_from_name(const std::string& s, View& out) {
    for (View v : {View::Boards, View::Pound, View::Map, View::Sources})
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

ApplyResult apply(State& s, const Action& a, const Content& c) {
    const std::string& t = a.type;
    if (auto r = apply_pound(s.pound, a, c)) return *r;
    if (auto r = apply_map(s.map, a, c)) return *r;
    std::string id;
    if (t == "set_view") {
        View v;
        if (!get_str(a, "view", id) || !view_from_name(id, v))
            return fail("set_view needs \"view\": one of boards, pound, map, sources");
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
        int line = a.args.value("line", 0);
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
    if (t == "rate_barrier") {
        if (!get_str(a, "barrier", id) || !find_barrier(c, id)) return fail("rate_barrier needs a known \"barrier\" id");
        auto it = a.args.find("rating");
        if (it == a.args.end()) return fail("rate_barrier needs \"rating\" (0 to 3, or null to clear)");
        if (it->is_null()) s.ratings.erase(id);
        else if (!it->is_number_integer() || it->get<int>() < 0 || it->get<int>() > 3)
            return fail("a rating is a whole number from 0 (not at all) to 3 (a lot)");
        else s.ratings[id] = it->get<int>();
        ++s.revision;
        return {};
    }
    if (t == "toggle_enabler" || t == "toggle_commitment") {
        bool enabler = t == "toggle_enabler";
        const char* key = enabler ? "enabler" : "commitment";
        if (!get_str(a, key, id)) return fail(t + " needs \"" + key + "\"");
        bool found = false;
        for (auto& b : c.boards) found |= find_item(enabler ? b.enablers : b.commitments, id) != nullptr;
        if (!found) return fail(std::string("no ") + key + " \"" + id + "\"");
        auto& set = enabler ? s.enablers : s.commitments;
        if (!set.erase(id)) set.insert(id);
        ++s.revision;
        return {};
    }
    if (t == "set_note") {
        std::string text;
        if (!get_str(a, "board", id) || !c.board(id)) return fail("set_note needs a known \"board\"");
        if (!get_str(a, "text", text)) return fail("set_note needs \"text\"");
        if (text.size() > 20000) return fail("a note is limited to 20,000 characters");
        if (text.empty()) s.notes.erase(id);
        else s.notes[id] = text;
        ++s.revision;
        return {};
    }
    if (t == "clear_answers") {
        s.ratings.clear();
        s.enablers.clear();
        s.commitments.clear();
        s.notes.clear();
        ++s.revision;
        return {};
    }
    return fail("unknown action \"" + t + "\"");
}

json state_to_json(const State& s) {
    return json{{"format", "joinedup-session"},
                {"version", State::kFormatVersion},
                {"view", view_name(s.view)},
                {"board", s.board},
                {"case_study", s.case_study},
                {"place", s.place},
                {"doc", s.doc},
                {"doc_line", s.doc_line},
                {"text_scale", s.text_scale},
                {"theme", s.light_theme ? "light" : "dark"},
                {"participant", s.participant},
                {"revision", s.revision},
                {"answers",
                 {{"ratings", s.ratings}, {"enablers", s.enablers}, {"commitments", s.commitments}, {"notes", s.notes}}},
                {"pound", pound_to_json(s.pound)},
                {"map", map_to_json(s.map)}};
}

bool state_from_json(const json& j, State& out, std::string& error) {
    if (!j.is_object()) return error = "/: a saved session must be a JSON object", false;
    if (j.value("format", "") != "joinedup-session") return error = "/format: not a Joined-Up session", false;
    State s;
    std::string problems;
    auto bad = [&](const std::string& ptr, const std::string& why) { problems += (problems.empty() ? "" : "; ") + ptr + ": " + why; };
    try {
        View v;
        if (j.contains("view") && (!j["view"].is_string() || !view_from_name(j["view"].get<std::string>(), v))) bad("/view", "unknown view");
        else if (j.contains("view")) s.view = v;
        for (auto [key, dst] : {std::pair{"board", &s.board}, {"case_study", &s.case_study}, {"place", &s.place}, {"doc", &s.doc}, {"participant", &s.participant}}) {
            if (!j.contains(key)) continue;
            if (j[key].is_string()) *dst = j[key].get<std::string>();
            else bad(std::string("/") + key, "expected a string");
        }
        if (j.contains("text_scale") && j["text_scale"].is_number())
            s.text_scale = (float)std::clamp(j["text_scale"].get<double>(), (double)kMinTextScale, (double)kMaxTextScale);
        s.light_theme = j.value("theme", "dark") == "light";
        if (j.contains("revision") && j["revision"].is_number_integer()) s.revision = j["revision"].get<int>();
        if (j.contains("answers")) {
            const json& a = j["answers"];
            if (!a.is_object()) bad("/answers", "expected an object");
            else {
                if (a.contains("ratings") && a["ratings"].is_object())
                    for (auto it = a["ratings"].begin(); it != a["ratings"].end(); ++it) {
                        if (it->is_number_integer() && it->get<int>() >= 0 && it->get<int>() <= 3) s.ratings[it.key()] = it->get<int>();
                        else bad("/answers/ratings/" + it.key(), "a rating is 0 to 3");
                    }
                for (auto [key, dst] : {std::pair{"enablers", &s.enablers}, {"commitments", &s.commitments}})
                    if (a.contains(key) && a[key].is_array())
                        for (auto& x : a[key])
                            if (x.is_string()) dst->insert(x.get<std::string>());
                if (a.contains("notes") && a["notes"].is_object())
                    for (auto it = a["notes"].begin(); it != a["notes"].end(); ++it)
                        if (it->is_string()) s.notes[it.key()] = it->get<std::string>();
            }
        }
        if (j.contains("pound")) pound_from_json(j["pound"], s.pound, problems);
        if (j.contains("map")) map_from_json(j["map"], s.map, problems);
    } catch (const json::exception& e) {
        return error = std::string("/: ") + e.what(), false;
    }
    error = problems;
    out = std::move(s);
    return true;
}

}  // namespace jup
