// The text agent, after egui's: while a Dear ImGui text field is active, a hidden <textarea>
// (web/text-agent.js) placed over it has the browser's focus, so that a phone opens its own
// keyboard and everything typed arrives as the browser's own input: IME composition, emoji,
// autocorrect, paste. The page sends ImGui the text and the editing keys (Backspace, Enter,
// arrows, Ctrl+A/C/X/Z); when the field is left, the textarea lets go and the keyboard closes.
// ImGui's copy and cut go to the system clipboard.
#pragma once
#include <string>

namespace text_agent {

void install();      // after ImGui::CreateContext and the backend: the clipboard
void after_frame();  // tell the page whether a text field is active, and where
void keep_in_view(); // after NewFrame: when the keyboard opens, the field being typed in stays visible
void text(const std::string& utf8);                            // from the page: typed text
void key(const std::string& name, bool ctrl, bool shift, bool alt);  // from the page: "Backspace", "Enter", "a" (with ctrl)...

}  // namespace text_agent
