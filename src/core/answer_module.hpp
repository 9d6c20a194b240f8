// The text edition's answers, through the same core as the canvas app: built alone (no SDL, no
// ImGui) as text/answer-core.wasm, whose C exports (src/headless/exports.cpp) call these. The
// page script (web/text/answer.js) keeps browser storage and the form controls; everything that
// decides (apply, the board page's wording and rules, the files and links) is here.
//
// Every call takes and returns text, a JSON object for the result, and never throws:
//   m.load(R"([{"path": "boards.json", "text": "..."}, ...])")  -> {"ok": true, "errors": []}
//   m.open(localStorage["joinedup.session"] or "", Date.now()) -> {"notice", "backup_key", "save"}
//   m.apply(R"({"type": "rate_barrier", "barrier": "pounds-b1", "rating": 2})")
//                                                              -> {"ok", "error", "warnings", "save"}
//   m.board("pounds")                                          -> the board page's controls and their actions
// "save" is the session text to write under "joinedup.session", or null when it has not changed.
#pragma once
#include <string>

#include "core/content.hpp"
#include "core/state.hpp"

namespace jup {

class AnswerModule {
  public:
    std::string load(const std::string& files_json);  // the content pack, as [{"path", "text"}]
    std::string open(const std::string& stored, double now_ms);
    std::string apply(const std::string& action_json);
    std::string board(const std::string& id);
    // Another tab wrote `stored` (the storage event): {"changed", "notice", "save"}.
    std::string other_tab(const std::string& stored);
    std::string export_file(const std::string& iso_now);  // {"name", "text"}: the app's answers file
    std::string import_file(const std::string& name, const std::string& text);  // {"ok", "notice", "save"}
    // A share link to `page_url` (the app's address, no fragment): {"url", "dropped_text"}.
    std::string share(const std::string& page_url);
    std::string check_share(const std::string& fragment);  // {"error", "question"}, as check_share
    // Opens a share link (the action open_share): {"ok", "notice", "save"}.
    std::string open_share(const std::string& fragment, bool keep_answers);
    std::string state();                                   // the session, as the app's state()

  private:
    template <class F> std::string guarded(const char* where, F&& f);
    std::string save();  // the session text if it changed since last given out, else ""
    LoadResult content_;
    bool loaded_ = false;
    State state_;
    std::string saved_;
};

}  // namespace jup
