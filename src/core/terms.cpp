#include "core/terms.hpp"

#include <algorithm>

namespace jup {

static bool word_char(char ch) { return std::isalnum((unsigned char)ch) || ch == '&' || ch == '/' || (unsigned char)ch >= 0x80; }

static bool is_jargon(const std::string& f) {
    return f.size() >= 2 && std::any_of(f.begin(), f.end(), [](char ch) { return ch >= 'A' && ch <= 'Z'; });
}

// `form` is at `pos` in `text` as a whole word (or with a plural "s").
static bool whole_word_at(const std::string& text, size_t pos, const std::string& form) {
    if (pos > 0 && word_char(text[pos - 1])) return false;
    if (text.compare(pos, form.size(), form) != 0) return false;
    size_t end = pos + form.size();
    return end >= text.size() || !word_char(text[end]) || (text[end] == 's' && (end + 1 >= text.size() || !word_char(text[end + 1])));
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
        if (i == 0 || !word_char(text[i - 1]))
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

}  // namespace jup
