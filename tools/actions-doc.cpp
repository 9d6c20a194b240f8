// Writes docs/actions.md from the action tables (src/core/actions.hpp):
//   build-native/joinedup-actions-doc > docs/actions.md
// tests/unit/test_actions.cpp fails when the file and the tables disagree.
#include <cstdio>
#include <string>

#include "core/actions.hpp"
#include "core/state.hpp"

static void table(const jup::ActionModule& m) {
    std::printf("\n## %s (%s)\n\n| action | arguments | what it does |\n|---|---|---|\n", m.title, m.source);
    for (const jup::ActionSpec& a : m) std::printf("| `%s` | %s | %s |\n", a.name, jup::args_doc(a).c_str(), a.doc);
}

int main() {
    std::printf(
        "# Actions\n\n"
        "Everything that changes the session is an action: a JSON object with a `\"type\"` and its\n"
        "arguments, such as `{\"type\": \"set_view\", \"view\": \"map\"}`. The views emit them, and the\n"
        "test hook's `window.joinedup.dispatch(action)` takes the same ones. State actions go to\n"
        "`apply()` in src/core/state.cpp, which looks the type up in the tables below; platform\n"
        "requests are handled by src/platform/main.cpp itself and change no state of their own.\n\n"
        "Arguments not listed are ignored. An unknown type is refused as `unknown action \"<type>\"`,\n"
        "a missing argument as `set_view needs \"view\": <what to give>`, an argument of the wrong type\n"
        "as `set_text_scale: /scale: expected a number, got text`; a refused action changes nothing.\n"
        "\"An answer\" marks the actions that change the participant's answers (and so their revision).\n\n"
        "This file is written from the tables by `joinedup-actions-doc > docs/actions.md`\n"
        "(tools/actions-doc.cpp); a unit test fails when the two disagree.\n");
    for (const jup::ActionModule* m : jup::all_actions()) table(*m);
    table(jup::platform_requests());
    return 0;
}
