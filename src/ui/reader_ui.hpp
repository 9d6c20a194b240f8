// What the Sources & About reader keeps between frames (held by ui::UiState::reader): where
// each line of the open document starts when wrapped to the reader's width, so a 3,000-line
// document wraps like a page and only the lines on screen are drawn.
#pragma once
#include <vector>

namespace jup {
struct Document;
}

namespace ui {

struct ReaderUi {
    const jup::Document* doc = nullptr;  // the document laid out
    float width = 0, font = 0;           // for this wrap width and font size
    std::vector<float> tops;             // tops[i]: line i's top; tops.back(): the whole height
};

}  // namespace ui
