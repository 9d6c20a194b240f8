// The text edition's answer module (text/answer-core.js + .wasm): src/core compiled alone, no
// SDL, ImGui or GL. Each export hands its text to jup::AnswerModule, which never throws, and
// returns a JSON object as text, valid until the next call (web/text/answer.js copies it).
#include <emscripten.h>

#include <string>

#include "core/answer_module.hpp"

namespace {
jup::AnswerModule module;
std::string result;
const char* give(std::string s) {
    result = std::move(s);
    return result.c_str();
}
std::string str(const char* p) { return p ? p : ""; }
}  // namespace

extern "C" {
EMSCRIPTEN_KEEPALIVE const char* jup_load(const char* files) { return give(module.load(str(files))); }
EMSCRIPTEN_KEEPALIVE const char* jup_open(const char* stored, double now_ms) { return give(module.open(str(stored), now_ms)); }
EMSCRIPTEN_KEEPALIVE const char* jup_apply(const char* action) { return give(module.apply(str(action))); }
EMSCRIPTEN_KEEPALIVE const char* jup_board(const char* id) { return give(module.board(str(id))); }
EMSCRIPTEN_KEEPALIVE const char* jup_other_tab(const char* stored) { return give(module.other_tab(str(stored))); }
EMSCRIPTEN_KEEPALIVE const char* jup_export(const char* iso_now) { return give(module.export_file(str(iso_now))); }
EMSCRIPTEN_KEEPALIVE const char* jup_import(const char* name, const char* text) { return give(module.import_file(str(name), str(text))); }
EMSCRIPTEN_KEEPALIVE const char* jup_share(const char* page_url) { return give(module.share(str(page_url))); }
EMSCRIPTEN_KEEPALIVE const char* jup_check_share(const char* fragment) { return give(module.check_share(str(fragment))); }
EMSCRIPTEN_KEEPALIVE const char* jup_open_share(const char* fragment, int keep) { return give(module.open_share(str(fragment), keep != 0)); }
EMSCRIPTEN_KEEPALIVE const char* jup_state() { return give(module.state()); }
}
