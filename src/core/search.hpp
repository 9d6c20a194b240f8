// Free-text search over the content pack: boards and their items, case studies, places, the
// glossary and the source documents' lines. Case-insensitive; every word of the query must occur.
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

struct SearchHit {
    std::string kind;     // "board", "board item", "case study", "place", "glossary", "source"
    std::string title;    // what the result is called
    std::string snippet;  // the matching text, cut around the first match
    int score = 0;        // higher first: title matches beat body matches
    nlohmann::json actions = nlohmann::json::array();  // what opening it dispatches, in order
};

// Lower-case ASCII, curly quotes and dashes folded, so "cant" does not match but "can't" and
// "can’t" do; used for the query and the texts alike.
std::string fold(const std::string& s);

// Everything searchable, folded once: build it when the content loads, search it per keystroke.
struct SearchIndex {
    struct Entry {
        std::string kind, title, body, shown, ftitle, fbody;
        int weight = 0;
        nlohmann::json actions;
    };
    std::vector<Entry> entries;
};
SearchIndex build_search_index(const Content& c);

std::vector<SearchHit> search(const SearchIndex& ix, const std::string& query, size_t limit = 40);
std::vector<SearchHit> search(const Content& c, const std::string& query, size_t limit = 40);  // builds the index each time

}  // namespace jup
