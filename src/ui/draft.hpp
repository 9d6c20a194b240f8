// Text being typed into an answer box, kept by the shell between frames (ui::UiState).
#pragma once
#include <string>

namespace ui {

struct Draft {
    std::string text;    // what the box shows
    std::string synced;  // the saved answer `text` was last taken from
};

}  // namespace ui
