#include "core/answers.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

#include "core/json_in.hpp"

namespace jup {

using json = nlohmann::json;

bool Answers::empty() const {
    return ratings.empty() && enablers.empty() && commitments.empty() && notes.empty() && priorities.empty() &&
           deprioritised.empty() && pool_choice.empty() && pool_exceptions.empty();
}

static bool blank(const std::string& s) { return collapse_ws(s).empty(); }

bool priorities_count(const Answers& a) { return !a.priorities.empty() && !blank(a.deprioritised); }

const Board* board_of_item(const Content& c, const std::string& id) {
    auto in = [&](const std::vector<Item>& v) {
        for (auto& i : v)
            if (i.id == id) return true;
        return false;
    };
    for (auto& b : c.boards) {
        for (auto& g : b.barrier_groups)
            if (in(g.barriers)) return &b;
        if (in(b.enablers) || in(b.commitments) || in(b.options) || in(b.tradeoffs)) return &b;
    }
    return nullptr;
}

json answers_to_json(const Answers& a) {
    return {{"ratings", a.ratings},         {"enablers", a.enablers},     {"commitments", a.commitments},
            {"notes", a.notes},             {"priorities", a.priorities}, {"deprioritised", a.deprioritised},
            {"pool_choice", a.pool_choice}, {"pool_exceptions", a.pool_exceptions}};
}

Answers answers_from_json(const json& j, const std::string& ptr, std::vector<std::string>& problems) {
    Answers a;
    JsonIn in(j, ptr, problems);
    if (!in.expect_object()) return a;
    auto strings = [&](const char* key, std::set<std::string>& out) {
        auto list = in.array(key);
        for (size_t i = 0; list && i < list->size(); ++i)
            if (std::string s; list->at(i).as_text(s, kMaxIdBytes)) out.insert(s);
    };
    if (auto r = in.object("ratings"))
        r->each_member([&](const std::string& id, const JsonIn& v) {
            int x;
            std::vector<std::string> quiet;  // one message for people, whatever the wrong value is
            if (JsonIn(v.raw(), v.pointer(), quiet).as_int(x, 0, 3)) a.ratings[id] = x;
            else v.problem("", "a rating is a whole number from 0 to 3");
        });
    strings("enablers", a.enablers);
    strings("commitments", a.commitments);
    strings("priorities", a.priorities);
    if (a.priorities.size() > (size_t)kMaxPriorities) {
        in.problem("/priorities", "more than three priorities; the first three are kept");
        while (a.priorities.size() > (size_t)kMaxPriorities) a.priorities.erase(std::prev(a.priorities.end()));
    }
    if (auto n = in.object("notes"))
        n->each_member([&](const std::string& board, const JsonIn& v) {
            if (std::string s; v.as_text(s, kMaxNoteBytes)) a.notes[board] = s;
        });
    in.text("deprioritised", a.deprioritised, kMaxNoteBytes);
    in.text("pool_choice", a.pool_choice, kMaxIdBytes);
    if (auto list = in.array("pool_exceptions"))
        for (size_t i = 0; i < list->size(); ++i) {
            if (a.pool_exceptions.size() >= kMaxExceptions) {
                list->problem("", "more than " + std::to_string(kMaxExceptions) + " reasons; the first " + std::to_string(kMaxExceptions) + " are kept");
                break;
            }
            if (std::string s; list->at(i).as_text(s, kMaxExceptionBytes)) a.pool_exceptions.push_back(s);
        }
    return a;
}

json export_to_json(const ExportFile& f) {
    return {{"format", "joinedup-answers"}, {"version", kExportVersion}, {"participant", f.participant},
            {"revision", f.revision},       {"exported_at", f.exported_at},  {"answers", answers_to_json(f.answers)},
            {"pound", f.pound}};
}

bool export_from_json(const json& j, ExportFile& out, std::vector<std::string>& problems) {
    // Problems that make it no answers file at all go first, so callers can show problems.front().
    std::vector<std::string> fatal;
    JsonIn top(j, "", fatal);
    auto refuse = [&](const std::string& why) {
        problems.insert(problems.begin(), why);
        return false;
    };
    if (!top.is_object()) return refuse("/: not a Joined-Up answers file (expected a JSON object, got " + json_type_name(j) + ")");
    std::string format;
    if (!top.text("format", format, 100, true)) return refuse(fatal.front() + "; not a Joined-Up answers file");
    if (format != "joinedup-answers") return refuse("/format: not a Joined-Up answers file");
    long long version = 0;
    if (!top.whole("version", version, 0, INT32_MAX, true)) return refuse(fatal.front());
    if (version > kExportVersion) return refuse("/version: written by a newer Joined-Up (version " + std::to_string(version) + ")");
    ExportFile f;
    if (!top.text("participant", f.participant, kMaxIdBytes, true) || f.participant.empty())
        return refuse(fatal.empty() ? "/participant: missing" : fatal.front());
    JsonIn in(j, "", problems);
    if (!in.has("revision")) in.problem("/revision", "missing; taken as 0");
    else if (!in.integer("revision", f.revision, 0, kMaxRevision)) problems.back() += "; taken as 0";
    in.text("exported_at", f.exported_at, 100);
    if (auto a = in.member("answers", true)) f.answers = answers_from_json(a->raw(), "/answers", problems);
    if (auto p = in.object("pound")) f.pound = p->raw();
    out = std::move(f);
    return true;
}

// ---- tally ------------------------------------------------------------------------------

// export_from_json reads without throwing; the guard is for what nobody foresaw (say, memory),
// so that one file can never end a tally of thirty.
static bool read_export(const json& j, ExportFile& f, std::vector<std::string>& problems) {
    try {
        return export_from_json(j, f, problems);
    } catch (const std::exception& e) {
        problems.insert(problems.begin(), std::string("/: could not be read (") + e.what() + ")");
        return false;
    }
}

Tally tally(const std::vector<TallyInput>& files) {
    Tally t;
    t.files = (int)files.size();
    // One export per participant: the same participant and revision twice counts once; a
    // later revision from the same participant replaces an earlier one.
    struct Kept {
        std::string name;
        ExportFile f;
    };
    std::map<std::string, Kept> by_participant;
    for (auto& in : files) {
        if (in.text.size() > kMaxTallyFileBytes) {
            t.skipped.push_back(in.name + ": /: file is larger than 2 MB; not an answers file");
            continue;
        }
        json j;
        std::string err;
        std::vector<std::string> problems;
        if (!parse_json(in.text, j, err, &problems)) {
            if (err.rfind("invalid JSON at ", 0) == 0) err = err.substr(16);
            t.skipped.push_back(in.name + ": /: not valid JSON (" + err + ")");
            continue;
        }
        ExportFile f;
        if (!read_export(j, f, problems)) {
            t.skipped.push_back(in.name + ": " + (problems.empty() ? "/: unreadable" : problems.front()));
            continue;
        }
        for (auto& p : problems) t.warnings.push_back(in.name + ": " + p);
        const std::string pid = f.participant;  // read before f is moved
        auto it = by_participant.find(pid);
        if (it == by_participant.end()) by_participant.emplace(pid, Kept{in.name, std::move(f)});
        else if (it->second.f.revision == f.revision)
            t.duplicates.push_back(in.name + ": same participant and revision as " + it->second.name + "; counted once");
        else {
            bool newer = f.revision > it->second.f.revision;
            t.duplicates.push_back((newer ? it->second.name : in.name) + ": an older revision from the same participant as " +
                                   (newer ? in.name : it->second.name) + "; the newer one is counted");
            if (newer) it->second = {in.name, std::move(f)};
        }
    }
    std::map<std::string, std::vector<int>> values;
    for (auto& [pid, k] : by_participant) {
        const Answers& a = k.f.answers;
        ++t.counted;
        for (auto& [id, r] : a.ratings) values[id].push_back(r);
        for (auto& id : a.enablers) ++t.enablers[id];
        for (auto& id : a.commitments) ++t.commitments[id];
        if (priorities_count(a)) {
            for (auto& id : a.priorities) ++t.priorities[id];
            t.deprioritised.push_back({pid, a.deprioritised});
        } else if (!a.priorities.empty()) ++t.priorities_not_counted;
        if (!a.pool_choice.empty()) ++t.pool_choices[a.pool_choice];
        for (auto& [board, text] : a.notes)
            if (!blank(text)) t.notes[board].push_back(text);
        for (auto& e : a.pool_exceptions)
            if (!blank(e)) t.pool_exceptions.push_back(e);
    }
    for (auto& [id, v] : values) {
        RatingStat s;
        s.n = (int)v.size();
        double sum = 0;
        for (int x : v) sum += x, ++s.counts[x];
        s.mean = sum / s.n;
        double sq = 0;
        for (int x : v) sq += (x - s.mean) * (x - s.mean);
        s.sd = std::sqrt(sq / s.n);
        t.ratings[id] = s;
    }
    return t;
}

json tally_files_to_json(const std::vector<TallyInput>& files) {
    json list = json::array();
    for (auto& f : files) list.push_back({{"name", f.name}, {"text", f.text}});
    return {{"format", "joinedup-tally-files"}, {"version", 1}, {"files", list}};
}

bool tally_files_from_text(const std::string& text, std::vector<TallyInput>& out, std::vector<std::string>& problems) {
    json j;
    std::string err;
    if (!parse_json(text, j, err, &problems)) return problems.insert(problems.begin(), "/: " + err), false;
    JsonIn in(j, "", problems);
    std::string format;
    if (!in.is_object() || !in.text("format", format, 100) || format != "joinedup-tally-files")
        return problems.insert(problems.begin(), "/format: not a list of tally files"), false;
    std::vector<TallyInput> files;
    if (auto list = in.array("files", true))
        for (size_t i = 0; i < list->size(); ++i) {
            JsonIn f = list->at(i);
            TallyInput t;
            if (f.expect_object() && f.text("name", t.name, 1000, true) && f.text("text", t.text, kMaxTallyFileBytes * 2, true))
                files.push_back(std::move(t));
        }
    out = std::move(files);
    return true;
}

static std::string csv_cell(const std::string& s) {
    bool quote = s.find_first_of(",\"\n\r") != std::string::npos;
    std::string o = quote ? "\"" : "";
    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quote ? o + "\"" : o;
}

static std::string label_of(const Content& c, const std::string& id) {
    for (auto& b : c.boards) {
        auto find = [&](const std::vector<Item>& v) -> const Item* {
            for (auto& i : v)
                if (i.id == id) return &i;
            return nullptr;
        };
        for (auto& g : b.barrier_groups)
            if (auto* i = find(g.barriers)) return i->label;
        for (auto* v : {&b.enablers, &b.commitments, &b.options})
            if (auto* i = find(*v)) return i->label;
    }
    return id;
}

std::string tally_csv(const Tally& t, const Content& c) {
    std::ostringstream o;
    o << "kind,board,id,label,responses,mean,sd,rated_0,rated_1,rated_2,rated_3,votes,text\n";
    auto board = [&](const std::string& id) {
        const Board* b = board_of_item(c, id);
        return b ? b->id : std::string();
    };
    char num[64];
    for (auto& [id, s] : t.ratings) {
        o << "barrier," << board(id) << "," << csv_cell(id) << "," << csv_cell(label_of(c, id)) << "," << s.n;
        std::snprintf(num, sizeof num, ",%.2f,%.2f", s.mean, s.sd);
        o << num << "," << s.counts[0] << "," << s.counts[1] << "," << s.counts[2] << "," << s.counts[3] << ",,\n";
    }
    auto votes = [&](const char* kind, const std::map<std::string, int>& m) {
        for (auto& [id, n] : m) o << kind << "," << board(id) << "," << csv_cell(id) << "," << csv_cell(label_of(c, id)) << ",,,,,,,," << n << ",\n";
    };
    votes("enabler", t.enablers);
    votes("commitment", t.commitments);
    votes("priority", t.priorities);
    votes("pool_choice", t.pool_choices);
    for (auto& [pid, text] : t.deprioritised) o << "deprioritised,priorities," << csv_cell(pid) << ",,,,,,,,,," << csv_cell(text) << "\n";
    for (auto& [b, texts] : t.notes)
        for (auto& text : texts) o << "note," << csv_cell(b) << ",,,,,,,,,,," << csv_cell(text) << "\n";
    for (auto& e : t.pool_exceptions) o << "pool_exception,pounds,,,,,,,,,,," << csv_cell(e) << "\n";
    return o.str();
}

json tally_json(const Tally& t) {
    json ratings = json::object();
    for (auto& [id, s] : t.ratings)
        ratings[id] = {{"n", s.n}, {"mean", s.mean}, {"sd", s.sd}, {"counts", {s.counts[0], s.counts[1], s.counts[2], s.counts[3]}}};
    json dep = json::array();
    for (auto& [p, text] : t.deprioritised) dep.push_back({{"participant", p}, {"text", text}});
    return {{"format", "joinedup-tally"},
            {"files", t.files},
            {"counted", t.counted},
            {"skipped", t.skipped},
            {"warnings", t.warnings},
            {"duplicates", t.duplicates},
            {"ratings", ratings},
            {"enablers", t.enablers},
            {"commitments", t.commitments},
            {"priorities", t.priorities},
            {"priorities_not_counted", t.priorities_not_counted},
            {"pool_choices", t.pool_choices},
            {"deprioritised", dep},
            {"notes", t.notes},
            {"pool_exceptions", t.pool_exceptions}};
}

}  // namespace jup
