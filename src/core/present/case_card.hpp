// What a case study's card shows, prepared once for both editions: the map's card
// (src/ui/map_card.cpp) lays it out with Dear ImGui, the text edition's case-studies page
// (tools/text-edition.cpp) writes it as HTML. Wordings, names and the figures' bars live here.
//
//   CaseCard k = case_card(content, *content.case_study("cs6"));
//   k.heading            "CS6: ..."
//   k.meta               "Case study (2021 report), 2021 (document 000)"
//   k.places[0].name     "North Central London (integrated care system)"
//   k.figures[0].bars    a before and an after bar on a common scale, or none (show `compact`)
#pragma once
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/state.hpp"

namespace jup::present {

struct PlaceName {
    std::string id, name;  // name: the place's or the ICS's ("... (integrated care system)"); the id if unknown
    bool known = false;
};

struct ThemeLine {
    const CaseTheme* theme = nullptr;
    std::string p;      // the board's P ("Pounds"); the board id if unknown
    std::string title;  // the board's title
    std::string basis;  // "the source ties it to this P" | "the editors' reading" | ""
    Action open;        // opens the board
};

struct Bar {
    double value = 0, max = 0;  // drawn as value / max of the bar's length
    bool baseline = false;      // the "before" bar
    std::string text;           // "before: 12%"
};

struct FigureLine {
    const Metric* metric = nullptr;
    std::string line;     // label, date and any source it cites
    std::string value, baseline;  // as the source prints them (fmt::amount); "" when none
    std::string compact;  // the value in short, when there are no bars; "" when none
    std::string missing;  // "No figure given in the source." when there is no value
    std::vector<Bar> bars;
};

struct LinkedBoard {
    std::string id, title;
    Action open;
};

struct CaseCard {
    const CaseStudy* cs = nullptr;
    std::string heading;  // "CS6: title", or the title
    std::string kind;     // the kind's label ("An individual's story")
    std::string meta;     // "<kind>, <year> (document <doc>)"
    std::string scale;    // "Integrated care system", "Borough", ...; "" when not given
    std::string doc_title;
    std::vector<PlaceName> places;
    std::string places_line, partners_line, themes_line;  // "Places: ...", "Partners: ...", "Themes (the Ps): ..."; "" when none
    std::vector<ThemeLine> themes;
    std::vector<FigureLine> figures;
    bool any_baseline = false, any_date = false, any_cited = false;
    std::vector<LinkedBoard> boards;
    std::string source_title;  // the document the case study starts in
    Action read_source;        // shows it at its first line
    Action close;
};

CaseCard case_card(const Content& c, const CaseStudy& cs);
PlaceName place_name(const Content& c, const std::string& id);  // an ICS, a place, or the id itself
std::string case_heading(const CaseStudy& cs);  // "CS6: title", or the title
std::string case_studies_intro();               // the case-studies page's lead sentence

}  // namespace jup::present
