// "No jargon without a definition": every acronym the app or the text edition shows from the
// bundled pack has a glossary entry, found by the same matcher the chips and <abbr>s use.
#include <catch2/catch.hpp>

#include <map>
#include <tuple>
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/terms.hpp"

namespace {

struct Shown {
    std::string where, text;
};

// Every string from data/ that either edition displays (the seeds' full text aside: that is
// the documents themselves, shown verbatim).
struct Walk {
    std::vector<Shown> out;
    void add(const std::string& where, const std::string& s) {
        if (!s.empty()) out.push_back({where, s});
    }
    void src(const std::string& w, const jup::Source& s) { add(w + " source quote", s.quote); }
    void flags(const std::string& w, const std::vector<jup::Flag>& f) {
        for (auto& x : f) add(w + " flag note", x.note);
    }
    template <class T>
    void origin(const std::string& w, const T& x) {  // x's source quote and flag notes
        src(w, x.source);
        flags(w, x.flags);
    }
    void item(const std::string& w0, const jup::Item& it) {
        std::string w = w0 + " " + it.id;
        add(w + " label", it.label);
        add(w + " text", it.text);
        add(w + " speaker", it.speaker);
        origin(w, it);
    }
    void items(const std::string& w, const std::vector<jup::Item>& v) {
        for (auto& it : v) item(w, it);
    }
    void table(const std::string& w0, const jup::MoneyTable& t) {
        std::string w = "money.json " + t.id;
        add(w + " title", t.title);
        add(w + " note", t.note);
        add(w + " sign convention", t.sign_convention);
        add(w + " checks title", t.checks_title);
        for (auto& c : t.columns) add(w + " column " + c.id, c.label);
        origin(w, t);
        for (auto& r : t.rows) {
            add(w + " row " + r.id + " label", r.label);
            add(w + " row " + r.id + " host", r.host);
            origin(w + " row " + r.id, r);
        }
        (void)w0;
    }
    void figure(const std::string& w, const jup::Figure& f) {
        add(w + " " + f.id + " label", f.label);
        add(w + " " + f.id + " note", f.note);
        origin(w + " " + f.id, f);
    }

