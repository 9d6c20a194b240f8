#include "core/content.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <functional>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "core/json_in.hpp"
#include "core/vocab.hpp"

namespace jup {

bool has_flag(const std::vector<Flag>& flags, const char* kind) {
    for (auto& f : flags)
        if (f.kind == kind) return true;
    return false;
}

bool is_local_authority(const Place& p) { return p.kind == "borough" || p.kind == "city"; }

using json = nlohmann::json;

static const size_t kMaxFileBytes = 16u << 20;  // a content file larger than this is refused
static const int kMaxDepth = kMaxJsonDepth;

std::string Issue::str() const {
    return file + ": " + (pointer.empty() ? "/" : pointer) + ": " + (warning ? "warning: " : "") + message;
}

int LoadResult::errors() const {
    int n = 0;
    for (auto& i : issues) n += !i.warning;
    return n;
}
int LoadResult::warnings() const { return (int)issues.size() - errors(); }

bool DirReader::read(const std::string& relpath, std::string& out) const {
    std::ifstream f(dir + "/" + relpath, std::ios::binary | std::ios::ate);
    if (!f) return false;
    std::streamoff n = f.tellg();
    if (n < 0) return false;
    out.assign((size_t)n, '\0');  // one read of the known size: no stream copy of a large file
    f.seekg(0);
    return (bool)f.read(out.data(), n) || n == 0;
}

bool MemReader::read(const std::string& relpath, std::string& out) const {
    auto it = files.find(relpath);
    if (it == files.end()) return false;
    out = it->second;
    return true;
}

const MoneyRow* MoneyTable::row(const std::string& rid) const {
    for (auto& r : rows)
        if (r.id == rid) return &r;
    return nullptr;
}

template <class T>
static const T* find_by_id(const std::vector<T>& v, const std::string& id) {
    for (auto& x : v)
        if (x.id == id) return &x;
    return nullptr;
}
const Figure* Money::figure(const std::string& id) const {
    const Figure* f = find_by_id(figures, id);
    return f ? f : find_by_id(claims, id);
}
const Document* Content::document(const std::string& id) const { return find_by_id(documents, id); }
const Board* Content::board(const std::string& id) const { return find_by_id(boards, id); }
const Board* Content::choice_board(const std::string& kind) const {
    for (auto& b : boards)
        if (b.choice.kind == kind) return &b;
    return nullptr;
}
const CaseStudy* Content::case_study(const std::string& id) const { return find_by_id(case_studies, id); }
bool CaseStudy::has_theme(const std::string& board) const {
    for (auto& t : themes)
        if (t.board == board) return true;
    return false;
}
const Place* Content::place(const std::string& id) const { return find_by_id(places, id); }
const Term* Content::term(const std::string& id) const { return find_by_id(terms, id); }

// ---- whitespace collapsing, Unicode-aware (matches Python's \s for the spaces seen in text) ----

static size_t space_len(const std::string& s, size_t i) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (c >= 0x1c && c <= 0x1f) return 1;
    if (c == 0xC2 && i + 1 < s.size()) {
        unsigned char d = (unsigned char)s[i + 1];
        if (d == 0xA0 || d == 0x85) return 2;
    }
    if (c == 0xE2 && i + 2 < s.size()) {
        unsigned char d = (unsigned char)s[i + 1], e = (unsigned char)s[i + 2];
        if (d == 0x80 && ((e >= 0x80 && e <= 0x8A) || e == 0xA8 || e == 0xA9 || e == 0xAF)) return 3;
        if (d == 0x81 && e == 0x9F) return 3;
    }
    if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) return 3;
    if (c == 0xE1 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x9A && (unsigned char)s[i + 2] == 0x80) return 3;
    return 0;
}

