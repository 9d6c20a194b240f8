// What the case-study map shows, prepared in core so the view (src/ui/map_view.cpp) only lays it
// out: the controls and filter chips with their counts, the markers on each area and ICS, the
// London-wide strip, the side panel (list, place or card), the marker key, the attribution and
// the schematic close-up. Every control carries the action it emits, applied by jup::apply.
//
//   MapPage pg = map_page(content, state, geo);
//   pg.era[0].label              "2018 (3)"
//   pg.markers[i]                the markers on one area ("E09000007") or one whole ICS
//   pg.areas[k].tip              "Camden (NCL). 1 case study here. Click to select."  (geo.areas[k])
//   pg.close_up->spots[j]        a place on the schematic, at the editors' (flagged) position
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/geo.hpp"
#include "core/map_layout.hpp"
#include "core/present/case_card.hpp"
#include "core/state.hpp"

namespace jup::present {

// How a marker is drawn: the report's case studies dark, programmes (and case L) plum, the 2018
// examples white.
enum class MarkerStyle { CaseStudy, Programme, Example };

struct Chip {
    std::string key;    // stable, for widget ids
    std::string label;  // "2018 (3)"
    bool on = false;
    Action act;
    std::string tip;    // may be empty
    int palette = -1;   // an ICS's colour: its place in places.json "icss"; -1: none
};

struct Facet {
    std::string title;  // "Themes (the Ps):"
    std::vector<Chip> chips;
};

struct MapMarker {
    const CaseStudy* cs = nullptr;
    std::string code;  // "CS5"; on a whole ICS "CS6 all NCL"
    MarkerStyle style = MarkerStyle::CaseStudy;
    bool selected = false;
    std::string tip;   // "CS5: title\nCase study (2021 report). Click to open."
    Action open;
};

struct MarkerSet {
    map::Level level = map::Level::Area;  // Area or Ics
    std::string where;                    // the area code or ICS id
    std::vector<MapMarker> markers;
};

struct CaseRow {
    const CaseStudy* cs = nullptr;
    std::string code, title, label;  // label: "CS5  title" (a place panel adds " (whole ICS)")
    bool selected = false;
    Action open;
};

struct CaseGroup {
    std::string key, title;  // "London-wide", or an ICS's name
    std::vector<CaseRow> rows;
};

struct AreaView {  // one per geo area, in the same order
    std::string code, name;
    std::string tile_name;  // shorter where tiles are small: "Kingston" for "Kingston upon Thames"
    int palette = -1;       // its ICS's colour; -1 unknown
    bool dim = false;       // outside the chosen ICSs
    std::string tip;        // "Hackney (NEL). 3 case studies here. Click to select."
};

struct LegendEntry {
    std::string code;  // "CS", "E", "P", "L"
    MarkerStyle style = MarkerStyle::CaseStudy;
    std::string label;  // the kind's label
};

struct PlacePanel {
    const Place* place = nullptr;
    std::string heading, part_of;  // "Part of North East London integrated care system (NEL)."
    std::string rows_title, empty;
    std::vector<CaseRow> rows;
    Action close;
};

enum class SpotShape { Neighbourhood, Hospital, Site, Area };

struct SpotView {
    const Place* place = nullptr;
    double x = 0, y = 0;  // in the unit box, y down
    SpotShape shape = SpotShape::Site;
    std::string name;     // "(not named)" for a neighbourhood the source does not name
    std::string tip;
    bool selected = false;
    Action select;
};

struct CloseUpMarker {
    std::string code;  // "L"
    double x = 0, y = 0;  // the spot it sits by
    std::string tip;
    Action open;
};

struct CloseUpLink {
    std::string label;  // "Open the Pathway programme"
    Action open;
};

struct CloseUpView {
    const CloseUp* close_up = nullptr;
    std::string title;
    const Item* intro = nullptr;
    const std::vector<Flag>* flags = nullptr;
    int palette = -1;  // the enlarged area's ICS colour
    std::vector<SpotView> spots;
    std::vector<CloseUpMarker> markers;
    std::string key;   // what the shapes and markers mean
    std::string figures_title;         // "The Neighbourhoods programme"; "" when none
    std::vector<std::string> figures;  // "Neighbourhoods across City and Hackney: 8"
    std::vector<CloseUpLink> links;
    Chip toggle;       // opens and closes it
    Action close;
};

struct MapPage {
    std::string heading;
    std::string layout_title, era_title;
    std::vector<Chip> layout;  // boundaries, tiles
    std::vector<Chip> era;     // then, all, now
    std::optional<CloseUpView> close_up;  // the pack's first close-up, if it has one
    bool close_up_open = false;
    std::vector<Facet> facets;  // themes, ICSs, kinds
    std::string showing;        // "Showing 5 of 13"
    bool can_clear = false;
    Action clear;
    std::string london_title, london_empty;
    std::vector<CaseRow> london;  // the London-wide strip
    std::vector<MarkerSet> markers;
    std::vector<AreaView> areas;
    int selected_area = -1;  // into areas
    std::string legend_title;
    std::vector<LegendEntry> legend;
    std::string attribution;  // the boundaries' attribution lines, as one sentence each
    std::string no_geo;       // why there is no map, when the boundaries are missing
    // The side panel shows one of: the selected case study's card, the selected place, the list.
    std::optional<CaseCard> card;
    std::optional<PlacePanel> place;
    std::vector<CaseGroup> list;
    std::string list_empty;
};

// `g` may be null (boundaries missing); `geo_error` says why.
MapPage map_page(const Content& c, const State& s, const geo::Geo* g, const std::string& geo_error = "");

// A case study's marker code: its "CS" ref, a case's ref ("L"), else E1, E2 ... for the 2018
// examples and P1, P2 ... for the programmes, in file order.
std::string marker_code(const Content& c, const CaseStudy& cs);

}  // namespace jup::present
