#include "core/search.hpp"

#include <algorithm>

namespace jup {

std::string fold(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        unsigned char ch = (unsigned char)s[i];
        // U+2018/2019 (’ ‘) -> ', U+201C/201D -> ", U+2013/2014 -> -, U+00A0 -> space
        if (ch == 0xE2 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80) {
            unsigned char t = (unsigned char)s[i + 2];
            if (t == 0x98 || t == 0x99) { out += '\''; i += 2; continue; }
            if (t == 0x9C || t == 0x9D) { out += '"'; i += 2; continue; }
            if (t == 0x93 || t == 0x94) { out += '-'; i += 2; continue; }
        }
        if (ch == 0xC2 && i + 1 < s.size() && (unsigned char)s[i + 1] == 0xA0) { out += ' '; ++i; continue; }
        out += (ch >= 'A' && ch <= 'Z') ? char(ch - 'A' + 'a') : char(ch);
    }
    return out;
}

namespace {

std::vector<std::string> words_of(const std::string& folded) {
    std::vector<std::string> w;
    std::string cur;
    for (char ch : folded) {
        if (ch == ' ' || ch == '\t' || ch == '\n') {
            if (!cur.empty()) w.push_back(cur), cur.clear();
        } else cur += ch;
    }
    if (!cur.empty()) w.push_back(cur);
    return w;
}

// A window of text around byte offset `at`, on UTF-8 boundaries, with ellipses where cut.
std::string cut(const std::string& text, size_t at, size_t before = 50, size_t total = 160) {
    size_t b = at > before ? at - before : 0;
    while (b > 0 && ((unsigned char)text[b] & 0xC0) == 0x80) --b;
    size_t e = std::min(text.size(), b + total);
    while (e < text.size() && ((unsigned char)text[e] & 0xC0) == 0x80) ++e;
    return (b > 0 ? "..." : "") + text.substr(b, e - b) + (e < text.size() ? "..." : "");
}

struct Builder {
    SearchIndex& ix;
    // `shown` replaces the title in the hit without being searched (source lines: the document's
    // title would otherwise make every one of its lines match).
    void consider(const std::string& kind, const std::string& title, const std::string& body, int weight,
                  nlohmann::json actions, const std::string& shown = "") {
        ix.entries.push_back({kind, title, body, shown.empty() ? title : shown, fold(title), fold(body), weight, std::move(actions)});
    }
};

nlohmann::json act(const char* type, const char* key, const std::string& value) {
    return {{"type", type}, {key, value}};
}

}  // namespace

SearchIndex build_search_index(const Content& c) {
    SearchIndex ix;
    Builder s{ix};

    for (const Board& b : c.boards) {
        auto open = nlohmann::json::array({act("open_board", "board", b.id)});
        s.consider("board", b.title, b.question.text, 8, open);
        auto items = [&](const std::vector<Item>& v, const char* what) {
            for (const Item& it : v) s.consider("board item", b.title + ": " + what, it.label.empty() ? it.text : it.label + ". " + it.text, 3, open);
        };
        for (const BarrierGroup& g : b.barrier_groups) items(g.barriers, "barrier");
        items(b.enablers, "enabler");
        items(b.tradeoffs, "trade-off");
        items(b.commitments, "commitment");
        items(b.options, "option");
        items(b.quotes, "quote");
        items(b.evidence, "evidence");
    }
    for (const CaseStudy& cs : c.case_studies) {
        std::string body = cs.summary.text;
        for (const Item& it : cs.what_was_done) body += " " + it.text;
        for (const Item& it : cs.lessons) body += " " + it.text;
        for (const std::string& p : cs.partners) body += " " + p;
        s.consider("case study", cs.title, body, 6,
                   nlohmann::json::array({act("set_view", "view", "map"), act("select_case_study", "case_study", cs.id)}));
    }
    for (const Place& p : c.places)
        s.consider("place", p.name, p.kind + (p.ics.empty() ? "" : ", " + p.ics), 5,
                   nlohmann::json::array({act("set_view", "view", "map"), act("select_place", "place", p.id)}));
    for (const Term& t : c.terms) {
        std::string title = t.term + (t.expansion.empty() || t.expansion == t.term ? "" : " (" + t.expansion + ")");
        std::string body = t.definition;
        for (const std::string& a : t.aliases) body += " " + a;
        nlohmann::json open = nlohmann::json::array();
        if (!t.source.doc.empty()) open.push_back({{"type", "show_source"}, {"doc", t.source.doc}, {"line", t.source.from}});
        s.consider("glossary", title, body, 7, open);
    }
    // Source lines last and cheapest: many will match, and they rank below everything named.
    for (const Document& d : c.documents)
        for (size_t i = 0; i < d.lines.size(); ++i)
            s.consider("source", "", d.lines[i], 0,
                       nlohmann::json::array({{{"type", "show_source"}, {"doc", d.id}, {"line", (int)i + 1}}}),
                       d.title + ", line " + std::to_string(i + 1));

    return ix;
}

std::vector<SearchHit> search(const SearchIndex& ix, const std::string& query, size_t limit) {
    const std::vector<std::string> words = words_of(fold(query));
    std::vector<SearchHit> hits;
    if (words.empty()) return hits;
    for (const SearchIndex::Entry& e : ix.entries) {
        // Every word in title or body? Then a hit, scored by where the words were found.
        int score = e.weight;
        size_t first = std::string::npos;
        bool all = true;
        for (const auto& w : words) {
            size_t in_title = e.ftitle.find(w);
            if (in_title != std::string::npos) {
                score += 10 + (in_title == 0 ? 5 : 0);
                continue;
            }
            size_t in_body = e.fbody.find(w);
            if (in_body == std::string::npos) { all = false; break; }
            first = std::min(first, in_body), score += 1;
        }
        if (!all) continue;
        if (words.size() == 1 && e.ftitle == words.front()) score += 20;  // the exact name
        SearchHit h;
        h.kind = e.kind;
        h.title = e.shown;
        // fold() keeps byte offsets for ASCII; for other text the snippet's window is approximate.
        h.snippet = first == std::string::npos ? (e.body.size() > 160 ? cut(e.body, 0) : e.body) : cut(e.body, std::min(first, e.body.size()));
        h.score = score;
        h.actions = e.actions;
        hits.push_back(std::move(h));
    }
    std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& a, const SearchHit& b) { return a.score > b.score; });
    if (hits.size() > limit) hits.resize(limit);
    return hits;
}

std::vector<SearchHit> search(const Content& c, const std::string& query, size_t limit) {
    return search(build_search_index(c), query, limit);
}

}  // namespace jup
