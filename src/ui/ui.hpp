// The views: each draws from core's Content and State with Dear ImGui and emits Actions:
// state actions and platform requests, all listed in docs/actions.md (core/actions.hpp).
// No view changes State itself.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/content.hpp"
#include "core/format.hpp"
#include "core/geo.hpp"
#include "core/qr.hpp"
#include "core/search.hpp"
#include "core/state.hpp"
#include "ui/map_ui.hpp"
#include "ui/draft.hpp"
#include "ui/pound_ui.hpp"
#include "ui/reader_ui.hpp"

struct ImFont;

namespace ui {

struct Fonts {
    ImFont* body = nullptr;
    ImFont* heading = nullptr;  // 1.4x body
    ImFont* small = nullptr;    // 0.85x body
};

// What the platform tells the shell about sharing (filled by src/platform).
struct ShareView {
    bool open = false;           // the Share dialog
    std::string url;             // the link with the fragment
    bool dropped_text = false;   // notes were left out of the link
    bool qr_open = false;        // the full-screen QR code
    std::string qr_caption;
    jup::QrMatrix qr;
    std::string qr_error;
    std::string pending;         // a share link waiting for "replace your answers?"; describes it
};

// What the views keep between frames that is not the session: text being typed, owned by the
// shell (src/platform/main.cpp), so no view needs a static.
// The search panel: its query and the results of that query.
struct SearchUi {
    bool open = false, focus = false;
    std::string query;
    std::string searched = "\x01";  // the query `hits` answer (never typed, so the first frame searches)
    std::vector<jup::SearchHit> hits;
};

struct UiState {
    std::map<std::string, Draft> note_drafts;  // board id -> the note as typed
    Draft deprioritised_draft;
    std::string reason_draft;                        // a reason not to pool, before "Add reason"
    SearchUi search;
    std::string doc_scrolled_to;                     // "doc:line" the source reader last scrolled to
    MapUi map;                                       // the map's camera, transition and hover
    PoundUi pound;                                   // the Local pound's prepared page and typed reasons
    ReaderUi reader;                                 // the source reader's wrapped lines
    // Where a one-finger drag is the view's own (the map pans), in CSS px; elsewhere a drag
    // scrolls. Set by the view that draws it, each frame; cleared by the shell first.
    float touch_drag_area[4] = {0, 0, 0, 0};  // x, y, w, h
    std::string page_shown;  // view and board of the last frame: a new one opens at its top
};

struct Ctx {
    const jup::Content& content;
    const jup::State& state;
    const std::vector<jup::Issue>& issues;  // content problems to show, if any
    const std::string& notice;              // one-line message for people (saved session repaired, ...)
    Fonts fonts;
    std::vector<jup::Action>& out;          // actions this frame emits
    const jup::Tally* tally = nullptr;      // the room tally of state.tally_files, computed by the platform
    const jup::geo::Geo* geo = nullptr;     // London's boundaries (data/geo/london.json), or null if missing
    const std::string* geo_error = nullptr; // why the boundaries could not be loaded
    std::string pending_import;             // name of a file waiting for "replace your answers?", if any
    const ShareView* share = nullptr;
    bool reduced_motion = false;            // the browser asks for reduced motion: no animated transitions
    bool storage_ok = true;                 // false: this browser keeps nothing (blocked, private, full)
    UiState* ui = nullptr;                  // drafts; set by the shell every frame
    const jup::SearchIndex* search = nullptr; // of `content`, built by the shell when it loads
    bool touch = false;                     // a finger is the pointer: 44 px targets, drags scroll
    bool narrow = false;                    // a phone's width: one column, views in a bottom bar (draw_app sets it)

    void emit(const jup::Action& a) { out.push_back(a); }
    void emit(const char* type, nlohmann::json args = nlohmann::json::object()) { out.push_back(jup::make_action(type, std::move(args))); }
};

// touch: a finger is the pointer (coarse pointer or touch seen): 44 px tap targets.
void apply_style(bool light, float scale, bool touch);

void draw_app(Ctx& c);  // the shell: top bar, then the current view
void search_button(Ctx& c);  // top bar: opens the search panel (also Ctrl+F)
void search_panel(Ctx& c);   // the search box and its results, over the view

void draw_boards(Ctx& c);
void draw_pound(Ctx& c);
void draw_map(Ctx& c);
void draw_sources(Ctx& c);
void draw_tally(Ctx& c);
void draw_presenter(Ctx& c);

// Shared widgets (widgets.cpp)
void text_wrapped(const std::string& s);
std::string wrap_safe(const std::string& s);  // "..." as one ellipsis, so a wrap cannot split it
// A Selectable whose label wraps to the width available instead of running past it.
// `label` may carry an "##id"; returns true when chosen.
bool selectable_wrapped(const std::string& label, bool selected);
void heading(Ctx& c, const std::string& s);
void source_marker(Ctx& c, const jup::Source& s, const char* id_suffix);
void flag_marks(Ctx& c, const std::vector<jup::Flag>& flags, const char* id_suffix);
void item_block(Ctx& c, const jup::Item& it);  // label, verbatim text, flags, source, glossary terms
void term_chips(Ctx& c, const std::string& text, const char* id_suffix);  // acronyms in text, with definitions
// Under a text box: says when it holds more than the core keeps, or characters the font lacks.
void under_box(const std::string& text, size_t max);

// Left to right, starting a new line when the next item would not fit: rows of buttons, chips
// and choices that wrap on a phone instead of running past its edge. Call next(width) before
// each item; Flow{true} places the first one beside whatever came before, if it fits.
struct Flow {
    bool started = false;
    void next(float width);
};
float button_width(const char* label);  // a Button's width for this label ("##id" not counted)
float choice_width(const char* label);  // a RadioButton's or Checkbox's
bool flow_button(Flow& f, const char* label);

// What the last item is, for the test probe (Dear ImGui's test-engine log hook), where Dear
// ImGui's status flags cannot tell: item_kind("radio"); item_name(hint) names a text field whose
// label is only an "##id" by its hint or heading, as a person would.
void item_kind(const char* kind);
void item_name(const std::string& name);
bool radio(const char* label, bool active);  // ImGui::RadioButton, reported as "radio"

}  // namespace ui
