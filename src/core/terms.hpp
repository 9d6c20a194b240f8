// Finding glossary terms in running text, for the canvas chips and the text edition's <abbr> links.
// Only acronyms and short forms count (a form with a capital letter, two or more bytes): a
// lower-case everyday word such as "place" is not jargon here. A form matches as a whole word,
// and also with a plural "s" ("ICSs").
//
//   auto forms = glossary_forms(content);            // once per content load: longest first
//   for (auto& m : term_matches(forms, text)) ...    // {pos, len, term}, left to right, no overlaps
//   terms_in(content, text)                          // each term whose form appears, in glossary order
//   FirstUses page; page.mark(match, text)           // the text edition's first use on a page
#pragma once
#include <set>
#include <string>
#include <vector>

#include "core/content.hpp"

namespace jup {

struct TermForm {
    std::string text;  // the term or one of its aliases
    const Term* term;
};

struct TermMatch {
    size_t pos, len;
    const Term* term;
};

std::vector<TermForm> glossary_forms(const Content& c);
std::vector<TermMatch> term_matches(const std::vector<TermForm>& forms, const std::string& text);
std::vector<const Term*> terms_in(const Content& c, const std::string& text);

// What to mark on one page, match by match in reading order: the first use of a term links to
// the glossary, and the first use of each of its forms that is not its expansion ("NCL", later
// "ICSs") is an <abbr> with the expansion, so a reader meets every acronym spelt out once a page.
struct FirstUses {
    struct Mark {
        bool link = false, abbr = false;
    };
    Mark mark(const TermMatch& m, const std::string& text);

private:
    std::set<std::string> linked_, abbreviated_;  // term ids; term id + "\n" + form
};

}  // namespace jup
