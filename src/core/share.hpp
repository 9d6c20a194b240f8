// Share links: the current view and the participant's choices in a URL fragment (never sent
// to a server). "#s1.<checksum>.<base64url JSON>". Decoding refuses a tampered, truncated or
// oversized fragment with a message and never throws.
#pragma once
#include <string>
#include <vector>

#include "core/state.hpp"

namespace jup {

constexpr size_t kMaxShareFragment = 4096;  // longer fragments are refused unread
constexpr size_t kShareQrLimit = 2000;      // above this, free text is left out so a QR code stays scannable

struct ShareEncoded {
    std::string fragment;  // without the leading '#'
    bool dropped_text = false;  // notes and written reasons were left out to keep it short
};

ShareEncoded encode_share(const State& s);

struct ShareDecoded {
    View view = View::Boards;
    std::string board, case_study;
    bool has_answers = false;
    Answers answers;
    std::vector<std::string> warnings;  // parts skipped, as "<pointer>: <why>"
};

// Returns false with `error` (a sentence for people) for anything that is not an intact share link.
bool decode_share(const std::string& fragment, ShareDecoded& out, std::string& error);

// Opening a link (the action open_share): its view, and its board and case study when this
// content has them; its answers replace this browser's (bumping revision) unless keep_answers.
// A link that cannot be decoded changes nothing and fails with a sentence for people; parts
// skipped are the result's warnings.
ApplyResult open_share(State& s, const std::string& fragment, bool keep_answers, const Content& c);

// Before opening a link: `error` when it would be refused (as open_share says it), else
// `question` when it would replace answers this browser holds that differ, so the platform
// asks first ("This link holds someone's choices (3 barrier ratings, 1 commitments).").
struct ShareCheck {
    std::string error, question;
};
ShareCheck check_share(const State& s, const std::string& fragment);

std::string base64url_encode(const std::string& bytes);
bool base64url_decode(const std::string& text, std::string& bytes);
unsigned crc32(const std::string& bytes);

}  // namespace jup
