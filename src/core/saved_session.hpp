// The session a browser keeps in localStorage, read and written the same way by both editions:
// the canvas app (src/platform/main.cpp) and the text edition's answer module
// (src/core/answer_module.*, built as text/answer-core.wasm). Both keep the same key, so answers
// given in one are in the other after a reload, and a tab that sees another's write adopts it.
#pragma once
#include <string>

#include "core/state.hpp"

namespace jup {

constexpr const char* kSessionKey = "joinedup.session";
constexpr const char* kTallyKey = "joinedup.tally";

// "p-" and 16 hex digits from the system's randomness (the browser's crypto in wasm). Random,
// not personal: it tells a room's answers files apart.
std::string new_participant_id();

// The session kept in storage, read at start. `raw` is what kSessionKey holds ("" for nothing).
struct OpenedSession {
    State state;
    std::string saved;       // the stored text that state came from ("" when state must be written)
    std::string backup_key;  // not "": the stored text is unreadable; keep it under this key before writing
    std::string notice;      // a sentence for people, or ""
};
OpenedSession open_saved_session(const std::string& raw, long long now_ms);

// Another tab wrote `raw` under kSessionKey (the "storage" event). `saved` is what this tab last
// wrote or read; it is updated. Cleared: storage was emptied, this tab should write its own copy.
enum class OtherTab { Same, Unreadable, Cleared, Adopted, Changed };
OtherTab take_other_tab(State& mine, const std::string& raw, std::string& saved);
extern const char* const kOtherTabNotice;  // said (once) when another tab changed the answers

// The file a participant saves: "joinedup-answers-<6 of the id>-r<revision>.json".
std::string answers_file_name(const State& s);
// What to say after an answers file (`name`) was imported with this result.
std::string import_notice(const std::string& name, const ApplyResult& r);
// What to say after a share link was opened with this result ("" when all went well).
std::string share_notice(const ApplyResult& r);

}  // namespace jup
