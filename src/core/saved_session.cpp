#include "core/saved_session.hpp"

#include <chrono>
#include <random>
#include <unistd.h>

#include "core/json_in.hpp"

namespace jup {

std::string new_participant_id() {
    unsigned char b[8] = {};
    if (getentropy(b, sizeof b) != 0) {  // never expected; still two participants must not share an id
        std::random_device rd;
        unsigned long long t = (unsigned long long)std::chrono::steady_clock::now().time_since_epoch().count();
        for (int i = 0; i < 8; ++i) b[i] = (unsigned char)(rd() ^ (t >> (8 * i)));
    }
    static const char hex[] = "0123456789abcdef";
    std::string id = "p-";
    for (unsigned char c : b) id += hex[c >> 4], id += hex[c & 15];
    return id;
}

OpenedSession open_saved_session(const std::string& raw, long long now_ms) {
    OpenedSession o;
    if (raw.empty()) {
        o.state.participant = new_participant_id();
        return o;
    }
    State s;
    std::string err;
    if (!state_from_text(raw, s, err)) {
        // Never drop a participant's answers silently: the unreadable copy is kept aside.
        o.backup_key = std::string(kSessionKey) + ".unreadable." + std::to_string(now_ms);
        o.notice = "The saved session in this browser could not be read (localStorage \"" + std::string(kSessionKey) + "\": " + err +
                   "). It was kept as \"" + o.backup_key + "\" and a new session started.";
        o.state.participant = new_participant_id();
        return o;
    }
    if (!err.empty()) o.notice = "Parts of the saved session were not understood and were skipped: " + err;
    if (s.participant.empty()) s.participant = new_participant_id();
    o.state = std::move(s);
    o.saved = raw;
    return o;
}

const char* const kOtherTabNotice = "Your answers were changed in another tab of Joined-Up. This tab now shows them too.";

OtherTab take_other_tab(State& mine, const std::string& raw, std::string& saved) {
    if (raw.empty()) {
        saved.clear();  // cleared elsewhere: keep what this tab holds
        return OtherTab::Cleared;
    }
    if (raw == saved) return OtherTab::Same;
    State other;
    std::string err;
    if (!state_from_text(raw, other, err)) return OtherTab::Unreadable;  // the writer reports its own problems
    bool changed = adopt_other_tab(mine, other);
    saved = raw;  // not written back: the other tab's copy is the newest
    return changed ? OtherTab::Changed : OtherTab::Adopted;
}

std::string answers_file_name(const State& s) {
    std::string pid = s.participant.size() > 6 ? s.participant.substr(2, 6) : "answers";
    return "joinedup-answers-" + pid + "-r" + std::to_string(s.revision) + ".json";
}

std::string import_notice(const std::string& name, const ApplyResult& r) {
    if (!r.ok) return r.error;
    std::string n = "Answers from \"" + name + "\" are now in this browser.";
    if (!r.warnings.empty())
        n += " Parts of it were not understood and were skipped: " + r.warnings.front() +
             (r.warnings.size() > 1 ? " (and " + std::to_string(r.warnings.size() - 1) + " more)" : "");
    return n;
}

std::string share_notice(const ApplyResult& r) {
    if (!r.ok) return r.error;
    if (!r.warnings.empty()) return "Parts of the shared link were not understood and were skipped: " + r.warnings.front();
    return "";
}

}  // namespace jup