    explicit Walk(const jup::Content& c) {
        for (auto& d : c.documents) {
            std::string w = "documents.json " + d.id;
            add(w + " title", d.title);
            add(w + " producer", d.producer);
            add(w + " summary", d.summary);
            origin(w, d);
        }
        for (auto& b : c.boards) {
            std::string w = "boards.json " + b.id;
            add(w + " title", b.title);
            add(w + " P", b.p);
            item(w, b.question);
            item(w, b.opening_quote);
            for (auto& g : b.barrier_groups) {
                add(w + " " + g.id + " title", g.title);
                items(w, g.barriers);
            }
            for (auto* v : {&b.enablers, &b.tradeoffs, &b.commitments, &b.quotes, &b.options, &b.evidence}) items(w, *v);
        }
        for (auto& cs : c.case_studies) {
            std::string w = "case-studies.json " + cs.id;
            add(w + " title", cs.title);
            add(w + " ref", cs.ref);
            add(w + " scale", cs.scale);
            for (auto& p : cs.partners) add(w + " partner", p);
            item(w + " summary", cs.summary);
            items(w + " what was done", cs.what_was_done);
            items(w + " lessons", cs.lessons);
            for (auto& m : cs.metrics) {
                std::string mw = w + " metric " + m.id;
                add(mw + " label", m.label);
                add(mw + " unit", m.unit);
                add(mw + " date", m.date);
                add(mw + " cited source", m.cited_source);
                origin(mw, m);
            }
            for (auto& t : cs.themes) {
                add(w + " theme " + t.board + " note", t.note);
                origin(w + " theme " + t.board, t);
            }
            origin(w, cs);
        }
        for (auto& i : c.icss) {
            add("places.json ICS " + i.id + " name", i.name);
            src("places.json ICS " + i.id, i.source);
        }
        for (auto& p : c.places) {
            add("places.json " + p.id + " name", p.name);
            origin("places.json " + p.id, p);
        }
        for (auto& cu : c.close_ups) {
            add("places.json " + cu.id + " title", cu.title);
            item("places.json " + cu.id + " intro", cu.intro);
            flags("places.json " + cu.id, cu.flags);
            for (auto& k : cu.case_studies) add("places.json " + cu.id + " case study label", k.label);
        }
        const jup::Money& m = c.money;
        for (auto& r : m.reports) {
            std::string w = "money.json " + r.id;
            add(w + " title", r.title);
            add(w + " area", r.area);
            add(w + " note", r.note);
            add(w + " sign convention", r.sign_convention);
            src(w, r.source);
            for (auto& t : r.tables) table(w, t);
        }
        for (auto& o : m.organisations) {
            add("money.json organisation " + o.id + " name", o.name);
            src("money.json organisation " + o.id, o.source);
        }
        for (auto& ws : m.workstreams) add("money.json workstream " + ws.id, ws.label);
        for (auto* v : {&m.series, &m.costs})
            for (auto& t : *v) table("", t);
        for (auto& f : m.figures) figure("money.json figure", f);
        for (auto& f : m.claims) figure("money.json claim", f);
        for (auto& f : m.funds) {
            std::string w = "money.json fund " + f.id;
            add(w + " title", f.title);
            figure(w + " total", f.total);
            figure(w + " growth", f.growth);
            for (auto& p : f.parts) {
                add(w + " part " + p.id + " label", p.label);
                origin(w + " part " + p.id, p);
            }
            origin(w, f);
        }
        for (auto& t : c.terms) {
            std::string w = "glossary.json " + t.id;
            add(w + " expansion", t.expansion);
            add(w + " definition", t.definition);
            origin(w, t);
        }
        for (auto& e : c.events) {
            add("timeline.json " + e.id + " label", e.label);
            origin("timeline.json " + e.id, e);
        }
    }
};

// Not acronyms, so no entry: words the source shouts in capitals, and its document codes.
const std::set<std::string> kNotAcronyms = {
    "TOTAL", "SURPLUS", "DEFICIT", "RISKS", "MITIGATION", "DRAFT", "APPROVE", "OR",  // shouted words
    "CS1", "CS2", "CS3", "CS4", "CS5", "CS6", "CS7",                           // case study numbers
};

bool letter_or_digit(char ch) { return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '&'; }

// Acronym-like tokens: runs of ASCII letters, digits and "&" (so "HUH/CHCMH" and "COVID-19" are
// two tokens each) with at least two capitals making up at least half the letters, a final
// plural "s" aside: "NCL", "A&E", "iBCF", "DToC", "PbR", "ICSs", but not "McClinton" or "UK's"
// own "s".
struct Token {
    size_t pos, len, stem;  // stem: len less a plural "s"
};
std::vector<Token> acronyms(const std::string& text) {
    std::vector<Token> out;
    for (size_t i = 0; i < text.size();) {
        if (!letter_or_digit(text[i])) {
            ++i;
            continue;
        }
        size_t j = i;
        while (j < text.size() && letter_or_digit(text[j])) ++j;
        std::string w = text.substr(i, j - i);
        std::string stem = w.size() > 2 && w.back() == 's' ? w.substr(0, w.size() - 1) : w;
        int caps = 0, letters = 0;
        for (char ch : stem) {
            caps += ch >= 'A' && ch <= 'Z';
            letters += (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z');
        }
        if (caps >= 2 && caps * 2 >= letters && !kNotAcronyms.count(stem)) out.push_back({i, j - i, stem.size()});
        i = j;
    }
    return out;
}

const jup::Content& bundled() {
    static const jup::LoadResult r = [] {
        jup::DirReader reader(JOINEDUP_DATA_DIR);
        return jup::load_content(reader);
    }();
    return r.content;
}

}  // namespace

TEST_CASE("acronym-like tokens are found as the glossary test means them", "[glossary]") {
    auto words = [](const std::string& t) {
        std::vector<std::string> o;
        for (auto& a : acronyms(t)) o.push_back(t.substr(a.pos, a.len));
        return o;
    };
    CHECK(words("The NCL ICSs, A&E and iBCF; HUH/CHCMH and COVID-19.") ==
          std::vector<std::string>{"NCL", "ICSs", "A&E", "iBCF", "HUH", "CHCMH", "COVID"});
    CHECK(words("McClinton said TOTAL in CS3, a UK first.") == std::vector<std::string>{"UK"});
}

TEST_CASE("every acronym in the pack's displayed text has a glossary entry", "[glossary]") {
    const jup::Content& c = bundled();
    REQUIRE(!c.terms.empty());
    auto forms = jup::glossary_forms(c);
    std::map<std::string, std::vector<std::string>> missing;  // acronym -> where it is shown
    size_t seen = 0;
    for (const Shown& s : Walk(c).out) {
        auto matches = jup::term_matches(forms, s.text);
        for (auto& a : acronyms(s.text)) {
            ++seen;
            bool covered = false;
            for (auto& m : matches) covered = covered || (m.pos <= a.pos && a.pos + a.stem <= m.pos + m.len);
            if (!covered) missing[s.text.substr(a.pos, a.stem)].push_back(s.where);
        }
    }
    CHECK(seen > 1000);  // the walk reached the pack's text
    std::string report;
    for (auto& [word, where] : missing) {
        report += word + " (" + std::to_string(where.size()) + "): " + where[0];
        if (where.size() > 1) report += "; " + where[1];
        report += "\n";
    }
    INFO("acronyms with no glossary entry (add one to data/glossary.json):\n" << report);
    CHECK(missing.empty());
}

namespace {
jup::Content two_terms() {
    jup::Content c;
    for (auto [id, term, exp] : {std::tuple{"huh", "HUH", "Homerton University Hospital"}, {"chcmh", "CHCMH", "City and Hackney Centre for Mental Health"},
                                 {"bcf", "BCF", "Better Care Fund"}, {"gp", "GP", "General Practitioner"}, {"caf", "CAF", "Common Assessment Framework"}}) {
        c.terms.push_back({});
        c.terms.back().id = id;
        c.terms.back().term = term;
        c.terms.back().expansion = exp;
    }
    c.terms[2].aliases = {"Better Care Fund"};
    return c;
}
std::vector<std::string> found(const jup::Content& c, const std::string& text) {
    std::vector<std::string> o;
    for (auto& m : jup::term_matches(jup::glossary_forms(c), text)) o.push_back(text.substr(m.pos, m.len));
    return o;
}
}  // namespace

TEST_CASE("a slash, curly quotes and apostrophes end a word; accented letters do not", "[glossary]") {
    jup::Content c = two_terms();
    CHECK(found(c, "HUH/CHCMH staff") == std::vector<std::string>{"HUH", "CHCMH"});
    CHECK(found(c, "the \xE2\x80\x9CGP\xE2\x80\x9D and the GP\xE2\x80\x99s list") == std::vector<std::string>{"GP", "GP"});
    CHECK(found(c, "CAF\xC3\xA9 and CAFs") == std::vector<std::string>{"CAF"});  // "CAFé" is another word
}

TEST_CASE("on each page the first use of a term links it, and the first use of each short form spells it out", "[glossary]") {
    jup::Content c = two_terms();
    auto forms = jup::glossary_forms(c);
    std::string text = "The Better Care Fund (BCF) pays for the BCF plan and HUH; BCF again.";
    jup::FirstUses page;
    std::vector<std::string> marks;
    for (auto& m : jup::term_matches(forms, text)) {
        auto k = page.mark(m, text);
        marks.push_back(text.substr(m.pos, m.len) + (k.link ? " link" : "") + (k.abbr ? " abbr" : ""));
    }
    CHECK(marks == std::vector<std::string>{"Better Care Fund link", "BCF abbr", "BCF", "HUH link abbr", "BCF"});
    jup::FirstUses next_page;
    auto m = jup::term_matches(forms, "BCF")[0];
    auto k = next_page.mark(m, "BCF");
    CHECK((k.link && k.abbr));
}