std::string collapse_ws(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    bool pending = false;
    for (size_t i = 0; i < s.size();) {
        size_t n = space_len(s, i);
        if (n) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

bool quote_in_lines(const Document& doc, int from, int to, const std::string& quote) {
    if (from < 1 || to < from || to > (int)doc.lines.size()) return false;
    std::string hay;
    for (int i = from; i <= to; ++i) {
        hay += doc.lines[i - 1];
        hay += ' ';
    }
    std::string q = collapse_ws(quote);
    return !q.empty() && collapse_ws(hay).find(q) != std::string::npos;
}

// ---- the loader ---------------------------------------------------------------------------

namespace {

std::string clip(const std::string& s, size_t n = 70) {
    if (s.size() <= n) return s;
    size_t k = n;
    while (k > 0 && ((unsigned char)s[k] & 0xC0) == 0x80) --k;  // do not cut inside a UTF-8 sequence
    return s.substr(0, k) + "...";
}

// Replaces bytes that are not valid UTF-8 so that messages can always be printed and shown.
std::string printable(const std::string& s) {
    std::string o;
    for (size_t i = 0; i < s.size();) {
        unsigned char c = (unsigned char)s[i];
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        bool ok = n && i + n <= s.size();
        for (size_t k = 1; ok && k < n; ++k) ok = ((unsigned char)s[i + k] >> 6) == 2;
        if (ok) o.append(s, i, n), i += n;
        else o += "\xEF\xBF\xBD", ++i;  // U+FFFD
    }
    return o;
}

bool fits_int(const json& v) {
    if (v.is_number_unsigned()) return v.get<unsigned long long>() <= 2147483647ull;
    if (v.is_number_integer()) {
        long long x = v.get<long long>();
        return x >= -2147483647ll && x <= 2147483647ll;
    }
    return false;
}

struct Ref {
    std::string file, ptr, kind, id;
};

struct Loader {
    const FileReader& reader;
    LoadResult& res;
    std::string file;
    std::map<std::string, std::string> ids;  // id -> "file ptr" of first use
    std::set<std::string> unreadable;          // files that could not be parsed at all
    std::vector<Ref> refs;
    std::set<std::string> place_ids, ics_ids, board_ids, case_ids, term_ids, org_ids, ws_ids, claim_ids, figure_ids, row_ids;

    Loader(const FileReader& r, LoadResult& out) : reader(r), res(out) {}
    Content& c() { return res.content; }

    void err(const std::string& ptr, const std::string& msg) { res.issues.push_back({file, ptr, msg, false}); }
    void warn(const std::string& ptr, const std::string& msg) { res.issues.push_back({file, ptr, msg, true}); }

    bool parse_file(const std::string& name, json& out, bool required = true) {
        bool ok = parse_file_raw(name, out, required);
        if (!ok) unreadable.insert(name);
        return ok;
    }

    bool parse_file_raw(const std::string& name, json& out, bool required) {
        file = name;
        std::string text;
        if (!reader.read(name, text)) {
            if (required) err("", "file not found");
            return false;
        }
        if (text.size() > kMaxFileBytes) {
            err("", "file is " + std::to_string(text.size() >> 20) + " MB; the limit is 16 MB");
            return false;
        }
        std::string why;
        std::vector<std::string> dups;
        if (!parse_json(text, out, why, &dups, kMaxDepth)) {
            err("", printable(why));
            return false;
        }
        for (auto& d : dups) {
            auto colon = d.find(": ");
            warn(d.substr(0, colon), printable(d.substr(colon + 2)));
        }
        if (!out.is_object()) {
            err("", "expected a JSON object at the top level, got " + json_type_name(out));
            return false;
        }
        return true;
    }

    // -- typed field access; each records an error and returns a default when the field is wrong

    const json* field(const json& o, const char* key, const std::string& ptr, bool required) {
        if (!o.is_object()) return nullptr;
        auto it = o.find(key);
        if (it == o.end()) {
            if (required) err(ptr, std::string("missing required field \"") + key + "\"");
            return nullptr;
        }
        return &*it;
    }

    std::string str(const json& o, const char* key, const std::string& ptr, bool required = true) {
        const json* v = field(o, key, ptr, required);
        if (!v || (v->is_null() && !required)) return {};
        if (!v->is_string()) {
            err(ptr + "/" + pointer_escape(key), "expected text, got " + json_type_name(*v));
            return {};
        }
        std::string s = v->get<std::string>();
        if (required && collapse_ws(s).empty()) err(ptr + "/" + pointer_escape(key), "must not be empty");
        return s;
    }

    std::optional<double> num(const json& o, const char* key, const std::string& ptr, bool required = false) {
        const json* v = field(o, key, ptr, required);
        if (!v || v->is_null()) return std::nullopt;
        if (!v->is_number()) {
            err(ptr + "/" + pointer_escape(key), "expected a number or null, got " + json_type_name(*v));
            return std::nullopt;
        }
        double d = v->get<double>();
        if (!std::isfinite(d)) {
            err(ptr + "/" + pointer_escape(key), "number out of range");
            return std::nullopt;
        }
        return d;
    }

    int integer(const json& o, const char* key, const std::string& ptr, bool required = true) {
        const json* v = field(o, key, ptr, required);
        if (!v) return 0;
        if (!v->is_number_integer()) {
            err(ptr + "/" + pointer_escape(key), "expected a whole number, got " + json_type_name(*v));
            return 0;
        }
        if (!fits_int(*v)) {
            err(ptr + "/" + pointer_escape(key), "number out of range");
            return 0;
        }
        return v->get<int>();
    }

    const json* arr(const json& o, const char* key, const std::string& ptr, bool required = true) {
        const json* v = field(o, key, ptr, required);
        if (!v) return nullptr;
        if (!v->is_array()) {
            err(ptr + "/" + pointer_escape(key), "expected a list, got " + json_type_name(*v));
            return nullptr;
        }
        return v;
    }

    bool obj(const json& v, const std::string& ptr) {
        if (v.is_object()) return true;
        err(ptr, "expected an object, got " + json_type_name(v));
        return false;
    }

    std::vector<std::string> strlist(const json& o, const char* key, const std::string& ptr, const char* refkind = nullptr) {
        std::vector<std::string> out;
        const json* a = arr(o, key, ptr, false);
        if (!a) return out;
        for (size_t i = 0; i < a->size(); ++i) {
            std::string p = ptr + "/" + pointer_escape(key) + "/" + std::to_string(i);
            if (!(*a)[i].is_string()) {
                err(p, "expected text, got " + json_type_name((*a)[i]));
                continue;
            }
            out.push_back((*a)[i].get<std::string>());
            if (refkind) refs.push_back({file, p, refkind, out.back()});
        }
        return out;
    }

    void ref(const std::string& ptr, const char* kind, const std::string& id) {
        if (!id.empty()) refs.push_back({file, ptr, kind, id});
    }

    std::string id(const json& o, const std::string& ptr) {
        std::string s = str(o, "id", ptr);
        if (s.empty()) return s;
        for (char ch : s) {
            bool okc = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '.' || ch == '-' || ch == '_';
            if (!okc) {
                err(ptr + "/id", "id \"" + clip(s) + "\" may hold only letters, digits, '.', '-' and '_'");
                break;
            }
        }
        auto [it, fresh] = ids.emplace(s, file + " " + ptr);
        if (!fresh) err(ptr + "/id", "duplicate id \"" + s + "\" (first used at " + it->second + ")");
        return s;
    }

    // Ids of organisations and workstreams live in their own namespaces (an organisation
    // "ccg" and the glossary term "ccg" are different things): unique within their list only.
    std::string local_id(const json& o, const std::string& ptr, std::set<std::string>& seen) {
        std::string s = str(o, "id", ptr);
        if (!s.empty() && !seen.insert(s).second) err(ptr + "/id", "duplicate id \"" + s + "\"");
        return s;
    }

    void one_of(const std::string& v, const std::vector<std::string>& allowed, const std::string& ptr) {
        if (v.empty()) return;
        std::string list;
        for (auto& a : allowed) {
            if (v == a) return;
            list += (list.empty() ? "" : ", ") + a;
        }
        err(ptr, "\"" + clip(v) + "\" is not one of: " + list);
    }

    void one_of_entries(const std::string& v, const std::vector<vocab::Entry>& allowed, const std::string& ptr) {
        std::vector<std::string> ids;
        for (auto& a : allowed) ids.push_back(a.id);
        one_of(v, ids, ptr);
    }

    void check_date(const std::string& d, const std::string& ptr) {
        bool ok = d.size() == 4 || d.size() == 7 || d.size() == 10;
        for (size_t i = 0; i < d.size() && ok; ++i) ok = (i == 4 || i == 7) ? d[i] == '-' : (d[i] >= '0' && d[i] <= '9');
        if (!d.empty() && !ok) err(ptr, "expected YYYY, YYYY-MM or YYYY-MM-DD");
    }

    std::vector<Flag> flags(const json& o, const std::string& ptr) {
        std::vector<Flag> out;
        const json* a = arr(o, "flags", ptr, false);
        if (!a) return out;
        for (size_t i = 0; i < a->size(); ++i) {
            std::string p = ptr + "/flags/" + std::to_string(i);
            if (!obj((*a)[i], p)) continue;
            Flag f{str((*a)[i], "kind", p), str((*a)[i], "note", p)};
            if (!f.kind.empty() && !vocab::flag_kind(f.kind)) err(p + "/kind", "unknown flag kind \"" + clip(f.kind) + "\"");
            out.push_back(f);
        }
        return out;
    }


    Source source_at(const json& s, const std::string& p) {
        Source out;
        if (!obj(s, p)) return out;
        out.doc = str(s, "doc", p);
        out.quote = str(s, "quote", p);
        const json* lines = arr(s, "lines", p);
        bool lines_ok = false;
        if (lines) {
            if (lines->size() != 2 || !fits_int((*lines)[0]) || !fits_int((*lines)[1])) {
                err(p + "/lines", "expected [from, to], two line numbers");
            } else {
                out.from = (*lines)[0].get<int>();
                out.to = (*lines)[1].get<int>();
                lines_ok = true;
            }
        }
        if (out.doc.empty()) return out;
        const Document* d = c().document(out.doc);
        if (!d) {
            err(p + "/doc", "unknown document \"" + clip(out.doc) + "\"");
            return out;
        }
        if (!lines_ok) return out;  // already reported
        if (d->lines.empty()) return out;  // its text is missing: reported once, at the document
        if (out.from < 1 || out.to < out.from || out.to > (int)d->lines.size()) {
            err(p + "/lines", "lines " + std::to_string(out.from) + "-" + std::to_string(out.to) + " are outside document " +
                                  out.doc + " (1-" + std::to_string(d->lines.size()) + ")");
        } else if (!out.quote.empty() && !quote_in_lines(*d, out.from, out.to, out.quote)) {
            err(p + "/quote", "quote not found in document " + out.doc + " lines " + std::to_string(out.from) + "-" +
                                  std::to_string(out.to) + ": \"" + clip(out.quote) + "\"");
        }
        return out;
    }

    // The item's `source`, plus any `sources`, checked. Returns the first.
    Source source(const json& o, const std::string& ptr, bool required, const std::vector<Flag>* fl = nullptr) {
        Source out;
        const json* s = field(o, "source", ptr, false);
        if (s && !s->is_null()) out = source_at(*s, ptr + "/source");
        else if (required && !(fl && (has_flag(*fl, "outside-knowledge") || has_flag(*fl, "derived") || has_flag(*fl, "not-named"))))
            err(ptr, "missing \"source\" (every item needs one, or an outside-knowledge or derived flag)");
        if (const json* more = arr(o, "sources", ptr, false))
            for (size_t i = 0; i < more->size(); ++i) source_at((*more)[i], ptr + "/sources/" + std::to_string(i));
        return out;
    }

    Item item(const json& o, const std::string& ptr, bool need_id = true) {
        Item it;
        if (!obj(o, ptr)) return it;
        if (need_id) it.id = id(o, ptr);
        it.label = str(o, "label", ptr, false);
        it.text = str(o, "text", ptr, false);
        it.kind = str(o, "kind", ptr, false);
        it.speaker = str(o, "speaker", ptr, false);
        it.doc = str(o, "doc", ptr, false);
        if (!it.doc.empty() && !c().document(it.doc)) err(ptr + "/doc", "unknown document \"" + clip(it.doc) + "\"");
        it.flags = flags(o, ptr);
        it.source = source(o, ptr, true, &it.flags);
        if (it.text.empty()) it.text = it.source.quote;
        if (it.label.empty() && it.text.empty()) err(ptr, "needs a \"label\" or a \"text\"");
        return it;
    }

    std::vector<Item> items(const json& o, const char* key, const std::string& ptr, bool required = false) {
        std::vector<Item> out;
        const json* a = arr(o, key, ptr, required);
        if (!a) return out;
        for (size_t i = 0; i < a->size(); ++i) out.push_back(item((*a)[i], ptr + "/" + key + "/" + std::to_string(i)));
        return out;
    }

    template <class F>
    void each(const json& root, const char* key, const std::string& ptr, F f, bool required = true) {
        const json* a = arr(root, key, ptr, required);
        if (!a) return;
        for (size_t i = 0; i < a->size(); ++i) {
            std::string p = ptr + "/" + key + "/" + std::to_string(i);
            if (obj((*a)[i], p)) f((*a)[i], p);
        }
    }

    // ---- files ---------------------------------------------------------------------------

    void documents() {
        json root;
        if (!parse_file("documents.json", root)) return;
        each(root, "documents", "", [&](const json& o, const std::string& p) {
            Document d;
            d.id = id(o, p);
            d.file = str(o, "file", p);
            d.title = str(o, "title", p);
            d.kind = str(o, "kind", p);
            d.date = str(o, "date", p, false);
            d.date_basis = str(o, "date_basis", p, false);
            one_of_entries(d.kind, vocab::document_kinds(), p + "/kind");
            one_of(d.date_basis, {"stated", "inferred"}, p + "/date_basis");
            check_date(d.date, p + "/date");
            d.producer = str(o, "producer", p, false);
            d.summary = str(o, "summary", p, false);
            d.line_count = integer(o, "line_count", p);
            d.flags = flags(o, p);
            if (!d.file.empty()) {
                std::string text;
                if (d.file.find("..") != std::string::npos || d.file[0] == '/') {
                    err(p + "/file", "must be a path inside the content folder");
                } else if (!reader.read(d.file, text)) {
                    err(p + "/file", "document text \"" + d.file + "\" not found");
                } else {
                    size_t start = 0;
                    for (;;) {
                        size_t nl = text.find('\n', start);
                        d.lines.push_back(text.substr(start, nl == std::string::npos ? std::string::npos : nl - start));
                        if (nl == std::string::npos) break;
                        start = nl + 1;
                    }
                    if (d.line_count && d.line_count != (int)d.lines.size())
                        err(p + "/line_count", "says " + std::to_string(d.line_count) + " lines; \"" + d.file + "\" has " +
                                                   std::to_string(d.lines.size()));
                }
            }
            c().documents.push_back(std::move(d));
        });
        // Sources inside documents.json point at documents: check them now that all are read.
        size_t k = 0;
        each(root, "documents", "", [&](const json& o, const std::string& p) {
            Document& d = c().documents[k++];
            d.source = source(o, p, false, &d.flags);
        }, false);
    }

    // A term or alias names one entry only: the chips, the <abbr>s and search must know which
    // entry "VCS" means. form -> {term id, JSON pointer where it was first given}.
    std::map<std::string, std::pair<std::string, std::string>> term_forms;
    void claim_form(const std::string& form, const std::string& term, const std::string& ptr) {
        if (form.empty()) return;
        auto [it, fresh] = term_forms.emplace(form, std::make_pair(term, ptr));
        if (!fresh && it->second.first != term)
            err(ptr, "\"" + clip(form) + "\" already names term \"" + clip(it->second.first) + "\" (at " + it->second.second +
                         "); a term or alias may name one entry only");
    }

    void glossary() {
        json root;
        if (!parse_file("glossary.json", root)) return;
        each(root, "terms", "", [&](const json& o, const std::string& p) {
            Term t;
            t.id = id(o, p);
            term_ids.insert(t.id);
            t.term = str(o, "term", p);
            t.expansion = str(o, "expansion", p, false);
            t.definition = str(o, "definition", p, false);
            t.aliases = strlist(o, "aliases", p);
            claim_form(t.term, t.id, p + "/term");
            if (auto it = o.find("aliases"); it != o.end() && it->is_array())
                for (size_t i = 0; i < it->size(); ++i)
                    if ((*it)[i].is_string()) claim_form((*it)[i].get<std::string>(), t.id, p + "/aliases/" + std::to_string(i));
            t.flags = flags(o, p);
            t.source = source(o, p, true, &t.flags);
            if (t.expansion.empty() && t.definition.empty()) err(p, "a term needs an \"expansion\" or a \"definition\"");
            c().terms.push_back(std::move(t));
        });
    }

    json places_root;  // kept for close_ups(), which needs the case studies read first

    void places() {
        json& root = places_root;
        if (!parse_file("places.json", root)) return;
        each(root, "icss", "", [&](const json& o, const std::string& p) {
            Ics i;
            i.id = id(o, p);
            place_ids.insert(i.id);
            ics_ids.insert(i.id);
            i.name = str(o, "name", p);
            auto fl = flags(o, p);
            i.source = source(o, p, true, &fl);
            c().icss.push_back(std::move(i));
        });
        static const std::set<std::string> kinds = {"borough", "city", "neighbourhood", "hospital", "site", "region"};
        std::map<std::string, std::vector<std::string>> parent;  // for loops of "parent"
        std::vector<std::pair<std::string, std::string>> at;
        each(root, "places", "", [&](const json& o, const std::string& p) {
            Place pl;
            pl.id = id(o, p);
            place_ids.insert(pl.id);
            pl.name = str(o, "name", p);
            pl.kind = str(o, "kind", p);
            if (!pl.kind.empty() && !kinds.count(pl.kind)) err(p + "/kind", "unknown place kind \"" + clip(pl.kind) + "\"");
            pl.ics = str(o, "ics", p, false);
            ref(p + "/ics", "ics", pl.ics);
            pl.ics_basis = str(o, "ics_basis", p, false);
            one_of(pl.ics_basis, {"document", "outside-knowledge"}, p + "/ics_basis");
            pl.parent = str(o, "parent", p, false);
            ref(p + "/parent", "place", pl.parent);
            if (!pl.parent.empty()) parent[pl.id] = {pl.parent};
            at.emplace_back(pl.id, p + "/parent");
            strlist(o, "also", p, "place");
            pl.flags = flags(o, p);
            pl.source = source(o, p, true, &pl.flags);
            if (pl.ics_basis == "outside-knowledge" && !has_flag(pl.flags, "outside-knowledge"))
                err(p, "ics_basis is outside-knowledge but the place has no outside-knowledge flag");
            if (is_local_authority(pl) && pl.ics.empty()) err(p, "a local authority area needs its \"ics\"");
            c().places.push_back(std::move(pl));
        });
        report_cycles(parent, at, "a place cannot be inside itself: ", "fix one \"parent\" so that the chain ends at a place with none");
    }

    // Reports every chain of references that comes back to where it started (a place whose
    // parent is itself, a total that is part of its own parts), once per loop, at the first of
    // its members in file order. Later code that follows such chains would never stop.
    void report_cycles(const std::map<std::string, std::vector<std::string>>& next,
                       const std::vector<std::pair<std::string, std::string>>& order,  // id, pointer, in file order
                       const std::string& what, const std::string& fix) {
        std::map<std::string, std::string> at(order.begin(), order.end());
        std::map<std::string, int> state;  // 1 on the current path, 2 done
        std::vector<std::string> path;
        std::function<void(const std::string&)> visit = [&](const std::string& id) {
            state[id] = 1;
            path.push_back(id);
            auto it = next.find(id);
            if (it != next.end())
                for (auto& n : it->second) {
                    if (state[n] == 1) {
                        std::string chain;
                        for (auto k = std::find(path.begin(), path.end(), n); k != path.end(); ++k) chain += clip(*k, 40) + " -> ";
                        auto where = at.find(n);
                        err(where == at.end() ? "" : where->second, what + chain + clip(n, 40) + "; " + fix);
                    } else if (state[n] == 0 && next.count(n) && (int)path.size() < 10000) visit(n);
                }
            path.pop_back();
            state[id] = 2;
        };
        for (auto& [id, ptr] : order)
            if (state[id] == 0) visit(id);
    }

    std::set<std::string> choice_kinds;  // a choice kind is on one board at most

    void board_choice(const json& o, const std::string& p, Board& b) {
        const json* ch = field(o, "choice", p, false);
        if (!ch || !obj(*ch, p + "/choice")) return;
        std::string cp = p + "/choice";
        b.choice.kind = str(*ch, "kind", cp);
        b.choice.reason = str(*ch, "reason", cp, false);
        one_of(b.choice.kind, {"priorities", "pool-by-default"}, cp + "/kind");
        if (!b.choice.kind.empty() && !choice_kinds.insert(b.choice.kind).second)
            err(cp + "/kind", "another board already has the \"" + clip(b.choice.kind) + "\" choice");
        if (!b.choice.kind.empty() && b.options.empty()) err(cp, "a board with a choice needs \"options\" to choose from");
        if (!b.choice.reason.empty()) {
            bool found = false;
            for (auto& cm : b.commitments) found |= cm.id == b.choice.reason;
            if (!found) err(cp + "/reason", "\"" + clip(b.choice.reason) + "\" is not a commitment on this board");
        }
    }

    void boards() {
        json root;
        if (!parse_file("boards.json", root)) return;
        each(root, "boards", "", [&](const json& o, const std::string& p) {
            Board b;
            b.id = id(o, p);
            board_ids.insert(b.id);
            b.p = str(o, "p", p, false);
            b.title = str(o, "title", p);
            b.order = integer(o, "order", p);
            if (const json* q = field(o, "question", p, true)) b.question = item(*q, p + "/question", false);
            if (const json* q = field(o, "opening_quote", p, false)) b.opening_quote = item(*q, p + "/opening_quote", false);
            each(o, "barrier_groups", p, [&](const json& g, const std::string& gp) {
                BarrierGroup bg;
                bg.id = id(g, gp);
                bg.title = str(g, "title", gp);
                bg.barriers = items(g, "barriers", gp, true);
                b.barrier_groups.push_back(std::move(bg));
            });
            b.enablers = items(o, "enablers", p);
            b.tradeoffs = items(o, "tradeoffs", p);
            b.commitments = items(o, "commitments", p);
            b.quotes = items(o, "quotes", p);
            b.options = items(o, "options", p);
            board_choice(o, p, b);
            b.evidence = items(o, "evidence", p);
            for (size_t k = 0; k < b.evidence.size(); ++k)
                one_of(b.evidence[k].kind, {"risk", "test", "freedom", "barrier", "principle", "expectation", "example"},
                       p + "/evidence/" + std::to_string(k) + "/kind");
            b.case_studies = strlist(o, "case_studies", p, "case_study");
            b.places = strlist(o, "places", p, "place");
            b.terms = strlist(o, "terms", p, "term");
            c().boards.push_back(std::move(b));
        });
        std::sort(c().boards.begin(), c().boards.end(), [](const Board& a, const Board& b) { return a.order < b.order; });
    }

    Metric metric(const json& o, const std::string& p) {
        Metric m;
        m.id = id(o, p);
        m.label = str(o, "label", p);
        m.value = num(o, "value", p);
        m.baseline = num(o, "baseline", p);
        m.unit = str(o, "unit", p, false);
        m.date = str(o, "date", p, false);
        m.cited_source = str(o, "cited_source", p, false);
        m.flags = flags(o, p);
        m.source = source(o, p, true, &m.flags);
        return m;
    }

    void case_studies() {
        json root;
        if (!parse_file("case-studies.json", root)) return;
        each(root, "case_studies", "", [&](const json& o, const std::string& p) {
            CaseStudy cs;
            cs.id = id(o, p);
            case_ids.insert(cs.id);
            cs.ref = str(o, "ref", p, false);
            cs.title = str(o, "title", p);
            cs.kind = str(o, "kind", p);
            if (!cs.kind.empty() && !vocab::is_case_kind(cs.kind)) err(p + "/kind", "unknown case-study kind \"" + clip(cs.kind) + "\"");
            cs.doc = str(o, "doc", p);
            if (!cs.doc.empty() && !c().document(cs.doc)) err(p + "/doc", "unknown document \"" + clip(cs.doc) + "\"");
            cs.scale = str(o, "scale", p, false);
            one_of(cs.scale, {"borough", "ics", "london", "neighbourhood", "multi-borough"}, p + "/scale");
            cs.year = integer(o, "year", p, false);
            cs.places = strlist(o, "places", p, "place");
            cs.partners = strlist(o, "partners", p);
            cs.boards = strlist(o, "boards", p, "board");
            if (const json* s = field(o, "summary", p, false)) cs.summary = item(*s, p + "/summary", false);
            for (const char* key : {"what_was_done", "lessons"}) {
                const json* a = arr(o, key, p, false);
                if (!a) continue;
                for (size_t i = 0; i < a->size(); ++i) {
                    Item it = item((*a)[i], p + "/" + key + "/" + std::to_string(i), false);
                    (std::string(key) == "lessons" ? cs.lessons : cs.what_was_done).push_back(std::move(it));
                }
            }
            each(o, "metrics", p, [&](const json& m, const std::string& mp) { cs.metrics.push_back(metric(m, mp)); }, false);
            each(o, "themes", p, [&](const json& t, const std::string& tp) {
                CaseTheme th;
                th.board = str(t, "board", tp);
                ref(tp + "/board", "board", th.board);
                th.basis = str(t, "basis", tp);
                th.note = str(t, "note", tp, false);
                th.flags = flags(t, tp);
                th.source = source(t, tp, th.basis == "text", &th.flags);  // an editorial theme may cite the lines it reads
                if (th.basis == "editorial" && !has_flag(th.flags, "inferred"))
                    err(tp, "an editorial theme needs an inferred flag");
                else if (!th.basis.empty() && th.basis != "editorial" && th.basis != "text") err(tp + "/basis", "expected \"text\" or \"editorial\"");
                cs.themes.push_back(std::move(th));
            }, false);
            cs.flags = flags(o, p);
            cs.source = source(o, p, true, &cs.flags);
            c().case_studies.push_back(std::move(cs));
        });
    }

    MoneyRow row(const json& o, const std::string& p, const std::vector<Column>& cols) {
        MoneyRow r;
        r.id = id(o, p);
        row_ids.insert(r.id);
        r.label = str(o, "label", p);
        r.kind = str(o, "kind", p, false);
        if (r.kind.empty()) r.kind = "line";
        if (r.kind != "line" && r.kind != "subtotal" && r.kind != "total") err(p + "/kind", "expected line, subtotal or total");
        r.fund_type = str(o, "fund_type", p, false);
        if (!r.fund_type.empty() && (r.fund_type == "not-stated" || !vocab::fund_type(r.fund_type))) err(p + "/fund_type", "unknown fund type \"" + clip(r.fund_type) + "\"");
        r.workstream = str(o, "workstream", p, false);
        ref(p + "/workstream", "workstream", r.workstream);
        r.org_split = str(o, "org_split", p, false);
        r.host = str(o, "host", p, false);
        if (field(o, "month", p, false)) r.month = integer(o, "month", p, false);
        r.sum_of = strlist(o, "sum_of", p);
        if (r.kind != "line" && r.sum_of.empty()) err(p, "a " + r.kind + " row needs \"sum_of\"");
        if (const json* v = field(o, "values", p, true)) {
            if (obj(*v, p + "/values")) {
                for (auto it = v->begin(); it != v->end(); ++it) {
                    bool known = false;
                    for (auto& col : cols) known |= col.id == it.key();
                    if (!known) err(p + "/values/" + pointer_escape(it.key()), "no column \"" + clip(it.key()) + "\" in this table");
                    r.values[it.key()] = num(*v, it.key().c_str(), p + "/values");
                }
            }
        }
        r.flags = flags(o, p);
        r.source = source(o, p, true, &r.flags);
        return r;
    }

    MoneyTable table(const json& o, const std::string& p) {
        MoneyTable t;
        t.id = id(o, p);
        t.org = str(o, "org", p, false);
        ref(p + "/org", "org", t.org);
        t.title = str(o, "title", p);
        t.unit = str(o, "unit", p);
        if (!t.unit.empty() && t.unit != "£" && t.unit != "£k" && t.unit != "£m") err(p + "/unit", "expected £, £k or £m");
        t.note = str(o, "note", p, false);
        if (auto tol = num(o, "tolerance", p)) t.tolerance = *tol;
        each(o, "columns", p, [&](const json& col, const std::string& cp) {
            t.columns.push_back({str(col, "id", cp), str(col, "label", cp), str(col, "role", cp, false)});
            one_of(t.columns.back().role, {"part", "total", "received", "net"}, cp + "/role");
        });
        t.sign_convention = str(o, "sign_convention", p, false);
        t.checks_title = str(o, "checks_title", p, false);
        t.checks = strlist(o, "checks", p, "figure");
        if (!t.checks.empty() && t.checks_title.empty()) err(p, "a table with \"checks\" needs a \"checks_title\"");
        std::vector<std::string> rowptr;
        each(o, "rows", p, [&](const json& r, const std::string& rp) {
            t.rows.push_back(row(r, rp, t.columns));
            rowptr.push_back(rp);
        });
        t.flags = flags(o, p);
        t.source = source(o, p, false);
        reconcile(t, rowptr);
        return t;
    }

    // Subtotals and totals must equal the sum of their parts, column by column.
    void reconcile(const MoneyTable& t, const std::vector<std::string>& rowptr) {
        std::map<std::string, std::vector<std::string>> parts_of;
        std::vector<std::pair<std::string, std::string>> at;
        for (size_t i = 0; i < t.rows.size(); ++i) {
            std::vector<std::string> others;
            for (auto& id : t.rows[i].sum_of)
                if (id != t.rows[i].id) others.push_back(id);  // a row listing itself is reported below
            parts_of[t.rows[i].id] = others;
            at.emplace_back(t.rows[i].id, rowptr[i] + "/sum_of");
        }
        report_cycles(parts_of, at, "a row cannot be a part of itself: ", "a total adds up rows below it, never one that contains it");
        for (size_t i = 0; i < t.rows.size(); ++i) {
            const MoneyRow& r = t.rows[i];
            if (r.sum_of.empty()) continue;
            std::vector<const MoneyRow*> parts;
            for (size_t k = 0; k < r.sum_of.size(); ++k) {
                const MoneyRow* part = t.row(r.sum_of[k]);
                bool repeated = std::find(r.sum_of.begin(), r.sum_of.begin() + k, r.sum_of[k]) != r.sum_of.begin() + k;
                if (repeated) err(rowptr[i] + "/sum_of/" + std::to_string(k), "row \"" + clip(r.sum_of[k]) + "\" is listed twice");
                else if (!part) err(rowptr[i] + "/sum_of/" + std::to_string(k), "no row \"" + clip(r.sum_of[k]) + "\" in this table");
                else if (part == &r) err(rowptr[i] + "/sum_of/" + std::to_string(k), "a row cannot be a part of itself");
                else parts.push_back(part);
            }
            bool flagged = has_flag(r.flags, "does-not-reconcile") || has_flag(r.flags, "source-error");
            for (auto& col : t.columns) {
                auto tv = r.values.find(col.id);
                if (tv == r.values.end() || !tv->second) continue;
                double sum = 0;
                bool any = false;
                for (auto* part : parts) {
                    auto pv = part->values.find(col.id);
                    if (pv != part->values.end() && pv->second) sum += *pv->second, any = true;
                }
                if (!any) continue;
                double diff = *tv->second - sum;
                if (std::fabs(diff) > t.tolerance + 1e-9) {
                    char buf[200];
                    std::snprintf(buf, sizeof buf, "parts add up to %.10g, the %s says %.10g (difference %.10g, tolerance %.10g)", sum,
                                  r.kind.c_str(), *tv->second, diff, t.tolerance);
                    if (flagged) warn(rowptr[i] + "/values/" + pointer_escape(col.id), std::string(buf) + "; flagged in the source");
                    else err(rowptr[i] + "/values/" + pointer_escape(col.id), buf);
                }
            }
        }
    }

    Figure figure(const json& o, const std::string& p) {
        Figure f;
        if (!obj(o, p)) return f;
        if (o.contains("id")) f.id = id(o, p);
        f.label = str(o, "label", p, false);
        f.value = num(o, "value", p);
        f.unit = str(o, "unit", p, false);
        f.org = str(o, "org", p, false);
        f.note = str(o, "note", p, false);
        ref(p + "/org", "org", f.org);
        f.conflicts_with = strlist(o, "conflicts_with", p, "claim");
        f.flags = flags(o, p);
        f.source = source(o, p, true, &f.flags);
        return f;
    }

    void check_figures(const json& root) {
        size_t index = 0;
        each(root, "figures", "", [&](const json& o, const std::string& p) {
            Figure* self = index < c().money.figures.size() ? &c().money.figures[index] : nullptr;
            ++index;
            const json* chk = field(o, "check", p, false);
            if (!chk || !obj(*chk, p + "/check")) return;
            std::string op = str(*chk, "op", p + "/check");
            auto of = strlist(*chk, "of", p + "/check");
            double tol = num(*chk, "tolerance", p + "/check").value_or(1);
            if (self && (op == "sum" || op == "product")) self->check = {op, of, tol};
            double acc = op == "product" ? 1 : 0;
            bool complete = true;
            for (size_t k = 0; k < of.size(); ++k) {
                const Figure* f = find_by_id(c().money.figures, of[k]);
                if (!f) {
                    err(p + "/check/of/" + std::to_string(k), "no figure \"" + clip(of[k]) + "\"");
                    complete = false;
                } else if (!f->value) complete = false;
                else acc = op == "product" ? acc * *f->value : acc + *f->value;
            }
            if (op != "sum" && op != "product") {
                err(p + "/check/op", "expected \"sum\" or \"product\"");
                return;
            }
            auto v = num(o, "value", p);
            if (!complete || !v) return;
            if (std::fabs(*v - acc) > tol + 1e-9) {
                char buf[200];
                std::snprintf(buf, sizeof buf, "the %s of its parts is %.10g; the figure says %.10g", op.c_str(), acc, *v);
                auto fl = flags(o, p);
                if (has_flag(fl, "source-error") || has_flag(fl, "does-not-reconcile")) warn(p + "/value", std::string(buf) + "; flagged in the source");
                else err(p + "/value", buf);
            }
        }, false);
    }

    void money() {
        json root;
        if (!parse_file("money.json", root)) return;
        Money& m = c().money;
        each(root, "organisations", "", [&](const json& o, const std::string& p) {
            Organisation org;
            org.id = local_id(o, p, org_ids);
            org.name = str(o, "name", p);
            auto fl = flags(o, p);
            org.source = source(o, p, true, &fl);
            m.organisations.push_back(org);
        });
        each(root, "workstreams", "", [&](const json& o, const std::string& p) {
            Workstream w{local_id(o, p, ws_ids), str(o, "label", p)};
            strlist(o, "aliases", p);
            m.workstreams.push_back(w);
        });
        each(root, "reports", "", [&](const json& o, const std::string& p) {
            Report r;
            r.id = id(o, p);
            r.title = str(o, "title", p);
            r.sign_convention = str(o, "sign_convention", p);
            r.note = str(o, "note", p, false);
            r.area = str(o, "area", p, false);
            if (const json* h = field(o, "headline", p, false); h && obj(*h, p + "/headline")) {
                std::string hp = p + "/headline";
                for (auto it = h->begin(); it != h->end(); ++it)
                    if (it.key() != "annual" && it.key() != "forecast" && it.key() != "variance" && it.key() != "pooled")
                        err(hp + "/" + pointer_escape(it.key()), "\"" + clip(it.key()) + "\" is not one of: annual, forecast, variance, pooled");
                r.headline = {str(*h, "annual", hp, false), str(*h, "forecast", hp, false), str(*h, "variance", hp, false), str(*h, "pooled", hp, false)};
                ref(hp + "/annual", "figure", r.headline.annual);
                ref(hp + "/forecast", "figure", r.headline.forecast);
                ref(hp + "/variance", "figure", r.headline.variance);
                ref(hp + "/pooled", "figure", r.headline.pooled);
            }
            if (const json* per = field(o, "period", p, false); per && obj(*per, p + "/period")) {
                r.fy = str(*per, "fy", p + "/period");
                r.month = integer(*per, "month", p + "/period", false);
            }
            r.source = source(o, p, true);
            if (!r.area.empty() && collapse_ws(r.source.quote).find(collapse_ws(r.area)) == std::string::npos)
                err(p + "/area", "\"" + clip(r.area) + "\" is not in the report's source quote");
            each(o, "tables", p, [&](const json& t, const std::string& tp) { r.tables.push_back(table(t, tp)); });
            m.reports.push_back(std::move(r));
        });
        each(root, "series", "", [&](const json& t, const std::string& tp) { m.series.push_back(table(t, tp)); }, false);
        each(root, "costs", "", [&](const json& t, const std::string& tp) { m.costs.push_back(table(t, tp)); }, false);
        each(root, "figures", "", [&](const json& o, const std::string& p) {
            m.figures.push_back(figure(o, p));
            figure_ids.insert(m.figures.back().id);
        }, false);
        check_figures(root);
        for (size_t i = 0; i < m.costs.size(); ++i)
            for (size_t k = 0; k < m.costs[i].checks.size(); ++k) {
                const Figure* f = find_by_id(m.figures, m.costs[i].checks[k]);
                if (f && f->check.op.empty())
                    err("/costs/" + std::to_string(i) + "/checks/" + std::to_string(k), "figure \"" + clip(f->id) + "\" has no \"check\" to show");
            }
        each(root, "claims", "", [&](const json& o, const std::string& p) {
            m.claims.push_back(figure(o, p));
            const Figure& cl = m.claims.back();
            claim_ids.insert(cl.id);
            for (size_t k = 0; k < cl.conflicts_with.size(); ++k)
                if (cl.conflicts_with[k] == cl.id) err(p + "/conflicts_with/" + std::to_string(k), "a claim cannot conflict with itself");
        }, false);
        each(root, "funds", "", [&](const json& o, const std::string& p) {
            Fund f;
            f.id = id(o, p);
            f.title = str(o, "title", p);
            if (const json* t = field(o, "total", p, true)) f.total = figure(*t, p + "/total");
            if (const json* g = field(o, "growth", p, false)) f.growth = figure(*g, p + "/growth");
            double shares = 0;
            each(o, "parts", p, [&](const json& part, const std::string& pp) {
                FundPart fp;
                fp.id = id(part, pp);
                fp.label = str(part, "label", pp);
                fp.share = num(part, "share", pp);
                if (fp.share && (*fp.share < 0 || *fp.share > 1)) err(pp + "/share", "a share is a fraction between 0 and 1");
                shares += fp.share.value_or(0);
                fp.flags = flags(part, pp);
                fp.source = source(part, pp, !has_flag(fp.flags, "derived"), &fp.flags);
                f.parts.push_back(fp);
            }, false);
            if (shares > 1.0 + 1e-9) err(p + "/parts", "shares add up to more than 100%");
            f.flags = flags(o, p);
            f.source = source(o, p, false);
            m.funds.push_back(std::move(f));
        }, false);
    }

    void timeline() {
        json root;
        if (!parse_file("timeline.json", root)) return;
        each(root, "events", "", [&](const json& o, const std::string& p) {
            Event e;
            e.id = id(o, p);
            e.date = str(o, "date", p);
            check_date(e.date, p + "/date");
            e.label = str(o, "label", p);
            e.date_basis = str(o, "date_basis", p, false);
            e.places = strlist(o, "places", p, "place");
            e.flags = flags(o, p);
            e.source = source(o, p, true, &e.flags);
            c().events.push_back(std::move(e));
        });
        std::stable_sort(c().events.begin(), c().events.end(), [](const Event& a, const Event& b) { return a.date < b.date; });
    }

    // places.json "close_ups": a schematic's spots must be places, inside the unit box, once
    // each; the positions are the editors' own, so the close-up must carry a flag that says so;
    // a case study's marker sits by a spot whose place the case study lists.
    void close_ups() {
        if (!places_root.is_object()) return;
        file = "places.json";
        each(places_root, "close_ups", "", [&](const json& o, const std::string& p) {
            CloseUp cu;
            cu.id = id(o, p);
            cu.title = str(o, "title", p);
            cu.area = str(o, "area", p);
            ref(p + "/area", "place", cu.area);
            if (const json* in = field(o, "intro", p, true)) cu.intro = item(*in, p + "/intro", false);
            cu.flags = flags(o, p);
            std::set<std::string> spotted;
            each(o, "spots", p, [&](const json& sp, const std::string& sp_p) {
                CloseUpSpot s;
                s.place = str(sp, "place", sp_p);
                ref(sp_p + "/place", "place", s.place);
                if (!s.place.empty() && !spotted.insert(s.place).second) err(sp_p + "/place", "place \"" + clip(s.place) + "\" already has a spot");
                const json* at = arr(sp, "at", sp_p);
                if (at && (at->size() != 2 || !(*at)[0].is_number() || !(*at)[1].is_number()))
                    err(sp_p + "/at", "expected [x, y], two numbers");
                else if (at) {
                    s.x = (*at)[0].get<double>(), s.y = (*at)[1].get<double>();
                    if (!(s.x >= 0 && s.x <= 1 && s.y >= 0 && s.y <= 1)) err(sp_p + "/at", "x and y are fractions of the close-up, from 0 to 1");
                }
                cu.spots.push_back(s);
            });
            if (!cu.spots.empty() && !has_flag(cu.flags, "outside-knowledge") && !has_flag(cu.flags, "inferred"))
                err(p, "the spots' positions are the editors' own: add an outside-knowledge or inferred flag that says where they come from");
            each(o, "case_studies", p, [&](const json& k, const std::string& kp) {
                CloseUpCase cc;
                cc.case_study = str(k, "case_study", kp);
                ref(kp + "/case_study", "case_study", cc.case_study);
                cc.label = str(k, "label", kp);
                cc.at = str(k, "at", kp, false);
                if (const json* f = field(k, "figures", kp, false)) {
                    if (f->is_boolean()) cc.figures = f->get<bool>();
                    else err(kp + "/figures", "expected true or false, got " + json_type_name(*f));
                }
                const CaseStudy* cs = c().case_study(cc.case_study);
                if (!cc.at.empty() && !spotted.count(cc.at)) err(kp + "/at", "\"" + clip(cc.at) + "\" has no spot in this close-up");
                else if (!cc.at.empty() && cs && std::find(cs->places.begin(), cs->places.end(), cc.at) == cs->places.end())
                    err(kp + "/at", "case study \"" + clip(cc.case_study) + "\" does not list place \"" + clip(cc.at) + "\"");
                cu.case_studies.push_back(cc);
            }, false);
            c().close_ups.push_back(std::move(cu));
        }, false);
    }

    void resolve_refs() {
        for (auto& r : refs) {
            const std::set<std::string>* set = nullptr;
            const char* what = "";
            if (r.kind == std::string("place")) set = &place_ids, what = "place";
            else if (r.kind == std::string("ics")) set = &ics_ids, what = "ICS";
            else if (r.kind == std::string("board")) set = &board_ids, what = "board";
            else if (r.kind == std::string("case_study")) set = &case_ids, what = "case study";
            else if (r.kind == std::string("term")) set = &term_ids, what = "glossary term";
            else if (r.kind == std::string("org")) set = &org_ids, what = "organisation";
            else if (r.kind == std::string("workstream")) set = &ws_ids, what = "workstream";
            else if (r.kind == std::string("figure")) set = &figure_ids, what = "figure";
            else if (r.kind == std::string("claim")) {
                // a claim may conflict with another claim, a figure or a table row
                if (claim_ids.count(r.id) || figure_ids.count(r.id) || row_ids.count(r.id)) continue;
                set = &claim_ids, what = "claim, figure or table row";
            }
            // A file that could not be read has already been reported; "unknown" for every id it
            // defines would bury that one message under its consequences.
            static const std::map<std::string, std::string> defined_in = {
                {"place", "places.json"}, {"ics", "places.json"}, {"board", "boards.json"}, {"case_study", "case-studies.json"},
                {"term", "glossary.json"}, {"org", "money.json"}, {"workstream", "money.json"}, {"claim", "money.json"}, {"figure", "money.json"}};
            auto d = defined_in.find(r.kind);
            if (d != defined_in.end() && unreadable.count(d->second)) continue;
            if (set && !set->count(r.id)) res.issues.push_back({r.file, r.ptr, std::string("unknown ") + what + " \"" + clip(r.id) + "\"", false});
        }
    }
};

}  // namespace

LoadResult load_content(const FileReader& reader) {
    LoadResult res;
    Loader l(reader, res);
    l.documents();
    l.glossary();
    l.places();
    l.boards();
    l.case_studies();
    l.close_ups();
    l.money();
    l.timeline();
    l.resolve_refs();
    return res;
}

}  // namespace jup
