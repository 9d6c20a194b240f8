#include "core/terms.hpp"

#include <algorithm>
#include <cctype>

namespace jup {

// Letters, digits and "&" make words; so do non-ASCII letters ("é"). "/" does not ("HUH/CHCMH"
// names two organisations), nor do curly quotes, dashes and the no-break space ("“GP”", "ICS’s").
static bool word_char(char ch) { return std::isalnum((unsigned char)ch) || ch == '&'; }

static bool punctuation(unsigned cp) { return cp == 0xA0 || cp == 0xAB || cp == 0xBB || (cp >= 0x2000 && cp <= 0x206F); }

// The UTF-8 sequence starting at `i` is a word character (a lead byte; a broken sequence counts as one).
static bool word_at(const std::string& t, size_t i) {
    unsigned char b = (unsigned char)t[i];
    if (b < 0x80) return word_char((char)b);
    unsigned cp = 0;
    int n = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : b >= 0xC0 ? 1 : 0;
    cp = b & (0x3F >> n);
    for (int k = 1; k <= n; ++k) {
        if (i + k >= t.size() || ((unsigned char)t[i + k] & 0xC0) != 0x80) return true;
        cp = (cp << 6) | ((unsigned char)t[i + k] & 0x3F);
    }
    return !punctuation(cp);
}

// A word character ends just before `pos`.
static bool word_before(const std::string& t, size_t pos) {
    if (pos == 0) return false;
    size_t i = pos - 1;
    for (int k = 0; k < 3 && i > 0 && ((unsigned char)t[i] & 0xC0) == 0x80; ++k) --i;
    return word_at(t, i);
}

static bool word_after(const std::string& t, size_t pos) { return pos < t.size() && word_at(t, pos); }

static bool is_jargon(const std::string& f) {
    return f.size() >= 2 && std::any_of(f.begin(), f.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// `form` is at `pos` in `text` as a whole word (or with a plural "s").
static bool whole_word_at(const std::string& text, size_t pos, const std::string& form) {
    if (word_before(text, pos)) return false;
    if (text.compare(pos, form.size(), form) != 0) return false;
    size_t end = pos + form.size();
    return !word_after(text, end) || (text[end] == 's' && !word_after(text, end + 1));
}

std::vector<TermForm> glossary_forms(const Content& c) {
    std::vector<TermForm> out;
    for (auto& t : c.terms) {
        if (is_jargon(t.term)) out.push_back({t.term, &t});
        for (auto& a : t.aliases)
            if (is_jargon(a)) out.push_back({a, &t});
    }
    std::stable_sort(out.begin(), out.end(), [](const TermForm& a, const TermForm& b) { return a.text.size() > b.text.size(); });
    return out;
}

std::vector<TermMatch> term_matches(const std::vector<TermForm>& forms, const std::string& text) {
    std::vector<TermMatch> out;
    for (size_t i = 0; i < text.size();) {
        const TermForm* hit = nullptr;
        if (!word_before(text, i))
            for (auto& f : forms)
                if (whole_word_at(text, i, f.text)) {
                    hit = &f;
                    break;
                }
        if (!hit) {
            ++i;
            continue;
        }
        out.push_back({i, hit->text.size(), hit->term});
        i += hit->text.size();
    }
    return out;
}

std::vector<const Term*> terms_in(const Content& c, const std::string& text) {
    std::vector<const Term*> out;
    for (auto& t : c.terms) {
        std::vector<const std::string*> forms{&t.term};
        for (auto& a : t.aliases) forms.push_back(&a);
        bool hit = false;
        for (const std::string* f : forms) {
            if (!is_jargon(*f)) continue;
            for (size_t pos = text.find(*f); pos != std::string::npos && !hit; pos = text.find(*f, pos + 1)) hit = whole_word_at(text, pos, *f);
            if (hit) break;
        }
        if (hit) out.push_back(&t);
    }
    return out;
}

static std::string lower(std::string s) {
    for (char& ch : s) ch = (char)std::tolower((unsigned char)ch);
    return s;
}

FirstUses::Mark FirstUses::mark(const TermMatch& m, const std::string& text) {
    Mark k;
    const Term& t = *m.term;
    std::string form = text.substr(m.pos, m.len);
    k.link = linked_.insert(t.id).second;
    if (!t.expansion.empty() && lower(t.expansion) != lower(form)) k.abbr = abbreviated_.insert(t.id + "\n" + form).second;
    return k;
}

}  // namespace jup
