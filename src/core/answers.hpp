// A participant's answers to the boards, their export file, and the facilitator's tally of
// many export files. Plain data and functions; the session (state.hpp) holds one Answers.
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/content.hpp"

namespace jup {

constexpr int kMaxPriorities = 3;
constexpr size_t kMaxNoteBytes = 20000;
constexpr size_t kMaxExceptions = 20;
constexpr size_t kMaxExceptionBytes = 1000;
constexpr size_t kMaxIdBytes = 1000;  // an item id or option id read from a file
// Revisions count changes. Files may carry any value up to this; counting stops there rather
// than overflow (no one makes two billion changes; a crafted file might claim to).
constexpr int kMaxRevision = 1999999999;
inline void bump_revision(int& r) { r = r < 0 ? 1 : r < kMaxRevision ? r + 1 : kMaxRevision; }

struct Answers {
    std::map<std::string, int> ratings;          // barrier id -> 0..3 ("How much does this hold us back here?")
    std::set<std::string> enablers;              // backed enabler ids
    std::set<std::string> commitments;           // commitments the participant would sign up to
    std::map<std::string, std::string> notes;    // board id -> free text
    std::set<std::string> priorities;            // Priorities board option ids, at most 3
    std::string deprioritised;                   // what is de-prioritised for the next year (P2.3)
    std::string pool_choice;                     // Pounds board option id
    std::vector<std::string> pool_exceptions;    // "compelling reason not to" pool, in the participant's words

    bool empty() const;
};

// Seed 000 P2.3: a choice of priorities counts only once the participant has said what
// will be de-prioritised for the next year.
bool priorities_count(const Answers& a);

// Which board each item belongs to, for reports.
const Board* board_of_item(const Content& c, const std::string& item_id);

nlohmann::json answers_to_json(const Answers& a);
// Reads answers; problems are appended to `problems` as "<pointer>: <message>" and the bad
// parts skipped. Ids unknown to `content` are kept (another content version may know them).
Answers answers_from_json(const nlohmann::json& j, const std::string& ptr, std::vector<std::string>& problems);

// The export file a participant downloads and a facilitator imports.
struct ExportFile {
    std::string participant;
    int revision = 0;
    std::string exported_at;  // ISO 8601, from the browser
    Answers answers;
    nlohmann::json pound = nlohmann::json::object();  // the local-pound what-if, as pound_to_json
};
constexpr int kExportVersion = 1;
nlohmann::json export_to_json(const ExportFile& f);
// Fails (returns false) when the file is not a Joined-Up export at all; otherwise fills `out`
// and lists any skipped parts in `problems`.
bool export_from_json(const nlohmann::json& j, ExportFile& out, std::vector<std::string>& problems);

// ---- the room tally -------------------------------------------------------------------

struct TallyInput {
    std::string name;  // file name, for messages
    std::string text;
};

struct RatingStat {
    int n = 0;
    int counts[4] = {0, 0, 0, 0};
    double mean = 0, sd = 0;  // population standard deviation
};

struct Tally {
    int files = 0;                       // files given
    int counted = 0;                     // participants counted
    std::vector<std::string> skipped;    // "<file>: <pointer>: <why>" for malformed files
    std::vector<std::string> warnings;   // parts of files skipped
    std::vector<std::string> duplicates; // "<file>: same participant and revision as <file>"
    std::map<std::string, RatingStat> ratings;
    std::map<std::string, int> enablers, commitments, priorities, pool_choices;
    int priorities_not_counted = 0;      // participants who chose priorities but named nothing to de-prioritise
    std::vector<std::pair<std::string, std::string>> deprioritised;  // participant, text
    std::map<std::string, std::vector<std::string>> notes;           // board id -> texts
    std::vector<std::string> pool_exceptions;
};

constexpr size_t kMaxTallyFileBytes = 2u << 20;

Tally tally(const std::vector<TallyInput>& files);

// The tally's files as the facilitator's browser keeps them between reloads:
// {"format": "joinedup-tally-files", "version": 1, "files": [{"name", "text"}]}.
nlohmann::json tally_files_to_json(const std::vector<TallyInput>& files);
// Reads that back; a damaged entry is skipped and listed in `problems` ("<pointer>: <why>").
// Fails only when `text` is not such a list at all.
bool tally_files_from_text(const std::string& text, std::vector<TallyInput>& out, std::vector<std::string>& problems);
std::string tally_csv(const Tally& t, const Content& c);
nlohmann::json tally_json(const Tally& t);

}  // namespace jup
