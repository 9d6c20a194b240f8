// libFuzzer target: apply() (core/state.cpp, pound_state.cpp, map_state.cpp), the one function
// that changes the session, fed sequences of actions against the bundled pack (data/, loaded
// once; tests/fixtures/good-minimal if the bundled pack does not load).
//
// Input: a byte stream decoded into up to kMaxSteps (32) actions. Per action: one byte picks the
// type from kActions (every action name apply() knows, plus a few it must refuse); then, per
// argument the action takes, one byte either leaves the argument out or picks how to make its
// value: a real id of the right kind from the content, any other id, a string taken from the
// input, a small or huge number (2^31 - 1, 2^63, 1e20, NaN), a boolean, null, an array or an
// object. import_answers gets (damaged) export files of the current state, tally_add arrays of
// files, pound_zoom real treemap paths.
//
// After every action the session must still satisfy (else __builtin_trap):
//   - at most kMaxPriorities priorities, every rating 0..3, notes and "de-prioritised" at most
//     kMaxNoteBytes, at most kMaxExceptions pool exceptions of at most kMaxExceptionBytes,
//     what-if choices pooled | aligned | exception, text_scale within [kMinTextScale, kMaxTextScale];
//   - revision never decreases; it increases on every successful action that changes answers
//     (kAnswerActions) and stays, with the answers, as it was after any other successful action;
//   - a refused action leaves the state exactly as it was;
//   - state_to_json -> dump -> parse -> state_from_json loads without problems and saves to the
//     same JSON (tally_files, which is not saved, aside);
//   - export_answers -> import_answers (on a copy) succeeds and keeps the answers, the what-if
//     choices and the participant.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <string>
#include <vector>

#include "core/answers.hpp"
#include "core/map_state.hpp"
#include "core/money.hpp"
#include "core/share.hpp"
#include "core/state.hpp"

