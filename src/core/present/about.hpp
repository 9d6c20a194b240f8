// Sources & About: what the app is, its documents and its licences, as the canvas's Sources
// view and the text edition's About page both show them.
#pragma once
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/geo.hpp"

namespace jup::present {

// One entry under "Licences and attribution".
struct Credit {
    std::string what;                  // "London boundaries", "Typeface", "Software"
    std::string text;                  // what it is and where it comes from
    std::string licence;               // e.g. "Open Government Licence v3.0"
    std::string licence_url;           // empty when the licence has no page to link
    std::vector<std::string> notices;  // lines that must be shown word for word
};

// The boundaries' credit comes from the boundary file itself (source, licence, attribution);
// without one (null: not loaded) it is left out rather than guessed.
std::vector<Credit> credits(const geo::Geo* geo);

// "Joined-Up puts ... in your hands": the about paragraph, counting the pack's own documents.
std::string about_text(const Content& c);

// A document's date as shown beside its title: "2021-06-01", or "2021-06-01, inferred".
std::string document_date(const Document& d);

}  // namespace jup::present
