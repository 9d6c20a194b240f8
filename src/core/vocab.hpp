// The app's fixed vocabularies, one table each: the id used in the data, the label people see,
// what it means in plain words, and whether it warns. The validator, the canvas views and the
// text edition all read these tables, so a label or a meaning is written once.
//
//   const vocab::Entry* e = vocab::flag_kind("contradicted");
//   e->label    "Contradicted"
//   e->meaning  "the source states a different value elsewhere"
//   e->warning  true   (shown as "!" in orange; a note is "i" in purple)
#pragma once
#include <string>
#include <vector>

namespace jup::vocab {

struct Entry {
    const char* id;
    const char* label;    // short, for a chip or a column
    const char* meaning;  // a plain-English sentence or clause
    bool warning;         // the source is wrong or disagrees with itself: draw attention
};

// Editors' notes on an item: derived, inferred, contradicted, source-error, does-not-reconcile,
// garbled, outside-knowledge, not-named.
const std::vector<Entry>& flag_kinds();
const Entry* flag_kind(const std::string& id);  // null if unknown
const char* flag_label(const std::string& id);  // "Note" if unknown
bool flag_warns(const std::string& id);

// How a budget line is held: pooled, aligned, in-collaboration, capital; "not-stated" otherwise.
const std::vector<Entry>& fund_types();
const Entry* fund_type(const std::string& id);   // null if unknown ("not-stated" is known: it is shown)
const char* fund_label(const std::string& id);    // "Fund type not stated" if unknown
const char* fund_meaning(const std::string& id);  // "Pooled: put into one shared budget ..."

// What a case study is (case-study, example-2018, programme, case) and what a document is
// (report, board-paper, briefing, meeting-pack, update).
const std::vector<Entry>& case_kinds();
const std::vector<Entry>& document_kinds();
const Entry* kind(const std::string& id);  // either list; null if unknown
bool is_case_kind(const std::string& id);
const char* kind_label(const std::string& id);  // "" if unknown

}  // namespace jup::vocab