namespace {

using json = nlohmann::json;

constexpr size_t kMaxSteps = 32;

// What an argument's value should be when the fuzzer picks "a real one".
enum Hint {
    H_View, H_Board, H_CaseStudy, H_Place, H_Doc, H_Line, H_Scale, H_Theme, H_Barrier, H_Rating,
    H_Enabler, H_Commitment, H_Text, H_Priority, H_PoolOption, H_Index, H_File, H_Bool, H_Delta,
    H_Files, H_Tab, H_Scope, H_Zoom, H_CompareBy, H_Row, H_Choice, H_Layout, H_Facet, H_FilterValue,
    H_Era, H_Polygons, H_Share, H_KeptFiles, H_Any, H_Count
};

struct Arg {
    const char* key;
    Hint hint;
};

struct ActionSpec {
    const char* type;
    std::vector<Arg> args;
};

// The state actions of docs/actions.md (all but tally_restore and open_share), then some that
// must be refused. The seeds (apply_seeds.py) pick actions by index here: never reorder.
const std::vector<ActionSpec> kActions = {
    {"set_view", {{"view", H_View}}},
    {"open_board", {{"board", H_Board}}},
    {"select_case_study", {{"case_study", H_CaseStudy}}},
    {"select_place", {{"place", H_Place}}},
    {"show_source", {{"doc", H_Doc}, {"line", H_Line}}},
    {"set_text_scale", {{"scale", H_Scale}}},
    {"set_theme", {{"theme", H_Theme}}},
    {"rate_barrier", {{"barrier", H_Barrier}, {"rating", H_Rating}}},
    {"toggle_enabler", {{"enabler", H_Enabler}}},
    {"toggle_commitment", {{"commitment", H_Commitment}}},
    {"set_note", {{"board", H_Board}, {"text", H_Text}}},
    {"toggle_priority", {{"option", H_Priority}}},
    {"set_deprioritised", {{"text", H_Text}}},
    {"set_pool_choice", {{"option", H_PoolOption}}},
    {"add_pool_exception", {{"text", H_Text}}},
    {"remove_pool_exception", {{"index", H_Index}}},
    {"clear_answers", {}},
    {"import_answers", {{"file", H_File}}},
    {"set_presenter", {{"on", H_Bool}}},
    {"present_step", {{"delta", H_Delta}}},
    {"tally_add", {{"files", H_Files}}},
    {"tally_clear", {}},
    {"pound_tab", {{"tab", H_Tab}}},
    {"pound_scope", {{"scope", H_Scope}}},
    {"pound_zoom", {{"path", H_Zoom}}},
    {"pound_zoom_out", {}},
    {"pound_compare_by", {{"by", H_CompareBy}}},
    {"pound_whatif_set", {{"line", H_Row}, {"choice", H_Choice}, {"note", H_Text}}},
    {"pound_whatif_note", {{"line", H_Row}, {"note", H_Text}}},
    {"pound_whatif_pool_all", {}},
    {"pound_whatif_reset", {}},
    {"map_layout", {{"layout", H_Layout}}},
    {"map_filter", {{"facet", H_Facet}, {"value", H_FilterValue}, {"on", H_Bool}}},
    {"map_clear_filters", {}},
    {"map_era", {{"era", H_Era}}},
    {"map_inset", {{"open", H_Bool}}},
    {"map_benchmark", {{"polygons", H_Polygons}}},
    {"open_share", {{"fragment", H_Share}, {"keep_answers", H_Bool}}},
    {"tally_restore", {{"text", H_KeptFiles}}},
    // refused
    {"", {}},
    {"unknown", {{"view", H_View}}},
    {"pound_", {}},
    {"map_", {}},
    {"pound_whatif", {{"line", H_Row}}},
    {"Set_View", {{"view", H_View}}},
};

// Successful actions of these types change the answers, so they must increase revision.
bool changes_answers(const std::string& t) {
    static const char* k[] = {"rate_barrier",      "toggle_enabler",        "toggle_commitment",    "set_note",
                              "toggle_priority",   "set_deprioritised",     "set_pool_choice",      "add_pool_exception",
                              "remove_pool_exception", "clear_answers",     "import_answers",       "pound_whatif_set",
                              "pound_whatif_note", "pound_whatif_pool_all", "pound_whatif_reset"};
    for (const char* x : k)
        if (t == x) return true;
    return false;
}

struct World {
    jup::Content content;
    std::vector<std::string> pool[H_Count];
    jup::PoundNode tree;  // the default scope's treemap, for zoom paths
};

void add_items(std::vector<std::string>& v, const std::vector<jup::Item>& items) {
    for (auto& i : items) v.push_back(i.id);
}

const World& world() {
    static const World w = [] {
        World w;
        jup::LoadResult r = jup::load_content(jup::DirReader(JOINEDUP_DATA_DIR));
        if (!r.ok()) r = jup::load_content(jup::DirReader(JOINEDUP_FIXTURES_DIR "/good-minimal"));
        w.content = std::move(r.content);
        const jup::Content& c = w.content;
        auto& P = w.pool;
        P[H_View] = {"boards", "pound", "map", "sources", "tally"};
        P[H_Theme] = {"light", "dark"};
        P[H_Tab] = {"overview", "compare", "time", "whatif", "funds", "tables"};
        P[H_CompareBy] = {"workstream", "organisation", "fund_type", "line"};
        P[H_Choice] = {"pooled", "aligned", "exception", "today"};
        P[H_Layout] = {"boundaries", "tiles"};
        P[H_Facet] = {"theme", "ics", "kind"};
        P[H_Era] = {"all", "then", "now"};
        P[H_Board] = {""};
        P[H_CaseStudy] = {""};
        P[H_Place] = {""};
        P[H_Doc] = {""};
        P[H_PoolOption] = {""};
        P[H_Scope] = {""};
        for (auto& b : c.boards) {
            P[H_Board].push_back(b.id);
            P[H_FilterValue].push_back(b.id);
            for (auto& g : b.barrier_groups) add_items(P[H_Barrier], g.barriers);
            add_items(P[H_Enabler], b.enablers);
            add_items(P[H_Commitment], b.commitments);
            if (b.id == "priorities") add_items(P[H_Priority], b.options);
            if (b.id == "pounds") add_items(P[H_PoolOption], b.options);
        }
        for (auto& cs : c.case_studies) P[H_CaseStudy].push_back(cs.id);
        for (auto& p : c.places) P[H_Place].push_back(p.id);
        for (auto& i : c.icss) P[H_FilterValue].push_back(i.id);
        for (auto& k : jup::map_kind_groups()) P[H_FilterValue].push_back(k);
        for (auto& d : c.documents) P[H_Doc].push_back(d.id);
        for (auto& s : jup::pound_scopes(c.money)) P[H_Scope].push_back(s.id);
        for (auto& rep : c.money.reports)
            for (auto& t : rep.tables) {
                if (!jup::is_budget_table(t)) continue;
                for (auto& row : t.rows)
                    if (row.kind == "line") {
                        P[H_Row].push_back(row.id);
                        P[H_Row].push_back(rep.id + "/" + row.id);
                    }
            }
        jup::PoundModel m = jup::build_pound(c.money, jup::default_scope(c.money));
        w.tree = jup::build_tree(c.money, m);
        // "Any other id": everything above in one list.
        for (int h = 0; h < H_Any; ++h)
            for (auto& s : P[h]) P[H_Any].push_back(s);
        return w;
    }();
    return w;
}

struct Bytes {
    const uint8_t* p;
    size_t n, i = 0;
    bool done() const { return i >= n; }
    uint8_t u8() { return i < n ? p[i++] : 0; }
    uint16_t u16() { return (uint16_t)(u8() | (u8() << 8)); }
    std::string str(size_t max = 64) {
        size_t len = u8() % (max + 1);
        len = std::min(len, n - std::min(i, n));
        std::string s(reinterpret_cast<const char*>(p + i), len);
        i += len;
        return s;
    }
};

const std::string& pick(Bytes& b, const std::vector<std::string>& v) {
    static const std::string none = "none";
    return v.empty() ? none : v[b.u16() % v.size()];
}

json number(Bytes& b) {
    switch (b.u8() % 24) {
        case 0: return 0;
        case 1: return -1;
        case 2: return 1;
        case 3: return 3;
        case 4: return 4;
        case 5: return 2147483646;
        case 6: return 2147483647;
        case 7: return 2147483648ll;
        case 8: return -2147483649ll;
        case 9: return std::numeric_limits<int64_t>::max();
        case 10: return std::numeric_limits<int64_t>::min();
        case 11: return std::numeric_limits<uint64_t>::max();
        case 12: return 1e20;
        case 13: return -1e20;
        case 14: return 1e308;
        case 15: return 0.5;
        case 16: return 2.5;
        case 17: return 0.75;
        case 18: return -0.0;
        case 19: return std::numeric_limits<double>::quiet_NaN();
        case 20: return std::numeric_limits<double>::infinity();
        case 21: return 1000000;
        case 22: return 20000;
        default: return (int8_t)b.u8();
    }
}

std::string text(Bytes& b) {
    static const size_t lengths[] = {0, 1, 999, 1000, 1001, 1999, 2000, 2001, 19999, 20000, 20001};
    switch (b.u8() % 7) {
        case 0: return std::string(lengths[b.u8() % 11], 'a');
        case 1: {
            // A limit's worth of ASCII, then multi-byte characters straddling the limit.
            const size_t len = lengths[b.u8() % 11], back = b.u8() % 3;
            std::string s(len > back ? len - back : 0, 'a');
            for (size_t k = 1 + b.u8() % 4; k > 0; --k) s += "\xc3\xa9\xe2\x80\x99";
            return s;
        }
        case 2: return " \t\n\r ";
        case 3: {
            std::string s;
            for (size_t k = b.u8() % 8; k > 0; --k) s += "\xc3\xa9\xe2\x80\x99";
            return s;
        }
        default: return b.str(96);
    }
}

json value(Bytes& b, Hint h, const jup::State& s, int depth);

json export_of(const jup::State& s) { return jup::export_answers(s, "2024-01-01T00:00:00Z"); }

// The harness's own dumps: the random strings it puts in need not be UTF-8.
std::string text_of(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

json file_value(Bytes& b, const jup::State& s, int depth) {
    json e = export_of(s);
    switch (b.u8() % 8) {
        case 0: return text_of(e);
        case 1: return e;
        case 2: {
            static const char* k[] = {"format", "version", "participant", "revision", "exported_at", "answers", "pound"};
            const char* key = k[b.u8() % 7];
            if (b.u8() % 4 == 0) e.erase(key);
            else e[key] = value(b, H_Any, s, depth + 1);
            return b.u8() % 2 ? json(text_of(e)) : e;
        }
        case 3: {
            static const char* k[] = {"ratings", "enablers", "commitments", "notes", "priorities", "deprioritised", "pool_choice", "pool_exceptions"};
            const char* key = k[b.u8() % 8];
            json& a = e["answers"];
            if (b.u8() % 2 && (a[key].is_object() || a[key].is_null())) a[key][pick(b, world().pool[H_Barrier])] = value(b, H_Rating, s, depth + 1);
            else if (a[key].is_array()) a[key].push_back(value(b, H_Any, s, depth + 1));
            else a[key] = value(b, H_Any, s, depth + 1);
            return text_of(e);
        }
        case 4:
            e["pound"]["whatif"][pick(b, world().pool[H_Row])] = {{"choice", value(b, H_Choice, s, depth + 1)}, {"note", value(b, H_Text, s, depth + 1)}};
            if (b.u8() % 2) e["pound"]["revision"] = number(b);
            return text_of(e);
        case 5: return b.str(200);
        case 6: return value(b, H_Any, s, depth + 1);
        default:
            e["participant"] = b.u8() % 2 ? b.str(16) : std::string("p-other");
            e["revision"] = number(b);
            return text_of(e);
    }
}

json files_value(Bytes& b, const jup::State& s, int depth) {
    json files = json::array();
    for (size_t k = b.u8() % 4; k > 0; --k) {
        switch (b.u8() % 4) {
            case 0: files.push_back({{"name", "a.json"}, {"text", text_of(export_of(s))}}); break;
            case 1: files.push_back({{"name", b.str(16)}, {"text", b.str(200)}}); break;
            case 2: files.push_back({{"name", value(b, H_Any, s, depth + 1)}, {"text", value(b, H_Any, s, depth + 1)}}); break;
            default: files.push_back(value(b, H_Any, s, depth + 1)); break;
        }
    }
    return files;
}

// A share link of the current session: whole, with or without "#", cut short or with one byte changed.
json share_value(Bytes& b, const jup::State& s) {
    std::string f = jup::encode_share(s).fragment;
    switch (b.u8() % 4) {
        case 0: return f;
        case 1: return "#" + f;
        case 2: return f.substr(0, f.empty() ? 0 : b.u16() % f.size());
        default:
            if (!f.empty()) f[b.u16() % f.size()] = (char)b.u8();
            return f;
    }
}

// The tally files as the browser keeps them: the current list (or it plus an answers file), damaged
// by a cut, or any text.
json kept_files_value(Bytes& b, const jup::State& s) {
    std::vector<jup::TallyInput> files = s.tally_files;
    if (b.u8() % 2) files.push_back({b.str(16), text_of(export_of(s))});
    std::string t = text_of(jup::tally_files_to_json(files));  // as the shell keeps it (names may be any bytes)
    switch (b.u8() % 3) {
        case 0: return t;
        case 1: return t.substr(0, t.empty() ? 0 : b.u16() % t.size());
        default: return b.str(200);
    }
}

json zoom_value(Bytes& b) {
    json path = json::array();
    const jup::PoundNode* n = &world().tree;
    for (size_t k = b.u8() % 5; k > 0; --k) {
        if (n->children.empty() || b.u8() % 8 == 0) {
            path.push_back(b.str(16));
            break;
        }
        n = &n->children[b.u8() % n->children.size()];
        path.push_back(n->key);
    }
    return path;
}

// A value of the kind `h` names ("a real one").
json typed(Bytes& b, Hint h, const jup::State& s, int depth) {
    const World& w = world();
    switch (h) {
        case H_Line: return (int)(b.u16() % 400) - 2;
        case H_Scale: return 0.5 + (b.u8() % 64) / 25.0;
        case H_Rating: return b.u8() % 8 == 0 ? json(nullptr) : json(b.u8() % 4);
        case H_Text: return text(b);
        case H_Index: return (int)(b.u8() % 24) - 1;
        case H_File: return file_value(b, s, depth);
        case H_Bool: return b.u8() % 2 == 0;
        case H_Delta: return (int)(b.u8() % 5) - 2;
        case H_Files: return files_value(b, s, depth);
        case H_Zoom: return zoom_value(b);
        case H_Share: return share_value(b, s);
        case H_KeptFiles: return kept_files_value(b, s);
        case H_Polygons: return (int)(b.u16() % 20003) - 1;
        default: return w.pool[h].empty() ? json(b.str(16)) : json(pick(b, w.pool[h]));
    }
}

json value(Bytes& b, Hint h, const jup::State& s, int depth) {
    if (depth > 3) return nullptr;
    const uint8_t sel = b.u8() % 16;
    if (sel < 8) return typed(b, h, s, depth);
    switch (sel) {
        case 8: return pick(b, world().pool[H_Any]);
        case 9: return b.str(64);
        case 10:
        case 11: return number(b);
        case 12: return b.u8() % 2 == 0;
        case 13: return nullptr;
        case 14: {
            json a = json::array();
            for (size_t k = b.u8() % 4; k > 0; --k) a.push_back(value(b, h, s, depth + 1));
            return a;
        }
        default: {
            json o = json::object();
            if (b.u8() % 2) o[b.str(8)] = value(b, h, s, depth + 1);
            return o;
        }
    }
}

[[noreturn]] void violated(const char* what) {
    fprintf(stderr, "fuzz_apply: invariant violated: %s\n", what);
    __builtin_trap();
}
#define CHECK(cond) \
    do {            \
        if (!(cond)) violated(#cond); \
    } while (0)

json saved(const jup::State& s) {
    json j = jup::state_to_json(s);
    j.erase("tally_files");
    return j;
}

// `now` is state_to_json(s).
void check_invariants(const jup::State& s, const json& now) {
    const jup::Answers& a = s.answers;
    CHECK(a.priorities.size() <= (size_t)jup::kMaxPriorities);
    for (auto& [id, r] : a.ratings) CHECK(r >= 0 && r <= 3);
    for (auto& [id, n] : a.notes) CHECK(n.size() <= jup::kMaxNoteBytes);
    CHECK(a.deprioritised.size() <= jup::kMaxNoteBytes);
    CHECK(a.pool_exceptions.size() <= jup::kMaxExceptions);
    for (auto& e : a.pool_exceptions) CHECK(e.size() <= jup::kMaxExceptionBytes);
    for (auto& [line, c] : s.pound.whatif) CHECK(c.choice == "pooled" || c.choice == "aligned" || c.choice == "exception");
    CHECK(std::isfinite(s.text_scale) && s.text_scale >= jup::kMinTextScale && s.text_scale <= jup::kMaxTextScale);
    CHECK(s.revision >= 0);

    // Save and load again: same JSON, no problems reported. The app saves with a strict dump()
    // (src/platform/main.cpp save_state), which throws on a string that is not valid UTF-8.
    json j1 = now;
    j1.erase("tally_files");
    try {
        (void)j1.dump();
    } catch (const json::exception& e) {
        violated(e.what());
    }
    jup::State back;
    std::string error;
    CHECK(jup::state_from_json(json::parse(j1.dump()), back, error));
    if (!error.empty()) fprintf(stderr, "fuzz_apply: reload problems: %s\n", error.c_str());
    CHECK(error.empty());
    if (saved(back) != j1) fprintf(stderr, "fuzz_apply: saved %s\nreloaded %s\n", text_of(j1).c_str(), text_of(saved(back)).c_str());
    CHECK(saved(back) == j1);

    // Export and import again: the same answers, what-if and participant.
    jup::State copy = s;
    jup::Action imp;
    imp.type = "import_answers";
    imp.args = {{"type", "import_answers"}, {"file", export_of(s).dump()}};
    const jup::ApplyResult r = jup::apply(copy, imp, world().content);
    if (!r.ok) fprintf(stderr, "fuzz_apply: import of own export refused: %s\n", r.error.c_str());
    CHECK(r.ok);
    CHECK(jup::answers_to_json(copy.answers) == jup::answers_to_json(s.answers));
    CHECK(jup::pound_to_json(copy.pound)["whatif"] == jup::pound_to_json(s.pound)["whatif"]);
    CHECK(copy.participant == s.participant);
    CHECK(copy.revision > s.revision);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    const World& w = world();
    Bytes b{data, size};
    jup::State s;
    s.participant = "p-fuzz";  // the app gives every session a random participant id
    json before = jup::state_to_json(s);
    for (size_t step = 0; step < kMaxSteps && !b.done(); ++step) {
        const ActionSpec& spec = kActions[b.u8() % kActions.size()];
        json j = json::object();
        for (const Arg& arg : spec.args) {
            if (b.u8() % 8 == 0) continue;  // leave it out
            j[arg.key] = value(b, arg.hint, s, 0);
        }
        if (b.u8() % 16 == 0) j[b.str(8)] = value(b, H_Any, s, 0);  // an extra argument
        j["type"] = spec.type;
        // Actions reach apply() as JSON text (the JavaScript hook) or from the UI's UTF-8 text
        // fields: strings are valid UTF-8 (the input's other bytes become U+FFFD here).
        j = json::parse(text_of(j));
        jup::Action a;
        std::string error;
        CHECK(jup::action_from_json(j, a, error));

        const int revision_before = s.revision;
        const jup::ApplyResult r = jup::apply(s, a, w.content);
        json after = jup::state_to_json(s);
        CHECK(s.revision >= revision_before);
        if (!r.ok) {
            CHECK(!r.error.empty());
            if (after != before)
                fprintf(stderr, "fuzz_apply: refused %s changed the state:\n%s\n%s\n", text_of(j).c_str(), text_of(before).c_str(), text_of(after).c_str());
            CHECK(after == before);
        } else if (a.type == "open_share") {
            // A link's answers replace these (and count as a change) unless kept; its view does not.
            if (after["answers"] != before["answers"]) CHECK(s.revision > revision_before);
            else CHECK(s.revision >= revision_before);
        } else if (changes_answers(a.type)) {
            CHECK(s.revision > revision_before);
        } else {
            CHECK(s.revision == revision_before);
            CHECK(after["answers"] == before["answers"]);
            CHECK(after["pound"]["whatif"] == before["pound"]["whatif"]);
        }
        // The checks depend only on what state_to_json shows: skip them when nothing changed.
        if (step == 0 || after != before) check_invariants(s, after);
        before = std::move(after);
    }
    if (!s.tally_files.empty()) {
        const jup::Tally t = jup::tally(s.tally_files);
        (void)jup::tally_json(t).dump();
        (void)jup::tally_csv(t, w.content);
    }
    return 0;
}
